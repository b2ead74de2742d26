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
  std::array<std::vector<WordPattern>, 4> block_suffixes;
  std::array<std::vector<std::pair<std::string, std::string>>, 4> route_suffixes;
};

namespace {

size_t Index(Lang l) { return static_cast<size_t>(l); }

void Prepare(Analyzer::Data* d) {
  for (Lang l : {Lang::kEn, Lang::kRu, Lang::kKk}) {
    d->matchers[Index(l)] = std::make_unique<Matcher>(d->lex, l);
    for (const Phrase& p : d->lex.phrases[Index(l)]) {
      const Entry& e = d->lex.entries[p.entry];
      if (e.kind == EntryKind::kRouteSuffix) d->route_suffixes[Index(l)].push_back({p.words[0].text, e.attrs.dir});
      if (e.kind != EntryKind::kAgeUnit && e.kind != EntryKind::kBlockAfter) continue;
      if (p.words.front().mode == WordPattern::kNumber) continue;
      // "year-old" is three tokens of the phrase but one suffix of
      // "17-year-old": glue the words back together.
      WordPattern glued = p.words.back();
      glued.text.clear();
      for (const WordPattern& w : p.words) glued.text += w.text;
      if (glued.text.empty() || !(glued.text[0] & 0x80 || std::isalpha(static_cast<unsigned char>(glued.text[0])))) continue;
      (e.kind == EntryKind::kAgeUnit ? d->age_suffixes : d->block_suffixes)[Index(l)].push_back(glued);
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
  doc->matches.Build(matcher, doc->tokens);
  doc->numbers = FindNumbers(doc->tokens, doc->matches, *doc->lex);
  doc->number_at.assign(doc->tokens.size(), -1);
  for (size_t n = 0; n < doc->numbers.size(); ++n) {
    for (int32_t k = doc->numbers[n].begin; k < doc->numbers[n].end; ++k) {
      doc->number_at[k] = static_cast<int32_t>(n);
    }
  }
  doc->IndexMatches();
  doc->on_topic = !doc->ByKind(EntryKind::kTopic).empty();
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

namespace {

// Texts longer than this are analysed in pieces, cut at a line break (or
// failing that a space), so a 100 MB single line costs memory in proportion
// to the piece, not the file. 1 MiB holds any real article whole.
constexpr size_t kChunkBytes = 1 << 20;

size_t ChunkEnd(std::string_view text, size_t begin) {
  if (text.size() - begin <= kChunkBytes) return text.size();
  const size_t limit = begin + kChunkBytes;
  for (std::string_view cut : {"\n", ". ", " "}) {  // a paragraph, a sentence, a word
    const size_t at = text.rfind(cut, limit);
    if (at != std::string_view::npos && at > begin + kChunkBytes / 2) return at + cut.size();
  }
  size_t at = limit;  // no break at all: cut between code points
  while (at > begin && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// Facts into text order. Facts are large: sort their indices, then move
// each fact once.
void SortBySpan(std::vector<Fact>* facts) {
  std::vector<uint32_t> order(facts->size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return (*facts)[a].span.begin < (*facts)[b].span.begin; });
  std::vector<Fact> sorted;
  sorted.reserve(facts->size());
  for (uint32_t i : order) sorted.push_back(std::move((*facts)[i]));
  *facts = std::move(sorted);
}

}  // namespace

void Analyzer::AnalyzePiece(std::u32string piece, int64_t offset, Lang lang,
                            const AnalyzeOptions& options,
                            std::vector<Fact>* facts) const {
  Doc doc;
  doc.lex = &data_->lex;
  doc.published = options.published;
  doc.text = std::move(piece);
  doc.lang = lang;
  doc.age_suffixes = &data_->age_suffixes[Index(lang)];
  doc.block_suffixes = &data_->block_suffixes[Index(lang)];
  doc.route_suffixes = &data_->route_suffixes[Index(lang)];
  doc.sentences = SplitSentences(doc.text, data_->lex.abbreviations);
  Tokens tokens = Tokenize(doc.text);
  doc.token_arena = std::move(tokens.arena);
  doc.tokens = std::move(tokens.list);
  AssignSentences(&doc);
  MatchAll(*data_->matchers[Index(lang)], &doc);
  const size_t first = facts->size();
  doc.first_fact = first;
  for (auto extract : {ExtractRegions, ExtractCounts, ExtractAges, ExtractRoutes, ExtractAmounts}) {
    extract(doc, facts);
  }
  for (size_t i = first; i < facts->size(); ++i) {
    (*facts)[i].span.begin += offset;
    (*facts)[i].span.end += offset;
  }
}

Analysis Analyzer::Analyze(std::string_view text, const AnalyzeOptions& options) const {
  Analysis out;
  out.text = NormalizeText(ScrubUtf8(text));
  const std::string_view all(out.text);
  // Each piece is decoded once; the language is told from the first.
  size_t e = ChunkEnd(all, 0);
  std::u32string piece = DecodeUtf8(all.substr(0, e));
  // 2 KiB of text (some 1,000 letters) tell the language as well as the whole.
  size_t cut = std::min<size_t>(e, 2048);
  while (cut > 0 && cut < e && (static_cast<unsigned char>(all[cut]) & 0xC0) == 0x80) --cut;
  const size_t head = CodePointCount(all.substr(0, cut));
  const LangGuess guess = DetectLanguage(std::u32string_view(piece).substr(0, head));
  out.lang = options.lang != Lang::kUnknown ? options.lang : guess.lang;
  if (out.lang == Lang::kUnknown) out.lang = Lang::kEn;
  out.lang_confidence = guess.lang == out.lang ? guess.confidence : 0;
  int64_t offset = 0;
  for (size_t b = 0;;) {
    const int64_t length = static_cast<int64_t>(piece.size());
    AnalyzePiece(std::move(piece), offset, out.lang, options, &out.facts);
    if (e >= all.size()) break;
    offset += length;
    b = e;
    e = ChunkEnd(all, b);
    piece = DecodeUtf8(all.substr(b, e - b));
  }
  SortBySpan(&out.facts);
  return out;
}

Status CheckRules(const std::string& corpora_dir) {
  return LoadLexicon(corpora_dir).status();
}

}  // namespace newsmine::nlp
