#include "nlp/matcher.h"

#include <algorithm>

#include "base/text.h"

namespace newsmine::nlp {
namespace {

// Next code point of UTF-8 `s` at byte `i` (valid UTF-8 assumed: tokens
// are built from decoded text).
char32_t Next(std::string_view s, size_t* i) {
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
    : phrases_(lexicon.phrases[static_cast<size_t>(lang)]),
      suffixes_(&lexicon.suffixes) {
  for (const Phrase& ph : phrases_) {
    const Entry& e = lexicon.entries[ph.entry];
    const std::string& k = e.attrs.number_kind;
    if (e.kind == EntryKind::kNumberWord && (k == "unit" || k == "ten" || k == "hundred") &&
        ph.words.size() == 1 && ph.words[0].mode == WordPattern::kExact) {
      number_words_[static_cast<size_t>(e.lang)].insert(ph.words[0].text);
      any_number_word_.insert(ph.words[0].text);
      if (!ph.words[0].text.empty()) number_word_sketch_.set(SketchKey(ph.words[0].text));
    }
  }
  nodes_.emplace_back();
  kids_.emplace_back();
  for (size_t p = 0; p < phrases_.size(); ++p) Insert(static_cast<int32_t>(p));
  Freeze();
}

int32_t Matcher::Child(int32_t node, char32_t c) const {
  if (node == 0 && c < kRootTable) return root_[c];
  const Node& n = nodes_[node];
  const Kid* b = children_.data() + n.first_child;
  const Kid* e = b + n.child_count;
  if (n.child_count <= 8) {
    for (; b != e; ++b) {
      if (b->cp == c) return b->node;
    }
    return -1;
  }
  const Kid* it = std::lower_bound(b, e, c, [](const Kid& x, char32_t v) { return x.cp < v; });
  return it != e && it->cp == c ? it->node : -1;
}

void Matcher::Freeze() {
  children_.clear();
  for (size_t n = 0; n < nodes_.size(); ++n) {
    std::vector<Kid>& kids = kids_[n];
    std::sort(kids.begin(), kids.end(), [](const Kid& x, const Kid& y) { return x.cp < y.cp; });
    nodes_[n].first_child = static_cast<uint32_t>(children_.size());
    nodes_[n].child_count = static_cast<uint32_t>(kids.size());
    children_.insert(children_.end(), kids.begin(), kids.end());
  }
  std::vector<std::vector<Kid>>().swap(kids_);  // only needed while building
  root_.assign(kRootTable, -1);
  for (uint32_t k = 0; k < nodes_[0].child_count; ++k) {
    const Kid& kid = children_[nodes_[0].first_child + k];
    if (kid.cp < kRootTable) root_[kid.cp] = kid.node;
  }
}

int32_t Matcher::AddChild(int32_t node, char32_t c) {
  for (const Kid& k : kids_[node]) {
    if (k.cp == c) return k.node;
  }
  const int32_t child = static_cast<int32_t>(nodes_.size());
  kids_[node].push_back({c, child});
  nodes_.emplace_back();
  kids_.emplace_back();
  return child;
}

void Matcher::Insert(int32_t phrase) {
  const WordPattern& first = phrases_[phrase].words.front();
  if (first.mode == WordPattern::kNumber) {
    number_first_.Add(phrases_[phrase], phrase);
    return;
  }
  int32_t node = 0;
  size_t i = 0;
  while (i < first.text.size()) node = AddChild(node, Next(first.text, &i));
  if (first.mode == WordPattern::kExact) {
    AddTo(&nodes_[node].exact, phrase);
  } else {
    AddTo(&nodes_[node].stems, phrase);
  }
}

void Matcher::AddTo(uint32_t* list, int32_t phrase) {
  if (*list == 0) {
    *list = static_cast<uint32_t>(lists_.size());
    lists_.emplace_back();
  }
  lists_[*list].Add(phrases_[phrase], phrase);
}

void Matcher::PhraseList::Add(const Phrase& p, int32_t index) {
  if (p.words.size() > 1 && p.words[1].mode == WordPattern::kExact) {
    by_second[p.words[1].text].push_back(index);
  } else {
    open.push_back(index);
  }
}

bool Matcher::WordMatches(const WordPattern& w, const Token& t, Lang lang) const {
  switch (w.mode) {
    case WordPattern::kNumber:
      return IsNumber(t, lang);
    case WordPattern::kExact:
      return t.kind != TokenKind::kNumber && t.text == w.text;
    case WordPattern::kInflect:
    case WordPattern::kPrefix:
      if (t.kind != TokenKind::kWord || t.text.size() < w.text.size() ||
          t.text.compare(0, w.text.size(), w.text) != 0) {
        return false;
      }
      return w.mode == WordPattern::kPrefix || IsEnding(std::string_view(t.text).substr(w.text.size()), lang);
  }
  return false;
}

// The words after the first; on success appends the match. Nothing is
// allocated for the many phrases that fail on their second word.
void Matches::Build(const Matcher& matcher, const std::vector<Token>& tokens) {
  all_.clear();
  all_.reserve(tokens.size() * 2);
  first_.assign(tokens.size() + 1, 0);
  for (size_t i = 0; i < tokens.size(); ++i) {
    first_[i] = static_cast<uint32_t>(all_.size());
    matcher.MatchAt(tokens, i, &all_);
  }
  first_[tokens.size()] = static_cast<uint32_t>(all_.size());
}

std::string_view EndingOf(const Match& m, const std::vector<Token>& tokens) {
  if (m.ending_token < 0) return {};
  const Token& t = tokens[m.ending_token];
  if (m.ending_from < 0) return t.suffix;
  return std::string_view(t.text).substr(static_cast<size_t>(m.ending_from));
}

void Matcher::Complete(int32_t p, const std::vector<Token>& tokens, size_t i,
                       int32_t first_from, std::vector<Match>* out) const {
  const Phrase& ph = phrases_[p];
  size_t k = i + 1;
  for (size_t w = 1; w < ph.words.size(); ++w, ++k) {
    if (k >= tokens.size() || tokens[k].newline_before || !WordMatches(ph.words[w], tokens[k], ph.lang)) return;
  }
  Match m;
  m.entry = ph.entry;
  m.kind = ph.kind;
  m.begin = static_cast<int32_t>(i);
  m.end = static_cast<int32_t>(k);
  for (size_t w = 0; w < ph.words.size(); ++w) {
    if (ph.words[w].mode == WordPattern::kNumber) m.numbers.push_back(static_cast<int32_t>(i + w));
  }
  const WordPattern& last = ph.words.back();
  if (ph.words.size() == 1) {
    if (first_from != -2) {
      m.ending_token = static_cast<int32_t>(i);
      m.ending_from = first_from;
    }
  } else if (last.mode == WordPattern::kInflect || last.mode == WordPattern::kPrefix) {
    m.ending_token = static_cast<int32_t>(k - 1);
    m.ending_from = static_cast<int32_t>(last.text.size());
  }
  // Kazakh writes endings after a hyphen on abbreviations and digits:
  // "ШҚО-да", "БАӘ-ге". Take the ending into the match.
  if (k + 1 < tokens.size() && tokens[k].text == "-" && !tokens[k].space_before &&
      !tokens[k + 1].space_before && tokens[k + 1].kind == TokenKind::kWord &&
      IsEnding(tokens[k + 1].text, ph.lang)) {
    m.ending_token = static_cast<int32_t>(k + 1);
    m.ending_from = 0;
    m.end = static_cast<int32_t>(k + 2);
  }
  out->push_back(std::move(m));
}

void Matcher::MatchAt(const std::vector<Token>& tokens, size_t i,
                      std::vector<Match>* out) const {
  const Token& t = tokens[i];
  if (t.kind == TokenKind::kNumber) {
    number_first_.ForEach(tokens, i, [&](int32_t p) { Complete(p, tokens, i, -1, out); });
    return;
  }
  if (t.kind == TokenKind::kWord && MaybeNumberWord(t.text)) {
    number_first_.ForEach(tokens, i, [&](int32_t p) {
      if (IsNumber(t, phrases_[p].lang)) Complete(p, tokens, i, -2, out);
    });
  }
  if (t.kind == TokenKind::kCode) return;
  const std::string_view text(t.text);
  int32_t node = 0;
  size_t pos = 0;
  while (node >= 0) {
    const Node& n = nodes_[node];
    if (n.stems != 0 && t.kind == TokenKind::kWord) {
      const std::string_view ending = text.substr(pos);
      lists_[n.stems].ForEach(tokens, i, [&](int32_t p) {
        if (phrases_[p].words.front().mode == WordPattern::kPrefix || IsEnding(ending, phrases_[p].lang)) {
          Complete(p, tokens, i, static_cast<int32_t>(pos), out);
        }
      });
    }
    if (pos >= text.size()) {
      lists_[n.exact].ForEach(tokens, i, [&](int32_t p) { Complete(p, tokens, i, -2, out); });
      break;
    }
    node = Child(node, Next(t.text, &pos));
  }
}

}  // namespace newsmine::nlp
