// Tokens over normalised text (internal to nlp).
//
// A token is a word, a number, a punctuation mark or a code (phone numbers and
// the like, which are never counts). Offsets are code points into the text.
// Words are folded (normalize.h FoldChar) so rules match them directly.
// Hyphens split words into parts ("nur-sultan" is nur - sultan, with the
// hyphen marked `joined`), except after a number, where the letters that
// follow are kept as its suffix: "17-year-old", "20-дан", "39-ы".
#ifndef NEWSMINE_NLP_TOKENIZER_H_
#define NEWSMINE_NLP_TOKENIZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsmine::nlp {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kCode };

struct Token {
  int32_t begin = 0;  // code points
  int32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  // Folded text: the word, the punctuation mark, or the number as written
  // (digits and separators, without the suffix). Views into Tokens::arena:
  // a token costs no allocation of its own.
  std::string_view text;
  std::string_view suffix;    // kNumber: folded letters after it
  bool space_before = false;  // white space between this token and the last
  bool newline_before = false;
  int32_t sentence = 0;       // index of the sentence it lies in
};

// Tokens and the folded text their views point into. Moving keeps the views
// valid: the arena lives on the heap.
struct Tokens {
  std::unique_ptr<std::string> arena;
  std::vector<Token> list;
};

// Tokens of `text` (code points).
Tokens Tokenize(std::u32string_view text);

// True for letters and combining marks (a word's characters). Inline for
// ASCII and Cyrillic, most of the text; ICU decides the rest.
bool IsOtherWordChar(char32_t c);
inline bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  if (c >= 0x0400 && c <= 0x04FF) return c <= 0x0481 || c >= 0x048A;
  return IsOtherWordChar(c);
}

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_TOKENIZER_H_
