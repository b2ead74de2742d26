// Loading and validating the rule pack (internal to nlp).
//
// corpora/
//   rules/pack.toml            [pack] version
//   rules/<lang>/*.toml        [morphology], [sentences], [[class]] phrase classes
//   numbers/<lang>.tsv         number words
//   gazetteers/kz_units.tsv, kz_places.tsv, countries.tsv
// corpora/README.md documents the formats. Loading checks everything before
// use and reports every problem, each as "file:line: what".
#ifndef NEWSMINE_NLP_RULE_PACK_H_
#define NEWSMINE_NLP_RULE_PACK_H_

#include <string>
#include <vector>

#include "base/result.h"
#include "nlp/lexicon.h"

namespace newsmine::nlp {

// The whole pack, or an error listing every problem (one per line).
Result<Lexicon> LoadLexicon(const std::string& corpora_dir);

// Parses one phrase of a rule file ("more than", "дел*", "in # году").
// Fails on an empty phrase or a misplaced marker.
Result<std::vector<WordPattern>> ParsePattern(const std::string& phrase);

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_RULE_PACK_H_
