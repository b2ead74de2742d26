// HTTP fetching with the libcurl multi interface (internal to crawler/;
// the only file that includes curl).
//
// One thread drives every transfer: Add() queues a request, Poll() runs
// the transfers for up to a time-out and hands back those that finished.
// libcurl keeps connections alive between requests to a host, speaks
// HTTP/2 where the server offers it (multiplexed), and undoes gzip,
// brotli and zstd content coding, as far as the linked libcurl supports
// them. Redirects are not followed here: the crawler follows them, so
// each hop is its own WARC record, is checked against robots.txt and is
// de-duplicated (issue 8).
//
// Thread safety: one thread at a time.
#ifndef NEWSMINE_CRAWLER_FETCHER_H_
#define NEWSMINE_CRAWLER_FETCHER_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace newsmine::crawler {

struct FetcherOptions {
  std::string user_agent = "newsmine/0.1 (+https://github.com/newsmine/newsmine)";  // with a contact URL
  int max_connections = 64;       // all hosts together
  int max_per_host = 2;           // connections to one host
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds total_timeout{60000};
  int low_speed_bytes = 512;      // slower than this for `low_speed_time`: abort (a stalling server)
  std::chrono::seconds low_speed_time{15};
  size_t max_body_bytes = size_t{16} << 20;  // larger bodies are aborted
};

struct FetchRequest {
  uint64_t id = 0;  // the caller's; returned in the result
  std::string url;
  std::string user_agent;         // "": the option's (a site may have its own)
  std::string if_none_match;      // ETag of the last fetch, for a conditional GET
  std::string if_modified_since;  // Last-Modified of the last fetch
  std::optional<size_t> max_body_bytes;  // overrides the option
  // Keep the first max_body_bytes and end the transfer as a success
  // instead of failing with kTooLarge (robots.txt: RFC 9309 §2.5 reads
  // the first 500 KiB of a larger file).
  bool truncate = false;
};

enum class FetchError {
  kNone,
  kDns,
  kConnect,
  kTimeout,   // connect, total or low-speed time-out
  kTooLarge,  // body over the limit
  kReset,     // connection reset or closed mid-response
  kTls,
  kOther,
};
// "dns", "connect", "timeout", ... for logs and the fetch log.
const char* FetchErrorName(FetchError e);

struct FetchResult {
  uint64_t id = 0;
  std::string url;
  int status = 0;               // HTTP status; 0 when no complete response
  FetchError error = FetchError::kNone;
  std::string error_text;       // libcurl's message
  std::string request_head;     // as sent
  std::string response_head;    // status line and fields as received
  std::string body;             // content-decoded
  bool truncated = false;       // cut at max_body_bytes (FetchRequest::truncate)
  std::string ip;               // of the server
  std::string location;         // absolute redirect target, "" if none
  std::string content_type;
  std::string etag, last_modified;
  std::optional<std::chrono::seconds> retry_after;
  std::chrono::milliseconds elapsed{0};
  std::string date;             // RFC 3339 UTC of the request start, for WARC-Date
};

class Fetcher {
 public:
  static Result<std::unique_ptr<Fetcher>> Create(const FetcherOptions& options);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Starts a transfer (it runs during Poll()).
  void Add(const FetchRequest& request);
  // Runs transfers for at most `timeout` (less when one finishes) and
  // appends the finished ones to `done`.
  void Poll(std::chrono::milliseconds timeout, std::vector<FetchResult>* done);
  size_t in_flight() const;

  struct Impl;

 private:
  explicit Fetcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsmine::crawler

#endif  // NEWSMINE_CRAWLER_FETCHER_H_
