#include "nlp/matcher.h"

#include <gtest/gtest.h>

#include "base/text.h"
#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

// Ids of the entries of `kind` that match somewhere in `text`.
std::vector<std::string> Found(const std::string& text, Lang lang, EntryKind kind) {
  const Lexicon& lex = testing::BundledLexicon();
  Matcher m(lex, lang);
  const Tokens toks = Tokenize(DecodeUtf8(text));
  const auto& tokens = toks.list;
  std::vector<std::string> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::vector<Match> ms;
    m.MatchAt(tokens, i, &ms);
    for (const Match& x : ms) {
      if (lex.entries[x.entry].kind == kind) out.push_back(lex.entries[x.entry].id);
    }
  }
  return out;
}

TEST(MatcherTest, StemsTakeOnlyTheLanguagesEndings) {
  EXPECT_FALSE(Found("уголовных дел", Lang::kRu, EntryKind::kCountNoun).empty());
  EXPECT_FALSE(Found("уголовного дела", Lang::kRu, EntryKind::kCountNoun).empty());
  EXPECT_TRUE(Found("делает", Lang::kRu, EntryKind::kCountNoun).empty());
}

TEST(MatcherTest, MultiWordPhrasesAndLongest) {
  EXPECT_FALSE(Found("more than", Lang::kEn, EntryKind::kQualifier).empty());
  EXPECT_FALSE(Found("since the start of the year", Lang::kEn, EntryKind::kPeriod).empty());
}

// The matches of `kind` that start at the first token of `text`.
std::vector<Match> AtStart(const std::string& text, Lang lang, EntryKind kind, Tokens* toks) {
  Matcher m(testing::BundledLexicon(), lang);
  *toks = Tokenize(DecodeUtf8(text));
  std::vector<Match> all, out;
  m.MatchAt(toks->list, 0, &all);
  for (const Match& x : all) {
    if (x.kind == kind) out.push_back(x);
  }
  return out;
}

TEST(MatcherTest, KazakhEndingAfterAHyphen) {
  Tokens toks;
  const auto ms = AtStart("БАӘ-ге", Lang::kKk, EntryKind::kCountry, &toks);
  ASSERT_FALSE(ms.empty());
  for (const Match& x : ms) {
    EXPECT_EQ(EndingOf(x, toks.list), "ге");
    EXPECT_EQ(x.end, 3);
  }
}

TEST(MatcherTest, NumberSlots) {
  Tokens toks;
  const auto ms = AtStart("up to 18 years in prison", Lang::kEn, EntryKind::kPenalty, &toks);
  ASSERT_FALSE(ms.empty());
  for (const Match& x : ms) {
    EXPECT_EQ(std::vector<int32_t>(x.numbers.begin(), x.numbers.end()), std::vector<int32_t>{2});
  }
}

}  // namespace
}  // namespace newsmine::nlp
