#include <algorithm>
#include <array>
#include <memory>

#include "base/text.h"
#include "nlp/facts.h"
#include "nlp/lang_detect.h"
#include "nlp/matcher.h"
#include "nlp/nlp.h"
#include "nlp/normalize.h"
#include "nlp/rule_pack.h"
#include "nlp/sentences.h"

namespace newsmine::nlp {

struct Analyzer::Data {
  Lexicon lex;
  // Built after `lex` is in place: matchers keep references into it.
  std::array<std::unique_ptr<Matcher>, 4> matchers;
  std::array<std::vector<WordPattern>, 4> age_suffixes;
};

namespace {

size_t Index(Lang l) { return static_cast<size_t>(l); }

void Prepare(Analyzer::Data* d) {
  for (Lang l : {Lang::kEn, Lang::kRu, Lang::kKk}) {
    d->matchers[Index(l)] = std::make_unique<Matcher>(d->lex, l);
    for (const Phrase& p : d->lex.phrases[Index(l)]) {
      if (d->lex.entries[p.entry].kind != EntryKind::kAgeUnit) continue;
      // "year-old" is three tokens of the phrase but one suffix of
      // "17-year-old": glue the words back together.
      WordPattern glued = p.words.back();
      glued.text.clear();
      for (const WordPattern& w : p.words) glued.text += w.text;
      d->age_suffixes[Index(l)].push_back(glued);
    }
  }
}

void AssignSentences(Doc* doc) {
  size_t s = 0;
  doc->sentence_first.assign(doc->sentences.size(), 0);
  size_t next = 0;  // next sentence whose first token is unknown
  for (size_t i = 0; i < doc->tokens.size(); ++i) {
    Token& t = doc->tokens[i];
    while (s + 1 < doc->sentences.size() && t.begin >= doc->sentences[s].end) ++s;
    t.sentence = static_cast<int32_t>(s);
    while (next <= s && next < doc->sentences.size()) doc->sentence_first[next++] = i;
  }
  while (next < doc->sentences.size()) doc->sentence_first[next++] = doc->tokens.size();
}

void MatchAll(const Matcher& matcher, Doc* doc) {
  doc->matches.assign(doc->tokens.size(), {});
  for (size_t i = 0; i < doc->tokens.size(); ++i) {
    matcher.MatchAt(doc->tokens, i, &doc->matches[i]);
  }
  doc->numbers = FindNumbers(doc->tokens, doc->matches, *doc->lex);
  doc->number_at.assign(doc->tokens.size(), -1);
  for (size_t n = 0; n < doc->numbers.size(); ++n) {
    for (int32_t k = doc->numbers[n].begin; k < doc->numbers[n].end; ++k) {
      doc->number_at[k] = static_cast<int32_t>(n);
    }
  }
  for (const auto& ms : doc->matches) {
    for (const Match& m : ms) {
      if (doc->entry(m).kind == EntryKind::kTopic) doc->on_topic = true;
    }
  }
}

}  // namespace

Result<Analyzer> Analyzer::Load(const std::string& corpora_dir) {
  NM_ASSIGN_OR_RETURN(Lexicon lex, LoadLexicon(corpora_dir));
  auto data = std::make_shared<Data>();
  data->lex = std::move(lex);
  Prepare(data.get());
  return Analyzer(std::move(data));
}

const std::string& Analyzer::rules_version() const { return data_->lex.version; }

Analysis Analyzer::Analyze(std::string_view text, const AnalyzeOptions& options) const {
  Analysis out;
  out.text = NormalizeText(ScrubUtf8(text));
  Doc doc;
  doc.lex = &data_->lex;
  doc.published = options.published;
  doc.text = DecodeUtf8(out.text);
  LangGuess guess = DetectLanguage(doc.text);
  doc.lang = options.lang != Lang::kUnknown ? options.lang : guess.lang;
  if (doc.lang == Lang::kUnknown) doc.lang = Lang::kEn;
  out.lang = doc.lang;
  out.lang_confidence = guess.lang == doc.lang ? guess.confidence : 0;
  doc.age_suffixes = &data_->age_suffixes[Index(doc.lang)];
  doc.sentences = SplitSentences(doc.text, data_->lex.abbreviations);
  doc.tokens = Tokenize(doc.text);
  AssignSentences(&doc);
  MatchAll(*data_->matchers[Index(doc.lang)], &doc);
  for (auto extract : {ExtractRegions, ExtractCounts, ExtractAges, ExtractRoutes, ExtractAmounts}) {
    extract(doc, &out.facts);
  }
  std::stable_sort(out.facts.begin(), out.facts.end(), [](const Fact& a, const Fact& b) {
    return a.span.begin < b.span.begin;
  });
  return out;
}

Status CheckRules(const std::string& corpora_dir) {
  return LoadLexicon(corpora_dir).status();
}

}  // namespace newsmine::nlp
