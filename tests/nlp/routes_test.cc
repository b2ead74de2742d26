// route facts (records.md "route" and its conventions).
#include <gtest/gtest.h>

#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

std::vector<std::string> RouteKeys(const std::string& text, Lang lang = Lang::kUnknown) {
  auto keys = testing::Keys(testing::OfType(testing::FactsOf(text, lang), FactType::kRoute));
  std::sort(keys.begin(), keys.end());
  return keys;
}

struct Case {
  std::string text;
  std::vector<std::string> keys;  // sorted
};

class RoutesTest : public ::testing::TestWithParam<Case> {};

TEST_P(RoutesTest, Keys) { EXPECT_EQ(RouteKeys(GetParam().text), GetParam().keys) << GetParam().text; }

INSTANTIATE_TEST_SUITE_P(
    All, RoutesTest,
    ::testing::Values(
        Case{"Women from Kazakhstan are trafficked to China and Turkey.", {"route KZ>CN", "route KZ>TR"}},
        Case{"Kazakhstan is a destination for victims of forced labour from Uzbekistan.", {"route UZ>KZ"}},
        Case{"Police freed 15 Uzbek citizens forced to work on a farm.", {"route UZ>KZ"}},
        Case{"Kazakhstanis were trafficked to Bahrain and South Korea.", {"route KZ>BH", "route KZ>KR"}},
        Case{"Victims of trafficking were taken abroad.", {}},
        Case{"A Russian city hosted the forum on trafficking.", {}},
        Case{"Kazakhstan is a source, transit, and destination country for men and women from Uzbekistan "
             "trafficked to Russia.",
             {"route KZ>RU", "route UZ>KZ", "route UZ>RU"}},
        Case{"27 victims of trafficking were brought home from the United Arab Emirates.", {"route KZ>AE"}},
        Case{"Девушек вывезли из Узбекистана в Казахстан для сексуальной эксплуатации.", {"route UZ>KZ"}},
        Case{"Казахстанок продавали в ОАЭ и Турцию для сексуальной эксплуатации.", {"route KZ>AE", "route KZ>TR"}},
        Case{"Қазақстаннан Түркияға жезөкшелікке жөнелтілген.", {"route KZ>TR"}},
        Case{"Өзбекстаннан әкелінген жұмысшылар мәжбүрлі еңбекке тартылды.", {"route UZ>KZ"}},
        // A city the news names for its country.
        Case{"A woman from Taldykorgan was lured to Dubai and forced into prostitution.", {"route KZ>AE"}},
        Case{"Девушек вывезли в Стамбул для сексуальной эксплуатации.", {"route KZ>TR"}},
        // Deportation from a country says where the people were.
        Case{"Victims of forced labour fear deportation from South Korea.", {"route KZ>KR"}},
        // Kazakhstan the transit is no origin when none is named.
        Case{"Ее привезли в Шымкент, а затем через Казахстан самолетом отправили в Турцию.", {}}));

TEST(RoutesTest, TransitGoesIntoVia) {
  const auto r = testing::OfType(
      testing::FactsOf("Migrants from Tajikistan were trafficked through Kazakhstan to Russia for forced labour."),
      FactType::kRoute);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].from, "TJ");
  EXPECT_EQ(r[0].to, "RU");
  EXPECT_EQ(r[0].via, std::vector<std::string>{"KZ"});
  EXPECT_EQ(r[0].exploitation, "labor");
}

}  // namespace
}  // namespace newsmine::nlp
