#include "crawler/crawl_state.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <set>

#include "tests/testing/testing.h"

namespace newsmine::crawler {
namespace {

std::string Path(const std::string& name) { return (testing::TempDir(name) / "crawl.sqlite").string(); }

TEST(CrawlState, DiscoverDeduplicates) {
  auto st = CrawlState::Open(Path("state_dedup"));
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_TRUE(*(*st)->Discover({.url = "https://a.kz/1", .host = "a.kz"}));
  EXPECT_FALSE(*(*st)->Discover({.url = "https://a.kz/1", .host = "a.kz", .kind = UrlKind::kHub}));
  EXPECT_TRUE(*(*st)->Discover({.url = "https://a.kz/", .host = "a.kz", .kind = UrlKind::kHub}));
  Result<std::vector<UrlEntry>> f = (*st)->Frontier();
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->size(), 2u);
  EXPECT_EQ((*f)[0].url, "https://a.kz/") << "hubs first";
  EXPECT_EQ((*f)[1].kind, UrlKind::kPage);
}

TEST(CrawlState, UncommittedWorkIsLostCommittedKept) {
  const std::string path = Path("state_commit");
  {
    auto st = CrawlState::Open(path);
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE((*st)->Discover({.url = "https://a.kz/1", .host = "a.kz"}).ok());
    ASSERT_TRUE((*st)->Commit().ok());
    ASSERT_TRUE((*st)->RecordFetch({.url = "https://a.kz/1", .http_status = 200, .warc_file = "x.warc.gz"}).ok());
    // No commit: closing rolls back.
  }
  auto st = CrawlState::Open(path);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(*(*st)->Count(UrlState::kQueued), 1);
  EXPECT_EQ(*(*st)->Count(UrlState::kFetched), 0);
}

TEST(CrawlState, SurvivesKillMinus9) {
  const std::string path = Path("state_kill");
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto st = CrawlState::Open(path);
    if (!st.ok()) _exit(3);
    for (int i = 0; i < 100; ++i) (void)(*st)->Discover({.url = "https://a.kz/" + std::to_string(i), .host = "a.kz"});
    (void)(*st)->RecordFetch({.url = "https://a.kz/0", .http_status = 200, .warc_file = "w"});
    (void)(*st)->Commit();
    (void)(*st)->RecordFetch({.url = "https://a.kz/1", .http_status = 200, .warc_file = "w"});
    raise(SIGKILL);  // uncommitted: must not appear
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  auto st = CrawlState::Open(path);
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(*(*st)->Count(UrlState::kFetched), 1);
  EXPECT_EQ(*(*st)->Count(UrlState::kQueued), 99);
}

TEST(CrawlState, ValidatorsKeptThrough304) {
  auto st = CrawlState::Open(Path("state_validators"));
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE((*st)->Discover({.url = "https://a.kz/rss", .host = "a.kz", .kind = UrlKind::kFeed}).ok());
  EXPECT_FALSE((*(*st)->GetValidators("https://a.kz/rss")).has_value());
  ASSERT_TRUE((*st)->RecordFetch({.url = "https://a.kz/rss", .http_status = 200, .etag = "\"v1\"",
                                  .last_modified = "Tue, 01 Dec 2026 00:00:00 GMT", .payload_digest = "sha1:A"}).ok());
  ASSERT_TRUE((*st)->RecordFetch({.url = "https://a.kz/rss", .http_status = 304}).ok());
  auto v = (*st)->GetValidators("https://a.kz/rss");
  ASSERT_TRUE(v.ok() && v->has_value());
  EXPECT_EQ((*v)->etag, "\"v1\"");
  EXPECT_EQ((*v)->last_modified, "Tue, 01 Dec 2026 00:00:00 GMT");
  EXPECT_EQ((*v)->payload_digest, "sha1:A");
}

TEST(CrawlState, RequeueHubsOnly) {
  auto st = CrawlState::Open(Path("state_requeue"));
  ASSERT_TRUE(st.ok());
  for (auto [u, k] : {std::pair{"https://a.kz/", UrlKind::kHub}, {"https://a.kz/rss", UrlKind::kFeed},
                      {"https://a.kz/1", UrlKind::kPage}}) {
    ASSERT_TRUE((*st)->Discover({.url = u, .host = "a.kz", .kind = k}).ok());
    ASSERT_TRUE((*st)->RecordFetch({.url = u, .http_status = 200}).ok());
  }
  EXPECT_EQ(*(*st)->RequeueHubs(), 2);
  EXPECT_EQ(*(*st)->Count(UrlState::kQueued), 2);
  std::set<std::string> known;
  ASSERT_TRUE((*st)->ForEachKnown([&](const std::string& u) { known.insert(u); }).ok());
  EXPECT_EQ(known.size(), 3u);
}

TEST(CrawlState, RobotsCache) {
  auto st = CrawlState::Open(Path("state_robots"));
  ASSERT_TRUE(st.ok());
  EXPECT_FALSE((*(*st)->LoadRobots("a.kz")).has_value());
  ASSERT_TRUE((*st)->SaveRobots("a.kz", {.http_status = 503, .body = "", .fetched_at = 42}).ok());
  auto r = (*st)->LoadRobots("a.kz");
  ASSERT_TRUE(r.ok() && r->has_value());
  EXPECT_EQ((*r)->http_status, 503);
  EXPECT_EQ((*r)->fetched_at, 42);
}

TEST(CrawlState, Sqlite_WalMode) {
  const std::string path = Path("state_wal");
  auto st = CrawlState::Open(path);
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE((*st)->Discover({.url = "https://a.kz/1", .host = "a.kz"}).ok());
  ASSERT_TRUE((*st)->Commit().ok());
  EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
}

TEST(CrawlState, OpenFailsWithPath) {
  auto st = CrawlState::Open("/nonexistent-dir/x/crawl.sqlite");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.status().message().find("/nonexistent-dir/x/crawl.sqlite"), std::string::npos);
}

}  // namespace
}  // namespace newsmine::crawler
