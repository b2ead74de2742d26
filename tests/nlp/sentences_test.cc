#include "nlp/sentences.h"

#include <gtest/gtest.h>

#include "base/text.h"
#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

std::vector<std::string> Split(const std::string& s) {
  const std::u32string t = DecodeUtf8(s);
  std::vector<std::string> out;
  for (const Span& sp : SplitSentences(t, testing::BundledLexicon().abbreviations)) {
    out.push_back(EncodeUtf8(t.substr(sp.begin, sp.end - sp.begin)));
  }
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> sentences;
};

class SentencesTest : public ::testing::TestWithParam<Case> {};

TEST_P(SentencesTest, Splits) { EXPECT_EQ(Split(GetParam().text), GetParam().sentences); }

INSTANTIATE_TEST_SUITE_P(
    All, SentencesTest,
    ::testing::Values(
        Case{"Police opened 39 cases. Eight people were detained.",
             {"Police opened 39 cases.", "Eight people were detained."}},
        Case{"The U.S. State Department said so. Mr. Smith agreed.",
             {"The U.S. State Department said so.", "Mr. Smith agreed."}},
        Case{"В 2023 г. возбуждено 39 дел. Задержаны трое.", {"В 2023 г. возбуждено 39 дел.", "Задержаны трое."}},
        Case{"По ст. 128 УК, т.е. за торговлю людьми. Далее.", {"По ст. 128 УК, т.е. за торговлю людьми.", "Далее."}},
        Case{"2023 ж. 15 іс тіркелді. Күдіктілер ұсталды.", {"2023 ж. 15 іс тіркелді.", "Күдіктілер ұсталды."}},
        Case{"Headline without a full stop\nBody text here.", {"Headline without a full stop", "Body text here."}},
        Case{"«Это не системная работа», — сказал он. Затем ушёл.",
             {"«Это не системная работа», — сказал он.", "Затем ушёл."}},
        Case{"\"It is hard.\" He left.", {"\"It is hard.\"", "He left."}},
        Case{"Н. Назарбаев выступил. Всё.", {"Н. Назарбаев выступил.", "Всё."}},
        Case{"It cost 1.5 million. Done!", {"It cost 1.5 million.", "Done!"}},
        Case{"face up to 18 years in prison,\npolice said.", {"face up to 18 years in prison,\npolice said."}},
        Case{"Why? Because.", {"Why?", "Because."}},
        Case{"", {}}));

}  // namespace
}  // namespace newsmine::nlp
