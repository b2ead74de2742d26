#include "nlp/doc.h"

#include <algorithm>
#include <cstdlib>

#include "base/text.h"

namespace newsmine::nlp {

const Match* Doc::At(size_t i, EntryKind kind) const {
  if (i >= matches.size()) return nullptr;
  const Match* best = nullptr;
  for (const Match& m : matches[i]) {
    if (m.kind == kind && (!best || m.end > best->end)) best = &m;
  }
  return best;
}

const Match* Doc::EndingAt(size_t end, EntryKind kind) const {
  // Phrases are short: look back a few tokens only.
  const Match* best = nullptr;
  for (size_t b = end >= 6 ? end - 6 : 0; b < end; ++b) {
    for (const Match& m : matches[b]) {
      if (static_cast<size_t>(m.end) == end && m.kind == kind &&
          (!best || m.begin < best->begin)) {
        best = &m;
      }
    }
  }
  return best;
}

std::pair<size_t, size_t> Doc::SentenceTokens(int32_t s) const {
  const size_t first = sentence_first[s];
  const size_t last = static_cast<size_t>(s) + 1 < sentence_first.size()
                          ? sentence_first[s + 1]
                          : tokens.size();
  return {first, last};
}

void Doc::IndexMatches() {
  // The best match of each kind at each start, in text order, then sorted
  // into one array by kind (a counting sort): two allocations a text.
  std::vector<const Match*> best;
  std::array<uint32_t, kEntryKinds + 1> count{};
  for (size_t i = 0; i < matches.size(); ++i) {
    const std::span<const Match> at = matches[i];
    // A token starts few matches: keep, per kind, the first of the longest.
    for (size_t a = 0; a < at.size(); ++a) {
      bool longest = true;
      for (size_t b = 0; b < at.size() && longest; ++b) {
        if (b == a || at[b].kind != at[a].kind) continue;
        longest = at[b].end < at[a].end || (at[b].end == at[a].end && a < b);
      }
      if (!longest) continue;
      best.push_back(&at[a]);
      ++count[static_cast<size_t>(at[a].kind) + 1];
    }
  }
  for (size_t k = 1; k <= kEntryKinds; ++k) count[k] += count[k - 1];
  kind_first_ = count;
  by_kind_.resize(best.size());
  for (const Match* m : best) by_kind_[count[static_cast<size_t>(m->kind)]++] = m;
}

std::span<const Match* const> Doc::ByKind(EntryKind kind) const {
  const size_t k = static_cast<size_t>(kind);
  return {by_kind_.data() + kind_first_[k], by_kind_.data() + kind_first_[k + 1]};
}

std::vector<const Match*> Doc::InSentence(int32_t s, EntryKind kind) const {
  // Matches of a kind are few and in order: find the sentence's by search
  // instead of walking its tokens (the rules ask this for every number).
  const std::span<const Match* const> all = ByKind(kind);
  auto [first, last] = SentenceTokens(s);
  auto it = std::lower_bound(all.begin(), all.end(), first,
                             [](const Match* m, size_t t) { return static_cast<size_t>(m->begin) < t; });
  std::vector<const Match*> out;
  for (; it != all.end() && static_cast<size_t>((*it)->begin) < last; ++it) out.push_back(*it);
  return out;
}

std::string Doc::SentenceText(int32_t s) const {
  const Span& sp = sentences[s];
  return EncodeUtf8(std::u32string_view(text).substr(sp.begin, sp.end - sp.begin));
}

Fact Doc::MakeFact(FactType type, size_t b, size_t e,
                   const std::string& rule) const {
  Fact f;
  f.type = type;
  f.span = {tokens[b].begin, tokens[e - 1].end};
  const int32_t s = tokens[b].sentence;
  if (sentence_texts.size() != sentences.size()) sentence_texts.assign(sentences.size(), {});
  if (sentence_texts[s].empty()) sentence_texts[s] = SentenceText(s);
  f.sentence = sentence_texts[s];
  f.rule = rule;
  return f;
}

bool Doc::EndingIs(const std::string& ending, const std::vector<WordPattern>* patterns) const {
  if (ending.empty() || !patterns) return false;
  for (const WordPattern& w : *patterns) {
    if (w.mode == WordPattern::kExact ? ending == w.text
                                      : ending.compare(0, w.text.size(), w.text) == 0) {
      return true;
    }
  }
  return false;
}

bool IsListGlue(const Token& t) {
  static const char* kGlue[] = {",",    "and", "и",   "және", "men",  "мен", "or",    "или",
                                "the",  "a",   "&",   "jäne", "hám",  "also", "а",  "также"};
  for (const char* g : kGlue) {
    if (t.text == g) return true;
  }
  return false;
}

bool HasEnding(std::string_view word, std::initializer_list<std::string_view> endings, size_t min_stem) {
  for (std::string_view e : endings) {
    if (word.size() >= e.size() + min_stem && word.ends_with(e)) return true;
  }
  return false;
}

int Distance(int b1, int e1, int b2, int e2) {
  if (e1 <= b2) return b2 - e1;
  if (e2 <= b1) return b1 - e2;
  return 0;
}

}  // namespace newsmine::nlp
