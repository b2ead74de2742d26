#include "nlp/tokenizer.h"

#include <unicode/uchar.h>

#include "base/text.h"
#include "nlp/normalize.h"

namespace newsmine::nlp {
namespace {

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsSpace(char32_t c) { return c == ' ' || c == '\n' || c == '\t'; }
bool IsApostrophe(char32_t c) { return FoldChar(c) == '\''; }
bool IsHyphen(char32_t c) {
  // Not the en or em dash: those separate ranges ("10–15") and clauses.
  return c == '-' || c == 0x2010 || c == 0x2011;
}

class Scanner {
 public:
  explicit Scanner(std::u32string_view t) : t_(t) {
    // Room for every character at its longest, allocated once: folding
    // writes through a plain pointer, and the tokens' views stay valid.
    arena_->resize(t_.size() * 4);
    w_ = arena_->data();
  }

  Tokens Run() {
    out_.reserve(t_.size() / 3 + 16);  // about one token per four characters
    while (i_ < t_.size()) Step();
    MarkCodes();
    return Tokens{std::move(arena_), std::move(out_)};
  }

 private:
  char32_t At(size_t i) const { return i < t_.size() ? t_[i] : 0; }
  void Put(char32_t c) { w_ = WriteUtf8(c, w_); }

  void Step() {
    const char32_t c = t_[i_];
    if (IsSpace(c)) {
      space_ = true;
      if (c == '\n') newline_ = true;
      ++i_;
    } else if (IsDigit(c)) {
      Number();
    } else if (IsWordChar(c)) {
      Word();
    } else {
      const char* text = w_;
      Put(FoldCharFast(c));
      Push(i_, i_ + 1, TokenKind::kPunct, text);
      ++i_;
    }
  }

  // A token over characters [b, e) whose folded text was written from `text`
  // to w_.
  void Push(size_t b, size_t e, TokenKind kind, const char* text) {
    Token t;
    t.begin = static_cast<int32_t>(b);
    t.end = static_cast<int32_t>(e);
    t.kind = kind;
    t.text = std::string_view(text, w_ - text);
    t.space_before = space_;
    t.newline_before = newline_;
    space_ = newline_ = false;
    out_.push_back(t);
  }

  // Letters, with apostrophes inside ("kazakhstan's", "o'zbek"), folded as
  // they are read.
  void Word() {
    const size_t b = i_;
    const char* text = w_;
    while (i_ < t_.size()) {
      if (IsWordChar(t_[i_])) {
        Put(FoldCharFast(t_[i_]));
        ++i_;
      } else if (IsApostrophe(t_[i_]) && IsWordChar(At(i_ + 1))) {
        Put(FoldCharFast(t_[i_]));
        Put(FoldCharFast(t_[i_ + 1]));
        i_ += 2;
      } else {
        break;
      }
    }
    Push(b, i_, TokenKind::kWord, text);
  }

  size_t Digits(size_t k) const {
    while (k < t_.size() && IsDigit(t_[k])) ++k;
    return k;
  }

  // Digits with the separators people group and split them with:
  // "1,000", "1 000", "1.5", "1,5". A space joins only a group of exactly
  // three digits after a lead of at most three ("15 000", not "2023 100").
  void Number() {
    const size_t b = i_;
    i_ = Digits(i_);
    size_t lead = i_ - b;
    while (true) {
      const char32_t sep = At(i_);
      const size_t d = Digits(i_ + 1);
      const size_t n = d - (i_ + 1);
      if (n == 0) break;
      if ((sep == ',' || sep == '.') && n >= 1) {
        i_ = d;
      } else if (sep == ' ' && n == 3 && lead <= 3) {
        i_ = d;
      } else {
        break;
      }
      lead = 0;  // only the first group may lead with 1-3 digits
    }
    const char* text = w_;
    for (size_t k = b; k < i_; ++k) Put(FoldCharFast(t_[k]));
    Push(b, i_, TokenKind::kNumber, text);
    Suffix();
  }

  // Letters glued to a number, or after a hyphen: "5th", "20-дан",
  // "17-year-old", "17-летняя".
  void Suffix() {
    size_t k = i_;
    if (IsHyphen(At(k)) && IsWordChar(At(k + 1))) ++k;
    if (!IsWordChar(At(k))) return;
    Token& num = out_.back();
    const char* suffix = w_;
    while (true) {
      while (IsWordChar(At(k))) Put(FoldCharFast(t_[k++]));
      if (IsHyphen(At(k)) && IsWordChar(At(k + 1))) {
        Put('-');
        ++k;
        continue;
      }
      break;
    }
    num.suffix = std::string_view(suffix, w_ - suffix);
    num.end = static_cast<int32_t>(k);
    i_ = k;
  }

  // Phone numbers and identifiers are never counts: "+7 727 123-45-67",
  // "8-800-080-00-00", "123-45-67".
  void MarkCodes() {
    for (size_t k = 0; k < out_.size(); ++k) {
      if (out_[k].kind != TokenKind::kNumber) continue;
      size_t e = k;
      int groups = 1;
      while (e + 2 < out_.size() && out_[e + 1].text == "-" &&
             !out_[e + 1].space_before && !out_[e + 2].space_before &&
             out_[e + 2].kind == TokenKind::kNumber && out_[e].suffix.empty()) {
        e += 2;
        ++groups;
      }
      const bool plus = k > 0 && out_[k - 1].text == "+" && !out_[k].space_before;
      if (groups >= 3 || plus) {
        for (size_t j = k; j <= e; ++j) {
          if (out_[j].kind == TokenKind::kNumber) out_[j].kind = TokenKind::kCode;
        }
      }
      k = e;
    }
  }

  std::u32string_view t_;
  size_t i_ = 0;
  bool space_ = false;
  bool newline_ = false;
  std::vector<Token> out_;
  std::unique_ptr<std::string> arena_ = std::make_unique<std::string>();
  char* w_ = nullptr;  // where the next folded character goes in arena_
};

}  // namespace

bool IsOtherWordChar(char32_t c) {
  const int8_t cat = u_charType(static_cast<UChar32>(c));
  return u_isalpha(static_cast<UChar32>(c)) || cat == U_NON_SPACING_MARK ||
         cat == U_COMBINING_SPACING_MARK;
}

Tokens Tokenize(std::u32string_view text) { return Scanner(text).Run(); }

}  // namespace newsmine::nlp
