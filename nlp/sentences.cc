#include "nlp/sentences.h"

#include <unicode/uchar.h>

#include "base/text.h"
#include "nlp/normalize.h"
#include "nlp/tokenizer.h"

namespace newsmine::nlp {
namespace {

bool IsSpace(char32_t c) { return c == ' ' || c == '\n' || c == '\t'; }
bool IsTerminal(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}
bool IsCloser(char32_t c) {
  if (c >= 0x0400 && c <= 0x04FF) return false;
  const char32_t f = FoldChar(c);
  return f == '"' || f == '\'' || c == ')' || c == ']' || c == 0x00BB;
}
bool IsUpper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool IsLower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }

bool StartsSentence(char32_t c) {
  const char32_t f = FoldChar(c);
  return IsUpper(c) || (c >= '0' && c <= '9') || f == '"' || f == '-' ||
         c == '(' || c == '[' || c == 0x00AB || (!IsWordChar(c) && !IsLower(c));
}

class Splitter {
 public:
  Splitter(std::u32string_view t, const AbbreviationSet& abbr)
      : t_(t), abbr_(abbr) {}

  std::vector<Span> Run() {
    size_t start = 0;
    for (size_t i = 0; i < t_.size(); ++i) {
      // Letters, most of the text, are above '?' and end nothing.
      if (t_[i] > '?' && t_[i] != 0x2026) continue;
      if (t_[i] == '\n' && !Wrapped(i)) {
        Add(start, i);
        start = i + 1;
      } else if (IsTerminal(t_[i])) {
        const size_t end = TerminalEnd(i);
        if (end == 0) continue;
        Add(start, end);
        start = end;
        i = end - 1;
      }
    }
    Add(start, t_.size());
    return std::move(out_);
  }

 private:
  // The sentence ends after the terminal at `i` (and its closers), or 0.
  size_t TerminalEnd(size_t i) const {
    size_t e = i + 1;
    while (e < t_.size() && (IsTerminal(t_[e]) || IsCloser(t_[e]))) ++e;
    if (e >= t_.size()) return e;
    if (!IsSpace(t_[e])) return 0;  // "1.5", "U.S.", "orda.kz"
    size_t n = e;
    while (n < t_.size() && IsSpace(t_[n])) ++n;
    if (n >= t_.size()) return e;
    if (t_[i] == '.' && AfterAbbreviation(i) && t_[n - 1] != '\n') return 0;
    if (!StartsSentence(t_[n])) return 0;  // ". he said", "т. е. в"
    return e;
  }

  // The word before the full stop at `dot` is an abbreviation or an initial.
  bool AfterAbbreviation(size_t dot) const {
    size_t b = dot;
    // Walk back over "т.е" / "u.s": letters and inner full stops.
    while (b > 0 && (IsWordChar(t_[b - 1]) || (t_[b - 1] == '.' && b - 1 != dot))) --b;
    if (b == dot) return false;
    std::string word;
    for (size_t k = b; k < dot; ++k) AppendUtf8(FoldChar(t_[k]), &word);
    if (abbr_.count(word)) return true;
    // A single capital letter is an initial: "A. Ivanov", "Н. Назарбаев".
    return dot - b == 1 && IsUpper(t_[b]);
  }

  // A line break inside a sentence: the line stops on a letter or comma and
  // the next line goes on in lowercase.
  bool Wrapped(size_t nl) const {
    size_t p = nl;
    while (p > 0 && t_[p - 1] == ' ') --p;
    if (p == 0) return false;
    const char32_t last = t_[p - 1];
    if (!(IsWordChar(last) || last == ',' || last == ';')) return false;
    size_t n = nl + 1;
    while (n < t_.size() && t_[n] == ' ') ++n;
    return n < t_.size() && IsLower(t_[n]);
  }

  void Add(size_t b, size_t e) {
    while (b < e && IsSpace(t_[b])) ++b;
    while (e > b && IsSpace(t_[e - 1])) --e;
    if (b < e) out_.push_back({static_cast<int64_t>(b), static_cast<int64_t>(e)});
  }

  std::u32string_view t_;
  const AbbreviationSet& abbr_;
  std::vector<Span> out_;
};

}  // namespace

std::vector<Span> SplitSentences(std::u32string_view text,
                                 const AbbreviationSet& abbreviations) {
  return Splitter(text, abbreviations).Run();
}

}  // namespace newsmine::nlp
