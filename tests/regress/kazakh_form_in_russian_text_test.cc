// Bug: the Kazakh gazetteer form "Семей" (the town) matched the Russian
// word "семей" ("of families") in Russian text and made a region fact.
#include <gtest/gtest.h>

#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

TEST(Regress, RussianSemeyOfFamiliesIsNoPlace) {
  const auto f = testing::OfType(testing::FactsOf("Центр помогает детям из многодетных семей.", Lang::kRu),
                                 FactType::kRegion);
  EXPECT_TRUE(f.empty());
}

}  // namespace
}  // namespace newsmine::nlp
