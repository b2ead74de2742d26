// GzipStream: bytes out of a file or buffer, gunzipped when they are gzip.
//
// WARC files come as one gzip member per record, as one member for the
// whole file, with empty members between records, with garbage after the
// last member, or cut off inside a member by a crawler that was killed
// (warc-reading.md "Containers"). This reads all of those: members are
// chained, a corrupt member is skipped up to the next gzip header, and
// the damage is reported with the byte offset in the compressed input.
//
// Example:
//   GzipStream in = GzipStream::FromMemory(bytes);
//   char buf[65536];
//   while (size_t n = in.Read(buf, sizeof buf)) Use(buf, n);
//   if (!in.damage().empty()) Warn(in.damage());
//
// Thread safety: one thread at a time.
#ifndef NEWSMINE_EXTRACT_GZIP_STREAM_H_
#define NEWSMINE_EXTRACT_GZIP_STREAM_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsmine::extract {

class GzipStream {
 public:
  // Reads `f` (not closed here) or `bytes` (which must outlive the stream);
  // gunzips when the data starts
  // with the gzip magic, else passes it through.
  static GzipStream FromFile(std::FILE* f);
  static GzipStream FromMemory(std::string_view bytes);
  GzipStream(GzipStream&&) noexcept;
  GzipStream& operator=(GzipStream&&) noexcept;
  ~GzipStream();

  // Up to `n` bytes of output; 0 at the end (or after unrecoverable damage).
  size_t Read(char* out, size_t n);

  bool gzip() const;
  // Messages about damage met so far ("byte 1234: file ends inside a gzip
  // member"), oldest first; the caller takes them with TakeDamage.
  std::vector<std::string> TakeDamage();
  // True once the input ended inside a gzip member.
  bool truncated() const;
  // Compressed bytes consumed so far.
  uint64_t raw_offset() const;

  struct Impl;

 private:
  explicit GzipStream(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsmine::extract

#endif  // NEWSMINE_EXTRACT_GZIP_STREAM_H_
