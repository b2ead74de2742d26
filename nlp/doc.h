// One article under analysis: its tokens, sentences, lexicon matches and
// numbers, with the look-ups every fact rule needs (internal to nlp).
#ifndef NEWSMINE_NLP_DOC_H_
#define NEWSMINE_NLP_DOC_H_

#include <array>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/record.h"
#include "nlp/lexicon.h"
#include "nlp/matcher.h"
#include "nlp/numbers.h"
#include "nlp/tokenizer.h"

namespace newsmine::nlp {

struct Doc {
  const Lexicon* lex = nullptr;
  Lang lang = Lang::kUnknown;
  std::string published;          // ISO date or empty
  std::u32string text;
  std::vector<Span> sentences;    // code points
  std::unique_ptr<std::string> token_arena;  // what the tokens' views point into
  std::vector<Token> tokens;
  Matches matches;  // by first token
  std::vector<Number> numbers;
  std::vector<int32_t> number_at;  // token -> index into numbers, or -1
  std::vector<int32_t> sentence_first;  // sentence -> its first token
  bool on_topic = false;  // the article is about trafficking at all
  // Index of this piece's first fact in the output: facts before it belong
  // to earlier pieces of a long text, with spans of their own.
  size_t first_fact = 0;
  // age_unit phrases glued into one word, to test number suffixes
  // ("17-year-old", "17-летняя").
  const std::vector<WordPattern>* age_suffixes = nullptr;
  const std::vector<WordPattern>* block_suffixes = nullptr;  // block_after, glued
  // route_suffix endings of the language and their direction ("нан" from).
  const std::vector<std::pair<std::string, std::string>>* route_suffixes = nullptr;
  // Sentence texts, made once each on first use by MakeFact.
  mutable std::vector<std::string> sentence_texts;

  const Entry& entry(const Match& m) const { return lex->entries[m.entry]; }

  // The longest match of `kind` starting at token i, or null.
  const Match* At(size_t i, EntryKind kind) const;
  // The longest match of `kind` ending at token `end` (exclusive), or null.
  const Match* EndingAt(size_t end, EntryKind kind) const;
  // Every match of `kind` in sentence `s`, in text order (longest at a start).
  std::vector<const Match*> InSentence(int32_t s, EntryKind kind) const;
  // Builds the index InSentence reads; call once the matches are in.
  void IndexMatches();
  // The longest match of `kind` at each start, in text order.
  std::span<const Match* const> ByKind(EntryKind kind) const;
  // Token range [first, last) of sentence `s`.
  std::pair<size_t, size_t> SentenceTokens(int32_t s) const;

  // A fact of `type` over tokens [b, e) with its sentence filled in.
  Fact MakeFact(FactType type, size_t b, size_t e, const std::string& rule) const;
  std::string SentenceText(int32_t s) const;

  // "year-old" of "17-year-old", "летняя" of "17-летняя", "жастағы".
  bool IsAgeEnding(const std::string& ending) const { return EndingIs(ending, age_suffixes); }
  // "бабымен" of "128-бабымен": a number's own ending is a block word.
  bool IsBlockEnding(const std::string& ending) const { return EndingIs(ending, block_suffixes); }
  bool EndingIs(const std::string& ending, const std::vector<WordPattern>* patterns) const;

 private:
  // ByKind(k) is by_kind_[kind_first_[k], kind_first_[k + 1]).
  std::vector<const Match*> by_kind_;
  std::array<uint32_t, kEntryKinds + 1> kind_first_{};
};

// Words that join the members of a list of places: ",", "and", "и",
// "және", "мен" ... ("from Uzbekistan, Tajikistan and Kyrgyzstan").
bool IsListGlue(const Token& t);

// True when `word` ends in one of `endings` after a stem of at least
// `min_stem` bytes: Kazakh case endings ("жастан", "баланы").
bool HasEnding(std::string_view word, std::initializer_list<std::string_view> endings, size_t min_stem);

// Token distance between [b1,e1) and [b2,e2): 0 when they touch or overlap.
int Distance(int b1, int e1, int b2, int e2);

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_DOC_H_
