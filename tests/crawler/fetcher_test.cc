// The fetcher against a real server on 127.0.0.1 (test_site.h).
#include "crawler/fetcher.h"

#include <gtest/gtest.h>

#include <map>

#include "tests/crawler/test_site.h"
#include "tests/testing/testing.h"

namespace newsmine::crawler {
namespace {
using std::chrono::milliseconds;
using testing::TestSite;

class FetcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    site_ = TestSite::Start((newsmine::testing::TempDir("fetcher") / "requests.log").string()).release();
  }
  static void TearDownTestSuite() { delete site_; }

  std::map<std::string, FetchResult> FetchAll(std::vector<FetchRequest> requests, FetcherOptions o = {}) {
    o.user_agent = "newsmine-test/1.0 (+http://127.0.0.1/contact)";
    auto f = Fetcher::Create(o);
    EXPECT_TRUE(f.ok());
    for (size_t i = 0; i < requests.size(); ++i) {
      requests[i].id = i;
      (*f)->Add(requests[i]);
    }
    std::vector<FetchResult> done;
    for (int i = 0; i < 200 && done.size() < requests.size(); ++i) (*f)->Poll(milliseconds(50), &done);
    std::map<std::string, FetchResult> by_url;
    for (FetchResult& r : done) by_url[r.url] = std::move(r);
    return by_url;
  }

  static TestSite* site_;
};
TestSite* FetcherTest::site_ = nullptr;

TEST_F(FetcherTest, ManyTransfersOnOneThread) {
  std::vector<FetchRequest> reqs;
  for (int i = 1; i <= 20; ++i) reqs.push_back({.url = site_->Main("/news/" + std::to_string(i))});
  auto got = FetchAll(reqs, {.max_per_host = 4});
  ASSERT_EQ(got.size(), 20u);
  for (auto& [url, r] : got) {
    EXPECT_EQ(r.status, 200) << url;
    EXPECT_EQ(r.error, FetchError::kNone) << url;
    EXPECT_EQ(r.ip, "127.0.0.1");
    EXPECT_NE(r.body.find("News "), std::string::npos);
    EXPECT_TRUE(r.request_head.starts_with("GET /news/")) << r.request_head;
    EXPECT_NE(r.request_head.find("User-Agent: newsmine-test/1.0 (+http://127.0.0.1/contact)"), std::string::npos);
    EXPECT_TRUE(r.response_head.starts_with("HTTP/1.1 200")) << r.response_head;
    EXPECT_EQ(r.date.size(), 20u);
  }
}

TEST_F(FetcherTest, ContentDecodedHeadKept) {
  auto got = FetchAll({{.url = site_->Main("/")}});
  const FetchResult& r = got.begin()->second;
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.starts_with("<!DOCTYPE html>")) << "gzip undone";
  EXPECT_NE(r.request_head.find("Accept-Encoding: "), std::string::npos);
  EXPECT_FALSE(r.etag.empty());
}

// Issue 8 asks for gzip, brotli and zstd: libcurl announces what it can
// undo and the fetcher hands back the decoded body.
TEST_F(FetcherTest, Issue8_BrotliAndZstdDecoded) {
  std::string expected = "<p>";
  for (int i = 0; i < 20; ++i) expected += "news ";
  expected += "</p>";
  auto got = FetchAll({{.url = site_->Main("/coded/br")}, {.url = site_->Main("/coded/zstd")}});
  ASSERT_EQ(got.size(), 2u);
  for (const char* coding : {"br", "zstd"}) {
    const FetchResult& r = got[site_->Main(std::string("/coded/") + coding)];
    EXPECT_EQ(r.status, 200) << coding << ": " << r.request_head;
    EXPECT_EQ(r.body, expected) << coding;
    EXPECT_NE(r.response_head.find(std::string("Content-Encoding: ") + coding), std::string::npos) << r.response_head;
  }
}

TEST_F(FetcherTest, ConditionalGetGives304) {
  auto first = FetchAll({{.url = site_->Main("/feed.xml")}});
  const std::string etag = first.begin()->second.etag;
  ASSERT_FALSE(etag.empty());
  auto again = FetchAll({{.url = site_->Main("/feed.xml"), .if_none_match = etag}});
  EXPECT_EQ(again.begin()->second.status, 304);
  EXPECT_NE(again.begin()->second.request_head.find("If-None-Match: " + etag), std::string::npos);
}

TEST_F(FetcherTest, RedirectsAreReportedNotFollowed) {
  auto got = FetchAll({{.url = site_->Main("/moved")}});
  const FetchResult& r = got.begin()->second;
  EXPECT_EQ(r.status, 301);
  EXPECT_EQ(r.location, site_->Main("/news/5"));
}

TEST_F(FetcherTest, Failures) {
  auto got = FetchAll({{.url = site_->Main("/big")}, {.url = site_->Main("/reset")}, {.url = site_->Main("/stall")},
                       {.url = "http://127.0.0.1:1/"}, {.url = site_->Main("/robots.txt"), .max_body_bytes = 10}},
                      {.max_per_host = 8, .total_timeout = milliseconds(700), .max_body_bytes = size_t{1} << 20});
  ASSERT_EQ(got.size(), 5u);
  EXPECT_EQ(got[site_->Main("/big")].error, FetchError::kTooLarge);
  EXPECT_EQ(got[site_->Main("/reset")].error, FetchError::kReset);
  EXPECT_EQ(got[site_->Main("/stall")].error, FetchError::kTimeout);
  EXPECT_EQ(got["http://127.0.0.1:1/"].error, FetchError::kConnect);
  EXPECT_EQ(got[site_->Main("/robots.txt")].error, FetchError::kTooLarge) << "per-request limit: " << got[site_->Main("/robots.txt")].error_text;
  for (auto& [url, r] : got) {
    EXPECT_EQ(r.status, 0) << url << " " << r.error_text;
    EXPECT_FALSE(r.error_text.empty()) << url;
  }
}

TEST_F(FetcherTest, Rfc9309_2_5_TruncateKeepsTheStart) {
  auto got = FetchAll({{.url = site_->Main("/robots.txt"), .max_body_bytes = 10, .truncate = true}});
  const FetchResult& r = got.begin()->second;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.error, FetchError::kNone);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.body, "User-agent");
}

TEST_F(FetcherTest, RetryAfterParsed) {
  // The site answers its first /retry-after with 429 and Retry-After: 1.
  auto got = FetchAll({{.url = site_->Main("/retry-after")}});
  const FetchResult& r = got.begin()->second;
  EXPECT_EQ(r.status, 429);
  ASSERT_TRUE(r.retry_after.has_value());
  EXPECT_EQ(r.retry_after->count(), 1);
}

}  // namespace
}  // namespace newsmine::crawler
