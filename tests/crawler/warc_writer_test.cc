#include "crawler/warc_writer.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <map>
#include <random>

#include "extract/extract.h"
#include "tests/testing/testing.h"

namespace newsmine::crawler {
namespace {
namespace fs = std::filesystem;

WarcExchange Exchange(const std::string& url, const std::string& body) {
  WarcExchange x;
  x.target_uri = url;
  x.ip = "127.0.0.1";
  x.date = "2026-12-03T09:00:00Z";
  x.request_head = "GET / HTTP/1.1\r\nHost: a.kz\r\nUser-Agent: newsmine\r\n\r\n";
  x.response_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n";
  x.payload = body;
  x.metadata = {{"fetch-ms", "12"}};
  return x;
}

struct RawRecord {
  std::map<std::string, std::string> fields;
  std::string block;
};

// A strict reader of what the writer wrote: every record in its own gzip
// member, CRLF heads, exact Content-Length, the 4-byte trailer.
std::vector<RawRecord> ReadRecords(const std::string& gz) {
  std::string all;
  EXPECT_TRUE(extract::Gunzip(gz, &all).ok());
  std::vector<RawRecord> out;
  size_t p = 0;
  while (p < all.size()) {
    const size_t head_end = all.find("\r\n\r\n", p);
    EXPECT_NE(head_end, std::string::npos);
    if (head_end == std::string::npos) break;
    std::string head = all.substr(p, head_end - p);
    EXPECT_TRUE(head.starts_with("WARC/1.1\r\n"));
    RawRecord r;
    size_t q = head.find("\r\n") + 2;
    while (q < head.size()) {
      size_t e = head.find("\r\n", q);
      if (e == std::string::npos) e = head.size();
      const std::string line = head.substr(q, e - q);
      const size_t colon = line.find(": ");
      r.fields[line.substr(0, colon)] = line.substr(colon + 2);
      q = e + 2;
    }
    const size_t len = std::stoul(r.fields["Content-Length"]);
    r.block = all.substr(head_end + 4, len);
    EXPECT_EQ(all.substr(head_end + 4 + len, 4), "\r\n\r\n");
    p = head_end + 4 + len + 4;
    out.push_back(std::move(r));
  }
  return out;
}

TEST(WarcWriter, Warc11_BlockDigestIsSha1Base32) {
  // RFC 3174 test vector "abc" (a9993e36...), in RFC 4648 base32.
  EXPECT_EQ(WarcSha1("abc"), "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
  EXPECT_EQ(WarcSha1("").size(), 5u + 32u);
}

TEST(WarcWriter, Rfc4122_RecordIdsAreUuid4) {
  const std::string a = NewWarcRecordId(), b = NewWarcRecordId();
  EXPECT_NE(a, b);
  ASSERT_EQ(a.size(), 47u);
  EXPECT_TRUE(a.starts_with("<urn:uuid:"));
  EXPECT_EQ(a[24], '4');
}

TEST(WarcWriter, StoredHeadRenamesTransferFields) {
  EXPECT_EQ(StoredResponseHead("HTTP/2 200\r\ncontent-encoding: br\r\ncontent-length: 10\r\nX-A: 1\r\n\r\n", 42),
            "HTTP/2 200\r\nX-Crawler-content-encoding: br\r\nX-Crawler-content-length: 10\r\nX-A: 1\r\n"
            "Content-Length: 42\r\n\r\n");
}

TEST(WarcWriter, Warc11_RecordsAndDigestsReadBack) {
  const fs::path dir = testing::TempDir("warc_writer");
  auto w = WarcWriter::Open({.dir = dir.string(), .info = {{"software", "newsmine test"}}});
  ASSERT_TRUE(w.ok()) << w.status().message();
  Result<WarcLocation> loc = (*w)->Write(Exchange("https://a.kz/n/1", "<p>Один</p>"));
  ASSERT_TRUE(loc.ok());
  WarcExchange nm = Exchange("https://a.kz/n/2", "");
  nm.not_modified = true;
  nm.response_head = "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n";
  ASSERT_TRUE((*w)->Write(nm).ok());
  ASSERT_TRUE((*w)->Close().ok());
  ASSERT_EQ((*w)->files().size(), 1u);
  const fs::path file = dir / (*w)->files()[0];
  ASSERT_TRUE(fs::exists(file)) << "renamed from .open on close";
  const std::string bytes = testing::ReadFile(file);

  std::vector<RawRecord> recs = ReadRecords(bytes);
  ASSERT_EQ(recs.size(), 7u);  // warcinfo, 3 for the 200, revisit + request + metadata
  EXPECT_EQ(recs[0].fields["WARC-Type"], "warcinfo");
  EXPECT_EQ(recs[1].fields["WARC-Type"], "response");
  EXPECT_EQ(recs[2].fields["WARC-Type"], "request");
  EXPECT_EQ(recs[3].fields["WARC-Type"], "metadata");
  EXPECT_EQ(recs[4].fields["WARC-Type"], "revisit");
  EXPECT_EQ(recs[1].fields["WARC-Record-ID"], loc->record_id);
  EXPECT_EQ(recs[2].fields["WARC-Concurrent-To"], loc->record_id);
  EXPECT_EQ(recs[3].fields["WARC-Concurrent-To"], loc->record_id);
  EXPECT_EQ(recs[1].fields["WARC-IP-Address"], "127.0.0.1");
  EXPECT_EQ(recs[1].fields["WARC-Date"], "2026-12-03T09:00:00Z");
  EXPECT_EQ(recs[1].fields["WARC-Warcinfo-ID"], recs[0].fields["WARC-Record-ID"]);
  EXPECT_EQ(recs[1].fields["WARC-Payload-Digest"], WarcSha1("<p>Один</p>"));
  EXPECT_TRUE(recs[4].fields["WARC-Profile"].ends_with("/server-not-modified"));
  for (RawRecord& r : recs) EXPECT_EQ(r.fields["WARC-Block-Digest"], WarcSha1(r.block)) << r.fields["WARC-Type"];

  // The first response sits at the recorded offset, in its own gzip member.
  std::string member;
  (void)extract::Gunzip(bytes.substr(loc->offset), &member);
  EXPECT_TRUE(member.find("WARC-Type: response") != std::string::npos);

  // The extract stage reads the page back, decoded body and all.
  Result<extract::WarcReader> reader = extract::WarcReader::Open(file.string());
  ASSERT_TRUE(reader.ok());
  extract::Page page;
  std::vector<std::string> notes;
  ASSERT_TRUE(reader->Next(&page, &notes));
  EXPECT_EQ(page.url, "https://a.kz/n/1");
  EXPECT_EQ(page.body, "<p>Один</p>");
  EXPECT_FALSE(reader->Next(&page, &notes));
  EXPECT_TRUE(notes.empty()) << notes[0];
  EXPECT_EQ(reader->damaged(), 0u);
}

// Inflates the one gzip member at the start of `gz` (not the ones after
// it) and says how many bytes it took.
std::string FirstMember(std::string_view gz, size_t* used) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 16 + MAX_WBITS), Z_OK);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  char buf[4096];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
  }
  EXPECT_EQ(rc, Z_STREAM_END);
  *used = gz.size() - zs.avail_in;
  inflateEnd(&zs);
  return out;
}

// The deflate state is reused from record to record (the benchmark found
// a fresh one per record costing a third of the crawl's CPU): each record
// must still be a complete gzip member of its own, also when its
// compressed form is larger than the writer's 64 KiB output buffer.
TEST(WarcWriter, Warc11_ReusedDeflateStateStillWritesOneMemberPerRecord) {
  const fs::path dir = testing::TempDir("warc_members");
  auto w = WarcWriter::Open({.dir = dir.string()});
  ASSERT_TRUE(w.ok());
  std::mt19937 rng(8);
  std::vector<std::string> bodies;
  std::vector<WarcLocation> locs;
  for (int i = 0; i < 3; ++i) {
    std::string body(200000 + i * 1000, '\0');
    for (char& c : body) c = static_cast<char>(rng());  // incompressible: > 64 KiB out
    Result<WarcLocation> loc = (*w)->Write(Exchange("https://a.kz/big/" + std::to_string(i), body));
    ASSERT_TRUE(loc.ok());
    EXPECT_EQ(loc->payload_digest, WarcSha1(body));
    bodies.push_back(std::move(body));
    locs.push_back(*loc);
  }
  ASSERT_TRUE((*w)->Close().ok());
  const std::string bytes = testing::ReadFile(dir / (*w)->files()[0]);
  EXPECT_EQ((*w)->bytes_written(), bytes.size());
  for (size_t i = 0; i < locs.size(); ++i) {
    size_t used = 0;
    const std::string record = FirstMember(std::string_view(bytes).substr(locs[i].offset), &used);
    EXPECT_TRUE(record.find("WARC-Type: response\r\n") != std::string::npos);
    EXPECT_TRUE(record.ends_with(bodies[i] + "\r\n\r\n")) << "record " << i << " is whole in its member";
    // The request record follows in a member of its own.
    const std::string next = FirstMember(std::string_view(bytes).substr(locs[i].offset + used), &used);
    EXPECT_TRUE(next.find("WARC-Type: request\r\n") != std::string::npos);
  }
  std::vector<RawRecord> recs = ReadRecords(bytes);
  ASSERT_EQ(recs.size(), 10u);  // warcinfo + 3 x (response, request, metadata)
  for (RawRecord& r : recs) EXPECT_EQ(r.fields["WARC-Block-Digest"], WarcSha1(r.block)) << r.fields["WARC-Type"];
  EXPECT_EQ(WarcSha1({"ab", "", "c"}), WarcSha1("abc"));
}

TEST(WarcWriter, RotatesBySize) {
  const fs::path dir = testing::TempDir("warc_rotate");
  auto w = WarcWriter::Open({.dir = dir.string(), .max_file_bytes = 2000});
  ASSERT_TRUE(w.ok());
  std::string body;
  for (int i = 0; i < 3000; ++i) body.push_back(static_cast<char>('a' + (i * 7) % 26 + (i % 3)));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE((*w)->Write(Exchange("https://a.kz/" + std::to_string(i), body)).ok());
  ASSERT_TRUE((*w)->Close().ok());
  EXPECT_GE((*w)->files().size(), 3u);
  size_t pages = 0;
  for (const std::string& f : (*w)->files()) {
    Result<extract::WarcReader> r = extract::WarcReader::Open((dir / f).string());
    ASSERT_TRUE(r.ok());
    extract::Page p;
    std::vector<std::string> notes;
    while (r->Next(&p, &notes)) ++pages;
    EXPECT_TRUE(testing::ReadFile(dir / f).size() > 0);
  }
  EXPECT_EQ(pages, 5u);
}

TEST(WarcWriter, LeftoverOpenFileIsRenamedAndCutRecordSkipped) {
  const fs::path dir = testing::TempDir("warc_leftover");
  std::string name;
  {
    auto w = WarcWriter::Open({.dir = dir.string()});
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Write(Exchange("https://a.kz/1", "<p>one</p>")).ok());
    ASSERT_TRUE((*w)->Sync().ok());
    name = (*w)->files()[0];
    // Simulate a kill: append half a record to the .open file and never close.
    const fs::path open = dir / (name + ".open");
    std::string bytes = testing::ReadFile(open);
    testing::WriteFile(open, bytes + bytes.substr(0, bytes.size() / 3));
    testing::WriteFile(dir / "keep.open", "x");  // not ours: left alone
    fs::copy_file(open, dir / "snapshot");
    (void)(*w)->Close();
    fs::remove(dir / name);
    fs::rename(dir / "snapshot", open);
  }
  auto w2 = WarcWriter::Open({.dir = dir.string()});
  ASSERT_TRUE(w2.ok());
  EXPECT_TRUE(fs::exists(dir / name));
  EXPECT_TRUE(fs::exists(dir / "keep.open"));
  Result<extract::WarcReader> r = extract::WarcReader::Open((dir / name).string());
  ASSERT_TRUE(r.ok());
  extract::Page p;
  std::vector<std::string> notes;
  size_t pages = 0;
  while (r->Next(&p, &notes)) ++pages;
  EXPECT_GE(pages, 1u);
  EXPECT_FALSE(notes.empty()) << "the cut record is reported";
}

}  // namespace
}  // namespace newsmine::crawler
