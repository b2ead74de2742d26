// Loading and validating the rule pack: every problem named with its file
// and line, all of them at once (design.md "Rules and data").
#include "nlp/rule_pack.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "nlp/nlp.h"
#include "tests/testing/testing.h"

namespace newsmine::nlp {
namespace {

namespace fs = std::filesystem;
using newsmine::testing::SourceDir;
using newsmine::testing::TempDir;
using newsmine::testing::WriteFile;

// A copy of the bundled pack to break on purpose.
fs::path CopyOfPack() {
  const fs::path dir = TempDir("pack");
  fs::copy(SourceDir() / "corpora" / "rules", dir / "rules", fs::copy_options::recursive);
  fs::copy(SourceDir() / "corpora" / "numbers", dir / "numbers", fs::copy_options::recursive);
  fs::copy(SourceDir() / "corpora" / "gazetteers", dir / "gazetteers", fs::copy_options::recursive);
  return dir;
}

TEST(RulePackTest, BundledPackLoads) {
  Result<Lexicon> lex = LoadLexicon((SourceDir() / "corpora").string());
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_FALSE(lex->version.empty());
  EXPECT_EQ(lex->unit_names.size(), 20u);
  EXPECT_TRUE(CheckRules((SourceDir() / "corpora").string()).ok());
}

TEST(RulePackTest, EveryProblemIsReportedWithFileAndLine) {
  const fs::path dir = CopyOfPack();
  WriteFile(dir / "rules/en/zz_broken.toml",
            "[[class]]\n"
            "id = \"en.test.one\"\n"
            "kind = \"count_noun\"\n"
            "type = \"case_count\"\n"
            "unti = \"case\"\n"
            "phrases = [\"widget*\"]\n"
            "\n"
            "[[class]]\n"
            "id = \"en.test.two\"\n"
            "kind = \"qualifier\"\n"
            "qualifier = \"roughly\"\n"
            "position = \"before\"\n"
            "phrases = [\"*bad\"]\n"
            "\n"
            "[[class]]\n"
            "id = \"en.test.one\"\n"
            "kind = \"topic\"\n"
            "phrases = [\"x\"]\n");
  Status s = CheckRules(dir.string());
  ASSERT_FALSE(s.ok());
  const std::string file = (dir / "rules/en/zz_broken.toml").string();
  EXPECT_NE(s.message().find(file + ":5: class en.test.one: key 'unti' does not belong to kind count_noun"),
            std::string::npos) << s.message();
  EXPECT_NE(s.message().find(file + ":11: class en.test.two: qualifier must be one of"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("phrase '*bad': '*' must end a word"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(file + ":15: class en.test.one: duplicate id"), std::string::npos) << s.message();
}

TEST(RulePackTest, TomlSyntaxErrorsNameTheLine) {
  const fs::path dir = CopyOfPack();
  WriteFile(dir / "rules/ru/zz.toml", "[[class]]\nid = \"ru.x\"\nphrases = [\"a\",\n");
  Status s = CheckRules(dir.string());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find((dir / "rules/ru/zz.toml").string() + ":"), std::string::npos) << s.message();
}

TEST(RulePackTest, GazetteerRowsAreChecked) {
  const fs::path dir = CopyOfPack();
  WriteFile(dir / "gazetteers/kz_places.tsv",
            newsmine::testing::ReadFile(dir / "gazetteers/kz_places.tsv") +
                "\nKZ-99\ten\tatlantis\tunit\t\nKZ-75\tde\talmaty\tunit\t\nKZ-75\ten\talmaty\ttown\t\n");
  Status s = CheckRules(dir.string());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("code 'KZ-99' is not one of the 20 units"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("language must be en, ru or kk, not 'de'"), std::string::npos);
  EXPECT_NE(s.message().find("kind must be unit, place or list, not 'town'"), std::string::npos);
}

TEST(RulePackTest, MissingPackIsAnError) {
  Status s = CheckRules("/nonexistent/corpora");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent/corpora/rules/pack.toml"), std::string::npos) << s.message();
}

TEST(RulePackTest, AnalystAddsASpellingWithoutRecompiling) {
  const fs::path dir = CopyOfPack();
  WriteFile(dir / "gazetteers/kz_places.tsv",
            newsmine::testing::ReadFile(dir / "gazetteers/kz_places.tsv") + "\nKZ-75\ten\talmatty\tunit\t\n");
  Result<Analyzer> a = Analyzer::Load(dir.string());
  ASSERT_TRUE(a.ok()) << a.status().message();
  const auto facts = a->Analyze("It happened in Almatty.", {}).facts;
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].code, "KZ-75");
}

TEST(RulePackTest, PatternSyntax) {
  auto p = ParsePattern("граждан* узбекистана");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ((*p)[0].mode, WordPattern::kInflect);
  EXPECT_EQ((*p)[0].text, "граждан");
  EXPECT_EQ((*p)[1].mode, WordPattern::kExact);
  p = ParsePattern("traffick**");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ((*p)[0].mode, WordPattern::kPrefix);
  p = ParsePattern("in # году");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ((*p)[1].mode, WordPattern::kNumber);
  EXPECT_FALSE(ParsePattern("").ok());
  EXPECT_FALSE(ParsePattern("a*").ok());
  EXPECT_FALSE(ParsePattern("17-year-old").ok());
}

}  // namespace
}  // namespace newsmine::nlp
