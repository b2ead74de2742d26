// Bug: a line break made the sentence splitter step back onto the same
// newline and loop forever ("newsmine nlp" hung on any multi-line text).
#include <gtest/gtest.h>

#include "base/text.h"
#include "nlp/sentences.h"

namespace newsmine::nlp {
namespace {

TEST(Regress, SentenceSplitterEndsOnLineBreaks) {
  const auto s = SplitSentences(DecodeUtf8("Headline\nFirst line.\n\nSecond"), {});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1].begin, 9);
}

}  // namespace
}  // namespace newsmine::nlp
