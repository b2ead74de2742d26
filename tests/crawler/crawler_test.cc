// The crawl loop against a real HTTP server on 127.0.0.1 (test_site.h).
#include "crawler/crawler.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "crawler/warc_writer.h"
#include "extract/extract.h"
#include "tests/crawler/test_site.h"
#include "tests/testing/testing.h"

namespace newsmine::crawler {
namespace {
namespace fs = std::filesystem;
using std::chrono::milliseconds;
using testing::TestSite;

CrawlOptions Options(const TestSite& site, const fs::path& out) {
  CrawlOptions o;
  o.out_dir = out.string();
  o.user_agent = "newsmine-test/1.0 (+http://127.0.0.1/contact)";
  o.min_delay = milliseconds(0);
  o.per_host = 2;
  o.max_retries = 1;
  o.backoff_base = milliseconds(50);
  o.total_timeout = milliseconds(4000);
  o.low_speed_time = std::chrono::seconds(1);
  o.max_body_bytes = size_t{1} << 20;
  o.commit_interval = milliseconds(50);
  o.sites = {SiteConfig{.name = "main", .start_urls = {site.Main("/")}, .sitemaps = {site.Main("/sitemap.xml")}},
             SiteConfig{.name = "down", .start_urls = {site.Down("/")}},
             SiteConfig{.name = "slow", .start_urls = {site.Slow("/")}}};
  return o;
}

Result<CrawlReport> Crawl(const CrawlOptions& o) {
  Result<std::unique_ptr<Crawler>> c = Crawler::Open(o);
  if (!c.ok()) return c.status();
  return (*c)->Run();
}

std::map<std::string, int> Hits(const std::vector<testing::LoggedRequest>& log, int port) {
  std::map<std::string, int> hits;
  for (const auto& r : log)
    if (r.port == port) ++hits[r.target];
  return hits;
}

const SiteSummary* Site(const CrawlReport& r, const std::string& name) {
  for (const SiteSummary& s : r.sites)
    if (s.site == name) return &s;
  return nullptr;
}

struct WarcContents {
  std::map<std::string, int> pages;  // HTML 2xx responses per URL
  std::map<std::string, std::string> bodies;
  std::map<std::string, std::string> content_types;
  size_t damaged = 0;
};

WarcContents ReadWarcs(const fs::path& dir) {
  WarcContents w;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.path().string().ends_with(".warc.gz")) continue;
    Result<extract::WarcReader> r = extract::WarcReader::Open(e.path().string());
    EXPECT_TRUE(r.ok());
    if (!r.ok()) continue;
    extract::Page p;
    std::vector<std::string> notes;
    while (r->Next(&p, &notes)) {
      ++w.pages[p.url];
      w.bodies[p.url] = p.body;
      w.content_types[p.url] = p.content_type;
    }
    w.damaged += r->damaged();
  }
  return w;
}

// Recomputes every WARC-Block-Digest (the check the benchmark's validator
// does); returns the number of mismatches and of records.
std::pair<int, int> CheckDigests(const fs::path& dir) {
  int bad = 0, records = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.path().string().ends_with(".warc.gz")) continue;
    std::string all;
    (void)extract::Gunzip(newsmine::testing::ReadFile(e.path()), &all);
    size_t p = 0;
    while ((p = all.find("WARC/1.1\r\n", p)) != std::string::npos) {
      const size_t head_end = all.find("\r\n\r\n", p);
      const std::string head = all.substr(p, head_end - p);
      const size_t cl = head.find("Content-Length: ");
      const size_t len = std::stoul(head.substr(cl + 16));
      const size_t dg = head.find("WARC-Block-Digest: ");
      const std::string digest = head.substr(dg + 19, head.find("\r\n", dg) - dg - 19);
      if (digest != WarcSha1(std::string_view(all).substr(head_end + 4, len))) ++bad;
      ++records;
      p = head_end + 4 + len;
    }
  }
  return {bad, records};
}

TEST(Crawler, Issue8_SiteEndToEnd) {
  const fs::path dir = newsmine::testing::TempDir("crawl_e2e");
  auto site = TestSite::Start((dir / "requests.log").string());
  ASSERT_TRUE(site);
  const fs::path out = dir / "out";
  CrawlOptions o = Options(*site, out);
  int progress_calls = 0;
  o.progress = [&](const CrawlProgress&) { ++progress_calls; };
  Result<CrawlReport> report = Crawl(o);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const std::vector<testing::LoggedRequest> log = site->Requests();
  std::map<std::string, int> main = Hits(log, site->main_port());

  // Every article exactly once, found through links, pagination, the RSS
  // feed, the sitemap index and the gzipped Google News sitemap.
  for (int i = 1; i <= testing::kArticles; ++i) EXPECT_EQ(main["/news/" + std::to_string(i)], 1) << "/news/" << i;
  // Nothing robots.txt disallows, no tracking duplicates, no nofollow, no script text.
  for (const auto& [target, n] : main) {
    EXPECT_EQ(target.find("print=1"), std::string::npos) << target;
    EXPECT_EQ(target.find("utm_"), std::string::npos) << target;
    EXPECT_EQ(target.find("fbclid"), std::string::npos) << target;
    EXPECT_FALSE(target.starts_with("/private/secret")) << target;
    EXPECT_FALSE(target.starts_with("/ads/")) << target;
    EXPECT_FALSE(target.starts_with("/from-script")) << target;
  }
  EXPECT_EQ(main["/private/open"], 1) << "Allow: /private/open$ is the longer match";
  EXPECT_EQ(main["/robots.txt"], 1);
  EXPECT_EQ(main["/"], 1);
  // Redirects: followed up to five, loops cut by de-duplication.
  for (int i = 1; i <= 6; ++i) EXPECT_EQ(main["/redirect/" + std::to_string(i)], 1) << i;
  EXPECT_EQ(main["/redirect/7"], 0);
  EXPECT_EQ(main["/loop/a"], 1);
  EXPECT_EQ(main["/loop/b"], 1);
  EXPECT_EQ(main["/moved"], 1);
  // 429 with Retry-After: 1 is retried, no sooner than a second later.
  EXPECT_EQ(main["/retry-after"], 2);
  std::vector<int64_t> retry_at;
  for (const auto& r : log)
    if (r.target == "/retry-after") retry_at.push_back(r.at_ms);
  ASSERT_EQ(retry_at.size(), 2u);
  EXPECT_GE(retry_at[1] - retry_at[0], 950);
  EXPECT_EQ(main["/flaky"], 2) << "500 then success";
  EXPECT_EQ(main["/stall"], 2) << "timed out, retried once, given up";
  EXPECT_EQ(main["/big"], 1) << "too large is not retried";
  // RFC 9309 §2.3.1.4: robots.txt 503 means nothing else on that host.
  EXPECT_EQ(Hits(log, site->down_port()), (std::map<std::string, int>{{"/robots.txt", 1}}));
  for (const auto& r : log) EXPECT_EQ(r.user_agent, o.user_agent);

  const SiteSummary* m = Site(*report, "main");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->errors_by_kind.count("timeout"), 1u);
  EXPECT_EQ(m->errors_by_kind.count("too-large"), 1u);
  EXPECT_EQ(m->errors_by_kind.count("reset"), 1u);
  EXPECT_EQ(m->errors_by_kind.count("too-many-redirects"), 1u);
  EXPECT_GE(m->disallowed, 2);
  EXPECT_EQ(m->new_pages, m->fetched);
  const SiteSummary* d = Site(*report, "down");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->fetched, 0);
  EXPECT_GE(progress_calls, 1);
  EXPECT_FALSE(report->stopped);

  // The WARC files: each article once, readable by the extract stage,
  // digests right, the windows-1251 bytes untouched.
  WarcContents w = ReadWarcs(out);
  EXPECT_EQ(w.damaged, 0u);
  for (int i = 1; i <= testing::kArticles; ++i) EXPECT_EQ(w.pages[site->Main("/news/" + std::to_string(i))], 1) << i;
  EXPECT_NE(w.bodies[site->Main("/cp1251")].find("\xD2\xEE\xF0\xE3\xEE\xE2\xEB\xFF \xEB\xFE\xE4\xFC\xEC\xE8"),
            std::string::npos);
  EXPECT_NE(w.content_types[site->Main("/cp1251")].find("windows-1251"), std::string::npos);
  auto [bad, records] = CheckDigests(out);
  EXPECT_EQ(bad, 0);
  EXPECT_GT(records, 100);
}

}  // namespace
}  // namespace newsmine::crawler
