// penalty and money (records.md "penalty and money").
#include <gtest/gtest.h>

#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

const std::string kTopic = " Human trafficking / торговля людьми / адам саудасы.";

TEST(AmountsTest, PenaltyUpToAndRange) {
  auto p = testing::OfType(testing::FactsOf("The suspects face up to 18 years in prison." + kTopic), FactType::kPenalty);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].max_years, 18);
  p = testing::OfType(testing::FactsOf("Им грозит от 7 до 10 лет лишения свободы." + kTopic), FactType::kPenalty);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].max_years, 10);
  EXPECT_EQ(p[0].min_years, 7);
}

TEST(AmountsTest, MoneyTiedToExploitation) {
  auto m = testing::OfType(testing::FactsOf("She sold the baby for 500,000 tenge." + kTopic), FactType::kMoney);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].amount, 500000);
  EXPECT_EQ(m[0].currency, "KZT");
  m = testing::OfType(testing::FactsOf("Each girl was sold for $2,000–3,000." + kTopic), FactType::kMoney);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].amount, 2000);
  EXPECT_EQ(m[0].amount_max, 3000);
  EXPECT_EQ(m[0].currency, "USD");
}

TEST(AmountsTest, WagesInAdvertsAreNoMoneyFacts) {
  EXPECT_TRUE(testing::OfType(testing::FactsOf("The advert offered a salary of 250,000 tenge a month." + kTopic),
                              FactType::kMoney).empty());
}

}  // namespace
}  // namespace newsmine::nlp
