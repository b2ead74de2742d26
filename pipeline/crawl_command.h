// `newsmine crawl`: the crawler stage as a command (see crawler/crawler.h).
//
// Kept beside pipeline.h rather than in it while the crawler is young;
// the same rules hold: RunCrawl returns the process exit code, 0 when the
// crawl ran to its end, 1 when it was stopped by a signal or a site could
// not be crawled at all (its robots.txt unreachable, every fetch failed)
// or WARC/state writing failed (what was committed is kept), 2 for bad
// usage or configuration (nothing was fetched).
//
// Example:
//   int rc = RunCrawl(CrawlOptions{.seeds = {"https://orda.kz/"}, .out_dir = "crawl"});
//
// Thread safety: installs SIGINT/SIGTERM handlers for the duration of the
// call (the first signal stops cleanly, a second one kills); one call at
// a time per process.
#ifndef NEWSMINE_PIPELINE_CRAWL_COMMAND_H_
#define NEWSMINE_PIPELINE_CRAWL_COMMAND_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newsmine::pipeline {

struct CrawlOptions {
  std::string config;                   // TOML crawl config; "" for an ad hoc crawl of `seeds`
  std::vector<std::string> seeds;       // start URLs of an ad hoc crawl, one site per host
  std::string out_dir;                  // WARC files and crawl.sqlite; overrides the config's crawl.out
  std::string user_agent;               // "" keeps the config's or the default
  std::optional<double> delay_seconds;  // minimum gap per host; a larger Crawl-delay wins
  std::optional<int> per_host;          // connections to one host at once
  std::optional<int64_t> max_pages;     // pages in this run; 0 no limit
  bool progress = true;                 // a live line on a terminal, log lines otherwise
};
int RunCrawl(const CrawlOptions& options);

}  // namespace newsmine::pipeline

#endif  // NEWSMINE_PIPELINE_CRAWL_COMMAND_H_
