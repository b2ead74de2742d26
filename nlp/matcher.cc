#include "nlp/matcher.h"

#include "base/text.h"

namespace newsmine::nlp {
namespace {

uint64_t EdgeKey(int32_t node, char32_t c) {
  return (static_cast<uint64_t>(node) << 21) | static_cast<uint64_t>(c);
}

// Next code point of UTF-8 `s` at byte `i` (valid UTF-8 assumed: tokens
// are built from decoded text).
char32_t Next(const std::string& s, size_t* i) {
  const auto b = static_cast<unsigned char>(s[*i]);
  int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len && *i + k < s.size(); ++k) {
    c = (c << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  }
  *i += len;
  return c;
}

}  // namespace

Matcher::Matcher(const Lexicon& lexicon, Lang lang)
    : lexicon_(lexicon),
      phrases_(lexicon.phrases[static_cast<size_t>(lang)]),
      suffixes_(lexicon.suffixes[static_cast<size_t>(lang)]) {
  nodes_.emplace_back();
  for (size_t p = 0; p < phrases_.size(); ++p) Insert(static_cast<int32_t>(p));
}

int32_t Matcher::Child(int32_t node, char32_t c) const {
  auto it = edges_.find(EdgeKey(node, c));
  return it == edges_.end() ? -1 : it->second;
}

int32_t Matcher::AddChild(int32_t node, char32_t c) {
  auto [it, added] = edges_.emplace(EdgeKey(node, c), static_cast<int32_t>(nodes_.size()));
  if (added) nodes_.emplace_back();
  return it->second;
}

void Matcher::Insert(int32_t phrase) {
  const WordPattern& first = phrases_[phrase].words.front();
  if (first.mode == WordPattern::kNumber) {
    number_first_.push_back(phrase);
    return;
  }
  int32_t node = 0;
  size_t i = 0;
  while (i < first.text.size()) node = AddChild(node, Next(first.text, &i));
  if (first.mode == WordPattern::kExact) {
    nodes_[node].exact.push_back(phrase);
  } else {
    nodes_[node].stems.push_back(phrase);
  }
}

bool Matcher::WordMatches(const WordPattern& w, const Token& t,
                          std::string* ending) const {
  switch (w.mode) {
    case WordPattern::kNumber:
      return t.kind == TokenKind::kNumber;
    case WordPattern::kExact:
      return t.kind != TokenKind::kNumber && t.text == w.text;
    case WordPattern::kInflect:
    case WordPattern::kPrefix:
      if (t.kind != TokenKind::kWord || t.text.size() < w.text.size() ||
          t.text.compare(0, w.text.size(), w.text) != 0) {
        return false;
      }
      *ending = t.text.substr(w.text.size());
      return w.mode == WordPattern::kPrefix || ending->empty() || suffixes_.count(*ending);
  }
  return false;
}

bool Matcher::Rest(const Phrase& p, const std::vector<Token>& tokens, size_t i,
                   Match* m) const {
  size_t k = i + 1;
  for (size_t w = 1; w < p.words.size(); ++w, ++k) {
    if (k >= tokens.size() || tokens[k].newline_before) return false;
    if (!WordMatches(p.words[w], tokens[k], &m->ending)) return false;
    if (p.words[w].mode == WordPattern::kNumber) m->numbers.push_back(static_cast<int32_t>(k));
  }
  m->end = static_cast<int32_t>(k);
  // Kazakh writes endings after a hyphen on abbreviations and digits:
  // "ШҚО-да", "БАӘ-ге". Take the ending into the match.
  if (k + 1 < tokens.size() && tokens[k].text == "-" && !tokens[k].space_before &&
      !tokens[k + 1].space_before && tokens[k + 1].kind == TokenKind::kWord &&
      suffixes_.count(tokens[k + 1].text)) {
    m->ending = tokens[k + 1].text;
    m->end = static_cast<int32_t>(k + 2);
  }
  return true;
}

void Matcher::MatchAt(const std::vector<Token>& tokens, size_t i,
                      std::vector<Match>* out) const {
  const Token& t = tokens[i];
  auto try_phrase = [&](int32_t p, std::string ending) {
    Match m;
    m.entry = phrases_[p].entry;
    m.begin = static_cast<int32_t>(i);
    m.ending = std::move(ending);
    if (phrases_[p].words.front().mode == WordPattern::kNumber) m.numbers.push_back(static_cast<int32_t>(i));
    if (Rest(phrases_[p], tokens, i, &m)) out->push_back(std::move(m));
  };
  if (t.kind == TokenKind::kNumber) {
    for (int32_t p : number_first_) try_phrase(p, t.suffix);
    return;
  }
  if (t.kind == TokenKind::kCode) return;
  int32_t node = 0;
  size_t pos = 0;
  while (node >= 0) {
    const Node& n = nodes_[node];
    if (!n.stems.empty()) {
      std::string ending = t.text.substr(pos);
      for (int32_t p : n.stems) {
        const bool any = phrases_[p].words.front().mode == WordPattern::kPrefix;
        if (t.kind == TokenKind::kWord && (any || ending.empty() || suffixes_.count(ending))) {
          try_phrase(p, ending);
        }
      }
    }
    if (pos >= t.text.size()) {
      for (int32_t p : n.exact) try_phrase(p, "");
      break;
    }
    node = Child(node, Next(t.text, &pos));
  }
}

}  // namespace newsmine::nlp
