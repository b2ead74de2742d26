#include "crawler/host_queue.h"

#include <gtest/gtest.h>

namespace newsmine::crawler {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

QueuedUrl Item(const std::string& host, const std::string& path, bool robots = false) {
  return QueuedUrl{.url = "http://" + host + path, .host = host, .robots = robots};
}

TEST(HostQueue, GatedUntilRobotsKnown) {
  HostQueue q({.min_delay = milliseconds(0)});
  const auto t = Clock::now();
  q.Push(Item("a.kz", "/1"));
  EXPECT_FALSE(q.Pop(t)) << "no page before robots.txt";
  q.Push(Item("a.kz", "/robots.txt", true), true);
  auto r = q.Pop(t);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->robots);
  q.Done("a.kz", t, false);
  EXPECT_FALSE(q.Pop(t));
  q.Open("a.kz", milliseconds(0));
  EXPECT_EQ(q.Pop(t)->url, "http://a.kz/1");
}

TEST(HostQueue, MinDelayBetweenStarts) {
  HostQueue q({.min_delay = milliseconds(1000), .max_in_flight = 4});
  const auto t = Clock::now();
  q.Open("a.kz", milliseconds(0));
  q.Push(Item("a.kz", "/1"));
  q.Push(Item("a.kz", "/2"));
  ASSERT_TRUE(q.Pop(t));
  EXPECT_FALSE(q.Pop(t + milliseconds(999)));
  EXPECT_EQ(*q.NextReady(), t + milliseconds(1000));
  EXPECT_TRUE(q.Pop(t + milliseconds(1000)));
}

TEST(HostQueue, CrawlDelayWinsWhenLarger) {
  HostQueue q({.min_delay = milliseconds(1000), .max_in_flight = 4});
  const auto t = Clock::now();
  q.Open("a.kz", seconds(2));
  q.Push(Item("a.kz", "/1"));
  q.Push(Item("a.kz", "/2"));
  ASSERT_TRUE(q.Pop(t));
  EXPECT_FALSE(q.Pop(t + milliseconds(1500)));
  EXPECT_TRUE(q.Pop(t + seconds(2)));
  // Smaller than ours: ours wins.
  q.Open("b.kz", milliseconds(10));
  q.Push(Item("b.kz", "/1"));
  q.Push(Item("b.kz", "/2"));
  ASSERT_TRUE(q.Pop(t));
  EXPECT_FALSE(q.Pop(t + milliseconds(500)));
}

// A site's own delay replaces the crawl's minimum, lower or higher; a
// larger Crawl-delay still wins over it.
TEST(HostQueue, SiteDelayReplacesTheMinimum) {
  HostQueue q({.min_delay = milliseconds(1000), .max_in_flight = 4});
  const auto t = Clock::now();
  q.Open("fast.kz", milliseconds(0), milliseconds(100));
  q.Open("slow.kz", milliseconds(0), seconds(3));
  q.Open("robots.kz", seconds(2), milliseconds(100));
  for (const char* h : {"fast.kz", "slow.kz", "robots.kz"}) {
    q.Push(Item(h, "/1"));
    q.Push(Item(h, "/2"));
  }
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(q.Pop(t));
  auto next = q.Pop(t + milliseconds(100));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->host, "fast.kz");
  EXPECT_FALSE(q.Pop(t + milliseconds(1999)));
  next = q.Pop(t + seconds(2));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->host, "robots.kz");
  EXPECT_FALSE(q.Pop(t + milliseconds(2999)));
  EXPECT_EQ(q.Pop(t + seconds(3))->host, "slow.kz");
}

TEST(HostQueue, PerHostInFlightCap) {
  HostQueue q({.min_delay = milliseconds(0), .max_in_flight = 2});
  const auto t = Clock::now();
  q.Open("a.kz", milliseconds(0));
  for (int i = 0; i < 3; ++i) q.Push(Item("a.kz", "/" + std::to_string(i)));
  EXPECT_TRUE(q.Pop(t));
  EXPECT_TRUE(q.Pop(t));
  EXPECT_FALSE(q.Pop(t));
  q.Done("a.kz", t, false);
  EXPECT_TRUE(q.Pop(t));
}

TEST(HostQueue, RoundRobinOverHosts) {
  HostQueue q({.min_delay = milliseconds(0), .max_in_flight = 100});
  const auto t = Clock::now();
  for (const char* h : {"a.kz", "b.kz"}) {
    q.Open(h, milliseconds(0));
    for (int i = 0; i < 3; ++i) q.Push(Item(h, "/" + std::to_string(i)));
  }
  std::string order;
  while (auto i = q.Pop(t)) order += i->host[0];
  EXPECT_EQ(order, "ababab");
}

TEST(HostQueue, BackoffGrowsWithJitterAndHonoursRetryAfter) {
  HostQueue q({.min_delay = milliseconds(0), .backoff_base = milliseconds(1000), .backoff_max = seconds(8)});
  const auto t = Clock::now();
  q.Open("a.kz", milliseconds(0));
  std::vector<milliseconds> waits;
  for (int i = 0; i < 6; ++i) {
    q.Push(Item("a.kz", "/x"));
    ASSERT_TRUE(q.Pop(t + seconds(1000 * i)));
    waits.push_back(q.Done("a.kz", t + seconds(1000 * i), true));
  }
  for (int i = 0; i < 6; ++i) {
    const int64_t base = std::min<int64_t>(1000LL << i, 8000);
    EXPECT_GE(waits[i].count(), base / 2) << i;
    EXPECT_LE(waits[i].count(), base * 3 / 2) << i;
  }
  // Retry-After is a floor.
  q.Push(Item("a.kz", "/y"));
  ASSERT_TRUE(q.Pop(t + seconds(10000)));
  EXPECT_GE(q.Done("a.kz", t + seconds(10000), true, seconds(30)), seconds(30));
  EXPECT_FALSE(q.Pop(t + seconds(10029)));
  // A success resets the back-off.
  EXPECT_TRUE(q.Pop(t + seconds(10030)).has_value() == false);  // nothing queued
  q.Push(Item("a.kz", "/z"));
  ASSERT_TRUE(q.Pop(t + seconds(10031)));
  EXPECT_EQ(q.Done("a.kz", t + seconds(10031), false), milliseconds(0));
}

TEST(HostQueue, DrainDropsHost) {
  HostQueue q({.min_delay = milliseconds(0)});
  q.Push(Item("a.kz", "/1"));
  q.Push(Item("a.kz", "/2"));
  q.Push(Item("b.kz", "/1"));
  EXPECT_EQ(q.Drain("a.kz").size(), 2u);
  EXPECT_EQ(q.size(), 1u);
}

}  // namespace
}  // namespace newsmine::crawler
