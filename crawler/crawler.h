// crawler: a polite, incremental news crawler that writes WARC/1.1.
//
// Crawls the start pages, feeds and sitemaps of a few dozen news sites,
// follows links that match each site's patterns, and stores every HTTP
// exchange in WARC/1.1 files that `newsmine extract` reads back. It obeys
// robots.txt (RFC 9309) and Crawl-delay, keeps a minimum gap between
// requests to a host, backs off on 429, 5xx and time-outs, and keeps its
// state in SQLite (OUT/crawl.sqlite) so the next run fetches only what is
// new: pages already fetched are not fetched again, and start pages, feeds
// and sitemaps are re-fetched with conditional GETs. A run stopped by
// SIGINT/SIGTERM (through `stop`) or killed resumes where it was: the
// state is committed only after the WARC records it points at are on disk.
//
// Example:
//   std::atomic<bool> stop{false};
//   CrawlOptions o{.out_dir = "crawl", .min_delay = std::chrono::seconds(1), .stop = &stop};
//   o.sites.push_back(SiteConfig{.name = "orda.kz", .start_urls = {"https://orda.kz/"}});
//   Result<std::unique_ptr<Crawler>> c = Crawler::Open(o);
//   if (!c.ok()) return Fail(c.status());
//   Result<CrawlReport> report = (*c)->Run();
//
// Thread safety: a Crawler runs on the calling thread; `stop` may be set
// from a signal handler or another thread. One Crawler per output
// directory at a time.
#ifndef NEWSMINE_CRAWLER_CRAWLER_H_
#define NEWSMINE_CRAWLER_CRAWLER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/status.h"

namespace newsmine::crawler {

inline constexpr char kDefaultUserAgent[] = "newsmine/0.1 (+https://github.com/newsmine/newsmine)";

// One site of the config file (`[[site]]`).
struct SiteConfig {
  std::string name;                     // for the summary; "" means the host of the first URL
  std::vector<std::string> start_urls;  // home and section pages, re-fetched every run
  std::vector<std::string> feeds;       // RSS and Atom, re-fetched every run
  std::vector<std::string> sitemaps;    // sitemaps and sitemap indexes, re-fetched every run
  // RE2 patterns matched against whole normalised URLs. A link matching
  // `article_patterns` is a page (fetched once); one matching
  // `follow_patterns` is a hub (section, pagination: re-fetched each run).
  // With both empty, every link on the site's hosts is followed as a page.
  std::vector<std::string> article_patterns;
  std::vector<std::string> follow_patterns;
  int64_t max_pages = 0;  // per run; 0: no limit
  // This site's own gap per host, instead of CrawlOptions::min_delay (a
  // larger Crawl-delay still wins): some sites ask for more, a partner
  // site may allow less.
  std::optional<std::chrono::milliseconds> delay;
  // Sent to this site's hosts instead of CrawlOptions::user_agent, and the
  // name its robots.txt groups are matched against. "": the crawl's.
  std::string user_agent;
};

// A snapshot for a progress line.
struct CrawlProgress {
  int64_t requests = 0;   // finished fetches, robots.txt included
  int64_t pages = 0;      // 2xx and 304 responses
  int64_t bytes = 0;      // bodies received
  int64_t errors = 0;
  int64_t queued = 0;
  int64_t in_flight = 0;
  double seconds = 0;     // since the run began
};

struct CrawlOptions {
  std::vector<SiteConfig> sites;
  std::string out_dir;  // WARC files and crawl.sqlite
  // Sent with every request; the product token before '/' is the name
  // robots.txt groups are matched against. It must carry a contact (an
  // http(s) URL or an e-mail address) so that site operators can reach
  // whoever runs the crawl; Open() refuses one without. The default names
  // newsmine's home page, not the operator, and Open() warns about it.
  std::string user_agent = kDefaultUserAgent;
  std::chrono::milliseconds min_delay{1000};  // own gap per host; a larger Crawl-delay wins
  int per_host = 1;                           // connections to one host at once
  int max_connections = 32;                   // connections in total
  int64_t max_pages = 0;                      // pages per run over all sites; 0: no limit
  int max_depth = 5;                          // link hops from a start page
  int max_retries = 3;                        // further tries after 429, 5xx, time-out, reset
  size_t max_body_bytes = size_t{16} << 20;   // larger responses are dropped
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds total_timeout{60000};
  std::chrono::seconds low_speed_time{15};    // under 512 B/s this long: a stalled server
  std::chrono::seconds max_crawl_delay{60};   // a larger Crawl-delay is capped here
  std::chrono::seconds max_retry_after{600};  // a longer Retry-After gives the URL up for this run
  std::chrono::milliseconds backoff_base{2000};  // first back-off; doubles per failure, with jitter
  uint64_t warc_max_bytes = uint64_t{1} << 30;   // WARC file rotation size
  std::chrono::milliseconds commit_interval{1000};  // how much a crash can lose at most
  const std::atomic<bool>* stop = nullptr;     // set to stop cleanly
  std::chrono::milliseconds stop_grace{3000};  // after `stop`, how long transfers in flight may finish
  std::function<void(const CrawlProgress&)> progress;  // called about every progress_interval
  std::chrono::milliseconds progress_interval{1000};
};

// Per site: what the run did.
struct SiteSummary {
  std::string site;
  int64_t fetched = 0;        // 2xx responses
  int64_t new_pages = 0;      // URLs fetched for the first time
  int64_t changed = 0;        // re-fetched with different content
  int64_t not_modified = 0;   // 304, or the same bytes again
  int64_t redirects = 0;
  int64_t disallowed = 0;     // by robots.txt
  int64_t errors = 0;
  std::map<std::string, int64_t> errors_by_kind;  // "timeout", "http-404", "robots-unavailable", ...
};

struct FailedUrl {
  std::string url;
  std::string reason;
};

struct CrawlReport {
  std::vector<SiteSummary> sites;
  CrawlProgress totals;
  std::vector<FailedUrl> failed;        // the first 1,000
  std::vector<std::string> warc_files;  // written by this run
  bool stopped = false;                 // `stop` was set before the frontier was empty
};

class Crawler {
 public:
  // Validates the options (patterns compile, URLs parse), creates out_dir
  // and opens the state. Fails with kInvalidArgument naming the option.
  static Result<std::unique_ptr<Crawler>> Open(const CrawlOptions& options);
  ~Crawler();
  Crawler(const Crawler&) = delete;
  Crawler& operator=(const Crawler&) = delete;

  // Crawls until the frontier is empty, max_pages is reached or `stop` is
  // set. Per-URL failures are in the report; an error is returned only
  // when the WARC files or the state cannot be written.
  Result<CrawlReport> Run();

  struct Impl;

 private:
  explicit Crawler(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads a TOML crawl config (the keys are listed in crawler/config.h). Every
// problem is reported, each as "FILE:LINE: key: what", in one error.
Result<CrawlOptions> LoadCrawlConfig(const std::string& path);

}  // namespace newsmine::crawler

#endif  // NEWSMINE_CRAWLER_CRAWLER_H_
