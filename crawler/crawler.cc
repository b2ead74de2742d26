// The crawl loop: frontier → host queue → fetcher → WARC → state.
#include "crawler/crawler.h"

#include <re2/re2.h>

#include <ctime>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "base/log.h"
#include "crawler/config.h"
#include "crawler/crawl_state.h"
#include "crawler/discovery.h"
#include "crawler/fetcher.h"
#include "crawler/host_queue.h"
#include "crawler/links.h"
#include "crawler/robots.h"
#include "crawler/url.h"
#include "crawler/warc_writer.h"

namespace newsmine::crawler {
namespace {

using std::chrono::milliseconds;

// RFC 9309 §2.3.1.2 and issue 8: at most five redirects are followed.
constexpr int kMaxRedirects = 5;
// Bodies of failed fetches kept in the report.
constexpr size_t kMaxFailedListed = 1000;

std::string ProductToken(const std::string& user_agent) {
  return user_agent.substr(0, user_agent.find_first_of("/ "));
}

bool IsHtml(const std::string& content_type) {
  return content_type.empty() || content_type.find("html") != std::string::npos;
}

bool IsXml(const std::string& content_type) {
  return content_type.find("xml") != std::string::npos || content_type.find("rss") != std::string::npos ||
         content_type.find("gzip") != std::string::npos;
}

struct Site {
  SiteSummary summary;
  std::vector<std::unique_ptr<RE2>> articles, follows;
  std::unordered_set<std::string> hosts;
  int64_t max_pages = 0;
  int64_t dispatched = 0;
  std::optional<milliseconds> delay;  // SiteConfig::delay
  std::string user_agent, token;      // "": the crawl's
};

enum class RobotsState { kPending, kReady, kUnavailable };

struct HostInfo {
  RobotsState state = RobotsState::kPending;
  bool requested = false;  // robots.txt asked for (or read from the cache)
  Robots robots;
  Site* site = nullptr;
};

}  // namespace

struct Crawler::Impl {
  CrawlOptions o;
  std::string token;
  std::unique_ptr<CrawlState> state;
  std::unique_ptr<WarcWriter> warc;
  std::unique_ptr<Fetcher> fetcher;
  HostQueue queue;
  std::vector<std::unique_ptr<Site>> sites;
  std::unordered_map<std::string, HostInfo> hosts;
  std::unordered_set<std::string> seen;
  std::unordered_map<uint64_t, QueuedUrl> in_flight;
  uint64_t next_id = 1;
  int64_t dispatched_pages = 0;
  CrawlReport report;
  Clock::time_point started, last_commit, last_progress;
  Status fatal;  // the first WARC or state error: ends the run

  explicit Impl(const CrawlOptions& opts)
      : o(opts),
        token(ProductToken(opts.user_agent)),
        queue(HostPolicy{.min_delay = opts.min_delay, .max_in_flight = opts.per_host, .backoff_base = opts.backoff_base},
              static_cast<uint64_t>(std::time(nullptr))) {}

  void Check(Status s) {
    if (!s.ok() && fatal.ok()) fatal = std::move(s);
  }

  Site* SiteOf(const std::string& host) {
    HostInfo& h = hosts[host];
    if (h.site) return h.site;
    for (auto& s : sites)
      if (s->hosts.count(host)) return h.site = s.get();
    // A host reached by a redirect: counted under its own name.
    auto s = std::make_unique<Site>();
    s->summary.site = host;
    sites.push_back(std::move(s));
    return h.site = sites.back().get();
  }

  // --- The frontier --------------------------------------------------------

  // Adds a URL found now (a start URL, a link, a redirect target) unless
  // it was seen before; hubs are re-added every run by RequeueHubs.
  void Discover(const std::string& url, UrlKind kind, int depth, QueuedUrl* from_redirect = nullptr) {
    if (!seen.insert(url).second) return;
    std::optional<Url> u = ParseUrl(url);
    if (!u) return;
    Result<bool> added = state->Discover({.url = url, .host = u->Authority(), .kind = kind, .depth = depth});
    if (!added.ok()) return Check(added.status());
    QueuedUrl item{.url = url, .host = u->Authority(), .kind = static_cast<int>(kind), .depth = depth};
    if (from_redirect) {
      item.redirects = from_redirect->redirects + 1;
      item.chain = from_redirect->chain;
      item.chain.push_back(from_redirect->url);
    }
    Enqueue(std::move(item), from_redirect != nullptr);
  }

  // Puts an item in its host's queue, first asking for robots.txt when the
  // host is new, and dropping what robots.txt disallows.
  void Enqueue(QueuedUrl item, bool front) {
    HostInfo& h = hosts[item.host];
    if (!h.requested) {
      h.requested = true;
      if (!LoadCachedRobots(item.host)) RequestRobots(item.host, item.url);
    }
    if (h.state == RobotsState::kUnavailable) return Unavailable(item);
    if (h.state == RobotsState::kReady && !Allowed(h, item.url)) return Disallowed(item);
    queue.Push(std::move(item), front);
  }

  bool Allowed(const HostInfo& h, const std::string& url) {
    std::optional<Url> u = ParseUrl(url);
    return u && h.robots.Allowed(u->PathAndQuery());
  }

  void Disallowed(const QueuedUrl& item) {
    Site* s = SiteOf(item.host);
    ++s->summary.disallowed;
    Check(state->RecordFetch({.url = item.url, .state = UrlState::kExcluded, .error = "robots"}));
  }

  // robots.txt answered 5xx or not at all: RFC 9309 §2.3.1.4 says assume
  // complete disallow. The URLs stay queued in the state for the next run.
  void Unavailable(const QueuedUrl& item) {
    Site* s = SiteOf(item.host);
    ++s->summary.errors_by_kind["robots-unavailable"];
  }

  // --- robots.txt ----------------------------------------------------------

  bool LoadCachedRobots(const std::string& host) {
    Result<std::optional<RobotsCacheEntry>> cached = state->LoadRobots(host);
    if (!cached.ok()) return Check(cached.status()), false;
    if (!cached->has_value() || std::time(nullptr) - (*cached)->fetched_at > kRobotsCacheSeconds) return false;
    ApplyRobots(host, (*cached)->http_status, (*cached)->body);
    return true;
  }

  void RequestRobots(const std::string& host, const std::string& any_url) {
    std::optional<Url> u = ParseUrl(any_url);
    if (!u) return;
    queue.Push(QueuedUrl{.url = u->Origin() + "/robots.txt", .host = host, .robots = true}, true);
  }

  void ApplyRobots(const std::string& host, int status, const std::string& body) {
    const Site* site = SiteOf(host);
    HostInfo& h = hosts[host];
    h.robots = Robots::ForStatus(status, body, site->token.empty() ? token : site->token);
    const bool unavailable = status == 0 || status == 429 || status >= 500;
    h.state = unavailable ? RobotsState::kUnavailable : RobotsState::kReady;
    const double crawl_delay = std::min<double>(h.robots.crawl_delay().value_or(0), o.max_crawl_delay.count());
    queue.Open(host, milliseconds(static_cast<int64_t>(crawl_delay * 1000)), site->delay);
    for (QueuedUrl& item : queue.Drain(host)) Enqueue(std::move(item), false);
  }

  void HandleRobots(QueuedUrl item, FetchResult& r) {
    if (r.status >= 300 && r.status < 400 && !r.location.empty() && item.redirects < kMaxRedirects) {
      // §2.3.1.2: follow at least five redirects, even to another host.
      Write(item, r);
      item.url = r.location;
      ++item.redirects;
      queue.Push(std::move(item), true);
      return;
    }
    if (r.status != 0) Write(item, r);
    const int status = r.status >= 300 && r.status < 400 ? 404 : r.status;  // too many redirects: §2.3.1.2
    const bool unavailable = status == 0 || status == 429 || status >= 500;
    if (!unavailable)  // 5xx is not cached: the next run asks again
      Check(state->SaveRobots(item.host, {.http_status = status, .body = r.body, .fetched_at = std::time(nullptr)}));
    if (unavailable)
      LogWarning(item.url + ": " + (status ? "HTTP " + std::to_string(status) : std::string(r.error_text)) +
                 "; RFC 9309 §2.3.1.4: not crawling " + item.host + " this run");
    ApplyRobots(item.host, status, r.body.substr(0, kRobotsMaxBytes));
    // §2.2.4: Sitemap lines name sitemaps for discovery. Only fresh
    // fetches: once found they are hubs of the state, re-fetched each run.
    Site* site = SiteOf(item.host);
    for (const std::string& sitemap : hosts[item.host].robots.sitemaps())
      if (std::optional<std::string> u = NormalizeUrl(sitemap); u && InScope(*u, site))
        Discover(*u, UrlKind::kSitemap, 0);
  }

  // --- Fetching ------------------------------------------------------------

  void Dispatch(Clock::time_point now) {
    while (fetcher->in_flight() < static_cast<size_t>(o.max_connections)) {
      std::optional<QueuedUrl> item = queue.Pop(now);
      if (!item) return;
      if (!item->robots && !MayFetchMore(*item)) {
        queue.Done(item->host, now, false);
        continue;  // stays queued in the state for the next run
      }
      FetchRequest req{.id = next_id++, .url = item->url, .user_agent = SiteOf(item->host)->user_agent};
      if (item->robots) {
        req.max_body_bytes = kRobotsMaxBytes;  // §2.5: the rest is not read
        req.truncate = true;
      } else if (item->kind != static_cast<int>(UrlKind::kPage)) {
        Result<std::optional<Validators>> v = state->GetValidators(item->url);
        if (v.ok() && v->has_value()) {
          req.if_none_match = (*v)->etag;
          req.if_modified_since = (*v)->last_modified;
        }
      }
      fetcher->Add(req);
      in_flight.emplace(req.id, std::move(*item));
    }
  }

  bool MayFetchMore(const QueuedUrl& item) {
    if (o.max_pages > 0 && dispatched_pages >= o.max_pages) return false;
    Site* s = SiteOf(item.host);
    if (s->max_pages > 0 && s->dispatched >= s->max_pages) return false;
    ++dispatched_pages;
    ++s->dispatched;
    return true;
  }

  static bool Transient(const FetchResult& r) {
    if (r.status == 429 || r.status >= 500) return true;
    return r.error == FetchError::kTimeout || r.error == FetchError::kConnect || r.error == FetchError::kReset ||
           r.error == FetchError::kDns;
  }

  std::optional<WarcLocation> Write(const QueuedUrl& item, const FetchResult& r) {
    WarcExchange x{.target_uri = r.url, .ip = r.ip, .date = r.date, .request_head = r.request_head,
                   .response_head = r.response_head, .payload = r.body, .not_modified = r.status == 304};
    x.metadata.emplace_back("fetch-ms", std::to_string(r.elapsed.count()));
    for (const std::string& c : item.chain) x.metadata.emplace_back("redirected-from", c);
    if (!r.location.empty()) x.metadata.emplace_back("location", r.location);
    Result<WarcLocation> loc = warc->Write(x);
    if (!loc.ok()) return Check(loc.status()), std::nullopt;
    return *loc;
  }

  void Handle(FetchResult& r, Clock::time_point now) {
    auto it = in_flight.find(r.id);
    if (it == in_flight.end()) return;
    QueuedUrl item = std::move(it->second);
    in_flight.erase(it);
    ++report.totals.requests;
    report.totals.bytes += static_cast<int64_t>(r.body.size());
    const bool transient = Transient(r);
    const auto retry_after = r.retry_after;
    queue.Done(item.host, now, transient, retry_after);
    if (item.robots) return HandleRobots(std::move(item), r);
    std::optional<WarcLocation> loc;
    if (r.status != 0) loc = Write(item, r);
    FetchRecord rec{.url = item.url, .http_status = r.status, .bytes = r.body.size(),
                    .elapsed_ms = r.elapsed.count(), .attempts = item.attempts + 1};
    if (loc) rec.warc_file = loc->file, rec.warc_offset = loc->offset;
    Site* site = SiteOf(item.host);
    if (transient) return Retry(std::move(item), r, rec, site);
    if (r.status == 0) return Fail(rec, FetchErrorName(r.error), site);
    if (r.status >= 300 && r.status < 400 && !r.location.empty()) return Redirect(std::move(item), r, rec, site);
    if (r.status == 304) {
      ++site->summary.not_modified;
      ++report.totals.pages;
      rec.state = UrlState::kFetched;
      return Check(state->RecordFetch(rec));
    }
    if (r.status < 200 || r.status >= 300) return Fail(rec, "http-" + std::to_string(r.status), site);
    // The WARC writer has hashed the payload already.
    rec.payload_digest = loc ? loc->payload_digest : WarcSha1(r.body);
    Fetched(item, r, rec, site);
  }

  void Fail(FetchRecord& rec, const std::string& reason, Site* site) {
    rec.state = UrlState::kFailed;
    rec.error = reason;
    ++site->summary.errors;
    ++site->summary.errors_by_kind[reason];
    ++report.totals.errors;
    if (report.failed.size() < kMaxFailedListed) report.failed.push_back({rec.url, reason});
    Check(state->RecordFetch(rec));
  }

  void Retry(QueuedUrl item, const FetchResult& r, FetchRecord& rec, Site* site) {
    const std::string reason = r.status ? "http-" + std::to_string(r.status) : FetchErrorName(r.error);
    const bool too_long = r.retry_after && *r.retry_after > o.max_retry_after;
    if (item.attempts >= o.max_retries || too_long) return Fail(rec, reason, site);
    ++item.attempts;
    // Not recorded: the URL is still queued; the fetch log keeps the try.
    rec.state = UrlState::kQueued;
    rec.error = reason + " (will retry)";
    Check(state->RecordFetch(rec));
    queue.Push(std::move(item), true);
  }

  void Redirect(QueuedUrl item, const FetchResult& r, FetchRecord& rec, Site* site) {
    ++site->summary.redirects;
    rec.state = UrlState::kRedirected;
    Check(state->RecordFetch(rec));
    if (item.redirects >= kMaxRedirects) {
      FetchRecord loop = rec;
      return Fail(loop, "too-many-redirects", site);
    }
    std::optional<std::string> target = NormalizeUrl(r.location);
    if (!target) return;
    // A redirect's target is de-duplicated like any link (issue 8).
    Discover(*target, static_cast<UrlKind>(item.kind), item.depth, &item);
  }

  void Fetched(const QueuedUrl& item, const FetchResult& r, FetchRecord& rec, Site* site) {
    ++site->summary.fetched;
    ++report.totals.pages;
    rec.state = UrlState::kFetched;
    rec.etag = r.etag;
    rec.last_modified = r.last_modified;
    Result<std::optional<Validators>> before = state->GetValidators(item.url);
    if (!before.ok() || !before->has_value()) ++site->summary.new_pages;
    else if ((*before)->payload_digest == rec.payload_digest) ++site->summary.not_modified;
    else ++site->summary.changed;
    Check(state->RecordFetch(rec));
    const auto kind = static_cast<UrlKind>(item.kind);
    if ((kind == UrlKind::kFeed || kind == UrlKind::kSitemap || IsXml(r.content_type)) && !IsHtml(r.content_type))
      return Feed(item, r);
    if (IsHtml(r.content_type) && item.depth < o.max_depth) Links(item, r, site);
  }

  void Feed(const QueuedUrl& item, const FetchResult& r) {
    Site* site = SiteOf(item.host);
    for (const DiscoveredUrl& d : DiscoverUrls(r.body, r.url)) {
      std::optional<std::string> u = NormalizeUrl(d.url);
      if (!u) continue;
      // Feeds and sitemaps list articles: a URL no pattern names is still a page.
      UrlKind kind = d.is_sitemap ? UrlKind::kSitemap : Classify(*u, site, UrlKind::kPage);
      if (static_cast<int>(kind) < 0) kind = UrlKind::kPage;
      if (kind == UrlKind::kSitemap || InScope(*u, site)) Discover(*u, kind, item.depth + 1);
    }
  }

  bool InScope(const std::string& url, Site* site) {
    std::optional<Url> u = ParseUrl(url);
    return u && site->hosts.count(u->Authority());
  }

  // A link's kind by the site's patterns: `fallback` when the site has
  // none, UrlKind(-1) when it has some and none matches (not followed).
  UrlKind Classify(const std::string& url, Site* site, UrlKind fallback) {
    if (site->articles.empty() && site->follows.empty()) return fallback;
    for (auto& re : site->articles)
      if (RE2::FullMatch(url, *re)) return UrlKind::kPage;
    for (auto& re : site->follows)
      if (RE2::FullMatch(url, *re)) return UrlKind::kHub;
    return static_cast<UrlKind>(-1);
  }

  void Links(const QueuedUrl& item, const FetchResult& r, Site* site) {
    PageLinks found = FindLinks(r.body);
    std::string base = r.url;
    if (!found.base.empty())
      if (std::optional<std::string> b = ResolveUrl(r.url, found.base)) base = *b;
    for (const Link& l : found.links) {
      if (l.nofollow) continue;
      std::optional<std::string> u = ResolveUrl(base, l.href);
      if (!u || !InScope(*u, site)) continue;
      UrlKind kind = UrlKind::kPage;
      if (l.kind == LinkKind::kAlternate) {
        if (l.type.find("rss") == std::string::npos && l.type.find("atom") == std::string::npos) continue;
        kind = UrlKind::kFeed;
      } else if (l.kind == LinkKind::kNext) {
        kind = UrlKind::kHub;  // pagination of a section
      } else {
        kind = Classify(*u, site, UrlKind::kPage);
        if (static_cast<int>(kind) < 0) continue;
      }
      Discover(*u, kind, item.depth + 1);
    }
  }

  // --- The run -------------------------------------------------------------

  Status Start() {
    NM_RETURN_IF_ERROR(state->ForEachKnown([this](const std::string& u) { seen.insert(u); }));
    NM_ASSIGN_OR_RETURN(int requeued, state->RequeueHubs());
    (void)requeued;
    for (auto& s : sites) {
      for (const std::string& h : s->hosts) hosts[h].site = s.get();
    }
    NM_ASSIGN_OR_RETURN(std::vector<UrlEntry> frontier, state->Frontier());
    for (UrlEntry& e : frontier)
      Enqueue(QueuedUrl{.url = e.url, .host = e.host, .kind = static_cast<int>(e.kind), .depth = e.depth,
                        .attempts = e.attempts}, false);
    for (size_t i = 0; i < o.sites.size(); ++i) {
      const SiteConfig& c = o.sites[i];
      for (const std::string& u : c.start_urls) Discover(*NormalizeUrl(u), UrlKind::kHub, 0);
      for (const std::string& u : c.feeds) Discover(*NormalizeUrl(u), UrlKind::kFeed, 0);
      for (const std::string& u : c.sitemaps) Discover(*NormalizeUrl(u), UrlKind::kSitemap, 0);
    }
    return fatal;
  }

  bool Stopping() const { return o.stop && o.stop->load(); }

  Status Commit() {
    // The order is the durability contract: WARC records on disk first,
    // then the state that points at them.
    NM_RETURN_IF_ERROR(warc->Sync());
    return state->Commit();
  }

  void Progress(Clock::time_point now, bool force) {
    if (!o.progress || (!force && now - last_progress < o.progress_interval)) return;
    last_progress = now;
    CrawlProgress p = report.totals;
    p.queued = static_cast<int64_t>(queue.size());
    p.in_flight = static_cast<int64_t>(in_flight.size());
    p.seconds = std::chrono::duration<double>(now - started).count();
    o.progress(p);
  }

  Result<CrawlReport> Run() {
    started = last_commit = last_progress = Clock::now();
    NM_RETURN_IF_ERROR(Start());
    std::vector<FetchResult> done;
    std::optional<Clock::time_point> stop_at;
    for (;;) {
      Clock::time_point now = Clock::now();
      if (Stopping() && !stop_at) {
        // Transfers in flight get stop_grace to finish; what is still
        // running then is dropped and stays in the frontier.
        stop_at = now + o.stop_grace;
        report.stopped = true;
      }
      if (!stop_at) Dispatch(now);
      if (fetcher->in_flight() == 0 && (stop_at || queue.empty())) break;
      if (stop_at && now >= *stop_at) break;
      // Sleep in the fetcher until a transfer has news or the next host
      // becomes ready, whichever is first (at most 100 ms, to notice `stop`).
      milliseconds wait(100);
      const std::optional<Clock::time_point> next = stop_at ? std::nullopt : queue.NextReady();
      const bool full = fetcher->in_flight() >= static_cast<size_t>(o.max_connections);
      if (next && !full) wait = std::clamp(std::chrono::duration_cast<milliseconds>(*next - now), milliseconds(0), wait);
      else if (fetcher->in_flight() == 0) break;  // nothing can ever become ready
      done.clear();
      fetcher->Poll(wait, &done);
      now = Clock::now();
      for (FetchResult& r : done) Handle(r, now);
      if (!fatal.ok()) return fatal;
      if (now - last_commit >= o.commit_interval) {
        NM_RETURN_IF_ERROR(Commit());
        last_commit = now;
      }
      Progress(now, false);
    }
    NM_RETURN_IF_ERROR(Commit());
    NM_RETURN_IF_ERROR(warc->Close());
    Progress(Clock::now(), true);
    report.totals.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    report.totals.queued = static_cast<int64_t>(queue.size());
    report.warc_files = warc->files();
    for (auto& s : sites) report.sites.push_back(s->summary);
    return report;
  }
};

Crawler::Crawler(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Crawler::~Crawler() = default;

namespace {

Status CompilePatterns(const std::vector<std::string>& patterns, const std::string& where,
                       std::vector<std::unique_ptr<RE2>>* out) {
  for (const std::string& p : patterns) {
    auto re = std::make_unique<RE2>(p, RE2::Quiet);
    if (!re->ok()) return InvalidArgumentError(where + ": pattern '" + p + "': " + re->error());
    out->push_back(std::move(re));
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Crawler>> Crawler::Open(const CrawlOptions& o) {
  if (o.out_dir.empty()) return InvalidArgumentError("out_dir: no output directory given");
  if (o.sites.empty()) return InvalidArgumentError("sites: nothing to crawl; give start URLs, feeds or sitemaps");
  if (o.per_host < 1 || o.max_connections < 1) return InvalidArgumentError("per_host and max_connections must be at least 1");
  if (!HasContact(o.user_agent))
    return InvalidArgumentError("user_agent '" + o.user_agent + "' has no contact URL or e-mail for site operators");
  bool default_agent_used = false;
  auto impl = std::make_unique<Impl>(o);
  for (size_t i = 0; i < o.sites.size(); ++i) {
    const SiteConfig& c = o.sites[i];
    auto site = std::make_unique<Site>();
    const std::string where = "site " + (c.name.empty() ? std::to_string(i + 1) : c.name);
    for (const auto* list : {&c.start_urls, &c.feeds, &c.sitemaps}) {
      for (const std::string& u : *list) {
        std::optional<Url> url = ParseUrl(u);
        if (!url) return InvalidArgumentError(where + ": '" + u + "' is not an http(s) URL");
        site->hosts.insert(url->Authority());
        if (site->summary.site.empty()) site->summary.site = c.name.empty() ? url->Authority() : c.name;
      }
    }
    if (site->hosts.empty()) return InvalidArgumentError(where + ": no start_urls, feeds or sitemaps");
    NM_RETURN_IF_ERROR(CompilePatterns(c.article_patterns, where + ": article_patterns", &site->articles));
    NM_RETURN_IF_ERROR(CompilePatterns(c.follow_patterns, where + ": follow_patterns", &site->follows));
    site->max_pages = c.max_pages;
    site->delay = c.delay;
    if (!c.user_agent.empty()) {
      if (!HasContact(c.user_agent))
        return InvalidArgumentError(where + ": user_agent '" + c.user_agent + "' has no contact URL or e-mail");
      site->user_agent = c.user_agent;
      site->token = ProductToken(c.user_agent);
    }
    default_agent_used |= c.user_agent.empty();
    impl->sites.push_back(std::move(site));
  }
  // Site operators look up the User-Agent to complain or ask; the
  // default leads to newsmine, not to whoever runs this crawl.
  if (default_agent_used && o.user_agent == kDefaultUserAgent)
    LogWarning("user_agent: the default names newsmine's home page; set crawl.user_agent or --user-agent with a "
               "URL or e-mail where site operators can reach you");
  NM_ASSIGN_OR_RETURN(impl->warc, WarcWriter::Open({.dir = o.out_dir, .max_file_bytes = o.warc_max_bytes,
                                                    .info = {{"software", "newsmine"},
                                                             {"http-header-user-agent", o.user_agent},
                                                             {"robots", "obey (RFC 9309)"}}}));
  NM_ASSIGN_OR_RETURN(impl->state, CrawlState::Open(o.out_dir + "/crawl.sqlite"));
  NM_ASSIGN_OR_RETURN(impl->fetcher, Fetcher::Create({.user_agent = o.user_agent,
                                                      .max_connections = o.max_connections,
                                                      .max_per_host = o.per_host,
                                                      .connect_timeout = o.connect_timeout,
                                                      .total_timeout = o.total_timeout,
                                                      .low_speed_time = o.low_speed_time,
                                                      .max_body_bytes = o.max_body_bytes}));
  return std::unique_ptr<Crawler>(new Crawler(std::move(impl)));
}

Result<CrawlReport> Crawler::Run() { return impl_->Run(); }

}  // namespace newsmine::crawler
