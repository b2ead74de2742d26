// Shared by the nlp tests: the bundled rule pack loaded once, and short ways
// to run the analyzer and pick facts out of its output.
#ifndef NEWSMINE_TESTS_NLP_NLP_TESTING_H_
#define NEWSMINE_TESTS_NLP_NLP_TESTING_H_

#include <string>
#include <vector>

#include "base/record.h"
#include "nlp/lexicon.h"
#include "nlp/nlp.h"

namespace newsmine::nlp::testing {

// The analyzer over the project's corpora/ (aborts the test binary if the
// bundled pack does not load: every other test would fail anyway).
const Analyzer& Bundled();
const Lexicon& BundledLexicon();

// Facts of `text` (language given, or detected when kUnknown).
std::vector<Fact> FactsOf(const std::string& text, Lang lang = Lang::kUnknown,
                          const std::string& published = "");
std::vector<Fact> OfType(const std::vector<Fact>& facts, FactType type);

// "case_count 39 case", "person_count 8 suspect", "victim_age 17-17",
// "region KZ-75", "route KZ>TR": the scorer's key, to compare in tests.
std::string Key(const Fact& f);
std::vector<std::string> Keys(const std::vector<Fact>& facts);

}  // namespace newsmine::nlp::testing

#endif  // NEWSMINE_TESTS_NLP_NLP_TESTING_H_
