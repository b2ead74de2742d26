#include "extract/text_util.h"

#include <gtest/gtest.h>

namespace newsmine::extract {
namespace {

TEST(TextUtil, LowerTextCoversRussianAndKazakh) {
  EXPECT_EQ(LowerText("ЧИТАЙТЕ Также"), "читайте также");
  EXPECT_EQ(LowerText("ҚАЗАҚСТАН ӘҒҢӨҰҮҺІ Ёж"), "қазақстан әғңөұүһі ёж");
}

TEST(TextUtil, CountCharsSkipsSpacesIncludingNbsp) {
  EXPECT_EQ(CountChars("a b\xC2\xA0" "c"), 3);
  EXPECT_EQ(CountChars("Жаңа  жыл"), 7);
}

TEST(TextUtil, NormalizeParagraphsStripsTagsAndBlankLines) {
  EXPECT_EQ(NormalizeParagraphs("<p>One &amp; two</p>\n\n<p>Three</p>"), "One & two\nThree");
}

TEST(TextUtil, Bylines) {
  EXPECT_TRUE(LooksLikeByline("By Jane Doe"));
  EXPECT_TRUE(LooksLikeByline("Автор: Ерлан Абенов"));
  EXPECT_FALSE(LooksLikeByline("Byelorussian officials said on Monday that the border was closed."));
}

}  // namespace
}  // namespace newsmine::extract
