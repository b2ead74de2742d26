// The crawl loop against a real HTTP server on 127.0.0.1 (test_site.h).
#include "crawler/crawler.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
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
  o.total_timeout = milliseconds(1000);  // cuts /stall (it sleeps 2.5 s) quickly
  o.low_speed_time = std::chrono::seconds(1);
  o.max_body_bytes = size_t{1} << 20;
  o.commit_interval = milliseconds(50);
  // No sitemaps here: the main site's robots.txt names its sitemap index.
  o.sites = {SiteConfig{.name = "main", .start_urls = {site.Main("/")}},
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
  // feed, the sitemap index robots.txt names and the gzipped Google News
  // sitemap.
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
  // Measured at the server: the first arrival may itself come late.
  EXPECT_GE(retry_at[1] - retry_at[0], 900);
  EXPECT_EQ(main["/flaky"], 2) << "500 then success";
  // The stalled transfer is cut by the client, so the server logs nothing;
  // the report says what happened to it.
  bool stall_failed = false;
  for (const FailedUrl& f : report->failed) stall_failed |= f.url == site->Main("/stall") && f.reason == "timeout";
  EXPECT_TRUE(stall_failed);
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

  // Crawl-delay: 0.3 on the slow site wins over --delay 0.
  std::vector<int64_t> slow_at;
  for (const auto& r : log)
    if (r.port == site->slow_port() && r.target != "/robots.txt") slow_at.push_back(r.at_ms);
  ASSERT_EQ(slow_at.size(), 5u);
  // Arrival times at the server carry scheduling jitter (a late arrival
  // shortens the next gap; seen under ASan on a busy machine: 261 ms), so
  // each gap only has to show no burst, and all four together must span
  // the full delay, less the jitter of the first arrival.
  for (size_t i = 1; i < slow_at.size(); ++i) EXPECT_GE(slow_at[i] - slow_at[i - 1], 150) << i;
  EXPECT_GE(slow_at.back() - slow_at.front(), 4 * 300 - 60);

  // Issue 8 "Incremental": a second run over the unchanged site fetches
  // only start pages, feeds and sitemaps, with conditional GETs; robots.txt
  // comes from the 24-hour cache (but a 503 is asked again).
  Result<CrawlReport> again = Crawl(Options(*site, out));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  const std::vector<testing::LoggedRequest> log2 = site->Requests();
  const std::set<std::string> hubs = {"/", "/page/2", "/feed.xml", "/sitemap.xml", "/sitemap-news.xml.gz",
                                      "/sitemap-pages.xml"};
  for (size_t i = log.size(); i < log2.size(); ++i) {
    const testing::LoggedRequest& r = log2[i];
    if (r.port == site->main_port()) {
      EXPECT_TRUE(hubs.count(r.target)) << r.target;
      EXPECT_EQ(r.status, 304) << r.target;
    } else if (r.port == site->slow_port()) {
      EXPECT_EQ(r.target, "/");
    } else {
      EXPECT_EQ(r.target, "/robots.txt");
    }
  }
  EXPECT_LE(log2.size() - log.size(), 9u);
  const SiteSummary* m2 = Site(*again, "main");
  ASSERT_TRUE(m2);
  EXPECT_EQ(m2->not_modified, 6);
  EXPECT_EQ(m2->new_pages, 0);
  EXPECT_EQ(ReadWarcs(out).damaged, 0u);
}

// Every URL the state calls fetched has its response record in the WARC
// file and at the offset the state names; returns how many were checked.
int CheckStateAgainstWarcs(const fs::path& out) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2((out / "crawl.sqlite").c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db,
                               "SELECT url, warc_file, warc_offset FROM urls WHERE state=1 AND http_status BETWEEN 200 AND 299",
                               -1, &s, nullptr),
            SQLITE_OK);
  int checked = 0;
  std::map<std::string, std::string> files;
  while (sqlite3_step(s) == SQLITE_ROW) {
    const std::string url = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    const std::string file = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
    const int64_t offset = sqlite3_column_int64(s, 2);
    // A file a killed run left is still "*.open" until the next run opens
    // the directory (warc_writer.h).
    if (!files.count(file))
      files[file] = fs::exists(out / file) ? newsmine::testing::ReadFile(out / file)
                                           : newsmine::testing::ReadFile(out / (file + ".open"));
    std::string record;
    (void)extract::Gunzip(std::string_view(files[file]).substr(static_cast<size_t>(offset)), &record, 1 << 20);
    EXPECT_TRUE(record.starts_with("WARC/1.1\r\nWARC-Type: response\r\n")) << url;
    EXPECT_NE(record.substr(0, 400).find("WARC-Target-URI: " + url + "\r\n"), std::string::npos) << url;
    ++checked;
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return checked;
}

TEST(Crawler, Issue8_KillMinus9ThenResume) {
  const fs::path dir = newsmine::testing::TempDir("crawl_kill");
  auto site = TestSite::Start((dir / "requests.log").string());
  ASSERT_TRUE(site);
  const fs::path out = dir / "out";
  CrawlOptions o = Options(*site, out);
  o.sites.resize(1);  // the main site only
  o.min_delay = milliseconds(30);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    (void)Crawl(o);
    _exit(0);
  }
  // Kill it mid-crawl: once a dozen pages have been served.
  for (int i = 0; i < 500 && site->Requests().size() < 12; ++i) std::this_thread::sleep_for(milliseconds(10));
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the crawl finished before it was killed";
  const int claimed = CheckStateAgainstWarcs(out);
  EXPECT_GE(claimed, 1);

  o.min_delay = milliseconds(0);
  Result<CrawlReport> resumed = Crawl(o);
  ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
  EXPECT_GT(CheckStateAgainstWarcs(out), claimed);
  WarcContents w = ReadWarcs(out);
  EXPECT_LE(w.damaged, 1u) << "at most the record cut by the kill";
  for (int i = 1; i <= testing::kArticles; ++i) EXPECT_GE(w.pages[site->Main("/news/" + std::to_string(i))], 1) << i;
  // Nothing already committed was fetched twice.
  std::map<std::string, int> hits = Hits(site->Requests(), site->main_port());
  int twice = 0;
  for (int i = 1; i <= testing::kArticles; ++i) twice += hits["/news/" + std::to_string(i)] > 1;
  EXPECT_LE(twice, 4) << "only what was in flight or uncommitted at the kill";
}

TEST(Crawler, StopFlagStopsCleanlyAndResumes) {
  const fs::path dir = newsmine::testing::TempDir("crawl_stop");
  auto site = TestSite::Start((dir / "requests.log").string());
  ASSERT_TRUE(site);
  const fs::path out = dir / "out";
  std::atomic<bool> stop{false};
  CrawlOptions o = Options(*site, out);
  o.sites.resize(1);
  o.min_delay = milliseconds(20);
  o.stop = &stop;
  o.stop_grace = milliseconds(300);
  o.progress_interval = milliseconds(0);
  o.progress = [&](const CrawlProgress& p) {
    if (p.pages >= 5) stop = true;
  };
  Result<CrawlReport> first = Crawl(o);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->stopped);
  EXPECT_LT(first->totals.pages, 15);
  EXPECT_GT(first->totals.queued, 0);
  CheckStateAgainstWarcs(out);
  EXPECT_EQ(ReadWarcs(out).damaged, 0u) << "a clean stop leaves no cut record";

  o.stop = nullptr;
  o.progress = nullptr;
  Result<CrawlReport> second = Crawl(o);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->stopped);
  std::map<std::string, int> hits = Hits(site->Requests(), site->main_port());
  for (int i = 1; i <= testing::kArticles; ++i) EXPECT_EQ(hits["/news/" + std::to_string(i)], 1) << i;
}

TEST(Crawler, MaxPagesLimitsARun) {
  const fs::path dir = newsmine::testing::TempDir("crawl_max");
  auto site = TestSite::Start((dir / "requests.log").string());
  ASSERT_TRUE(site);
  CrawlOptions o = Options(*site, dir / "out");
  o.sites.resize(1);
  o.max_pages = 5;
  Result<CrawlReport> r = Crawl(o);
  ASSERT_TRUE(r.ok());
  int pages = 0;
  for (const auto& q : site->Requests()) pages += q.target != "/robots.txt";
  EXPECT_EQ(pages, 5);
}

// A site's own User-Agent is sent to its hosts and picks its robots.txt
// group; a site's own delay replaces the crawl's --delay for its hosts.
TEST(Crawler, PerSiteUserAgentAndDelay) {
  const fs::path dir = newsmine::testing::TempDir("crawl_per_site");
  auto site = TestSite::Start((dir / "requests.log").string());
  ASSERT_TRUE(site);
  CrawlOptions o = Options(*site, dir / "out");
  o.sites.erase(o.sites.begin() + 1);  // main, slow
  // The main site's robots.txt disallows everything to "otherbot".
  o.sites[0].user_agent = "otherbot/2.0 (+http://127.0.0.1/other)";
  o.sites[1].delay = milliseconds(500);  // above its Crawl-delay of 0.3 s
  Result<CrawlReport> r = Crawl(o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::vector<int64_t> slow_starts;
  for (const testing::LoggedRequest& q : site->Requests()) {
    if (q.port == site->main_port()) {
      EXPECT_EQ(q.user_agent, "otherbot/2.0 (+http://127.0.0.1/other)") << q.target;
      EXPECT_EQ(q.target, "/robots.txt") << "otherbot is disallowed everything";
    } else if (q.port == site->slow_port()) {
      EXPECT_EQ(q.user_agent, o.user_agent) << q.target;
      if (q.target != "/robots.txt") slow_starts.push_back(q.at_ms);
    }
  }
  ASSERT_EQ(slow_starts.size(), 5u);  // the start page and 4 articles
  std::sort(slow_starts.begin(), slow_starts.end());
  // Logged when answered, not when started: allow a little scheduling slack.
  for (size_t i = 1; i < slow_starts.size(); ++i) EXPECT_GE(slow_starts[i] - slow_starts[i - 1], 450) << i;
}

TEST(Crawler, OpenValidatesOptions) {
  EXPECT_EQ(Crawler::Open(CrawlOptions{}).status().code(), StatusCode::kInvalidArgument);
  CrawlOptions o{.out_dir = newsmine::testing::TempDir("crawl_bad").string()};
  o.sites = {SiteConfig{.start_urls = {"ftp://a.kz/"}}};
  Result<std::unique_ptr<Crawler>> c = Crawler::Open(o);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("ftp://a.kz/"), std::string::npos);
  o.sites = {SiteConfig{.name = "a", .start_urls = {"https://a.kz/"}, .article_patterns = {"(unclosed"}}};
  c = Crawler::Open(o);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("article_patterns"), std::string::npos);
  // Site operators must be able to reach whoever crawls them (issue 8).
  o.sites = {SiteConfig{.name = "a", .start_urls = {"https://a.kz/"}}};
  o.user_agent = "newsmine/0.1";
  c = Crawler::Open(o);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("no contact"), std::string::npos) << c.status().message();
  o.user_agent = "newsmine/0.1 (+https://example.org/crawl)";
  o.sites[0].user_agent = "otherbot/1";
  c = Crawler::Open(o);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("site a: user_agent"), std::string::npos) << c.status().message();
}

}  // namespace
}  // namespace newsmine::crawler
