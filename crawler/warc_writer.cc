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

// One gzip member holding `data` (WARC 1.1 Annex D.2).
std::string GzipMember(std::string_view data, int level) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace

std::string WarcSha1(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &n, EVP_sha1(), nullptr);
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
  return WriteRecord("WARC-Filename: " + name_ + "\r\n", fields, "warcinfo", "application/warc-fields", warcinfo_id_,
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

Status WarcWriter::WriteRecord(const std::string& head_fields, std::string_view block, std::string_view type,
                               const std::string& content_type, const std::string& record_id, uint64_t* offset) {
  std::string record;
  record.reserve(block.size() + 512);
  record += "WARC/1.1\r\nWARC-Type: ";
  record += type;
  record += "\r\nWARC-Record-ID: " + record_id + "\r\nWARC-Date: " + (date_.empty() ? Now() : date_) + "\r\n";
  record += head_fields;
  if (type != "warcinfo") record += "WARC-Warcinfo-ID: " + warcinfo_id_ + "\r\n";
  record += "WARC-Block-Digest: " + WarcSha1(block) + "\r\n";
  record += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  record.append(block);
  record += "\r\n\r\n";
  const std::string gz = GzipMember(record, o_.gzip_level);
  *offset = file_bytes_;
  if (std::fwrite(gz.data(), 1, gz.size(), f_) != gz.size()) return IoError(name_ + ": write failed: " + std::strerror(errno));
  file_bytes_ += gz.size();
  total_bytes_ += gz.size();
  return Status::Ok();
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
    NM_RETURN_IF_ERROR(WriteRecord(fields, head, "revisit", "application/http;msgtype=response", loc.record_id, &loc.offset));
  } else {
    fields += "WARC-Payload-Digest: " + WarcSha1(x.payload) + "\r\n";
    std::string block = head;
    block += x.payload;
    NM_RETURN_IF_ERROR(WriteRecord(fields, block, "response", "application/http;msgtype=response", loc.record_id, &loc.offset));
  }
  uint64_t ignored;
  const std::string concurrent = common + "WARC-Concurrent-To: " + loc.record_id + "\r\n";
  if (!x.request_head.empty())
    NM_RETURN_IF_ERROR(WriteRecord(concurrent, x.request_head, "request", "application/http;msgtype=request",
                                   NewWarcRecordId(), &ignored));
  if (!x.metadata.empty()) {
    std::string block;
    for (const auto& [k, v] : x.metadata) block += k + ": " + v + "\r\n";
    NM_RETURN_IF_ERROR(WriteRecord(concurrent, block, "metadata", "application/warc-fields", NewWarcRecordId(), &ignored));
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
