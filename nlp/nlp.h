// nlp: facts about human trafficking from the text of a news article.
//
// From plain text in English, Russian or Kazakh (Cyrillic, 2021 and 2018
// Latin), Analyzer pulls the facts of ../shared/spec/records.md: counts of
// cases and people, victim ages, Kazakhstan regions, routes, penalties and
// sums, each with its code-point span, the sentence it came from and the id
// of the rule that made it.
//
// The rules and gazetteers are data (corpora/rules/<lang>/*.toml,
// corpora/gazetteers/*.tsv, corpora/numbers/*.tsv), loaded and validated by
// Analyzer::Load; every error names its file and line.
//
// Example:
//   Result<Analyzer> nlp = Analyzer::Load("corpora");
//   if (!nlp.ok()) { std::cerr << nlp.status().ToString(); return 1; }
//   Analysis a = nlp->Analyze(text, {.published = "2024-07-05"});
//   for (const Fact& f : a.facts) Print(f.rule, f.sentence);
//
// Thread safety: a loaded Analyzer is immutable; Analyze may be called from
// many threads at once. Copies share the loaded data.
#ifndef NEWSMINE_NLP_NLP_H_
#define NEWSMINE_NLP_NLP_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/record.h"
#include "base/result.h"
#include "base/text.h"

namespace newsmine::nlp {

struct AnalyzeOptions {
  // The article's language; kUnknown detects it from the text.
  Lang lang = Lang::kUnknown;
  // ISO date the article was published, to resolve "last year" and
  // "since the start of the year"; empty leaves such periods relative.
  std::string published;
};

struct Analysis {
  std::string text;         // the normalised text the spans point into
  Lang lang = Lang::kUnknown;
  double lang_confidence = 0;  // share of letters that voted for `lang`
  std::vector<Fact> facts;     // in text order
};

class Analyzer {
 public:
  // Loads and validates rules, numbers and gazetteers below `corpora_dir`.
  // Fails with every problem found, one per line, each naming file and line.
  static Result<Analyzer> Load(const std::string& corpora_dir);

  // Normalises `text` (NFC, spaces, soft hyphens; see normalize.h) and
  // extracts its facts. Never fails: text it cannot read gives no facts.
  Analysis Analyze(std::string_view text, const AnalyzeOptions& options) const;

  // Version of the rule pack, stamped into records as pipeline.rules.
  const std::string& rules_version() const;

  struct Data;  // the loaded tables; defined in analyzer.cc

 private:
  explicit Analyzer(std::shared_ptr<const Data> data) : data_(std::move(data)) {}
  // Facts of one piece of the text that starts at code point `offset`.
  void AnalyzePiece(std::u32string piece, int64_t offset, Lang lang,
                    const AnalyzeOptions& options, std::vector<Fact>* facts) const;
  std::shared_ptr<const Data> data_;
};

// Checks the rule pack below `corpora_dir` without keeping it: the linter
// behind `newsmine rules check`. OK, or every problem found.
Status CheckRules(const std::string& corpora_dir);

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_NLP_H_
