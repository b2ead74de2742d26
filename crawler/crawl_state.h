// The crawl state in SQLite, WAL mode (internal to crawler/): frontier,
// seen URLs, per-host robots.txt cache, validators for conditional GETs,
// and a log of every fetch.
//
// All writes go into one open transaction that Commit() ends. The crawler
// commits only after WarcWriter::Sync(), so after a crash (kill -9) the
// state never claims a page whose records are not in a WARC file: it loses
// at most what was fetched since the last commit, and those URLs are still
// in the frontier of the last committed state.
//
// Example:
//   NM_ASSIGN_OR_RETURN(auto state, CrawlState::Open("out/crawl.sqlite"));
//   state->Discover({.url = u, .host = h, .kind = UrlKind::kPage});
//   ... fetch, warc->Write, state->RecordFetch(...) ...
//   warc->Sync(); state->Commit();
//
// Thread safety: one thread at a time.
#ifndef NEWSMINE_CRAWLER_CRAWL_STATE_H_
#define NEWSMINE_CRAWLER_CRAWL_STATE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace newsmine::crawler {

// What a URL is to the crawl. Hubs (start pages, sections, feeds,
// sitemaps) are fetched again on every run, with conditional GETs; pages
// are fetched once.
enum class UrlKind { kPage = 0, kHub = 1, kFeed = 2, kSitemap = 3 };

enum class UrlState {
  kQueued = 0,
  kFetched = 1,     // a 2xx or 304 is in a WARC file
  kFailed = 2,      // gave up: error or 4xx; `error` says why
  kExcluded = 3,    // robots.txt disallowed it
  kRedirected = 4,  // a 3xx; the target is its own row
};

struct UrlEntry {
  std::string url;
  std::string host;
  UrlKind kind = UrlKind::kPage;
  int depth = 0;
  int attempts = 0;
};

// The outcome of one fetch, as recorded.
struct FetchRecord {
  std::string url;
  UrlState state = UrlState::kFetched;
  int http_status = 0;
  std::string error;          // "" or why it failed ("timeout", "robots", ...)
  std::string etag;           // validators for the next conditional GET
  std::string last_modified;
  std::string payload_digest; // to tell "changed" from "same bytes"
  // "" when nothing was written. The final name: while its run goes on (or
  // after a kill, until the next run) the file is named warc_file + ".open".
  std::string warc_file;
  uint64_t warc_offset = 0;
  uint64_t bytes = 0;
  int64_t elapsed_ms = 0;
  int attempts = 0;
};

struct Validators {
  std::string etag, last_modified, payload_digest;
};

struct RobotsCacheEntry {
  int http_status = 0;
  std::string body;
  int64_t fetched_at = 0;  // unix seconds
};

class CrawlState {
 public:
  // Opens or creates the database at `path` and begins a transaction.
  static Result<std::unique_ptr<CrawlState>> Open(const std::string& path);
  ~CrawlState();
  CrawlState(const CrawlState&) = delete;
  CrawlState& operator=(const CrawlState&) = delete;

  // Adds a URL to the frontier unless it is known; true when it was new.
  Result<bool> Discover(const UrlEntry& entry);
  // Puts every hub, feed and sitemap back in the frontier (a new run
  // checks them for new links); returns how many.
  Result<int> RequeueHubs();
  // Calls `f` for every URL ever seen (to fill an in-memory seen set).
  Status ForEachKnown(const std::function<void(const std::string&)>& f);
  // The queued URLs, hubs first.
  Result<std::vector<UrlEntry>> Frontier();
  // Validators of the last successful fetch of `url`, if any.
  Result<std::optional<Validators>> GetValidators(const std::string& url);
  // Updates the URL's row and appends to the fetch log.
  Status RecordFetch(const FetchRecord& record);

  Status SaveRobots(const std::string& host, const RobotsCacheEntry& entry);
  Result<std::optional<RobotsCacheEntry>> LoadRobots(const std::string& host);

  // How many URLs are in `state`.
  Result<int64_t> Count(UrlState state);

  // Commits the open transaction and begins the next.
  Status Commit();

 private:
  explicit CrawlState(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Exec(const char* sql);
  Result<sqlite3_stmt*> Prepare(const char* sql);
  Status Error(const std::string& what);

  sqlite3* db_;
  std::string path_;
  std::vector<sqlite3_stmt*> statements_;
  sqlite3_stmt* discover_ = nullptr;
  sqlite3_stmt* update_ = nullptr;
  sqlite3_stmt* log_ = nullptr;
};

}  // namespace newsmine::crawler

#endif  // NEWSMINE_CRAWLER_CRAWL_STATE_H_
