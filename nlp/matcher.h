// Finds the phrases of the lexicon in a token sequence (internal to nlp).
//
// All first words go into one trie over code points, so a token costs one
// walk however many phrases there are (design.md: compile rules once). A
// stem ("дел*") matches when the rest of the token is an ending of the
// phrase's language; a prefix ("traffick**") matches whatever follows.
#ifndef NEWSMINE_NLP_MATCHER_H_
#define NEWSMINE_NLP_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "nlp/lexicon.h"
#include "nlp/tokenizer.h"

namespace newsmine::nlp {

struct Match {
  int32_t entry = 0;  // index into Lexicon::entries
  int32_t begin = 0;  // tokens [begin, end)
  int32_t end = 0;
  std::string ending;            // what followed the stem in the last word
  std::vector<int32_t> numbers;  // token indices of the "#" slots
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
  struct Node {
    std::vector<int32_t> exact;  // phrases whose first word ends here
    std::vector<int32_t> stems;  // phrases whose first word is a stem ending here
  };
  int32_t Child(int32_t node, char32_t c) const;
  int32_t AddChild(int32_t node, char32_t c);
  void Insert(int32_t phrase);
  void Complete(int32_t phrase, const std::vector<Token>& tokens, size_t i,
                std::string_view first_ending, std::vector<Match>* out) const;
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
  // Trie edges (node, code point) -> child in one open-addressing table:
  // lookups are the hot loop of the nlp stage, and a node-based map spent
  // its time chasing pointers.
  struct Edge {
    uint64_t key = 0;  // 0 is empty: no edge leads to the root
    int32_t child = 0;
  };
  std::vector<Edge> edges_;
  size_t edge_count_ = 0;
  void Grow();
  std::vector<int32_t> number_first_;  // phrases that start with "#"
  // One-word number words ("девять", "тоғыз") by language: "#" matches
  // them too ("за девять месяцев").
  std::array<StringSet, 4> number_words_;
  bool IsNumber(const Token& t, Lang lang) const {
    return t.kind == TokenKind::kNumber ||
           (t.kind == TokenKind::kWord && number_words_[static_cast<size_t>(lang)].count(t.text));
  }
};

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_MATCHER_H_
