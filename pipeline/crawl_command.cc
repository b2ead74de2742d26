// `newsmine crawl`: options to crawler::CrawlOptions, signals to the stop
// flag, progress to the terminal or the log, and the summary at the end.
#include "pipeline/crawl_command.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cinttypes>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "base/log.h"
#include "crawler/crawler.h"
#include "pipeline/pipeline.h"

namespace newsmine::pipeline {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void OnStopSignal(int sig) {
  g_stop = true;
  // A second signal is not caught: the user means it.
  signal(sig, SIG_DFL);
}

// Installs the handlers for one crawl and restores the old ones after.
class StopSignals {
 public:
  StopSignals() {
    g_stop = false;
    struct sigaction sa {};
    sa.sa_handler = OnStopSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

std::string Megabytes(int64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

std::string ProgressLine(const crawler::CrawlProgress& p) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%" PRId64 " pages, %s, %.1f pages/s, %" PRId64 " errors, %" PRId64 " queued, %" PRId64
                " in flight", p.pages, Megabytes(p.bytes).c_str(), p.seconds > 0 ? p.pages / p.seconds : 0.0, p.errors,
                p.queued, p.in_flight);
  return buf;
}

// A live line on a terminal; elsewhere (cron, a pipe) one log line every
// 30 s, so a log file stays readable.
std::function<void(const crawler::CrawlProgress&)> ProgressReporter(bool enabled) {
  if (!enabled) return nullptr;
  if (isatty(STDERR_FILENO)) {
    return [](const crawler::CrawlProgress& p) {
      std::fprintf(stderr, "\r\x1b[Kcrawl: %s", ProgressLine(p).c_str());
      std::fflush(stderr);
    };
  }
  auto last = std::make_shared<double>(0);
  return [last](const crawler::CrawlProgress& p) {
    if (p.seconds - *last < 30) return;
    *last = p.seconds;
    LogInfo("crawl: " + ProgressLine(p));
  };
}

// Ad hoc seeds: one site per host, every link on it followed.
Result<crawler::CrawlOptions> FromSeeds(const std::vector<std::string>& seeds) {
  crawler::CrawlOptions o;
  std::map<std::string, size_t> by_host;
  for (const std::string& seed : seeds) {
    const size_t scheme = seed.find("://");
    if (scheme == std::string::npos) return InvalidArgumentError("--seed " + seed + ": not an http(s) URL");
    const std::string host = seed.substr(scheme + 3, seed.find('/', scheme + 3) - scheme - 3);
    auto [it, added] = by_host.emplace(host, o.sites.size());
    if (added) o.sites.push_back(crawler::SiteConfig{});
    o.sites[it->second].start_urls.push_back(seed);
  }
  return o;
}

void PrintSummary(const crawler::CrawlReport& r) {
  std::printf("%-28s %8s %8s %8s %8s %8s %8s %8s\n", "site", "fetched", "new", "changed", "not-mod", "redirect",
              "robots", "errors");
  for (const crawler::SiteSummary& s : r.sites) {
    std::printf("%-28s %8" PRId64 " %8" PRId64 " %8" PRId64 " %8" PRId64 " %8" PRId64 " %8" PRId64 " %8" PRId64 "\n",
                s.site.c_str(), s.fetched, s.new_pages, s.changed, s.not_modified, s.redirects, s.disallowed, s.errors);
    std::string kinds;
    for (const auto& [kind, n] : s.errors_by_kind) kinds += (kinds.empty() ? "" : ", ") + kind + " " + std::to_string(n);
    if (!kinds.empty()) std::printf("  %s\n", kinds.c_str());
  }
  std::printf("%" PRId64 " requests, %" PRId64 " pages, %s in %.1f s; %zu WARC file(s)%s\n", r.totals.requests,
              r.totals.pages, Megabytes(r.totals.bytes).c_str(), r.totals.seconds, r.warc_files.size(),
              r.stopped ? "; stopped, the next run resumes" : "");
  std::fflush(stdout);
}

// A site that got nothing at all although it was asked for: its
// robots.txt was unreachable or every fetch failed.
bool SiteFailed(const crawler::SiteSummary& s) {
  return s.fetched == 0 && s.not_modified == 0 && (s.errors > 0 || s.errors_by_kind.count("robots-unavailable"));
}

}  // namespace

int RunCrawl(const CrawlOptions& c) {
  if (c.config.empty() == c.seeds.empty()) {
    LogError("crawl: give either --config FILE or --seed URL...");
    return kExitUsage;
  }
  Result<crawler::CrawlOptions> loaded = c.config.empty() ? FromSeeds(c.seeds) : crawler::LoadCrawlConfig(c.config);
  if (!loaded.ok()) {
    LogError(loaded.status().message());
    return kExitUsage;
  }
  crawler::CrawlOptions o = std::move(*loaded);
  if (!c.out_dir.empty()) o.out_dir = c.out_dir;
  if (!c.user_agent.empty()) o.user_agent = c.user_agent;
  if (c.delay_seconds) {
    if (*c.delay_seconds < 0) return LogError("--delay must not be negative"), kExitUsage;
    o.min_delay = std::chrono::milliseconds(static_cast<int64_t>(*c.delay_seconds * 1000));
  }
  if (c.per_host) o.per_host = *c.per_host;
  if (c.max_pages) o.max_pages = *c.max_pages;
  if (o.out_dir.empty()) return LogError("crawl: no output directory; give --out DIR or crawl.out"), kExitUsage;
  StopSignals signals;
  o.stop = &g_stop;
  o.progress = ProgressReporter(c.progress);
  Result<std::unique_ptr<crawler::Crawler>> crawler = crawler::Crawler::Open(o);
  if (!crawler.ok()) {
    LogError(crawler.status().message());
    return crawler.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitPartial;
  }
  Result<crawler::CrawlReport> report = (*crawler)->Run();
  if (c.progress && isatty(STDERR_FILENO)) std::fputs("\n", stderr);
  if (!report.ok()) {
    LogError("crawl: " + report.status().message() + "; what was committed before is kept");
    return kExitPartial;
  }
  PrintSummary(*report);
  bool failed = report->stopped;
  for (const crawler::SiteSummary& s : report->sites) failed |= SiteFailed(s);
  return failed ? kExitPartial : kExitOk;
}

}  // namespace newsmine::pipeline
