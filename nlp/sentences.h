// Sentence segmentation (internal to nlp).
//
// A sentence ends at . ! ? … (with any closing quotes or brackets after it)
// when the next word starts a new sentence (a capital, a digit, an opening
// quote or a dash), and at a line break unless the line was wrapped inside a
// sentence. A full stop after an abbreviation of the rule pack ("г.", "ст.",
// "т.е.", "U.S.", "Mr.") or an initial ("A. Ivanov") ends nothing.
#ifndef NEWSMINE_NLP_SENTENCES_H_
#define NEWSMINE_NLP_SENTENCES_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/text.h"

namespace newsmine::nlp {

// Folded abbreviations without their final full stop: "г", "т.е", "u.s".
using AbbreviationSet = std::unordered_set<std::string>;

// Sentences of `text` as trimmed code-point spans, in order, covering every
// non-blank part of the text.
std::vector<Span> SplitSentences(std::u32string_view text,
                                 const AbbreviationSet& abbreviations);

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_SENTENCES_H_
