#include "extract/warc_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "extract/extract.h"
#include "tests/testing/testing.h"

namespace newsmine::extract {
namespace {

using newsmine::testing::Gzip;

std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& eol = "\r\n") {
  return "WARC/1.0" + eol + "WARC-Type: " + type + eol + "WARC-Target-URI: " + uri + eol +
         "WARC-Date: 2024-07-05T10:00:00Z" + eol + "Content-Length: " + std::to_string(block.size()) + eol + eol +
         block + eol + eol;
}

std::string Http(const std::string& body, const std::string& extra = "") {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra + "\r\n" + body;
}

std::vector<Page> ReadAllPages(const std::string& bytes, std::vector<std::string>* notes) {
  Result<WarcReader> r = WarcReader::FromBytes(bytes, "t.warc");
  EXPECT_TRUE(r.ok()) << r.status().message();
  std::vector<Page> pages;
  Page p;
  while (r.ok() && r->Next(&p, notes)) pages.push_back(p);
  return pages;
}

std::string ThreeRecords() {
  return Record("warcinfo", "", "software: test") +
         Record("response", "<https://a.kz/1>", Http("<p>one</p>")) +
         Record("request", "https://a.kz/1", "GET / HTTP/1.1\r\n\r\n") +
         Record("RESPONSE", "https://a.kz/2", Http("<p>two</p>"));
}

TEST(WarcReader, PlainGzipPerRecordAndWholeFile) {
  std::string per_record;
  for (const std::string& r : {Record("warcinfo", "", "x"), Record("response", "https://a.kz/1", Http("<p>one</p>")),
                               Record("response", "https://a.kz/2", Http("<p>two</p>"))})
    per_record += Gzip(r);
  for (const std::string& bytes : {ThreeRecords(), Gzip(ThreeRecords()), per_record}) {
    std::vector<std::string> notes;
    std::vector<Page> pages = ReadAllPages(bytes, &notes);
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[0].url, "https://a.kz/1");  // angle brackets (wget) removed
    EXPECT_EQ(pages[0].body, "<p>one</p>");
    EXPECT_EQ(*pages[0].fetched_at, "2024-07-05T10:00:00Z");
    EXPECT_EQ(pages[1].body, "<p>two</p>");
    EXPECT_TRUE(notes.empty()) << notes[0];
  }
}

TEST(WarcReader, WarcReading_LfOnlyHeads) {
  std::vector<std::string> notes;
  std::string block = "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>lf</p>";
  auto pages = ReadAllPages(Record("response", "https://a.kz/", block, "\n"), &notes);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].body, "<p>lf</p>");
}

TEST(WarcReader, WarcReading_ChunkedAndGzipOnlyWhenReally) {
  struct Case { std::string block; std::string body; } cases[] = {
      {Http("4\r\n<p>a\r\n5\r\nb</p>\r\n0\r\n\r\n", "Transfer-Encoding: chunked\r\n"), "<p>ab</p>"},
      {Http("<p>stored decoded</p>", "Transfer-Encoding: chunked\r\n"), "<p>stored decoded</p>"},
      {Http(Gzip("<p>zipped</p>"), "Content-Encoding: gzip\r\n"), "<p>zipped</p>"},
      {Http("<p>plain</p>", "Content-Encoding: gzip\r\n"), "<p>plain</p>"},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseHttpResponse(c.block).body, c.body);
}

TEST(WarcReader, SkipsNonHtmlAndErrors) {
  std::vector<std::string> notes;
  std::string img = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
  std::string notfound = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>no</p>";
  auto pages = ReadAllPages(Record("response", "https://a.kz/i.png", img) + Record("response", "https://a.kz/x", notfound) +
                                Record("response", "dns:a.kz", "1.2.3.4"), &notes);
  EXPECT_TRUE(pages.empty());
}

TEST(WarcReader, TruncatedRecordNamesFileRecordAndByte) {
  std::string bytes = ThreeRecords();
  bytes += Record("response", "https://a.kz/3", Http(std::string(1000, 'x')));
  bytes.resize(bytes.size() - 500);
  std::vector<std::string> notes;
  auto pages = ReadAllPages(bytes, &notes);
  EXPECT_EQ(pages.size(), 2u);  // the records before stay intact
  ASSERT_FALSE(notes.empty());
  EXPECT_NE(notes.back().find("t.warc: record 5 at byte"), std::string::npos) << notes.back();
  EXPECT_NE(notes.back().find("truncated"), std::string::npos) << notes.back();
}

TEST(WarcReader, TruncatedGzipMember) {
  std::string gz = Gzip(ThreeRecords());
  std::vector<std::string> notes;
  ReadAllPages(gz.substr(0, gz.size() - 10), &notes);
  ASSERT_FALSE(notes.empty());
}

TEST(WarcReader, GarbageBetweenRecordsResynchronises) {
  std::vector<std::string> notes;
  auto pages = ReadAllPages(Record("response", "https://a.kz/1", Http("<p>1</p>")) + "garbage line\n" +
                                Record("response", "https://a.kz/2", Http("<p>2</p>")), &notes);
  EXPECT_EQ(pages.size(), 2u);
  EXPECT_EQ(notes.size(), 1u);
}

TEST(WarcReader, UnsupportedFormatsFailClearly) {
  for (std::string magic : {std::string("BZh91AY"), std::string("\x28\xb5\x2f\xfd\0\0", 6), std::string("filedesc://x")}) {
    Result<WarcReader> r = WarcReader::FromBytes(magic, "x.warc");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("x.warc"), std::string::npos);
  }
  EXPECT_FALSE(WarcReader::Open("/nonexistent/file.warc").ok());
}

TEST(WarcReader, LooksLikeWarc) {
  EXPECT_TRUE(LooksLikeWarc(ThreeRecords().substr(0, 64)));
  EXPECT_TRUE(LooksLikeWarc(Gzip(ThreeRecords())));
  EXPECT_FALSE(LooksLikeWarc("<html>"));
}

TEST(WarcReader, ReadsAFileFromDisk) {
  const auto dir = testing::TempDir("warc");
  testing::WriteFile(dir / "a.warc.gz", Gzip(ThreeRecords()));
  Result<WarcReader> r = WarcReader::Open((dir / "a.warc.gz").string());
  ASSERT_TRUE(r.ok());
  Page p;
  std::vector<std::string> notes;
  int n = 0;
  while (r->Next(&p, &notes)) ++n;
  EXPECT_EQ(n, 2);
}

// Was silent: a .warc file of other bytes gave no page, no warning and exit 0.
TEST(WarcReader, FileWithNoRecordIsDamageThatSaysSo) {
  std::string bytes;
  for (int i = 0; i < 3000; ++i) bytes += static_cast<char>((i * 7919) % 251 + 1);
  Result<WarcReader> r = WarcReader::FromBytes(bytes, "t.warc");
  ASSERT_TRUE(r.ok());
  std::vector<std::string> notes;
  Page p;
  EXPECT_FALSE(r->Next(&p, &notes));
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0], "t.warc: no WARC record in 3000 bytes; not a WARC file");
  EXPECT_EQ(r->damaged(), 1u);
}

TEST(WarcReader, BytesBeforeTheFirstRecordAreSkippedAndSaid) {
  std::vector<std::string> notes;
  const std::vector<Page> pages = ReadAllPages("leftover junk\r\n" + ThreeRecords(), &notes);
  EXPECT_EQ(pages.size(), 2u);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0], "t.warc: 15 bytes before the first record were not a record; skipped");
}

TEST(WarcReader, EmptyFileHasNoPageAndNoDamage) {
  Result<WarcReader> r = WarcReader::FromBytes("", "t.warc");
  ASSERT_TRUE(r.ok());
  std::vector<std::string> notes;
  Page p;
  EXPECT_FALSE(r->Next(&p, &notes));
  EXPECT_TRUE(notes.empty());
  EXPECT_EQ(r->damaged(), 0u);
}

}  // namespace
}  // namespace newsmine::extract
