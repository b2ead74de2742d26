// case_count and person_count rules, sentence by sentence, in the three
// languages (records.md "case_count", "person_count", "Annotation
// conventions").
#include <gtest/gtest.h>

#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

using testing::FactsOf;
using testing::Keys;

// A sentence about trafficking so the article is on topic.
const std::string kTopic = " Human trafficking / торговля людьми / адам саудасы.";

std::vector<std::string> CountKeys(const std::string& text, Lang lang) {
  std::vector<Fact> counts;
  for (const Fact& f : FactsOf(text + kTopic, lang)) {
    if (f.type == FactType::kCaseCount || f.type == FactType::kPersonCount) counts.push_back(f);
  }
  return Keys(counts);
}

struct Case {
  Lang lang;
  std::string text;
  std::vector<std::string> keys;
};

class CountsTest : public ::testing::TestWithParam<Case> {};

TEST_P(CountsTest, Keys) { EXPECT_EQ(CountKeys(GetParam().text, GetParam().lang), GetParam().keys) << GetParam().text; }

constexpr Lang en = Lang::kEn, ru = Lang::kRu, kk = Lang::kKk;

INSTANTIATE_TEST_SUITE_P(
    English, CountsTest,
    ::testing::Values(
        Case{en, "The ministry reported 39 criminal cases.", {"case_count 39 case"}},
        Case{en, "Investigators are pursuing over 20 criminal cases.", {"case_count 20 case"}},
        Case{en, "Police registered 179 crimes related to human trafficking.", {"case_count 179 crime"}},
        Case{en, "More than 100 pretrial investigations are launched every year.", {"case_count 100 investigation"}},
        Case{en, "Eight people were detained.", {"person_count 8 suspect"}},
        Case{en, "Police detained eight people.", {"person_count 8 suspect"}},
        Case{en, "Police freed 15 victims of forced labour.", {"person_count 15 victim"}},
        Case{en, "Courts convicted 39 traffickers.", {"person_count 39 convicted"}},
        Case{en, "The NGO helped 58 women who had been exploited.", {"person_count 58 victim"}},
        Case{en, "The ministry reported 39 criminal cases, including six involving minors.",
             {"case_count 39 case", "case_count 6 case"}},
        Case{en, "Police opened 94 criminal cases, and investigators sent 57 of them to court.",
             {"case_count 94 case", "case_count 57 case"}},
        Case{en, "There were dozens of cases.", {}},
        Case{en, "Under Article 128 of the Criminal Code, 12 suspects were charged.", {"person_count 12 suspect"}},
        Case{en, "Call the hotline 8-800-080-00-00 or 111.", {}},
        Case{en, "Trafficking rose by 12 percent in 2023.", {}},
        Case{en, "There were six children in our family.", {}}));

INSTANTIATE_TEST_SUITE_P(
    Russian, CountsTest,
    ::testing::Values(
        Case{ru, "С начала года возбуждено 39 уголовных дел.", {"case_count 39 case"}},
        Case{ru, "Зарегистрировано более 150 преступлений, связанных с торговлей людьми.", {"case_count 150 crime"}},
        Case{ru, "Полиция задержала пятерых подозреваемых.", {"person_count 5 suspect"}},
        Case{ru, "Из рабства освобождены 12 человек.", {"person_count 12 victim"}},
        Case{ru, "Осуждены двое организаторов притона.", {"person_count 2 convicted"}},
        Case{ru, "Пострадавшими признаны 25 иностранцев.", {"person_count 25 victim"}},
        Case{ru, "Статья 128 УК РК предусматривает до 15 лет.", {}},
        Case{ru, "Возбуждены десятки уголовных дел.", {}}));

INSTANTIATE_TEST_SUITE_P(
    Kazakh, CountsTest,
    ::testing::Values(
        Case{kk, "Биыл 15 қылмыстық іс тіркелді.", {"case_count 15 case"}},
        Case{kk, "Полиция 20-дан астам қылмысты анықтады.", {"case_count 20 crime"}},
        Case{kk, "Сегіз күдікті ұсталды.", {"person_count 8 suspect"}},
        Case{kk, "Құлдықтан 12 адам құтқарылды.", {"person_count 12 victim"}},
        Case{kk, "Ондаған іс қозғалды.", {}}));

TEST(CountsAttributes, QualifierRangeAndScope) {
  const auto f = testing::OfType(FactsOf("Between 1,000 and 5,000 victims were trafficked." + kTopic, en),
                                 FactType::kPersonCount);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].qualifier, "range");
  EXPECT_EQ(f[0].value, 1000);
  EXPECT_EQ(f[0].max, 5000);

  const auto g = testing::OfType(FactsOf("Police opened 11 criminal cases of forced labor in the Abay region." + kTopic, en),
                                 FactType::kCaseCount);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].scope, "forced_labor");
  EXPECT_EQ(g[0].region, "KZ-10");

  const auto h = testing::OfType(FactsOf("At least 58 women were rescued." + kTopic, en), FactType::kPersonCount);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].qualifier, "at_least");
  EXPECT_EQ(h[0].group, "women");
}

TEST(CountsAttributes, PeriodsResolveAgainstPublished) {
  auto one = [](const std::string& text, const std::string& published) {
    auto f = testing::OfType(FactsOf(text + kTopic, en, published), FactType::kCaseCount);
    return f.empty() ? Period{} : f[0].period.value_or(Period{});
  };
  EXPECT_EQ(one("In 2021 there were 103 such cases.", "").year, 2021);
  EXPECT_EQ(one("Last year police opened 141 cases.", "").relative, "last_year");
  EXPECT_EQ(one("Last year police opened 141 cases.", "2024-05-01").year, 2023);
  const Period p = one("There were 79 cases so far this year.", "2022-11-03");
  EXPECT_EQ(p.from, "2022-01-01");
  EXPECT_EQ(p.to, "2022-11-03");
  const Period q = one("110 cases were initiated in the first quarter of 2004.", "");
  EXPECT_EQ(q.from, "2004-01-01");
  EXPECT_EQ(q.to, "2004-03-31");
  const Period j = one("In June, the country reported 50 crimes.", "2022-11-03");
  EXPECT_EQ(j.from, "2022-06-01");
  EXPECT_EQ(j.to, "2022-06-30");
}

TEST(CountsTest, ThisFigureWasTakesThePreviousCountsNoun) {
  EXPECT_EQ(CountKeys("В 2023 году возбуждено 118 уголовных дел. Годом ранее этот показатель составлял 97.", ru),
            (std::vector<std::string>{"case_count 118 case", "case_count 97 case"}));
  EXPECT_EQ(CountKeys("Биыл 64 қылмыстық іс тіркелді. Былтыр бұл көрсеткіш 52 болған.", kk),
            (std::vector<std::string>{"case_count 64 case", "case_count 52 case"}));
  EXPECT_EQ(CountKeys("Police reported 20 new cases. Reports came from 12 regions.", en),
            (std::vector<std::string>{"case_count 20 case"}));
}

TEST(CountsTest, OffTopicArticlesGiveNoCounts) {
  EXPECT_TRUE(testing::OfType(FactsOf("The city opened 39 new schools and 12 clinics.", en), FactType::kCaseCount).empty());
}

}  // namespace
}  // namespace newsmine::nlp
