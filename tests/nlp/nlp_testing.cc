#include "tests/nlp/nlp_testing.h"

#include <cstdlib>
#include <iostream>

#include "nlp/rule_pack.h"
#include "tests/testing/testing.h"

namespace newsmine::nlp::testing {

const Analyzer& Bundled() {
  static const Analyzer* a = [] {
    auto r = Analyzer::Load((newsmine::testing::SourceDir() / "corpora").string());
    if (!r.ok()) {
      std::cerr << "bundled rule pack does not load:\n" << r.status().message() << "\n";
      std::abort();
    }
    return new Analyzer(std::move(*r));
  }();
  return *a;
}

const Lexicon& BundledLexicon() {
  static const Lexicon* lex = [] {
    auto r = LoadLexicon((newsmine::testing::SourceDir() / "corpora").string());
    if (!r.ok()) std::abort();
    return new Lexicon(std::move(*r));
  }();
  return *lex;
}

std::vector<Fact> FactsOf(const std::string& text, Lang lang, const std::string& published) {
  AnalyzeOptions o;
  o.lang = lang;
  o.published = published;
  return Bundled().Analyze(text, o).facts;
}

std::vector<Fact> OfType(const std::vector<Fact>& facts, FactType type) {
  std::vector<Fact> out;
  for (const Fact& f : facts) {
    if (f.type == type) out.push_back(f);
  }
  return out;
}

std::string Key(const Fact& f) {
  const std::string t(FactTypeName(f.type));
  auto age = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("null"); };
  switch (f.type) {
    case FactType::kCaseCount: return t + " " + std::to_string(f.value) + " " + f.unit;
    case FactType::kPersonCount: return t + " " + std::to_string(f.value) + " " + f.role;
    case FactType::kVictimAge: return t + " " + age(f.min_age) + "-" + age(f.max_age);
    case FactType::kRegion: return t + " " + f.code;
    case FactType::kRoute: return t + " " + f.from + ">" + f.to;
    case FactType::kPenalty: return t + " " + age(f.max_years);
    case FactType::kMoney: return t + " " + std::to_string(f.amount.value_or(0)) + " " + f.currency;
  }
  return t;
}

std::vector<std::string> Keys(const std::vector<Fact>& facts) {
  std::vector<std::string> out;
  for (const Fact& f : facts) out.push_back(Key(f));
  return out;
}

}  // namespace newsmine::nlp::testing
