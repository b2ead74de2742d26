// Internal pieces of WarcReader (extract.h) that tests reach directly: the
// HTTP payload decoding of warc-reading.md "HTTP payloads".
#ifndef NEWSMINE_EXTRACT_WARC_READER_H_
#define NEWSMINE_EXTRACT_WARC_READER_H_

#include <string>
#include <string_view>

namespace newsmine::extract {

struct HttpResponse {
  int status = 0;             // 0 when the status line did not parse
  std::string content_type;
  std::string transfer_encoding;  // lower case
  std::string content_encoding;   // lower case
  std::string body;           // de-chunked and gunzipped where that applied
  std::string note;           // what could not be undone, "" if nothing
};

// Splits an HTTP response (status line, headers, body) and undoes chunked
// transfer coding and gzip/deflate content coding, but only where the body
// really is chunked or gzipped: many tools store the decoded body beside
// the original headers.
HttpResponse ParseHttpResponse(std::string_view block);

// The body with chunked transfer coding removed; false (and `out`
// untouched) when `body` does not parse as chunks.
bool Dechunk(std::string_view body, std::string* out);

}  // namespace newsmine::extract

#endif  // NEWSMINE_EXTRACT_WARC_READER_H_
