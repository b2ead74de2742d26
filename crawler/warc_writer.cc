#include "base/clock.h"
#include "crawler/warc_writer.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <system_error>

namespace newsmine::crawler {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kOpenSuffix = ".open";

std::string Now() { return NowRfc3339(); }
std::string FileStamp() { return UtcNow("%Y%m%d%H%M%S"); }

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

std::string WarcSha1(std::string_view bytes) { return WarcSha1(std::initializer_list<std::string_view>{bytes}); }

std::string WarcSha1(std::initializer_list<std::string_view> pieces) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr);
  for (std::string_view p : pieces) EVP_DigestUpdate(ctx, p.data(), p.size());
  EVP_DigestFinal_ex(ctx, md, &n);
  EVP_MD_CTX_free(ctx);
  // RFC 4648 §6: 20 bytes are 160 bits, exactly 32 base32 characters.
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out = "sha1:";
  uint64_t buffer = 0;
  int bits = 0;
  for (unsigned int i = 0; i < n; ++i) {
    buffer = (buffer << 8) | md[i];
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

std::string NewWarcRecordId() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) {
    for (unsigned char& c : b) c = static_cast<unsigned char>(std::rand());
  }
  b[6] = (b[6] & 0x0F) | 0x40;  // RFC 4122 §4.4: version 4
  b[8] = (b[8] & 0x3F) | 0x80;  // variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s = "<urn:uuid:";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) s.push_back('-');
    s.push_back(kHex[b[i] >> 4]);
    s.push_back(kHex[b[i] & 15]);
  }
  return s + ">";
}

std::string StoredResponseHead(std::string_view head, size_t payload_size) {
  std::string out;
  bool first = true;
  while (!head.empty()) {
    size_t eol = head.find('\n');
    std::string_view line = head.substr(0, eol);
    head = eol == std::string_view::npos ? std::string_view() : head.substr(eol + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (!first && (StartsWithIgnoreCase(line, "content-encoding:") || StartsWithIgnoreCase(line, "transfer-encoding:") ||
                   StartsWithIgnoreCase(line, "content-length:")))
      out += "X-Crawler-";
    out.append(line);
    out += "\r\n";
    first = false;
  }
  out += "Content-Length: " + std::to_string(payload_size) + "\r\n\r\n";
  return out;
}

// The deflate state shared by all records and the buffer its output goes
// through on the way to the file.
struct WarcWriter::Gzip {
  z_stream zs{};
  bool ready = false;
  unsigned char out[1 << 16];
  ~Gzip() {
    if (ready) deflateEnd(&zs);
  }
};

WarcWriter::WarcWriter(WarcWriterOptions o) : o_(std::move(o)), gz_(std::make_unique<Gzip>()) {}

Result<std::unique_ptr<WarcWriter>> WarcWriter::Open(WarcWriterOptions options) {
  std::error_code ec;
  fs::create_directories(options.dir, ec);
  if (ec) return IoError(options.dir + ": cannot create: " + ec.message());
  // Files a killed run left open are complete up to their last record,
  // which readers skip if it was cut; give them their final names.
  for (const fs::directory_entry& e : fs::directory_iterator(options.dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with(options.prefix + "-") && name.ends_with(std::string(".warc.gz") + std::string(kOpenSuffix))) {
      fs::path final_path = e.path();
      final_path.replace_extension();  // drops ".open"
      fs::rename(e.path(), final_path, ec);
    }
  }
  std::unique_ptr<WarcWriter> w(new WarcWriter(std::move(options)));
  // 16 + MAX_WBITS: gzip framing, so each record is a gzip member (Annex D.2).
  if (deflateInit2(&w->gz_->zs, w->o_.gzip_level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return InternalError("zlib: deflateInit2 failed");
  w->gz_->ready = true;
  return w;
}

WarcWriter::~WarcWriter() { (void)Close(); }

Status WarcWriter::StartFile() {
  // The pid and a serial keep names unique across rotations in one second
  // and across two runs started in the same second.
  char serial[16];
  std::snprintf(serial, sizeof serial, "%05d", serial_++);
  name_ = o_.prefix + "-" + FileStamp() + "-" + serial + "-" + std::to_string(getpid()) + ".warc.gz";
  const std::string path = (fs::path(o_.dir) / (name_ + std::string(kOpenSuffix))).string();
  f_ = std::fopen(path.c_str(), "wb");
  if (!f_) return IoError(path + ": cannot create: " + std::strerror(errno));
  file_bytes_ = 0;
  files_.push_back(name_);
  warcinfo_id_ = NewWarcRecordId();
  date_.clear();
  std::string fields;
  for (const auto& [k, v] : o_.info) fields += k + ": " + v + "\r\n";
  fields += "format: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n";
  uint64_t offset;
  return WriteRecord("WARC-Filename: " + name_ + "\r\n", {fields}, "warcinfo", "application/warc-fields", warcinfo_id_,
                     &offset);
}

Status WarcWriter::FinishFile() {
  if (!f_) return Status::Ok();
  Status s = Sync();
  std::fclose(f_);
  f_ = nullptr;
  const fs::path dir(o_.dir);
  std::error_code ec;
  fs::rename(dir / (name_ + std::string(kOpenSuffix)), dir / name_, ec);
  if (ec && s.ok()) s = IoError(name_ + ": cannot rename: " + ec.message());
  return s;
}

Status WarcWriter::WriteRecord(const std::string& head_fields, std::initializer_list<std::string_view> block,
                               std::string_view type, const std::string& content_type, const std::string& record_id,
                               uint64_t* offset) {
  size_t length = 0;
  for (std::string_view piece : block) length += piece.size();
  std::string head;
  head.reserve(512 + head_fields.size());
  head += "WARC/1.1\r\nWARC-Type: ";
  head += type;
  head += "\r\nWARC-Record-ID: " + record_id + "\r\nWARC-Date: " + (date_.empty() ? Now() : date_) + "\r\n";
  head += head_fields;
  if (type != "warcinfo") head += "WARC-Warcinfo-ID: " + warcinfo_id_ + "\r\n";
  head += "WARC-Block-Digest: " + WarcSha1(block) + "\r\n";
  head += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n";
  *offset = file_bytes_;
  // A new gzip member (header, CRC and all) over the same deflate state.
  if (deflateReset(&gz_->zs) != Z_OK) return InternalError(name_ + ": zlib: deflateReset failed");
  NM_RETURN_IF_ERROR(Deflate(head, false));
  for (std::string_view piece : block) NM_RETURN_IF_ERROR(Deflate(piece, false));
  return Deflate("\r\n\r\n", true);
}

// Compresses `in` into the current member and writes what comes out;
// `finish` ends the member.
Status WarcWriter::Deflate(std::string_view in, bool finish) {
  z_stream& zs = gz_->zs;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  for (;;) {
    zs.next_out = gz_->out;
    zs.avail_out = sizeof gz_->out;
    const int rc = deflate(&zs, finish ? Z_FINISH : Z_NO_FLUSH);
    if (rc == Z_STREAM_ERROR) return InternalError(name_ + ": zlib: deflate failed");
    const size_t n = sizeof gz_->out - zs.avail_out;
    if (n > 0 && std::fwrite(gz_->out, 1, n, f_) != n) return IoError(name_ + ": write failed: " + std::strerror(errno));
    file_bytes_ += n;
    total_bytes_ += n;
    if (finish ? rc == Z_STREAM_END : zs.avail_out != 0) return Status::Ok();
  }
}

Result<WarcLocation> WarcWriter::Write(const WarcExchange& x) {
  if (f_ && file_bytes_ >= o_.max_file_bytes) NM_RETURN_IF_ERROR(FinishFile());
  if (!f_) NM_RETURN_IF_ERROR(StartFile());
  WarcLocation loc;
  loc.file = name_;
  loc.record_id = NewWarcRecordId();
  date_ = x.date;  // WARC 1.1 §5.4: when the capture began, for all records of it
  std::string common = "WARC-Target-URI: " + x.target_uri + "\r\n";
  if (!x.ip.empty()) common += "WARC-IP-Address: " + x.ip + "\r\n";
  // The response first: it is the record the state points at.
  const std::string head = StoredResponseHead(x.response_head, x.not_modified ? 0 : x.payload.size());
  std::string fields = common;
  if (x.not_modified) {
    // WARC 1.1 §6.7.2: a 304 is a revisit with the server-not-modified
    // profile; its block is the HTTP head only.
    fields += "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/server-not-modified\r\n";
    fields += "WARC-Truncated: length\r\n";
    NM_RETURN_IF_ERROR(WriteRecord(fields, {head}, "revisit", "application/http;msgtype=response", loc.record_id,
                                   &loc.offset));
  } else {
    loc.payload_digest = WarcSha1(x.payload);
    fields += "WARC-Payload-Digest: " + loc.payload_digest + "\r\n";
    NM_RETURN_IF_ERROR(WriteRecord(fields, {head, x.payload}, "response", "application/http;msgtype=response",
                                   loc.record_id, &loc.offset));
  }
  uint64_t ignored;
  const std::string concurrent = common + "WARC-Concurrent-To: " + loc.record_id + "\r\n";
  if (!x.request_head.empty())
    NM_RETURN_IF_ERROR(WriteRecord(concurrent, {x.request_head}, "request", "application/http;msgtype=request",
                                   NewWarcRecordId(), &ignored));
  if (!x.metadata.empty()) {
    std::string block;
    for (const auto& [k, v] : x.metadata) block += k + ": " + v + "\r\n";
    NM_RETURN_IF_ERROR(WriteRecord(concurrent, {block}, "metadata", "application/warc-fields", NewWarcRecordId(), &ignored));
  }
  return loc;
}

Status WarcWriter::Sync() {
  if (!f_) return Status::Ok();
  if (std::fflush(f_) != 0 || fdatasync(fileno(f_)) != 0) return IoError(name_ + ": flush failed: " + std::strerror(errno));
  return Status::Ok();
}

Status WarcWriter::Close() { return FinishFile(); }

}  // namespace newsmine::crawler
