#include "tests/testing/testing.h"
#include "extract/gzip_stream.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "extract/extract.h"

namespace newsmine::extract {
namespace {

using newsmine::testing::Gzip;

TEST(Gunzip, MembersChainedAndPlainPassesThrough) {
  std::string out;
  ASSERT_TRUE(Gunzip(Gzip("one ") + Gzip("") + Gzip("two"), &out).ok());
  EXPECT_EQ(out, "one two");
  ASSERT_TRUE(Gunzip("not gzip", &out).ok());
  EXPECT_EQ(out, "not gzip");
}

TEST(Gunzip, TruncatedSaysWhereAndKeepsWhatWasRead) {
  const std::string text(100000, 'x');
  const std::string gz = Gzip(text);
  std::string out;
  Status s = Gunzip(std::string_view(gz).substr(0, gz.size() / 2), &out);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("truncated"), std::string::npos) << s.message();
  EXPECT_LT(out.size(), text.size());
}

TEST(GzipStream, CorruptMemberIsSkippedToTheNext) {
  std::string noise(5000, 0);
  for (size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>((i * 2654435761u) >> 13);
  std::string bad = Gzip(noise);  // large enough that damage stays inside it
  for (size_t i = 100; i < 140; ++i) bad[i] = '\x55';
  const std::string bytes = Gzip("first ") + bad + Gzip("last");  // FromMemory keeps a view
  GzipStream s = GzipStream::FromMemory(bytes);
  std::string out;
  char buf[4096];
  while (size_t n = s.Read(buf, sizeof buf)) out.append(buf, n);
  EXPECT_TRUE(out.starts_with("first "));
  EXPECT_TRUE(out.ends_with("last"));
  EXPECT_FALSE(s.TakeDamage().empty());
}

TEST(GzipStream, GarbageAfterLastMemberIsReported) {
  const std::string bytes = Gzip("data") + "GARBAGE";
  GzipStream s = GzipStream::FromMemory(bytes);
  std::string out;
  char buf[64];
  while (size_t n = s.Read(buf, sizeof buf)) out.append(buf, n);
  EXPECT_EQ(out, "data");
  EXPECT_EQ(s.TakeDamage().size(), 1u);
}

}  // namespace
}  // namespace newsmine::extract
