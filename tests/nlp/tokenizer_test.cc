#include "nlp/tokenizer.h"

#include <gtest/gtest.h>

#include "base/text.h"

namespace newsmine::nlp {
namespace {

// The tokens of `s` with their arena, which must outlive them.
std::vector<Token> Tok(const std::string& s) {
  static std::vector<Tokens> kept;
  kept.push_back(Tokenize(DecodeUtf8(s)));
  return kept.back().list;
}

std::vector<std::string> Texts(const std::string& s) {
  std::vector<std::string> out;
  for (const Token& t : Tok(s)) {
    out.push_back(std::string(t.text) + (t.suffix.empty() ? "" : "|" + std::string(t.suffix)));
  }
  return out;
}

TEST(TokenizerTest, WordsAreFolded) {
  EXPECT_EQ(Texts("Алматы ЁЛКА Qazaqstan"), (std::vector<std::string>{"алматы", "елка", "qazaqstan"}));
}

TEST(TokenizerTest, NumbersKeepTheirGrouping) {
  EXPECT_EQ(Texts("1,000 1 000 15 000 1.5 1,5"),
            (std::vector<std::string>{"1,000", "1 000", "15 000", "1.5", "1,5"}));
}

TEST(TokenizerTest, SpaceJoinsOnlyAThreeDigitGroupAfterAShortLead) {
  EXPECT_EQ(Texts("in 2023 100 cases"), (std::vector<std::string>{"in", "2023", "100", "cases"}));
}

TEST(TokenizerTest, FullStopAfterANumberIsPunctuation) {
  EXPECT_EQ(Texts("в 2023."), (std::vector<std::string>{"в", "2023", "."}));
}

TEST(TokenizerTest, LettersAfterANumberAreItsSuffix) {
  EXPECT_EQ(Texts("20-дан 39-ы 17-year-old 17-летняя 5th"),
            (std::vector<std::string>{"20|дан", "39|ы", "17|year-old", "17|летняя", "5|th"}));
}

TEST(TokenizerTest, HyphensSplitWordsAndEnDashesSplitRanges) {
  EXPECT_EQ(Texts("Нур-Султан 10–15"), (std::vector<std::string>{"нур", "-", "султан", "10", "-", "15"}));
}

TEST(TokenizerTest, ApostrophesStayInsideWords) {
  EXPECT_EQ(Texts("Kazakhstan’s o'zbek"), (std::vector<std::string>{"kazakhstan's", "o'zbek"}));
}

TEST(TokenizerTest, PhoneNumbersAreCodesNotNumbers) {
  for (const char* s : {"8-800-080-00-00", "+7 727 123", "123-45-67"}) {
    for (const Token& t : Tok(s)) {
      EXPECT_NE(t.kind, TokenKind::kNumber) << s << " " << t.text;
    }
  }
  EXPECT_EQ(Tok("10-15")[0].kind, TokenKind::kNumber);  // two groups: a range
}

TEST(TokenizerTest, OffsetsAreCodePoints) {
  const auto t = Tok("😀 Қазақстан 12");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].begin, 0);  // the emoji is punctuation, one code point
  EXPECT_EQ(t[1].begin, 2);
  EXPECT_EQ(t[1].end, 11);
  EXPECT_EQ(t[2].begin, 12);
  EXPECT_TRUE(t[2].space_before);
}

TEST(TokenizerTest, NewlinesAreRemembered) {
  const auto t = Tok("a\nb");
  EXPECT_FALSE(t[0].newline_before);
  EXPECT_TRUE(t[1].newline_before);
}

}  // namespace
}  // namespace newsmine::nlp
