// victim_age: explicit ages, ranges, open ranges, categories; ages of
// suspects are not victim ages (records.md "victim_age").
#include <gtest/gtest.h>

#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

const std::string kTopic = " Human trafficking / торговля людьми / адам саудасы.";

// Sorted and unique: victim ages are a set per article (records.md "Scoring").
std::vector<std::string> AgeKeys(const std::string& text, Lang lang) {
  auto keys = testing::Keys(testing::OfType(testing::FactsOf(text + kTopic, lang), FactType::kVictimAge));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

struct Case {
  Lang lang;
  std::string text;
  std::vector<std::string> keys;
};

class AgesTest : public ::testing::TestWithParam<Case> {};

TEST_P(AgesTest, Keys) { EXPECT_EQ(AgeKeys(GetParam().text, GetParam().lang), GetParam().keys) << GetParam().text; }

constexpr Lang en = Lang::kEn, ru = Lang::kRu, kk = Lang::kKk;

INSTANTIATE_TEST_SUITE_P(
    All, AgesTest,
    ::testing::Values(
        Case{en, "A 17-year-old girl was sold.", {"victim_age 17-17"}},
        Case{en, "An 18-year old woman was trafficked to Russia.", {"victim_age 18-18"}},
        Case{en, "Girls aged 14 to 17 were recruited.", {"victim_age 14-17"}},
        Case{en, "Two girls aged 16 and 17 were taken off a flight.", {"victim_age 16-16", "victim_age 17-17"}},
        Case{en, "More and more victims are women over 40.", {"victim_age 41-null"}},
        Case{en, "A 41-year-old suspect was detained.", {}},
        Case{en, "Traffickers targeted young women in their teens and 20s.", {"victim_age 13-29"}},
        Case{en, "Newborn babies were sold.", {"victim_age 0-0"}},
        Case{en, "Police rescued minors.", {"victim_age 0-17"}},
        Case{ru, "17-летняя девушка была продана.", {"victim_age 17-17"}},
        Case{ru, "Пострадавшим девушкам в возрасте от 14 до 17 лет помогли.", {"victim_age 14-17"}},
        Case{ru, "Продавали новорожденных детей.", {"victim_age 0-0", "victim_age 0-17"}},
        Case{ru, "Среди пострадавших несовершеннолетние.", {"victim_age 0-17"}},
        Case{kk, "16 жастағы қыз құтқарылды.", {"victim_age 16-16"}},
        Case{kk, "Кәмелетке толмағандар қанауға түсті.", {"victim_age 0-17"}},
        Case{kk, "Нәресте сатылды.", {"victim_age 0-0"}}));

}  // namespace
}  // namespace newsmine::nlp
