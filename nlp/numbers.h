// Numbers in text: digits with every grouping people use and number words
// in English, Russian and Kazakh (internal to nlp).
//
//   "1,000" "1 000" "15 000" "1.5 thousand" "1,5 тыс." "2 млн"
//   "twenty-five" "двадцать пять" "пятерых" "полтора" "жиырма бес"
//   "екі жарым миллион" "39-ы" "20-дан"
//
// Vague words ("dozens", "десятки", "ондаған") are found and marked vague:
// they are never counts.
#ifndef NEWSMINE_NLP_NUMBERS_H_
#define NEWSMINE_NLP_NUMBERS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/lexicon.h"
#include "nlp/matcher.h"
#include "nlp/tokenizer.h"

namespace newsmine::nlp {

struct Number {
  int32_t begin = 0;  // tokens [begin, end)
  int32_t end = 0;
  double value = 0;
  bool words = false;    // spelled out, at least in part
  bool vague = false;    // "dozens": not a count
  bool plain = false;    // bare digits, no grouping or decimals: may be a year
  std::string ending;    // suffix of the last token: "дан" of "20-дан"
  double scale = 1;      // the scale word that multiplied it: "3 тыс." → 1000
};

// The value of digits as written: "1,000" → 1000, "1,5" → 1.5, "1 000" →
// 1000. `before_scale` says a scale word follows, which makes "1.500" a
// decimal rather than a grouping. Empty when it is not a number.
std::optional<double> ParseDigits(std::string_view written, bool before_scale);

// Numbers of `tokens`. `matches[i]` holds the lexicon matches that start at
// token i (number words among them). Numbers do not overlap.
std::vector<Number> FindNumbers(const std::vector<Token>& tokens,
                                const Matches& matches,
                                const Lexicon& lexicon);

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_NUMBERS_H_
