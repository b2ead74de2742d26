#include "extract/gzip_stream.h"

#include <zlib.h>

#include <cstring>

#include "base/status.h"
#include "extract/extract.h"

namespace newsmine::extract {

struct GzipStream::Impl {
  std::FILE* file = nullptr;
  std::string_view memory;
  std::string in_buf;      // raw bytes read from the file, not yet consumed
  size_t in_pos = 0;       // consumed part of in_buf (or of memory)
  uint64_t raw_base = 0;   // raw offset of in_buf[0]
  bool raw_eof = false;
  bool gzip = false;
  bool in_member = false;  // inside a gzip member (zlib state live)
  bool done = false;
  bool truncated = false;
  z_stream zs{};
  bool zs_init = false;
  std::vector<std::string> damage;

  ~Impl() {
    if (zs_init) inflateEnd(&zs);
  }

  std::string_view Pending() const {
    if (file) return std::string_view(in_buf).substr(in_pos);
    return memory.substr(in_pos);
  }
  uint64_t Offset() const { return raw_base + in_pos; }

  // Makes at least `want` raw bytes pending when the input has them.
  void Fill(size_t want) {
    if (!file || raw_eof || Pending().size() >= want) return;
    in_buf.erase(0, in_pos);
    raw_base += in_pos;
    in_pos = 0;
    char buf[1 << 16];
    while (in_buf.size() < want && !raw_eof) {
      const size_t n = std::fread(buf, 1, sizeof buf, file);
      if (n == 0) raw_eof = true;
      in_buf.append(buf, n);
    }
  }

  bool AtMagic() { Fill(3); return Pending().starts_with("\x1f\x8b\x08"); }

  // After a member: skip padding, start the next member, or stop at
  // garbage. Returns false when there is nothing more to read.
  bool NextMember() {
    for (;;) {
      Fill(1);
      std::string_view p = Pending();
      if (p.empty()) return false;
      size_t pad = 0;
      while (pad < p.size() && (p[pad] == '\0' || p[pad] == '\n' || p[pad] == '\r')) ++pad;
      if (pad == 0) break;
      in_pos += pad;
    }
    if (AtMagic()) {
      inflateReset(&zs);
      in_member = true;
      return true;
    }
    damage.push_back("byte " + std::to_string(Offset()) + ": data after the last gzip member ignored");
    return false;
  }

  // Looks for the next gzip header after damage, so one bad member of a
  // per-record file costs one record, not the rest of the file.
  bool Resync() {
    ++in_pos;
    for (;;) {
      Fill(1 << 16);
      std::string_view p = Pending();
      if (p.size() < 3) return false;
      const size_t at = p.find("\x1f\x8b\x08");
      if (at != std::string_view::npos) {
        in_pos += at;
        inflateReset(&zs);
        in_member = true;
        return true;
      }
      in_pos += p.size() - 2;
      if (raw_eof) return false;
    }
  }

  size_t Inflate(char* out, size_t n) {
    while (!done) {
      if (!in_member && !NextMember()) { done = true; break; }
      Fill(1 << 16);
      std::string_view p = Pending();
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(p.data()));
      zs.avail_in = static_cast<uInt>(p.size());
      zs.next_out = reinterpret_cast<Bytef*>(out);
      zs.avail_out = static_cast<uInt>(n);
      const int rc = inflate(&zs, Z_NO_FLUSH);
      in_pos += p.size() - zs.avail_in;
      const size_t got = n - zs.avail_out;
      if (rc == Z_STREAM_END) {
        in_member = false;
      } else if (rc == Z_BUF_ERROR || (rc == Z_OK && got == 0 && zs.avail_in == 0)) {
        Fill(1);
        if (Pending().empty() && (!file || raw_eof)) {
          truncated = true;
          damage.push_back("byte " + std::to_string(Offset()) + ": file ends inside a gzip member (truncated)");
          done = true;
        }
      } else if (rc != Z_OK) {
        const uint64_t at = Offset();
        damage.push_back("byte " + std::to_string(at) + ": corrupt gzip data (" +
                         (zs.msg ? zs.msg : "zlib error") + "); skipped to the next member");
        if (!Resync()) done = true;
      }
      if (got > 0) return got;
    }
    return 0;
  }
};

GzipStream::GzipStream(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
  Impl& m = *impl_;
  m.Fill(3);
  m.gzip = m.Pending().starts_with("\x1f\x8b");
  if (m.gzip) {
    // 16 + MAX_WBITS: a gzip wrapper, not zlib or raw deflate.
    m.zs_init = inflateInit2(&m.zs, 16 + MAX_WBITS) == Z_OK;
    m.in_member = m.zs_init;
    if (!m.zs_init) {
      m.done = true;
      // Through a string_view: GCC 12's LTO warns of a false over-read
      // (-Wstringop-overread) when a vector<string> is given the literal.
      m.damage.emplace_back(std::string_view("zlib could not start"));
    }
  }
}

GzipStream GzipStream::FromFile(std::FILE* f) {
  auto impl = std::make_unique<Impl>();
  impl->file = f;
  return GzipStream(std::move(impl));
}

GzipStream GzipStream::FromMemory(std::string_view bytes) {
  auto impl = std::make_unique<Impl>();
  impl->memory = bytes;
  impl->raw_eof = true;
  return GzipStream(std::move(impl));
}

GzipStream::GzipStream(GzipStream&&) noexcept = default;
GzipStream& GzipStream::operator=(GzipStream&&) noexcept = default;
GzipStream::~GzipStream() = default;

size_t GzipStream::Read(char* out, size_t n) {
  Impl& m = *impl_;
  if (n == 0) return 0;
  if (m.gzip) return m.Inflate(out, n);
  m.Fill(n);
  std::string_view p = m.Pending();
  const size_t k = std::min(n, p.size());
  std::memcpy(out, p.data(), k);
  m.in_pos += k;
  return k;
}

bool GzipStream::gzip() const { return impl_->gzip; }
bool GzipStream::truncated() const { return impl_->truncated; }
uint64_t GzipStream::raw_offset() const { return impl_->Offset(); }
std::vector<std::string> GzipStream::TakeDamage() { return std::exchange(impl_->damage, {}); }

bool IsGzip(std::string_view bytes) { return bytes.starts_with("\x1f\x8b"); }

Status Gunzip(std::string_view in, std::string* out, size_t max_out) {
  out->clear();
  GzipStream s = GzipStream::FromMemory(in);
  char buf[1 << 16];
  while (size_t n = s.Read(buf, sizeof buf)) {
    if (out->size() + n > max_out) return DataLossError("more than " + std::to_string(max_out) + " bytes uncompressed");
    out->append(buf, n);
  }
  std::vector<std::string> damage = s.TakeDamage();
  if (damage.empty()) return Status::Ok();
  std::string msg;
  for (const std::string& d : damage) msg += (msg.empty() ? "" : "; ") + d;
  return DataLossError(msg);
}

}  // namespace newsmine::extract
