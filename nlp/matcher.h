// Finds the phrases of the lexicon in a token sequence (internal to nlp).
//
// All first words go into one trie over code points, so a token costs one
// walk however many phrases there are (design.md: compile rules once). A
// stem ("дел*") matches when the rest of the token is an ending of the
// phrase's language; a prefix ("traffick**") matches whatever follows.
#ifndef NEWSMINE_NLP_MATCHER_H_
#define NEWSMINE_NLP_MATCHER_H_

#include <bitset>
#include <cstdint>
#include <unordered_map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "nlp/lexicon.h"
#include "nlp/tokenizer.h"

namespace newsmine::nlp {

// Token indices of a phrase's "#" slots; no phrase has more than four.
struct Slots {
  int32_t at[4] = {};
  uint8_t n = 0;
  void push_back(int32_t t) {
    if (n < 4) at[n++] = t;
  }
  const int32_t* begin() const { return at; }
  const int32_t* end() const { return at + n; }
  size_t size() const { return n; }
  bool empty() const { return n == 0; }
  int32_t front() const { return at[0]; }
  int32_t back() const { return at[n - 1]; }
};

// Matches are made for every token, so a Match allocates nothing: its
// ending is kept as a place in a token, read with EndingOf.
struct Match {
  int32_t entry = 0;  // index into Lexicon::entries
  EntryKind kind = EntryKind::kCountNoun;  // that entry's kind (entries are large: read it here)
  int32_t begin = 0;  // tokens [begin, end)
  int32_t end = 0;
  int32_t ending_token = -1;  // the token whose tail is the ending; -1: none
  int32_t ending_from = 0;    // byte where it starts in the token's text; -1: the number's suffix
  Slots numbers;              // token indices of the "#" slots
};

// What followed the stem in the last word of `m`: "да" of "Алматыда".
std::string_view EndingOf(const Match& m, const std::vector<Token>& tokens);

// Every match of a text, by first token, in one flat array: a token's
// matches are (*this)[i]. One allocation instead of one per token.
class Matches {
 public:
  // Runs `matcher` over every token.
  void Build(const class Matcher& matcher, const std::vector<Token>& tokens);
  std::span<const Match> operator[](size_t i) const {
    return {all_.data() + first_[i], all_.data() + first_[i + 1]};
  }
  size_t size() const { return first_.empty() ? 0 : first_.size() - 1; }

 private:
  std::vector<Match> all_;
  std::vector<uint32_t> first_;
};

class Matcher {
 public:
  // `phrases` and `suffixes` of one language of `lexicon`, which must outlive
  // the matcher.
  Matcher(const Lexicon& lexicon, Lang lang);

  // Appends every phrase that starts at token `i`.
  void MatchAt(const std::vector<Token>& tokens, size_t i,
               std::vector<Match>* out) const;

 private:
  // 16 bytes, so the nodes of a walk stay in cache; the phrase lists live
  // in lists_ (index 0: the empty list).
  struct Node {
    uint32_t first_child = 0;  // children_[first_child, first_child + child_count)
    uint32_t child_count = 0;
    uint32_t exact = 0;        // lists_ index: phrases whose first word ends here
    uint32_t stems = 0;        // lists_ index: phrases whose first word is a stem ending here
  };
  // The phrases that may start at a token, split by their second word, so a
  // common first word ("в", "in", any number) tries only the phrases whose
  // second word is the next token's.
  struct PhraseList {
    std::vector<int32_t> open;  // one word, or a second word that is not exact
    std::unordered_map<std::string, std::vector<int32_t>, StringHash, std::equal_to<>> by_second;
    void Add(const Phrase& p, int32_t index);
    template <typename F>
    void ForEach(const std::vector<Token>& tokens, size_t i, F f) const {
      for (int32_t p : open) f(p);
      if (by_second.empty() || i + 1 >= tokens.size()) return;
      auto it = by_second.find(tokens[i + 1].text);
      if (it == by_second.end()) return;
      for (int32_t p : it->second) f(p);
    }
  };
  std::vector<PhraseList> lists_ = std::vector<PhraseList>(1);
  void AddTo(uint32_t* list, int32_t phrase);
  struct Kid {
    char32_t cp;
    int32_t node;
  };
  // After all phrases are in: each node's children side by side, sorted, so
  // a walk touches a cache line or two per character instead of a random
  // slot of a large table.
  void Freeze();
  std::vector<Kid> children_;
  // The root's children by code point below kRootTable (ASCII, Latin and
  // Cyrillic): every word starts at the root, which has the most children.
  static constexpr char32_t kRootTable = 0x500;
  std::vector<int32_t> root_;
  std::vector<std::vector<Kid>> kids_;  // each node's children while building
  int32_t Child(int32_t node, char32_t c) const;
  int32_t AddChild(int32_t node, char32_t c);
  void Insert(int32_t phrase);
  // `first_from`: where the ending of the first word starts in its token
  // (-1: a number's suffix, -2: no ending).
  void Complete(int32_t phrase, const std::vector<Token>& tokens, size_t i,
                int32_t first_from, std::vector<Match>* out) const;
  bool WordMatches(const WordPattern& w, const Token& t, Lang lang) const;
  // An ending of `lang`: a Russian place name in an English text still
  // declines the Russian way.
  bool IsEnding(std::string_view s, Lang lang) const {
    const StringSet& set = (*suffixes_)[static_cast<size_t>(lang)];
    return s.empty() || set.find(s) != set.end();
  }

  const std::vector<Phrase>& phrases_;
  const std::array<StringSet, 4>* suffixes_;
  std::vector<Node> nodes_;
  PhraseList number_first_;  // phrases that start with "#"
  // One-word number words ("девять", "тоғыз") by language: "#" matches
  // them too ("за девять месяцев").
  std::array<StringSet, 4> number_words_;
  StringSet any_number_word_;  // the union, to skip most words with one look-up
  // A bit per (length, first and last byte) of the number words: most words
  // fail this test, which costs less than hashing them for any_number_word_.
  std::bitset<4096> number_word_sketch_;
  static size_t SketchKey(std::string_view w) {
    const auto first = static_cast<unsigned char>(w[w.size() > 1]);  // past a Cyrillic lead byte
    return (w.size() * 7919 ^ first * 131 ^ static_cast<unsigned char>(w.back())) & 4095;
  }
  bool MaybeNumberWord(std::string_view w) const {
    return !w.empty() && number_word_sketch_.test(SketchKey(w)) && any_number_word_.count(w);
  }
  bool IsNumber(const Token& t, Lang lang) const {
    return t.kind == TokenKind::kNumber ||
           (t.kind == TokenKind::kWord && number_words_[static_cast<size_t>(lang)].count(t.text));
  }
};

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_MATCHER_H_
