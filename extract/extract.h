// extract: article records from news pages, as HTML files or in WARC files.
//
// Extract() turns one fetched page into the article record of
// ../shared/spec/records.md without facts: the main text only (no menus,
// "read also" lists, ads, comments, share buttons), title, authors, date,
// language, canonical URL and site. Pages in any charset (windows-1251,
// KOI8-R, UTF-16, broken UTF-8) are read; a page with no article gives an
// empty `text` and a warning, never an error. WarcReader streams the HTML
// responses out of .warc and .warc.gz files as other tools write them
// (../shared/spec/warc-reading.md); damaged records are skipped with a
// message naming file, record and byte offset.
//
// Example:
//   Result<WarcReader> warc = WarcReader::Open("crawl.warc.gz");
//   if (!warc.ok()) { LogError(warc.status().message()); return; }
//   Page page;
//   std::vector<std::string> notes;
//   while (warc->Next(&page, &notes)) {
//     Extraction e = Extract(page);
//     std::cout << ArticleToJson(e.article) << "\n";
//   }
//
// Thread safety: Extract is a pure function and may run on many threads; a
// WarcReader is used by one thread at a time.
#ifndef NEWSMINE_EXTRACT_EXTRACT_H_
#define NEWSMINE_EXTRACT_EXTRACT_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/record.h"
#include "base/result.h"
#include "base/status.h"

namespace newsmine::extract {

// One fetched page, as served.
struct Page {
  std::string url;                        // as requested; "" when unknown
  std::string final_url;                  // after redirects; "" means `url`
  std::optional<std::string> fetched_at;  // RFC 3339 UTC; nullopt for a local file
  std::string content_type;               // HTTP Content-Type, for the charset; "" if none
  std::string body;                       // the bytes, in whatever charset
  std::string name;                       // for messages: "page.html", "x.warc.gz: record 3"
};

struct ExtractOptions {
  // Bytes of HTML read per page; the rest is cut with a warning. No news
  // page comes near it, and Gumbo needs about 20 times the input in memory
  // for dense markup, so this bounds memory per page.
  size_t max_html_bytes = size_t{8} << 20;
};

struct Extraction {
  Article article;                    // all fields but facts and pipeline
  std::vector<std::string> warnings;  // each "<page name>: <what>"
  bool has_article = false;           // false: article.text is ""
  std::string method;                 // how the text was found: "scored", "json-ld", "none"
};

// Never fails: any bytes give a record, possibly with empty text.
Extraction Extract(const Page& page, const ExtractOptions& options = {});

// True when `bytes` starts with the gzip magic (1f 8b).
bool IsGzip(std::string_view bytes);

// Inflates all gzip members of `in` into `out` (at most `max_out` bytes).
// Fails with kDataLoss when the data ends inside a member or is corrupt;
// `out` then holds what could be read and the message says at which byte.
Status Gunzip(std::string_view in, std::string* out, size_t max_out = size_t{1} << 30);

// Reads a page file: HTML, or gzip of HTML whatever its name says; "-" is
// standard input. kNotFound/kIoError when it cannot be read; kDataLoss for a
// truncated gzip, with `out` holding the part that was read.
Status ReadPageFile(const std::string& path, std::string* out);

// True when `bytes` starts like a WARC file (WARC/ or gzip whose first
// record does), so "-" and misnamed files can be told apart from HTML.
bool LooksLikeWarc(std::string_view first_bytes);

// Streams HTML responses out of a WARC file, .warc or .warc.gz (one gzip
// member per record or the whole file as one; magic sniffed, names ignored).
class WarcReader {
 public:
  // Fails when the file cannot be opened or is a format it cannot read
  // (bzip2, zstd, lz4, ARC), with a message naming the file.
  static Result<WarcReader> Open(const std::string& path);
  // The same over bytes already in memory (standard input); `name` is
  // used in messages.
  static Result<WarcReader> FromBytes(std::string bytes, const std::string& name);
  WarcReader(WarcReader&&) noexcept;
  WarcReader& operator=(WarcReader&&) noexcept;
  ~WarcReader();

  // The next response record holding an HTML page (2xx, HTML content type),
  // with chunked transfer coding and gzip content coding undone. Other
  // records (requests, metadata, revisits, dns:, images) are passed over.
  // Damaged records are skipped and a message "<file>: record N at byte B:
  // <what>" is appended to `warnings`. False at the end of the file.
  bool Next(Page* page, std::vector<std::string>* warnings);

  // Records seen so far, and how many were skipped as damaged.
  size_t records() const;
  size_t damaged() const;

  struct Impl;

 private:
  explicit WarcReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsmine::extract

#endif  // NEWSMINE_EXTRACT_EXTRACT_H_
