#include "crawler/crawl_state.h"

#include <sqlite3.h>

#include <ctime>

namespace newsmine::crawler {
namespace {

constexpr char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS urls(
  url TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  kind INTEGER NOT NULL,
  depth INTEGER NOT NULL,
  state INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  discovered_at INTEGER NOT NULL,
  fetched_at INTEGER,
  http_status INTEGER,
  error TEXT,
  etag TEXT,
  last_modified TEXT,
  payload_digest TEXT,
  warc_file TEXT,
  warc_offset INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS urls_by_state ON urls(state, kind);
CREATE TABLE IF NOT EXISTS hosts(
  host TEXT PRIMARY KEY,
  robots_status INTEGER,
  robots_body BLOB,
  robots_fetched_at INTEGER
);
CREATE TABLE IF NOT EXISTS fetch_log(
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  url TEXT NOT NULL,
  http_status INTEGER,
  state INTEGER,
  error TEXT,
  bytes INTEGER,
  elapsed_ms INTEGER,
  warc_file TEXT,
  warc_offset INTEGER
);
)sql";

int64_t UnixNow() { return static_cast<int64_t>(std::time(nullptr)); }

void BindText(sqlite3_stmt* s, int i, const std::string& v) {
  if (v.empty()) sqlite3_bind_null(s, i);
  else sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

std::string ColumnText(sqlite3_stmt* s, int i) {
  const unsigned char* t = sqlite3_column_text(s, i);
  return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s, i)) : std::string();
}

// Finalizes a statement prepared for one query.
struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtCloser>;

}  // namespace

Result<std::unique_ptr<CrawlState>> CrawlState::Open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string m = path + ": cannot open crawl state: " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return IoError(m);
  }
  std::unique_ptr<CrawlState> st(new CrawlState(db, path));
  sqlite3_busy_timeout(db, 5000);
  // WAL: readers (a report, sqlite3 CLI) do not block the crawl, and a
  // commit is one sequential append. synchronous=FULL in WAL mode makes
  // each commit durable, which is what "state after WARC" relies on.
  NM_RETURN_IF_ERROR(st->Exec("PRAGMA journal_mode=WAL"));
  NM_RETURN_IF_ERROR(st->Exec("PRAGMA synchronous=FULL"));
  NM_RETURN_IF_ERROR(st->Exec(kSchema));
  NM_ASSIGN_OR_RETURN(st->discover_, st->Prepare(
      "INSERT OR IGNORE INTO urls(url, host, kind, depth, attempts, discovered_at) VALUES(?,?,?,?,?,?)"));
  NM_ASSIGN_OR_RETURN(st->update_, st->Prepare(
      "UPDATE urls SET state=?2, http_status=?3, error=?4, fetched_at=?5, attempts=?6,"
      " etag=COALESCE(?7, CASE WHEN ?3 = 304 THEN etag END),"
      " last_modified=COALESCE(?8, CASE WHEN ?3 = 304 THEN last_modified END),"
      " payload_digest=COALESCE(?9, payload_digest),"
      " warc_file=COALESCE(?10, warc_file), warc_offset=COALESCE(?11, warc_offset) WHERE url=?1"));
  NM_ASSIGN_OR_RETURN(st->log_, st->Prepare(
      "INSERT INTO fetch_log(at, url, http_status, state, error, bytes, elapsed_ms, warc_file, warc_offset)"
      " VALUES(?,?,?,?,?,?,?,?,?)"));
  NM_RETURN_IF_ERROR(st->Exec("BEGIN"));
  return st;
}

CrawlState::~CrawlState() {
  for (sqlite3_stmt* s : statements_) sqlite3_finalize(s);
  // An uncommitted transaction is rolled back by close: only what the
  // caller committed (after syncing the WARC files) survives.
  sqlite3_close(db_);
}

Status CrawlState::Error(const std::string& what) {
  return IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

Status CrawlState::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    Status s = IoError(path_ + ": " + (err ? err : "sqlite error"));
    sqlite3_free(err);
    return s;
  }
  return Status::Ok();
}

Result<sqlite3_stmt*> CrawlState::Prepare(const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) return Error("prepare");
  statements_.push_back(s);
  return s;
}

Result<bool> CrawlState::Discover(const UrlEntry& e) {
  sqlite3_stmt* s = discover_;
  sqlite3_reset(s);
  BindText(s, 1, e.url);
  BindText(s, 2, e.host);
  sqlite3_bind_int(s, 3, static_cast<int>(e.kind));
  sqlite3_bind_int(s, 4, e.depth);
  sqlite3_bind_int(s, 5, e.attempts);
  sqlite3_bind_int64(s, 6, UnixNow());
  if (sqlite3_step(s) != SQLITE_DONE) return Error("discover " + e.url);
  return sqlite3_changes(db_) > 0;
}

Result<int> CrawlState::RequeueHubs() {
  NM_RETURN_IF_ERROR(Exec("UPDATE urls SET state=0, attempts=0 WHERE kind<>0 AND state<>3"));
  return sqlite3_changes(db_);
}

Status CrawlState::ForEachKnown(const std::function<void(const std::string&)>& f) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT url FROM urls", -1, &raw, nullptr) != SQLITE_OK) return Error("select");
  Stmt s(raw);
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) f(ColumnText(raw, 0));
  return rc == SQLITE_DONE ? Status::Ok() : Error("select");
}

Result<std::vector<UrlEntry>> CrawlState::Frontier() {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_,
                         "SELECT url, host, kind, depth, attempts FROM urls WHERE state=0"
                         " ORDER BY kind DESC, depth, discovered_at",
                         -1, &raw, nullptr) != SQLITE_OK)
    return Error("frontier");
  Stmt s(raw);
  std::vector<UrlEntry> out;
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    out.push_back(UrlEntry{ColumnText(raw, 0), ColumnText(raw, 1), static_cast<UrlKind>(sqlite3_column_int(raw, 2)),
                           sqlite3_column_int(raw, 3), sqlite3_column_int(raw, 4)});
  }
  if (rc != SQLITE_DONE) return Error("frontier");
  return out;
}

Result<std::optional<Validators>> CrawlState::GetValidators(const std::string& url) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT etag, last_modified, payload_digest FROM urls WHERE url=? AND payload_digest IS NOT NULL",
                         -1, &raw, nullptr) != SQLITE_OK)
    return Error("validators");
  Stmt s(raw);
  BindText(raw, 1, url);
  const int rc = sqlite3_step(raw);
  if (rc == SQLITE_DONE) return std::optional<Validators>();
  if (rc != SQLITE_ROW) return Error("validators");
  return std::optional<Validators>(Validators{ColumnText(raw, 0), ColumnText(raw, 1), ColumnText(raw, 2)});
}

Status CrawlState::RecordFetch(const FetchRecord& r) {
  const int64_t now = UnixNow();
  sqlite3_stmt* s = update_;
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  BindText(s, 1, r.url);
  sqlite3_bind_int(s, 2, static_cast<int>(r.state));
  if (r.http_status) sqlite3_bind_int(s, 3, r.http_status);
  BindText(s, 4, r.error);
  sqlite3_bind_int64(s, 5, now);
  sqlite3_bind_int(s, 6, r.attempts);
  BindText(s, 7, r.etag);
  BindText(s, 8, r.last_modified);
  BindText(s, 9, r.payload_digest);
  BindText(s, 10, r.warc_file);
  if (!r.warc_file.empty()) sqlite3_bind_int64(s, 11, static_cast<int64_t>(r.warc_offset));
  if (sqlite3_step(s) != SQLITE_DONE) return Error("update " + r.url);
  s = log_;
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  sqlite3_bind_int64(s, 1, now);
  BindText(s, 2, r.url);
  if (r.http_status) sqlite3_bind_int(s, 3, r.http_status);
  sqlite3_bind_int(s, 4, static_cast<int>(r.state));
  BindText(s, 5, r.error);
  sqlite3_bind_int64(s, 6, static_cast<int64_t>(r.bytes));
  sqlite3_bind_int64(s, 7, r.elapsed_ms);
  BindText(s, 8, r.warc_file);
  if (!r.warc_file.empty()) sqlite3_bind_int64(s, 9, static_cast<int64_t>(r.warc_offset));
  if (sqlite3_step(s) != SQLITE_DONE) return Error("log " + r.url);
  return Status::Ok();
}

Status CrawlState::SaveRobots(const std::string& host, const RobotsCacheEntry& e) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, "INSERT OR REPLACE INTO hosts(host, robots_status, robots_body, robots_fetched_at) VALUES(?,?,?,?)",
                         -1, &raw, nullptr) != SQLITE_OK)
    return Error("robots");
  Stmt s(raw);
  BindText(raw, 1, host);
  sqlite3_bind_int(raw, 2, e.http_status);
  sqlite3_bind_blob(raw, 3, e.body.data(), static_cast<int>(e.body.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int64(raw, 4, e.fetched_at);
  return sqlite3_step(raw) == SQLITE_DONE ? Status::Ok() : Error("robots " + host);
}

Result<std::optional<RobotsCacheEntry>> CrawlState::LoadRobots(const std::string& host) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT robots_status, robots_body, robots_fetched_at FROM hosts WHERE host=?", -1, &raw,
                         nullptr) != SQLITE_OK)
    return Error("robots");
  Stmt s(raw);
  BindText(raw, 1, host);
  const int rc = sqlite3_step(raw);
  if (rc == SQLITE_DONE) return std::optional<RobotsCacheEntry>();
  if (rc != SQLITE_ROW) return Error("robots " + host);
  RobotsCacheEntry e;
  e.http_status = sqlite3_column_int(raw, 0);
  const void* b = sqlite3_column_blob(raw, 1);
  if (b) e.body.assign(static_cast<const char*>(b), sqlite3_column_bytes(raw, 1));
  e.fetched_at = sqlite3_column_int64(raw, 2);
  return std::optional<RobotsCacheEntry>(std::move(e));
}

Result<int64_t> CrawlState::Count(UrlState state) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT COUNT(*) FROM urls WHERE state=?", -1, &raw, nullptr) != SQLITE_OK)
    return Error("count");
  Stmt s(raw);
  sqlite3_bind_int(raw, 1, static_cast<int>(state));
  if (sqlite3_step(raw) != SQLITE_ROW) return Error("count");
  return static_cast<int64_t>(sqlite3_column_int64(raw, 0));
}

Status CrawlState::Commit() {
  NM_RETURN_IF_ERROR(Exec("COMMIT"));
  return Exec("BEGIN");
}

}  // namespace newsmine::crawler
