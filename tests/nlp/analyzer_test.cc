// The whole stage: spans are code points into the returned text, each
// fact's span lies inside its sentence, and odd input never breaks it.
#include "nlp/nlp.h"

#include <gtest/gtest.h>

#include "base/text.h"
#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

// text[span] in code points, as Python indexes a str.
std::string SpanText(const std::string& text, const Span& s) {
  return EncodeUtf8(DecodeUtf8(text).substr(s.begin, s.end - s.begin));
}

void ExpectConsistent(const Analysis& a) {
  for (const Fact& f : a.facts) {
    const std::string span = SpanText(a.text, f.span);
    EXPECT_NE(a.text.find(f.sentence), std::string::npos) << f.sentence;
    EXPECT_NE(f.sentence.find(span), std::string::npos) << span << " | " << f.sentence;
    EXPECT_FALSE(f.rule.empty());
  }
}

TEST(AnalyzerTest, Spec_SpansAreCodePointsAndLieInTheirSentence) {
  const std::string text =
      "😀👩‍👧 Торговля людьми в Алматы: возбуждено 39 уголовных дел 🚨.\n"
      "В Шымкенте из рабства освобождены 12 человек.\n"
      "«Полиция в Астане задержала восьмерых», — сообщили в МВД.";
  const Analysis a = testing::Bundled().Analyze(text, {});
  ASSERT_FALSE(a.facts.empty());
  ExpectConsistent(a);
  bool seen = false;
  for (const Fact& f : a.facts) {
    if (f.type == FactType::kCaseCount) {
      EXPECT_EQ(SpanText(a.text, f.span), "39 уголовных дел");
      seen = true;
    }
  }
  EXPECT_TRUE(seen);
}

TEST(AnalyzerTest, NormalisedTextIsWhatSpansPointInto) {
  const Analysis a = testing::Bundled().Analyze("Торговля людьми: в Алма\u00ADты возбуждено 1\u00A0000 дел.", {});
  EXPECT_EQ(a.text, "Торговля людьми: в Алматы возбуждено 1 000 дел.");
  ExpectConsistent(a);
}

TEST(AnalyzerTest, DetectsOrTakesTheLanguage) {
  EXPECT_EQ(testing::Bundled().Analyze("Адам саудасы бойынша іс қозғалды.", {}).lang, Lang::kKk);
  EXPECT_EQ(testing::Bundled().Analyze("Adam saudasy boiynşa ıs qozğaldy jäne.", {}).lang, Lang::kKk);
  AnalyzeOptions o;
  o.lang = Lang::kRu;
  EXPECT_EQ(testing::Bundled().Analyze("text", o).lang, Lang::kRu);
}

TEST(AnalyzerTest, OddInputGivesNoFactsAndNoCrash) {
  for (const std::string& s : {std::string(), std::string("\xFF\xFE\x00\x01", 4), std::string(10000, '.'),
                               std::string(5000, '1'), std::string("\n\n\n"), std::string(3000, '-')}) {
    const Analysis a = testing::Bundled().Analyze(s, {});
    ExpectConsistent(a);
  }
}

TEST(AnalyzerTest, LongSingleLineIsAnalysedInPiecesWithRightSpans) {
  std::string sentence = "Human trafficking: police in Astana detained eight people. ";
  std::string text;
  while (text.size() < 3u << 20) text += sentence;  // 3 MB, no line break
  const Analysis a = testing::Bundled().Analyze(text, {});
  size_t suspects = 0;
  for (const Fact& f : a.facts) suspects += f.type == FactType::kPersonCount;
  EXPECT_EQ(suspects, text.size() / sentence.size());
  const std::u32string t = DecodeUtf8(a.text);
  for (const Fact& f : a.facts) {
    ASSERT_LE(f.span.end, static_cast<int64_t>(t.size()));
    if (f.type == FactType::kPersonCount) {
      EXPECT_EQ(EncodeUtf8(t.substr(f.span.begin, f.span.end - f.span.begin)), "eight people");
    }
  }
}

TEST(AnalyzerTest, RulesVersionIsStamped) { EXPECT_FALSE(testing::Bundled().rules_version().empty()); }

}  // namespace
}  // namespace newsmine::nlp
