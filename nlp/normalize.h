// Text normalisation before analysis (internal to nlp).
//
// NormalizeText rewrites what changes meaning for no reader: Unicode NFC
// (ICU), CR/CRLF to LF, no-break, thin and other special spaces to a plain
// space, and drops soft hyphens, zero-width characters and the BOM. Quotes
// and dashes stay as written in the text (journalists quote it); the
// tokenizer folds them. FoldChar gives the matching form of one code point.
#ifndef NEWSMINE_NLP_NORMALIZE_H_
#define NEWSMINE_NLP_NORMALIZE_H_

#include <string>
#include <string_view>

namespace newsmine::nlp {

// `utf8` must be valid UTF-8 (base/text.h ScrubUtf8). Taken by value: most
// text comes back unchanged, without a copy.
std::string NormalizeText(std::string utf8);

// The form of `c` the rules match on: lowercase, ё→е, typographic quotes to
// '"', apostrophes to '\'', dashes and minus to '-'. One code point in, one
// out, so offsets never move.
char32_t FoldChar(char32_t c);

// FoldChar with ASCII and Russian Cyrillic inline: the tokenizer folds
// every character of the text.
inline char32_t FoldCharFast(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : (c == '`' ? U'\'' : c);
  if (c >= 0x0430 && c <= 0x044F) return c;
  if (c >= 0x0410 && c <= 0x042F) return c + 0x20;
  return FoldChar(c);
}

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_NORMALIZE_H_
