#include "nlp/normalize.h"

#include <gtest/gtest.h>

namespace newsmine::nlp {
namespace {

TEST(NormalizeTest, SpecialSpacesBecomePlainSpaces) {
  EXPECT_EQ(NormalizeText("1\u00A0000 и 2\u202F500\tчел."), "1 000 и 2 500 чел.");
  EXPECT_EQ(NormalizeText("a\u2009b\u2007c"), "a b c");
}

TEST(NormalizeTest, SoftHyphensZeroWidthAndBomAreDropped) {
  EXPECT_EQ(NormalizeText("\uFEFFтор\u00ADговля\u200B людьми"), "торговля людьми");
}

TEST(NormalizeTest, LineEndingsBecomeLf) {
  EXPECT_EQ(NormalizeText("a\r\nb\rc\u2028d"), "a\nb\nc\nd");
}

TEST(NormalizeTest, NfcComposesDecomposedLetters) {
  // "й" as и + combining breve, "ń" as n + combining acute (2018 Latin).
  EXPECT_EQ(NormalizeText("\u0438\u0306 n\u0301"), "\u0439 \u0144");
}

TEST(NormalizeTest, QuotesAndDashesStayInTheText) {
  EXPECT_EQ(NormalizeText("«Да» — сказал он"), "«Да» — сказал он");
}

TEST(NormalizeTest, FoldIsOneToOne) {
  EXPECT_EQ(FoldChar(U'Ё'), U'е');
  EXPECT_EQ(FoldChar(U'ё'), U'е');
  EXPECT_EQ(FoldChar(U'Қ'), U'қ');
  EXPECT_EQ(FoldChar(U'Ә'), U'ә');
  EXPECT_EQ(FoldChar(U'І'), U'і');
  EXPECT_EQ(FoldChar(U'Ğ'), U'ğ');
  EXPECT_EQ(FoldChar(U'«'), U'"');
  EXPECT_EQ(FoldChar(U'’'), U'\'');
  EXPECT_EQ(FoldChar(U'—'), U'-');
  EXPECT_EQ(FoldChar(U'−'), U'-');
  EXPECT_EQ(FoldCharFast(U'Ж'), U'ж');
  EXPECT_EQ(FoldCharFast(U'Q'), U'q');
}

}  // namespace
}  // namespace newsmine::nlp
