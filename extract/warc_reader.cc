#include "extract/warc_reader.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "extract/extract.h"
#include "base/text.h"
#include "extract/gzip_stream.h"
#include "extract/text_util.h"

namespace newsmine::extract {
namespace {

// A record block larger than this is skipped without being held in memory
// (warc-reading.md: "Single records of hundreds of megabytes exist").
constexpr size_t kMaxBlockBytes = size_t{64} << 20;
// A WARC head longer than this was never terminated.
constexpr size_t kMaxHeadBytes = 1 << 20;

std::string_view StripCr(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  return line;
}

bool IsWarcVersionLine(std::string_view line) {
  return line.size() >= 6 && LowerAscii(line.substr(0, 5)) == "warc/" && line[5] >= '0' && line[5] <= '9';
}

bool IsHtmlType(std::string_view content_type) {
  const std::string t = LowerAscii(Trim(content_type.substr(0, content_type.find(';'))));
  return t.empty() || t == "text/html" || t == "application/xhtml+xml" || t == "text/xhtml" ||
         t == "application/xml+xhtml";
}

std::string Inflate(std::string_view in, bool raw_deflate, bool* ok) {
  std::string out;
  if (!raw_deflate) {
    *ok = Gunzip(in, &out, kMaxBlockBytes).ok() || !out.empty();
    return out;
  }
  z_stream zs{};
  // "deflate" is zlib-wrapped by the RFC and raw in practice; 32+ accepts
  // zlib and gzip, and a failure retries as raw.
  for (int bits : {15 + 32, -15}) {
    out.clear();
    if (inflateInit2(&zs, bits) != Z_OK) break;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    char buf[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK) {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      rc = inflate(&zs, Z_NO_FLUSH);
      out.append(buf, sizeof buf - zs.avail_out);
      if (zs.avail_out == sizeof buf && rc == Z_OK) break;
    }
    inflateEnd(&zs);
    if (rc == Z_STREAM_END) return *ok = true, out;
  }
  *ok = false;
  return {};
}

}  // namespace

bool Dechunk(std::string_view body, std::string* out) {
  std::string r;
  size_t p = 0;
  for (;;) {
    const size_t eol = body.find('\n', p);
    if (eol == std::string_view::npos) return false;
    std::string_view size_line = StripCr(body.substr(p, eol - p));
    size_line = size_line.substr(0, size_line.find(';'));  // chunk extensions
    size_line = Trim(size_line);
    if (size_line.empty() || size_line.size() > 8) return false;
    size_t n = 0;
    for (char c : size_line) {
      const int v = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
      if (v < 0) return false;
      n = n * 16 + v;
    }
    p = eol + 1;
    if (n == 0) break;
    if (p + n > body.size()) {
      // The last chunk is cut: keep what is there (a crawl that stopped).
      r.append(body.substr(p));
      break;
    }
    r.append(body.substr(p, n));
    p += n;
    if (body.substr(p).starts_with("\r\n")) p += 2;
    else if (body.substr(p).starts_with("\n")) p += 1;
    else return false;
  }
  *out = std::move(r);
  return true;
}

HttpResponse ParseHttpResponse(std::string_view block) {
  HttpResponse r;
  // Heads end at CRLF CRLF, or LF LF from tools that wrote LF only.
  size_t head_end = block.find("\r\n\r\n");
  size_t body_at = head_end == std::string_view::npos ? std::string_view::npos : head_end + 4;
  const size_t lf = block.find("\n\n");
  if (lf != std::string_view::npos && (head_end == std::string_view::npos || lf < head_end)) head_end = lf, body_at = lf + 2;
  if (head_end == std::string_view::npos) {
    r.note = "HTTP head never terminated";
    head_end = block.size(), body_at = block.size();
  }
  std::string_view head = block.substr(0, head_end);
  size_t p = 0;
  bool first = true;
  while (p <= head.size()) {
    size_t e = head.find('\n', p);
    if (e == std::string_view::npos) e = head.size();
    std::string_view line = StripCr(head.substr(p, e - p));
    p = e + 1;
    if (first) {
      first = false;
      // "HTTP/1.1 200 OK", "HTTP/1.1 200", "HTTP/1.0 200 OK200 OK"
      const size_t sp = line.find(' ');
      if (line.starts_with("HTTP/") && sp != std::string_view::npos && sp + 4 <= line.size()) {
        int code = 0;
        for (size_t k = sp + 1; k < sp + 4 && line[k] >= '0' && line[k] <= '9'; ++k) code = code * 10 + (line[k] - '0');
        r.status = code >= 100 ? code : 0;
      }
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = LowerAscii(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (name == "content-type" && r.content_type.empty()) r.content_type = value;
    else if (name == "transfer-encoding") r.transfer_encoding = LowerAscii(value);
    else if (name == "content-encoding") r.content_encoding = LowerAscii(value);
  }
  std::string_view body = block.substr(std::min(body_at, block.size()));
  std::string decoded;
  if (r.transfer_encoding.find("chunked") != std::string::npos && Dechunk(body, &decoded)) {
    r.body = std::move(decoded);
  } else {
    r.body.assign(body);
  }
  const std::string& ce = r.content_encoding;
  if ((ce == "gzip" || ce == "x-gzip") && IsGzip(r.body)) {
    bool ok = false;
    std::string out = Inflate(r.body, false, &ok);
    if (ok) r.body = std::move(out); else r.note = "gzip content coding did not inflate";
  } else if (ce == "deflate" && !r.body.empty() && r.body[0] != '<') {
    bool ok = false;
    std::string out = Inflate(r.body, true, &ok);
    if (ok) r.body = std::move(out);
  } else if (ce == "br" && !r.body.empty() && LooksBinary(r.body)) {
    r.note = "brotli content coding is not supported";
  }
  return r;
}

struct WarcReader::Impl {
  std::string path;
  std::FILE* file = nullptr;
  std::string memory;          // FromBytes: the whole input
  std::unique_ptr<GzipStream> in;
  std::string buf;             // decompressed bytes not yet parsed
  size_t pos = 0;
  uint64_t base = 0;           // decompressed offset of buf[0]
  bool eof = false;
  size_t records = 0, damaged = 0;

  ~Impl() {
    if (file) std::fclose(file);
  }

  uint64_t Offset() const { return base + pos; }

  bool Fill(size_t want) {
    while (buf.size() - pos < want && !eof) {
      if (pos > (1 << 20)) {
        buf.erase(0, pos);
        base += pos;
        pos = 0;
      }
      char tmp[1 << 16];
      const size_t n = in->Read(tmp, sizeof tmp);
      if (n == 0) eof = true;
      buf.append(tmp, n);
    }
    return buf.size() - pos >= want;
  }

  // One line without its end; false at end of data.
  bool Line(std::string_view* line) {
    for (;;) {
      const size_t nl = buf.find('\n', pos);
      if (nl != std::string::npos) {
        *line = StripCr(std::string_view(buf).substr(pos, nl - pos));
        pos = nl + 1;
        return true;
      }
      if (eof) {
        if (pos >= buf.size()) return false;
        *line = StripCr(std::string_view(buf).substr(pos));
        pos = buf.size();
        return true;
      }
      if (buf.size() - pos > kMaxHeadBytes) {
        *line = std::string_view(buf).substr(pos);
        pos = buf.size();
        return true;
      }
      Fill(buf.size() - pos + (1 << 16));
    }
  }

  void Note(std::vector<std::string>* w, uint64_t at, const std::string& what) {
    w->push_back(path + ": record " + std::to_string(records) + " at byte " + std::to_string(at) + ": " + what);
  }

  void Damage(std::vector<std::string>* w) {
    for (const std::string& d : in->TakeDamage()) w->push_back(path + ": " + d);
  }

  bool Next(Page* page, std::vector<std::string>* w);
};

bool WarcReader::Impl::Next(Page* page, std::vector<std::string>* w) {
  std::string_view line;
  for (;;) {
    // Find the next version line; anything before it is damage (garbage
    // between records, a Content-Length that was too short).
    uint64_t start = Offset();
    size_t skipped = 0;
    bool found = false;
    while (Line(&line)) {
      if (IsWarcVersionLine(line)) { found = true; break; }
      // Blank lines end records; other lines count whole, with their end.
      if (!line.empty()) skipped += Offset() - start;
      start = Offset();
    }
    Damage(w);
    if (skipped > 0 && records > 0) {
      Note(w, start, std::to_string(skipped) + " bytes before this point were not a record; resynchronised");
    } else if (skipped > 0 && found) {
      w->push_back(path + ": " + std::to_string(skipped) + " bytes before the first record were not a record; skipped");
    } else if (skipped > 0) {
      // Random bytes or another format under a .warc name: say so, and
      // count it, rather than end with no page and no word.
      w->push_back(path + ": no WARC record in " + std::to_string(skipped) + " bytes; not a WARC file");
      ++damaged;
    }
    if (!found) return false;
    ++records;
    // Head: "Name: value" lines up to an empty line; folded lines continue.
    std::string type, uri, date, length_text;
    bool have_length = false, head_done = false;
    std::string last;
    while (Line(&line)) {
      if (line.empty()) { head_done = true; break; }
      if ((line[0] == ' ' || line[0] == '\t')) continue;  // folded: only long values fold
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string name = LowerAscii(Trim(line.substr(0, colon)));
      std::string value(Trim(line.substr(colon + 1)));
      if (name == "warc-type") type = LowerAscii(value);
      else if (name == "warc-target-uri") uri = value;
      else if (name == "warc-date") date = value;
      else if (name == "content-length") length_text = value, have_length = true;
    }
    if (!head_done) {
      Note(w, start, "head never terminated; truncated, skipped");
      ++damaged;
      return false;
    }
    size_t length = 0;
    bool length_ok = have_length && !length_text.empty() && length_text.size() < 16;
    for (char c : length_text) length_ok &= c >= '0' && c <= '9', length = length * 10 + (c - '0');
    if (!length_ok) {
      Note(w, start, "no valid Content-Length; skipped");
      ++damaged;
      continue;
    }
    const bool wanted = type == "response" && (LowerAscii(uri).starts_with("http") || uri.starts_with("<http"));
    if (length > kMaxBlockBytes || !wanted) {
      // Skip the block without keeping it.
      size_t left = length;
      while (left > 0) {
        if (!Fill(1)) break;
        const size_t k = std::min(left, buf.size() - pos);
        pos += k, left -= k;
      }
      if (left > 0) {
        Damage(w);
        Note(w, start, "truncated (" + std::to_string(length - left) + " of " + std::to_string(length) + " bytes), skipped");
        ++damaged;
        return false;
      }
      if (wanted) Note(w, start, "response of " + std::to_string(length) + " bytes is over the limit; skipped");
      continue;
    }
    if (!Fill(length)) {
      Damage(w);
      Note(w, start, "truncated (" + std::to_string(buf.size() - pos) + " of " + std::to_string(length) +
                         " bytes), skipped");
      ++damaged;
      pos = buf.size();
      return false;
    }
    std::string_view block = std::string_view(buf).substr(pos, length);
    pos += length;
    HttpResponse http = ParseHttpResponse(block);
    if (http.status < 200 || http.status >= 300 || !IsHtmlType(http.content_type)) continue;
    if (!http.note.empty()) Note(w, start, http.note);
    if (uri.starts_with('<') && uri.ends_with('>')) uri = uri.substr(1, uri.size() - 2);
    page->url = uri;
    page->final_url = uri;
    page->fetched_at = date.empty() ? std::nullopt : std::optional<std::string>(date);
    page->content_type = http.content_type;
    page->body = std::move(http.body);
    page->name = path + ": record " + std::to_string(records);
    return true;
  }
}

WarcReader::WarcReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcReader::WarcReader(WarcReader&&) noexcept = default;
WarcReader& WarcReader::operator=(WarcReader&&) noexcept = default;
WarcReader::~WarcReader() = default;

namespace {

// Formats newsmine cannot read, told apart by their magic bytes.
Status CheckMagic(std::string_view m, const std::string& name) {
  if (m.starts_with("BZh")) return InvalidArgumentError(name + ": bzip2-compressed WARC is not supported; decompress it first");
  if (m.starts_with("\x28\xb5\x2f\xfd")) return InvalidArgumentError(name + ": zstd-compressed WARC is not supported; decompress it first");
  if (m.starts_with("\x04\x22\x4d\x18")) return InvalidArgumentError(name + ": lz4-compressed WARC is not supported; decompress it first");
  if (m.starts_with("filedesc")) return InvalidArgumentError(name + ": ARC files (the format before WARC) are not supported");
  return Status::Ok();
}

}  // namespace

Result<WarcReader> WarcReader::Open(const std::string& path) {
  if (path == "-") {
    std::string bytes;
    char buf[1 << 16];
    while (size_t k = std::fread(buf, 1, sizeof buf, stdin)) bytes.append(buf, k);
    return FromBytes(std::move(bytes), "stdin");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->file = std::fopen(path.c_str(), "rb");
  if (!impl->file) return IoError(path + ": cannot open: " + std::strerror(errno));
  char magic[8] = {};
  const size_t n = std::fread(magic, 1, sizeof magic, impl->file);
  NM_RETURN_IF_ERROR(CheckMagic(std::string_view(magic, n), path));
  std::rewind(impl->file);
  impl->in = std::make_unique<GzipStream>(GzipStream::FromFile(impl->file));
  return WarcReader(std::move(impl));
}

Result<WarcReader> WarcReader::FromBytes(std::string bytes, const std::string& name) {
  NM_RETURN_IF_ERROR(CheckMagic(std::string_view(bytes).substr(0, 8), name));
  auto impl = std::make_unique<Impl>();
  impl->path = name;
  impl->memory = std::move(bytes);
  impl->in = std::make_unique<GzipStream>(GzipStream::FromMemory(impl->memory));
  return WarcReader(std::move(impl));
}

bool WarcReader::Next(Page* page, std::vector<std::string>* warnings) { return impl_->Next(page, warnings); }
size_t WarcReader::records() const { return impl_->records; }
size_t WarcReader::damaged() const { return impl_->damaged; }

bool LooksLikeWarc(std::string_view first) {
  if (IsWarcVersionLine(first.substr(0, 8))) return true;
  if (!IsGzip(first)) return false;
  GzipStream s = GzipStream::FromMemory(first);
  char buf[16];
  const size_t n = s.Read(buf, sizeof buf);
  return IsWarcVersionLine(std::string_view(buf, n).substr(0, 8));
}

}  // namespace newsmine::extract
