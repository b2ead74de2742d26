// Bug: Kazakh statistics lost facts an earlier session listed as gaps —
// "бұл көрсеткіш өткен жылдың осы кезеңінде 49 болған" gave no 49, the
// month range "қаңтар-қыркүйек" resolved to September alone, and
// "10 жастан 14 жасқа дейін" gave ages 10 and under-14 instead of 10–14.
#include <gtest/gtest.h>

#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

constexpr char kText[] =
    "Биылғы қаңтар-қыркүйек айларында адам саудасына қатысты 56 қылмыс тіркелді. Бұл көрсеткіш өткен "
    "жылдың осы кезеңінде 49 болған. 10 жастан 14 жасқа дейінгі 6 бала қайыр сұрауға мәжбүрленген.";

TEST(Regress, KazakhComparedFigureMonthRangeAndAgeRange) {
  const auto facts = testing::FactsOf(kText, Lang::kKk, "2024-11-01");
  const auto counts = testing::OfType(facts, FactType::kCaseCount);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].period->to, "2024-09-30");
  EXPECT_EQ(counts[0].period->from, "2024-01-01");
  EXPECT_EQ(counts[1].value, 49);
  EXPECT_EQ(counts[1].period->from, "2023-01-01");
  EXPECT_EQ(counts[1].period->to, "2023-09-30");
  const auto keys = testing::Keys(testing::OfType(facts, FactType::kVictimAge));
  EXPECT_NE(std::find(keys.begin(), keys.end(), "victim_age 10-14"), keys.end());
  EXPECT_EQ(std::find(keys.begin(), keys.end(), "victim_age 10-10"), keys.end());
}

}  // namespace
}  // namespace newsmine::nlp
