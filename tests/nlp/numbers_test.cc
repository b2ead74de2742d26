// Number parsing per language: digits with every grouping, number words in
// all genders and cases, Kazakh endings, scales and vague words.
#include "nlp/numbers.h"

#include <gtest/gtest.h>

#include "base/text.h"
#include "nlp/matcher.h"
#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

// The numbers of `text` read with the bundled tables of `lang`.
std::vector<Number> Read(const std::string& text, Lang lang) {
  static const Matcher* m[4] = {};
  if (!m[static_cast<int>(lang)]) m[static_cast<int>(lang)] = new Matcher(testing::BundledLexicon(), lang);
  const Tokens toks = Tokenize(DecodeUtf8(text));
  const std::vector<Token>& tokens = toks.list;
  Matches matches;
  matches.Build(*m[static_cast<int>(lang)], tokens);
  return FindNumbers(tokens, matches, testing::BundledLexicon());
}

// The value of the only number in `text`; -1 when none, -2 when vague.
double ValueOf(const std::string& text, Lang lang) {
  const auto n = Read(text, lang);
  if (n.empty()) return -1;
  return n.front().vague ? -2 : n.front().value;
}

struct Case {
  Lang lang;
  std::string text;
  double value;
};

class NumbersTest : public ::testing::TestWithParam<Case> {};

TEST_P(NumbersTest, Value) {
  EXPECT_DOUBLE_EQ(ValueOf(GetParam().text, GetParam().lang), GetParam().value) << GetParam().text;
}

constexpr Lang en = Lang::kEn, ru = Lang::kRu, kk = Lang::kKk;

INSTANTIATE_TEST_SUITE_P(
    Digits, NumbersTest,
    ::testing::Values(
        Case{en, "39", 39}, Case{en, "1,000", 1000}, Case{en, "1,000,000", 1e6}, Case{en, "27,600", 27600},
        Case{ru, "1 000", 1000}, Case{ru, "15 000", 15000}, Case{ru, "1 234 567", 1234567},
        Case{en, "1.5 thousand", 1500}, Case{ru, "1,5 тыс.", 1500}, Case{ru, "2 млн", 2e6},
        Case{ru, "1,5 млн", 1.5e6}, Case{en, "27.6 million", 27.6e6}, Case{en, "2 billion", 2e9},
        Case{kk, "2 млн", 2e6}, Case{kk, "1,5 мың", 1500}, Case{kk, "3 мың", 3000},
        Case{ru, "3 тысячи", 3000}, Case{ru, "5 тысяч", 5000}, Case{en, "950,000", 950000},
        Case{en, "1,234.5", 1234.5}, Case{ru, "1.234,5", 1234.5}, Case{en, "0", 0},
        Case{kk, "39-ы", 39}, Case{kk, "20-дан", 20}, Case{kk, "15-ке", 15}, Case{en, "12 000 000", 12e6}));

INSTANTIATE_TEST_SUITE_P(
    English, NumbersTest,
    ::testing::Values(
        Case{en, "one", 1}, Case{en, "eight", 8}, Case{en, "eleven", 11}, Case{en, "nineteen", 19},
        Case{en, "twenty", 20}, Case{en, "twenty-five", 25}, Case{en, "forty two", 42},
        Case{en, "ninety-nine", 99}, Case{en, "a hundred", 100}, Case{en, "two hundred", 200},
        Case{en, "two hundred and fifty", 250}, Case{en, "three thousand", 3000},
        Case{en, "two and a half million", 2.5e6}, Case{en, "a dozen", 12}, Case{en, "dozens", -2},
        Case{en, "hundreds", -2}, Case{en, "thousands", -2}, Case{en, "several", -2}, Case{en, "first", -1}));

INSTANTIATE_TEST_SUITE_P(
    Russian, NumbersTest,
    ::testing::Values(
        Case{ru, "один", 1}, Case{ru, "одного", 1}, Case{ru, "одной", 1}, Case{ru, "одну", 1},
        Case{ru, "два", 2}, Case{ru, "две", 2}, Case{ru, "двух", 2}, Case{ru, "двумя", 2}, Case{ru, "двое", 2},
        Case{ru, "троих", 3}, Case{ru, "трех", 3}, Case{ru, "трёх", 3}, Case{ru, "четырьмя", 4},
        Case{ru, "пять", 5}, Case{ru, "пяти", 5}, Case{ru, "пятерых", 5}, Case{ru, "пятеро", 5},
        Case{ru, "шестерых", 6}, Case{ru, "семерых", 7}, Case{ru, "восьми", 8}, Case{ru, "девяти", 9},
        Case{ru, "десяти", 10}, Case{ru, "одиннадцати", 11}, Case{ru, "девятнадцать", 19},
        Case{ru, "полтора", 1.5}, Case{ru, "полторы тысячи", 1500}, Case{ru, "полутора", 1.5},
        Case{ru, "двадцать пять", 25}, Case{ru, "двадцати пяти", 25}, Case{ru, "сорока", 40},
        Case{ru, "сорок два", 42}, Case{ru, "девяноста", 90}, Case{ru, "сто", 100},
        Case{ru, "ста двадцати", 120}, Case{ru, "двести", 200}, Case{ru, "двухсот", 200},
        Case{ru, "триста пятьдесят", 350}, Case{ru, "тысяча", 1000}, Case{ru, "две тысячи", 2000},
        Case{ru, "пять тысяч", 5000}, Case{ru, "два миллиона", 2e6}, Case{ru, "десятки", -2},
        Case{ru, "десятков", -2}, Case{ru, "несколько", -2}, Case{ru, "пятый", -1}, Case{ru, "первый", -1}));

INSTANTIATE_TEST_SUITE_P(
    Kazakh, NumbersTest,
    ::testing::Values(
        Case{kk, "екі", 2}, Case{kk, "үш", 3}, Case{kk, "төрт", 4}, Case{kk, "бес", 5},
        Case{kk, "алты", 6}, Case{kk, "жеті", 7}, Case{kk, "сегіз", 8}, Case{kk, "тоғыз", 9},
        Case{kk, "он", 10}, Case{kk, "жиырма", 20}, Case{kk, "отыз", 30}, Case{kk, "қырық", 40},
        Case{kk, "елу", 50}, Case{kk, "алпыс", 60}, Case{kk, "жетпіс", 70}, Case{kk, "сексен", 80},
        Case{kk, "тоқсан", 90}, Case{kk, "жүз", 100}, Case{kk, "мың", 1000}, Case{kk, "жиырма бес", 25},
        Case{kk, "екі жүз", 200}, Case{kk, "екі жүз елу", 250}, Case{kk, "үш мың", 3000},
        Case{kk, "екі жарым миллион", 2.5e6}, Case{kk, "жиырмадан", 20}, Case{kk, "бесеуі", 5},
        Case{kk, "үшеу", 3}, Case{kk, "онға", 10}, Case{kk, "ондаған", -2}, Case{kk, "жүздеген", -2},
        Case{kk, "jiyrma bes", 25}, Case{kk, "segiz", 8}, Case{kk, "üş", 3}, Case{kk, "үшін", -1},
        Case{kk, "оның", -1}, Case{kk, "бесінші", -1}));

// Every compound from 21 to 99 in English, spelled both ways.
TEST(NumbersGenerated, EnglishCompoundsUpToNinetyNine) {
  const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  const char* units[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
  for (int t = 0; t < 8; ++t) {
    for (int u = 0; u < 9; ++u) {
      const double want = (t + 2) * 10 + u + 1;
      EXPECT_EQ(ValueOf(std::string(tens[t]) + "-" + units[u], en), want);
      EXPECT_EQ(ValueOf(std::string(tens[t]) + " " + units[u], en), want);
    }
  }
}

// Every Russian compound of a ten and a unit, in the nominative.
TEST(NumbersGenerated, RussianCompounds) {
  const char* tens[] = {"двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
                        "восемьдесят", "девяносто"};
  const char* units[] = {"один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"};
  for (int t = 0; t < 8; ++t) {
    for (int u = 0; u < 9; ++u) {
      EXPECT_EQ(ValueOf(std::string(tens[t]) + " " + units[u], ru), (t + 2) * 10 + u + 1);
    }
  }
}

// Kazakh compounds, with and without a case ending on the last word.
TEST(NumbersGenerated, KazakhCompounds) {
  const char* tens[] = {"жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"};
  const char* units[] = {"бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"};
  for (int t = 0; t < 8; ++t) {
    for (int u = 0; u < 9; ++u) {
      EXPECT_EQ(ValueOf(std::string(tens[t]) + " " + units[u], kk), (t + 2) * 10 + u + 1)
          << tens[t] << " " << units[u];
    }
  }
}

TEST(NumbersTest, DigitsWithEveryGroupingAgree) {
  EXPECT_EQ(ParseDigits("1,000", false), 1000);
  EXPECT_EQ(ParseDigits("1 000", false), 1000);
  EXPECT_EQ(ParseDigits("1.5", true), 1.5);
  EXPECT_EQ(ParseDigits("1.500", false), 1500);  // a grouping unless a scale follows
  EXPECT_EQ(ParseDigits("1.500", true), 1.5);
  EXPECT_FALSE(ParseDigits("1,,0", false).has_value());
  EXPECT_FALSE(ParseDigits("1234567890123456789012", false).has_value());
}

TEST(NumbersTest, KazakhEndingIsKept) {
  const auto n = Read("20-дан астам", kk);
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].ending, "дан");
}

TEST(NumbersTest, PlainDigitsMayBeAYear) {
  EXPECT_TRUE(Read("2023", en)[0].plain);
  EXPECT_FALSE(Read("2,023", en)[0].plain);
}

}  // namespace
}  // namespace newsmine::nlp
