// WARC/1.1 writer (internal to crawler/): what the crawl keeps.
//
// Each fetch becomes a `request`, a `response` (or a `revisit` for a 304)
// and a `metadata` record tied together by WARC-Concurrent-To; each file
// opens with a `warcinfo` record. Every record is its own gzip member
// (WARC 1.1 Annex D.2), so a reader can seek to a record and a record cut
// by a crash damages only itself. Files are written as "*.warc.gz.open"
// and renamed when complete; Open() renames the leftovers of a killed run,
// whose cut last record readers detect and skip.
//
// Bodies are stored as the application saw them, after libcurl undid
// Content-Encoding and chunking; the header fields that described the
// transfer are renamed X-Crawler-* (as Common Crawl does) so the stored
// HTTP message is self-consistent and WARC-Payload-Digest is the digest of
// the stored payload (warc-reading.md "HTTP payloads").
//
// Thread safety: one thread at a time.
#ifndef NEWSMINE_CRAWLER_WARC_WRITER_H_
#define NEWSMINE_CRAWLER_WARC_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "base/status.h"

namespace newsmine::crawler {

struct WarcWriterOptions {
  std::string dir;                          // created if missing
  std::string prefix = "newsmine";          // file names: PREFIX-YYYYMMDDhhmmss-NNNNN.warc.gz
  uint64_t max_file_bytes = uint64_t{1} << 30;  // rotate after this many compressed bytes (1 GiB: WARC custom)
  int gzip_level = 3;                       // 3: most of level 6's ratio at under half its CPU
  std::vector<std::pair<std::string, std::string>> info;  // warcinfo fields: software, operator, ...
};

// One HTTP exchange to store.
struct WarcExchange {
  std::string target_uri;
  std::string ip;             // WARC-IP-Address; "" when unknown
  std::string date;           // WARC-Date, RFC 3339 UTC ("2026-12-03T09:00:00Z")
  std::string request_head;   // as sent, ending in an empty line
  std::string response_head;  // status line and fields as received, ending in an empty line
  std::string payload;        // the body, content-decoded
  bool not_modified = false;  // a 304: written as a server-not-modified revisit
  std::vector<std::pair<std::string, std::string>> metadata;  // "via", "redirect-chain", "fetch-ms", ...
};

// Where a response record went, for the crawl state.
struct WarcLocation {
  std::string file;       // final file name (without ".open"), relative to dir
  uint64_t offset = 0;    // of the record's gzip member
  std::string record_id;  // "<urn:uuid:...>"
  std::string payload_digest;  // WARC-Payload-Digest of a response; "" for a revisit
};

class WarcWriter {
 public:
  static Result<std::unique_ptr<WarcWriter>> Open(WarcWriterOptions options);
  ~WarcWriter();
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;

  // Writes the records of one exchange, rotating first when the file is
  // full. Records are buffered by stdio: they are durable only after Sync().
  Result<WarcLocation> Write(const WarcExchange& exchange);
  // Flushes and fdatasync()s: every record written so far is on disk.
  // The crawl state is committed only after this (crawl_state.h).
  Status Sync();
  // Syncs and renames the open file to its final name.
  Status Close();

  uint64_t bytes_written() const { return total_bytes_; }
  const std::vector<std::string>& files() const { return files_; }

 private:
  explicit WarcWriter(WarcWriterOptions o);
  Status StartFile();
  Status FinishFile();
  // `block` is given in pieces (the response head, then the payload) so
  // that a page is neither copied nor hashed twice.
  Status WriteRecord(const std::string& head_fields, std::initializer_list<std::string_view> block,
                     std::string_view type, const std::string& content_type, const std::string& record_id,
                     uint64_t* offset);
  Status Deflate(std::string_view in, bool finish);

  WarcWriterOptions o_;
  std::FILE* f_ = nullptr;
  std::string name_;  // final name of the open file
  std::string warcinfo_id_;
  std::string date_;  // WARC-Date of the records being written; "" is now
  uint64_t file_bytes_ = 0;
  uint64_t total_bytes_ = 0;
  int serial_ = 0;
  std::vector<std::string> files_;
  // One deflate state for every record (deflateReset between members):
  // a fresh one per record costs ~270 KB of malloc, zeroing and page
  // faults, which was a third of the crawl's CPU in the benchmark.
  struct Gzip;
  std::unique_ptr<Gzip> gz_;
};

// "sha1:" + RFC 4648 base32 of the SHA-1 of `bytes` (WARC 1.1 §5.8).
std::string WarcSha1(std::string_view bytes);
// The same over the concatenation of `pieces`.
std::string WarcSha1(std::initializer_list<std::string_view> pieces);
// "<urn:uuid:xxxxxxxx-...>" from 16 random bytes (RFC 4122 version 4).
std::string NewWarcRecordId();
// The response head as stored: Content-Encoding, Transfer-Encoding and
// Content-Length renamed X-Crawler-*, and a Content-Length of
// `payload_size` added.
std::string StoredResponseHead(std::string_view head, size_t payload_size);

}  // namespace newsmine::crawler

#endif  // NEWSMINE_CRAWLER_WARC_WRITER_H_
