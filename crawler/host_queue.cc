#include "crawler/host_queue.h"

#include <algorithm>

namespace newsmine::crawler {

void HostQueue::Push(QueuedUrl item, bool front) {
  Host& h = hosts_[item.host];
  active_.insert(item.host);
  if (front) h.items.push_front(std::move(item));
  else h.items.push_back(std::move(item));
  ++size_;
}

bool HostQueue::Ready(const Host& h, Clock::time_point now) const {
  if (h.items.empty() || h.in_flight >= policy_.max_in_flight || now < h.next_start) return false;
  return h.open || h.items.front().robots;
}

std::optional<QueuedUrl> HostQueue::Pop(Clock::time_point now) {
  if (active_.empty()) return std::nullopt;
  // Round-robin: start after the host served last, so one big site does
  // not starve the others.
  auto start = active_.upper_bound(last_);
  for (size_t n = 0; n < active_.size(); ++n, ++start) {
    if (start == active_.end()) start = active_.begin();
    Host& h = hosts_[*start];
    if (!Ready(h, now)) continue;
    QueuedUrl item = std::move(h.items.front());
    h.items.pop_front();
    --size_;
    ++h.in_flight;
    h.next_start = now + h.delay;
    last_ = *start;
    if (h.items.empty()) active_.erase(start);
    return item;
  }
  return std::nullopt;
}

std::optional<Clock::time_point> HostQueue::NextReady() const {
  std::optional<Clock::time_point> best;
  for (const std::string& name : active_) {
    const Host& h = hosts_.at(name);
    if (h.in_flight >= policy_.max_in_flight || (!h.open && !h.items.front().robots)) continue;
    if (!best || h.next_start < *best) best = h.next_start;
  }
  return best;
}

void HostQueue::Open(const std::string& host, std::chrono::milliseconds delay,
                     std::optional<std::chrono::milliseconds> min_delay) {
  Host& h = hosts_[host];
  h.open = true;
  h.delay = std::max(delay, min_delay.value_or(policy_.min_delay));
}

bool HostQueue::IsOpen(const std::string& host) const {
  auto it = hosts_.find(host);
  return it != hosts_.end() && it->second.open;
}

int HostQueue::in_flight(const std::string& host) const {
  auto it = hosts_.find(host);
  return it == hosts_.end() ? 0 : it->second.in_flight;
}

std::chrono::milliseconds HostQueue::Done(const std::string& host, Clock::time_point now, bool failed,
                                          std::optional<std::chrono::seconds> retry_after) {
  Host& h = hosts_[host];
  if (h.in_flight > 0) --h.in_flight;
  if (!failed) {
    h.failures = 0;
    return std::chrono::milliseconds(0);
  }
  // Exponential back-off with full jitter in [50%, 150%] so that many
  // crawlers (or many hosts behind one server) do not retry in step.
  const int shift = std::min(h.failures++, 16);
  const auto base = std::min(policy_.backoff_base * (int64_t{1} << shift), policy_.backoff_max);
  std::uniform_real_distribution<double> jitter(0.5, 1.5);
  auto wait = std::chrono::milliseconds(static_cast<int64_t>(static_cast<double>(base.count()) * jitter(rng_)));
  if (retry_after) wait = std::max<std::chrono::milliseconds>(wait, *retry_after);
  h.next_start = std::max(h.next_start, now + wait);
  return wait;
}

std::vector<QueuedUrl> HostQueue::Drain(const std::string& host) {
  Host& h = hosts_[host];
  std::vector<QueuedUrl> out(std::make_move_iterator(h.items.begin()), std::make_move_iterator(h.items.end()));
  size_ -= h.items.size();
  h.items.clear();
  active_.erase(host);
  return out;
}

}  // namespace newsmine::crawler
