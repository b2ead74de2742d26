#include "nlp/numbers.h"

#include <cmath>

namespace newsmine::nlp {
namespace {

// The number-word match at token i, longest first; null when none.
const Match* NumberWord(const Matches& matches, size_t i) {
  const Match* best = nullptr;
  for (const Match& m : matches[i]) {
    if (m.kind != EntryKind::kNumberWord) continue;
    if (!best || m.end > best->end) best = &m;
  }
  return best;
}

// Composes number words the way all three languages build them: units,
// tens and hundreds add up; "hundred", "жүз" after a unit multiply it; a
// scale word closes a group ("two hundred thousand").
class WordNumber {
 public:
  // False when `attrs` cannot continue the number so far.
  bool Add(const Attrs& a) {
    const std::string& k = a.number_kind;
    const double v = a.number;
    if (k == "vague") {
      vague_ = true;
    } else if (k == "unit") {
      if (last_ == "unit" || last_ == "half") return false;
      cur_ += v;
    } else if (k == "ten") {
      if (std::fmod(cur_, 100) != 0) return false;
      cur_ += v;
    } else if (k == "hundred") {
      if (v == 100 && cur_ > 0 && cur_ < 10) cur_ *= 100;
      else if (std::fmod(cur_, 1000) != 0) return false;
      else cur_ += v;
    } else if (k == "scale") {
      if (cur_ == 0 && total_ != 0) return false;
      total_ += (cur_ == 0 ? 1 : cur_) * v;
      cur_ = 0;
    } else if (k == "half") {
      if (cur_ == 0 && total_ == 0) return false;
      cur_ += 0.5;
    }
    last_ = k;
    return true;
  }
  double value() const { return total_ + cur_; }
  bool vague() const { return vague_; }
  bool empty() const { return last_.empty(); }

 private:
  double total_ = 0;
  double cur_ = 0;
  std::string last_;
  bool vague_ = false;
};

bool IsScale(const Matches& matches, const Lexicon& lex,
             size_t i) {
  const Match* m = i < matches.size() ? NumberWord(matches, i) : nullptr;
  return m && lex.entries[m->entry].attrs.number_kind == "scale";
}

// Words that join number words: "two hundred and fifty", "twenty-five".
bool IsJoiner(const Token& t) {
  return (t.text == "-" && !t.space_before) || t.text == "and";
}

class Finder {
 public:
  Finder(const std::vector<Token>& t, const Matches& m,
         const Lexicon& lex)
      : t_(t), m_(m), lex_(lex) {}

  std::vector<Number> Run() {
    std::vector<Number> out;
    for (size_t i = 0; i < t_.size();) {
      Number n;
      if (t_[i].kind == TokenKind::kNumber ? Digits(i, &n) : Words(i, &n)) {
        out.push_back(n);
        i = n.end;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  bool Digits(size_t i, Number* n) {
    const bool scale = t_[i].suffix.empty() && IsScale(m_, lex_, i + 1);
    auto v = ParseDigits(t_[i].text, scale);
    if (!v) return false;
    n->begin = static_cast<int32_t>(i);
    n->end = static_cast<int32_t>(i + 1);
    n->value = *v;
    n->ending = t_[i].suffix;
    n->plain = t_[i].text.find_first_not_of("0123456789") == std::string::npos;
    if (scale) {
      WordNumber w;
      size_t k = i + 1;
      while (k < t_.size() && IsScale(m_, lex_, k)) {
        const Match* m = NumberWord(m_, k);
        w.Add(lex_.entries[m->entry].attrs);
        n->ending = EndingOf(*m, t_);
        k = m->end;
      }
      n->value *= w.value();
      n->scale = w.value();
      n->end = static_cast<int32_t>(k);
      n->plain = false;
    }
    return true;
  }

  bool Words(size_t i, Number* n) {
    WordNumber w;
    size_t k = i;
    size_t end = i;
    std::string ending;
    while (k < t_.size()) {
      const Match* m = NumberWord(m_, k);
      if (!m) {
        if (!w.empty() && IsJoiner(t_[k]) && k + 1 < t_.size() && NumberWord(m_, k + 1)) {
          ++k;
          continue;
        }
        break;
      }
      if (!w.Add(lex_.entries[m->entry].attrs)) break;
      ending = EndingOf(*m, t_);
      k = end = m->end;
    }
    if (w.empty()) return false;
    n->begin = static_cast<int32_t>(i);
    n->end = static_cast<int32_t>(end);
    n->value = w.value();
    n->words = true;
    n->vague = w.vague();
    n->ending = ending;
    return true;
  }

  const std::vector<Token>& t_;
  const Matches& m_;
  const Lexicon& lex_;
};

}  // namespace

std::optional<double> ParseDigits(std::string_view s, bool before_scale) {
  std::vector<std::string> groups(1);
  std::vector<char> seps;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      groups.back().push_back(c);
    } else if (c == ',' || c == '.' || c == ' ') {
      seps.push_back(c);
      groups.emplace_back();
    } else {
      return std::nullopt;
    }
  }
  for (const auto& g : groups) {
    if (g.empty()) return std::nullopt;
  }
  // Which separator is the decimal mark, if any: the last one when it is
  // followed by other than three digits, or differs from the one before
  // ("1,234.5"), or is a single "." or "," before a scale word ("1.5 млн").
  int decimal = -1;
  if (!seps.empty()) {
    const size_t last = seps.size() - 1;
    const bool three = groups.back().size() == 3;
    const bool differs = last > 0 && seps[last] != seps[last - 1];
    if (seps[last] != ' ' && (!three || differs || (last == 0 && before_scale))) {
      decimal = static_cast<int>(last);
    }
  }
  std::string digits;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (static_cast<int>(g) == decimal + 1 && decimal >= 0) digits.push_back('.');
    digits += groups[g];
  }
  if (digits.size() > 18) return std::nullopt;
  return std::strtod(digits.c_str(), nullptr);
}

std::vector<Number> FindNumbers(const std::vector<Token>& tokens,
                                const Matches& matches,
                                const Lexicon& lexicon) {
  return Finder(tokens, matches, lexicon).Run();
}

}  // namespace newsmine::nlp
