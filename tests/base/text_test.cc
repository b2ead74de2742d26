#include "base/text.h"

#include <gtest/gtest.h>

namespace newsmine {
namespace {

TEST(TextTest, LangCodesRoundTrip) {
  for (Lang l : {Lang::kEn, Lang::kRu, Lang::kKk}) EXPECT_EQ(ParseLang(LangCode(l)), l);
  EXPECT_EQ(LangCode(Lang::kUnknown), "und");
  EXPECT_EQ(ParseLang("de"), Lang::kUnknown);
}

TEST(TextTest, ScrubKeepsValidTextAsIs) {
  const std::string s = "Алматы, Қазақстан 😀 ok";
  std::vector<size_t> bad;
  EXPECT_EQ(ScrubUtf8(s, &bad), s);
  EXPECT_TRUE(bad.empty());
}

TEST(TextTest, ScrubReplacesEachBadSequenceAndSaysWhere) {
  std::vector<size_t> bad;
  // A lone continuation byte, a truncated 2-byte sequence, an overlong '/'.
  const std::string in = std::string("a\x80") + "b\xD0" + "c\xC0\xAF";
  const std::string out = ScrubUtf8(in, &bad);
  EXPECT_EQ(out, "a\uFFFDb\uFFFDc\uFFFD\uFFFD");
  ASSERT_GE(bad.size(), 3u);
  EXPECT_EQ(bad[0], 1u);
  EXPECT_EQ(bad[1], 3u);
  EXPECT_EQ(bad[2], 5u);
}

TEST(TextTest, ValidUtf8IsTold) {
  EXPECT_TRUE(IsValidUtf8("Қазақстан 😀 ok"));
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xD0"));              // cut short
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST(TextTest, DecodeEncodeRoundTrip) {
  const std::string s = "Kazakh: Қазақстан, Latin: Qazaqstan ğ ñ, emoji: 👩‍👧";
  EXPECT_EQ(EncodeUtf8(DecodeUtf8(s)), s);
  EXPECT_EQ(DecodeUtf8("Қ😀").size(), 2u);
  EXPECT_EQ(CodePointCount("Қ😀a"), 3u);
}

TEST(TextTest, DecodeReplacesBadBytes) {
  EXPECT_EQ(DecodeUtf8("a\xFF" "b"), U"a\uFFFDb");
}

TEST(TextTest, BinaryIsRecognised) {
  EXPECT_TRUE(LooksBinary(std::string("%PDF-1.4\0\0\x01", 11)));
  EXPECT_TRUE(LooksBinary(std::string(100, '\x01')));
  EXPECT_FALSE(LooksBinary("Обычный текст\nс переводом строки\tи табом."));
  EXPECT_FALSE(LooksBinary(""));
}

}  // namespace
}  // namespace newsmine
