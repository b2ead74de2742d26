// Per-host politeness (internal to crawler/): which URL may be fetched
// now without hammering any server.
//
// Each host has its own FIFO, a minimum gap between the starts of two
// requests (the crawler's delay, or robots.txt Crawl-delay when larger),
// a cap on requests in flight, and a back-off after 429, 5xx and
// time-outs: exponential with jitter, never shorter than Retry-After.
// A host is gated until its robots.txt is known: only the robots.txt
// item comes out of it until Open() is called.
//
// Time is passed in by the caller, so tests drive it without sleeping.
//
// Thread safety: one thread at a time.
#ifndef NEWSMINE_CRAWLER_HOST_QUEUE_H_
#define NEWSMINE_CRAWLER_HOST_QUEUE_H_

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace newsmine::crawler {

using Clock = std::chrono::steady_clock;

struct QueuedUrl {
  std::string url;
  std::string host;
  int kind = 0;             // UrlKind
  int depth = 0;
  int attempts = 0;         // fetches tried so far
  int redirects = 0;        // redirects followed to get here
  bool robots = false;      // this is the host's robots.txt
  std::vector<std::string> chain;  // the URLs redirected from, in order
};

struct HostPolicy {
  std::chrono::milliseconds min_delay{1000};  // gap between request starts
  int max_in_flight = 1;                      // connections to one host at once
  std::chrono::milliseconds backoff_base{2000};
  std::chrono::milliseconds backoff_max{std::chrono::minutes(5)};
};

class HostQueue {
 public:
  explicit HostQueue(HostPolicy policy, uint64_t seed = 1) : policy_(policy), rng_(seed) {}

  // Appends (or with `front`, prepends: robots.txt, redirects, retries) an
  // item to its host's queue.
  void Push(QueuedUrl item, bool front = false);
  // The next item that may start at `now`, round-robin over hosts.
  std::optional<QueuedUrl> Pop(Clock::time_point now);
  // The earliest time an item may become ready; nullopt when all queued
  // hosts are waiting for a fetch in flight (or nothing is queued).
  std::optional<Clock::time_point> NextReady() const;

  // Robots.txt of `host` is known: its pages may come out, `delay` (its
  // Crawl-delay) or the minimum gap apart, whichever is larger. The
  // minimum is the policy's unless the host's site has its own `min_delay`.
  void Open(const std::string& host, std::chrono::milliseconds delay,
            std::optional<std::chrono::milliseconds> min_delay = std::nullopt);
  bool IsOpen(const std::string& host) const;
  // A fetch of `host` ended. `failed` (429, 5xx, time-out) backs the host
  // off; `retry_after` (seconds from the server) is a floor on the wait.
  // Returns the back-off applied (zero after a success).
  std::chrono::milliseconds Done(const std::string& host, Clock::time_point now, bool failed,
                                 std::optional<std::chrono::seconds> retry_after = std::nullopt);
  // Drops everything queued for `host` and returns it (robots.txt said no).
  std::vector<QueuedUrl> Drain(const std::string& host);

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  int in_flight(const std::string& host) const;

 private:
  struct Host {
    std::deque<QueuedUrl> items;
    Clock::time_point next_start{};
    std::chrono::milliseconds delay{0};
    int in_flight = 0;
    int failures = 0;  // consecutive
    bool open = false;
  };
  bool Ready(const Host& h, Clock::time_point now) const;

  HostPolicy policy_;
  std::mt19937_64 rng_;
  std::unordered_map<std::string, Host> hosts_;
  std::set<std::string> active_;  // hosts with queued items, round-robin order
  std::string last_;              // host served last
  size_t size_ = 0;
};

}  // namespace newsmine::crawler

#endif  // NEWSMINE_CRAWLER_HOST_QUEUE_H_
