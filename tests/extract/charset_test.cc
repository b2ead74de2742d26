#include "extract/charset.h"

#include "base/text.h"

#include <gtest/gtest.h>

namespace newsmine::extract {
namespace {

// "Привет" in windows-1251, KOI8-R and UTF-16LE.
const std::string kCp1251 = "\xCF\xF0\xE8\xE2\xE5\xF2";
const std::string kKoi8 = "\xF0\xD2\xC9\xD7\xC5\xD4";
const std::string kUtf16 = std::string("\xFF\xFE\x1F\x04\x40\x04\x38\x04\x32\x04\x35\x04\x42\x04", 14);

TEST(DecodeHtml, Html13_2_3_WhereTheCharsetComesFrom) {
  struct Case { std::string bytes, content_type, charset, source; } cases[] = {
      {"<p>" + kCp1251, "text/html; charset=windows-1251", "windows-1251", "http"},
      {"<meta charset=\"cp1251\"><p>" + kCp1251, "", "windows-1251", "meta"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>" + kKoi8, "", "koi8-r", "meta"},
      {kUtf16, "", "utf-16le", "bom"},
      {"\xEF\xBB\xBF<p>Привет", "", "utf-8", "bom"},
      {"<p>Привет", "", "utf-8", "detected"},
      // Declared windows-1251, sent as UTF-8: the bytes win.
      {"<meta charset=windows-1251><p>Привет мир, это текст", "", "utf-8", "detected"},
  };
  for (const Case& c : cases) {
    Decoded d = DecodeHtml(c.bytes, c.content_type);
    EXPECT_EQ(d.charset, c.charset) << c.bytes;
    EXPECT_EQ(d.source, c.source) << c.bytes;
    EXPECT_NE(d.utf8.find("Привет"), std::string::npos) << c.bytes;
    EXPECT_TRUE(IsValidUtf8(d.utf8));
  }
}

TEST(DecodeHtml, BrokenUtf8IsReplacedAndCounted) {
  Decoded d = DecodeHtml("<meta charset=utf-8><p>ok \xC3\x28 \xFF end", "");
  EXPECT_TRUE(IsValidUtf8(d.utf8));
  EXPECT_EQ(d.replaced, 2u);
}

TEST(DecodeHtml, UnknownCharsetWarnsAndGuesses) {
  Decoded d = DecodeHtml("<p>plain", "text/html; charset=x-no-such-thing");
  EXPECT_FALSE(d.warning.empty());
  EXPECT_EQ(d.charset, "utf-8");
}

TEST(NormalizeCharset, WhatwgAliases) {
  EXPECT_EQ(NormalizeCharset("CP1251"), "windows-1251");
  EXPECT_EQ(NormalizeCharset("latin1"), "windows-1252");
  EXPECT_EQ(NormalizeCharset(" UTF8 "), "utf-8");
  EXPECT_EQ(NormalizeCharset("bogus-charset"), "");
}

}  // namespace
}  // namespace newsmine::extract
