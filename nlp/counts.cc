// case_count and person_count (records.md "case_count", "person_count").
#include <cmath>
#include <cstdlib>
#include <string>

#include "nlp/attributes.h"
#include "nlp/facts.h"

namespace newsmine::nlp {
namespace {

// 4 tokens: "39 new criminal cases", "20 human trafficking cases".
constexpr int kMaxGap = 4;
// A role cue further than this from the count belongs to another clause.
constexpr int kRoleDistance = 12;
// "convicted 39 traffickers": a verdict right by the noun outranks it.
constexpr int kVerbDistance = 3;

// An include this near the start of the next sentence still refers back.
constexpr int kOpeningWords = 3;
// A bare number this close after a count, behind a list mark, continues it.
constexpr int kListDistance = 8;
// "this figure [last year in the same period] was 49": words an include of
// two or more words may stand before its number.
constexpr int kFarInclude = 7;
// "top sottaldy", "members were sentenced": a group's verb follows close.
constexpr int kGroupVerbDistance = 6;

Period YearBack(Period p) {
  if (p.year) *p.year -= 1;
  for (std::string* d : {&p.from, &p.to}) {
    if (d->size() < 10) continue;
    *d = std::to_string(std::atoi(d->c_str()) - 1) + d->substr(4);
    if (d->substr(5) == "02-29") d->replace(8, 2, "28");
  }
  return p;
}

bool IsDash(const Token& t) { return t.text == "-" || t.text == ":"; }
bool IsListMark(const Token& t) {
  return t.text == "," || t.text == ";" || t.text == "and" || t.text == "и" ||
         t.text == "және" || t.text == "а" || t.text == "men" || t.text == "jäne";
}

struct Head {
  const Match* noun = nullptr;
  std::string group;  // from a gap word: "foreign victims"
  std::string scope;
  int end = 0;  // last token of the phrase, exclusive
  bool needs_cue = false;  // the noun inside a longer citizen phrase needs a role cue
};

bool IsPossessive(const Doc& doc, const std::string& ending) {
  static const char* kPossessive[] = {"ы", "і", "сы", "сі", "y", "ı", "sy", "sı", "i", "si"};
  if (doc.lang != Lang::kKk) return false;
  for (const char* p : kPossessive) {
    if (ending == p) return true;
  }
  return false;
}

bool IsPersonNoun(const Doc& doc, const Match& m) {
  const Entry& e = doc.entry(m);
  return e.kind == EntryKind::kCountry || e.attrs.type == "person_count";
}

// A country's citizens counted: "123 Kazakhstanis", "43 Uzbek citizens".
const Match* CitizenAt(const Doc& doc, int k, const char* kind) {
  const Match* m = doc.At(k, EntryKind::kCountry);
  return m && doc.entry(*m).attrs.place_kind == kind ? m : nullptr;
}

// "39 criminal cases": the counted noun after the number, over gap words;
// "204 were men": over a link word, when people are counted.
bool HeadAfter(const Doc& doc, int k, int32_t sentence, Head* h) {
  if (const Match* q = doc.At(k, EntryKind::kQualifier)) {
    if (doc.entry(*q).attrs.position == "after") k = q->end;
  }
  bool linked = false;
  for (int gap = 0; gap <= kMaxGap && k < static_cast<int>(doc.tokens.size()); ++gap) {
    if (doc.tokens[k].sentence != sentence) return false;
    // The longest match wins: "27 citizens of Uzbekistan" are citizens of a
    // country, not bare "citizens".
    const Match* m = doc.At(k, EntryKind::kCountNoun);
    const Match* c = CitizenAt(doc, k, "citizen");
    if (c && m && c->end > m->end) h->needs_cue = doc.entry(*m).attrs.needs_cue;  // as the bare noun
    if (!m || (c && c->end > m->end)) m = c;
    const Match* g = doc.At(k, EntryKind::kCountGap);
    if (m && g && g->end > m->end) m = nullptr;  // the longest match wins
    if (m) {
      if (linked && !IsPersonNoun(doc, *m)) return false;
      h->noun = m;
      h->end = m->end;
      if (const Match* q = doc.At(m->end, EntryKind::kQualifier)) {
        if (doc.entry(*q).attrs.position == "after") h->end = q->end;  // "15 адамға жуық"
      }
      return true;
    }
    if (const Match* c = CitizenAt(doc, k, "adjective")) {
      if (doc.entry(*c).attrs.code != "KZ") h->group = "foreigners";
      k = c->end;
      continue;
    }
    if (!g && gap == 0 && (g = doc.At(k, EntryKind::kCountLink))) linked = true;
    if (!g) return false;
    const Attrs& a = doc.entry(*g).attrs;
    if (!a.group.empty()) h->group = a.group;
    if (!a.scope.empty()) h->scope = a.scope;
    k = g->end;
  }
  return false;
}

// "число пострадавших составило (более) 25", "victims: 25"; Kazakh
// "қылмыстардың 39-ы" (39 of the crimes) needs no link: the possessive
// ending on the number ties it to the noun.
bool HeadBefore(const Doc& doc, int b, const std::string& ending, Head* h) {
  int k = b;
  if (const Match* q = doc.EndingAt(k, EntryKind::kQualifier)) k = q->begin;
  for (int link = 0; link <= 3; ++link) {
    if (const Match* m = doc.EndingAt(k, EntryKind::kCountNoun)) {
      if (link == 0 && !IsPossessive(doc, ending)) return false;  // "cases 25" is no count
      h->noun = m;
      h->end = b;
      return true;
    }
    const Match* l = doc.EndingAt(k, EntryKind::kCountLink);
    if (!l) return false;
    k = l->begin;
  }
  return false;
}

// "күдіктілер ... 8 баланы қайыр сұратқан": a Kazakh noun in the accusative
// is the object of the verb after it; the subject before is someone else.
bool IsObject(const Doc& doc, const Match& noun) {
  if (doc.lang != Lang::kKk || !doc.entry(noun).attrs.role.empty()) return false;
  const std::string_view w = doc.tokens[noun.end - 1].text;
  return HasEnding(w, {"ны", "ні", "ды", "ді", "ты", "ті", "ny", "nı", "dy", "dı", "ty", "tı"}, 3);
}

// A block with a `max` blocks only numbers up to it: "In one case, ..."
// tells an example, "in 23 cases" counts.
bool Blocks(const Doc& doc, const Match* m, const Number& n) {
  if (!m) return false;
  const int max = doc.entry(*m).attrs.max;
  return max < 0 || n.value <= max;
}

class Counter {
 public:
  Counter(const Doc& doc, std::vector<Fact>* out) : doc_(doc), out_(out) {}

  void Run() {
    const int n = static_cast<int>(doc_.numbers.size());
    std::vector<bool> used(n, false);
    int blocked_end = -1;
    for (int i = 0; i < n; ++i) {
      const Number& num = doc_.numbers[i];
      // "ст. 308 и 309": a number listed right after a blocked one is
      // blocked too.
      const bool after_blocked = num.begin == blocked_end + 1 && blocked_end >= 0 &&
                                 IsListMark(doc_.tokens[num.begin - 1]);
      if (used[i] || after_blocked || IsBlocked(doc_, i) || IsAppositiveAge(doc_, i)) {
        if (after_blocked || BlockedBefore(i)) blocked_end = num.end;
        continue;
      }
      const int r = RangeEnd(doc_, i);
      if (r >= 0 && IsBlocked(doc_, r)) continue;  // "от 10 до 15 %"
      if (r >= 0) used[r] = true;
      One(i, r);
    }
  }

 private:
  void One(int i, int range_end) {
    const Number& num = doc_.numbers[i];
    const int32_t s = doc_.tokens[num.begin].sentence;
    const int last = range_end >= 0 ? doc_.numbers[range_end].end : num.end;
    Head h;
    const Fact* inherit = nullptr;
    std::string rule;
    if (!HeadAfter(doc_, last, s, &h) && !HeadBefore(doc_, num.begin, num.ending, &h)) {
      inherit = Inherited(i, s);
      if (!inherit) return;
      h.end = last;
    }
    if (num.value != std::floor(num.value) || num.value <= 0) return;
    Fact f = Build(i, range_end, s, h, inherit);
    if (f.type == FactType::kPersonCount && f.role.empty()) return;
    last_end_ = std::max(h.end, last);
    out_->push_back(std::move(f));
    last_count_ = out_->size() - 1;
    last_sentence_ = s;
  }

  Fact Build(int i, int range_end, int32_t s, const Head& h, const Fact* inherit) {
    const Number& num = doc_.numbers[i];
    int b = num.begin, e = range_end >= 0 ? doc_.numbers[range_end].end : num.end;
    int qb, qe;
    std::string qualifier = QualifierOf(doc_, b, e, &qb, &qe);
    const int span_end = std::max(h.end, qe);
    Fact f;
    if (inherit) {
      f = doc_.MakeFact(inherit->type, qb, span_end, inherit->rule + ".elliptic");
      f.unit = inherit->unit;
      f.role = inherit->role;
      f.group = GroupAfterInclude(e);
    } else {
      const Entry& noun = doc_.entry(*h.noun);
      const bool citizens = noun.kind == EntryKind::kCountry;
      const FactType type = noun.attrs.type == "case_count" ? FactType::kCaseCount : FactType::kPersonCount;
      const std::string rule = citizens ? std::string(LangCode(doc_.lang)) + ".person_count.citizens" : noun.id;
      f = doc_.MakeFact(type, std::min(qb, h.noun->begin), std::max(span_end, h.noun->end), rule);
      f.unit = noun.attrs.unit;
      f.role = noun.attrs.role;
      f.group = noun.attrs.group.empty() ? h.group : noun.attrs.group;
      if (citizens && noun.attrs.code != "KZ") f.group = "foreigners";
      f.scope = noun.attrs.scope.empty() ? h.scope : noun.attrs.scope;
    }
    f.value = static_cast<int64_t>(num.value);
    f.qualifier = qualifier;
    if (range_end >= 0) {
      const Number& hi = doc_.numbers[range_end];
      f.qualifier = "range";
      f.max = static_cast<int64_t>(hi.value);
      // "от 2 до 3 тыс. человек": the scale of the upper end is the lower's too.
      if (hi.scale > 1 && num.scale == 1 && num.value * hi.scale <= hi.value) {
        f.value = static_cast<int64_t>(num.value * hi.scale);
      }
    }
    Attach(&f, s, b, span_end, h.noun && (h.needs_cue || doc_.entry(*h.noun).attrs.needs_cue),
           h.noun && IsObject(doc_, *h.noun));
    return f;
  }

  // "73 victims, 21 of them minors": the noun after the include says who
  // the subset are.
  std::string GroupAfterInclude(int e) const {
    const Match* inc = doc_.At(e, EntryKind::kInclude);
    if (!inc) return "";
    const Match* noun = doc_.At(inc->end, EntryKind::kCountNoun);
    return noun ? doc_.entry(*noun).attrs.group : "";
  }

  void Attach(Fact* f, int32_t s, int b, int e, bool needs_cue, bool object) {
    if (f->type == FactType::kCaseCount) {
      if (f->scope.empty()) f->scope = ScopeNear(doc_, s, b, e);
    } else if (f->role.empty() && (Included(b) || Listed(b)) && last_count_ != SIZE_MAX &&
               (*out_)[last_count_].type == FactType::kPersonCount) {
      // "236 victims, among them 147 women and 31 minors"; "Среди них – 58
      // женщин, 41 мужчина": a subset are what the whole count was.
      f->role = (*out_)[last_count_].role;
    } else if (f->role.empty()) {
      f->role = RoleNear(doc_, s, b, e, kRoleDistance, object);
      // "58 women" in a sentence about exploitation are its victims;
      // "six children in our family" are not.
      if (f->role.empty() && !needs_cue && AboutTrafficking(s)) f->role = "victim";
      // "4 adamnan tūratyn top sottaldy", "members of the gang were
      // sentenced": the group's verdict follows the group cue.
      // "приговорил трёх участников преступной группы": a verdict right
      // before the count outranks the group word after it.
      if (f->role == "suspect" && (ConvictedAfter(s, e) || ConvictedBefore(s, b))) f->role = "convicted";
    } else if (f->role == "suspect" && (RoleNear(doc_, s, b, e, kVerbDistance) == "convicted" || ConvictedBefore(s, b))) {
      f->role = "convicted";  // "courts convicted 39 traffickers"
    }
    f->period = PeriodNear(doc_, s, b, e);
    if (f->period && f->period->relative == kSameLastYear) {
      f->period = SamePeriodBack();
    } else if (f->period && f->period->relative.empty()) {
      last_own_period_ = f->period;
    }
    f->region = RegionNear(doc_, s, b, e);
  }

  // "приговорил трёх участников преступной группы": the verdict just
  // before the count, though the group word after it is nearer.
  bool ConvictedBefore(int32_t s, int b) const {
    for (const Match* m : doc_.InSentence(s, EntryKind::kRoleCue)) {
      if (m->end > b || doc_.entry(*m).attrs.role != "convicted") continue;
      if (ClauseDistance(doc_, b, b, m->begin, m->end) <= kVerbDistance) return true;
    }
    return false;
  }

  // A convicted cue in the clause right after the count (records.md
  // "role": convicted, sentenced, сотталған).
  bool ConvictedAfter(int32_t s, int e) const {
    for (const Match* m : doc_.InSentence(s, EntryKind::kRoleCue)) {
      if (m->begin < e || doc_.entry(*m).attrs.role != "convicted") continue;
      return ClauseDistance(doc_, e, e, m->begin, m->end) <= kGroupVerbDistance;
    }
    return false;
  }

  // "за аналогичный период прошлого года", "өткен жылдың осы кезеңінде":
  // the period the last count had of its own, a year back; failing that,
  // last year (corpora/articles/README.md: "same span one year back").
  std::optional<Period> SamePeriodBack() const {
    if (last_own_period_) return YearBack(*last_own_period_);
    Period p;
    const int pub = doc_.published.size() >= 4 ? std::atoi(doc_.published.c_str()) : 0;
    if (pub) p.year = pub - 1;
    else p.relative = "last_year";
    return p;
  }

  bool AboutTrafficking(int32_t s) const {
    return !doc_.InSentence(s, EntryKind::kTopic).empty() ||
           !doc_.InSentence(s, EntryKind::kExploitation).empty();
  }

  // "ст. 308": blocked by the word before it, as the numbers of a list
  // after it are ("и 309"); a year is not ("in 2021 and 79 cases").
  bool BlockedBefore(int i) const {
    const Number& n = doc_.numbers[i];
    const int b = n.begin;
    return Blocks(doc_, doc_.EndingAt(b, EntryKind::kBlockBefore), n) ||
           (b > 0 && doc_.tokens[b - 1].text == "." && Blocks(doc_, doc_.EndingAt(b - 1, EntryKind::kBlockBefore), n));
  }

  // The include phrase stands among the first words of sentence `s`
  // ("Годом ранее этот показатель составлял 97").
  bool OpensSentence(int b, int32_t s) const {
    const int first = static_cast<int>(doc_.SentenceTokens(s).first);
    for (int end = b; end >= b - 1 && end > first; --end) {
      const Match* m = doc_.EndingAt(end, EntryKind::kInclude);
      if (m && m->begin - first <= kOpeningWords) return true;
    }
    return false;
  }

  // "Из них 18": an include of two words or more right before the number,
  // opening the sentence.
  bool OpensWithInclude(int b, int32_t s) const {
    const Match* m = doc_.EndingAt(b, EntryKind::kInclude);
    return m && m->end - m->begin >= 2 && m->begin == static_cast<int>(doc_.SentenceTokens(s).first);
  }

  bool NumberIn(int32_t s) const {
    auto [first, last] = doc_.SentenceTokens(s);
    for (size_t k = first; k < last; ++k) {
      if (doc_.number_at[k] >= 0) return true;
    }
    return false;
  }

  // "Бұл көрсеткіш өткен жылдың осы кезеңінде 49": an include of two words
  // or more opening the sentence or a clause, with no number or counted
  // noun between it and this number.
  bool FarInclude(int b, int32_t s) const {
    const int first = static_cast<int>(doc_.SentenceTokens(s).first);
    for (int end = b - 1; end > first && b - end <= kFarInclude; --end) {
      const Token& t = doc_.tokens[end - 1];
      if (doc_.number_at[end - 1] >= 0 || doc_.At(end - 1, EntryKind::kCountNoun)) return false;
      const Match* m = doc_.EndingAt(end, EntryKind::kInclude);
      if (m && m->end - m->begin >= 2) {
        return m->begin == first || doc_.tokens[m->begin - 1].text == "," || doc_.tokens[m->begin - 1].text == ";";
      }
      if (t.text == "," || t.text == ";") return false;
    }
    return false;
  }

  // "onyñ ışınde kämelettık jasqa tolmağan 33 bala", "в том числе
  // несовершеннолетних 29": who the subset are may stand between the
  // include and the number.
  bool Included(int b) const {
    if (const Match* who = doc_.EndingAt(b, EntryKind::kAgeCategory)) b = who->begin;
    return doc_.EndingAt(b, EntryKind::kInclude) || (b > 0 && doc_.EndingAt(b - 1, EntryKind::kInclude));
  }
  bool Listed(int b) const {
    return b > 0 && IsListMark(doc_.tokens[b - 1]) && b - last_end_ <= kListDistance && last_end_ > 0;
  }

  // A count with no noun of its own takes the last count's: "39 cases,
  // including six involving minors"; "в прошлом году – 152".
  const Fact* Inherited(int i, int32_t s) {
    if (last_count_ == SIZE_MAX) return nullptr;
    const Fact* last = &(*out_)[last_count_];
    const Number& num = doc_.numbers[i];
    const bool same = last_sentence_ == s;
    // "including six", "of the total, 61", "57 of them", "up from 152".
    const bool include = doc_.EndingAt(num.begin, EntryKind::kInclude) ||
                         (num.begin > 0 && doc_.EndingAt(num.begin - 1, EntryKind::kInclude)) ||
                         doc_.At(num.end, EntryKind::kInclude);
    if (include && same) return last;
    // "Из них 5 ...", "This figure was 64 a year earlier": an include that
    // opens the next sentence.
    if (include && last_sentence_ + 1 == s && OpensSentence(num.begin, s)) return last;
    // "Об этом сообщили в МВД. Из них 18 ...": one sentence of comment
    // between the figure and its breakdown.
    if (last_sentence_ + 2 == s && OpensWithInclude(num.begin, s) && !NumberIn(last_sentence_ + 1)) return last;
    // "Бұл көрсеткіш өткен жылдың осы кезеңінде 49 болған": a phrase of two
    // words or more opens the clause, the period stands between.
    if (FarInclude(num.begin, s) && (same || last_sentence_ + 1 == s)) return last;
    // "73 victims of forced labour and 95 of sexual exploitation".
    const bool listed = num.begin > 0 && IsListMark(doc_.tokens[num.begin - 1]) &&
                        num.begin - last_end_ <= kListDistance;
    if (listed && same) return last;
    // "в прошлом году – 152" after a sentence about cases.
    const bool dash = num.begin > 0 && IsDash(doc_.tokens[num.begin - 1]);
    const bool ends_clause = num.end >= static_cast<int>(doc_.tokens.size()) ||
                             doc_.tokens[num.end].sentence != s ||
                             doc_.tokens[num.end].kind == TokenKind::kPunct;
    if (dash && ends_clause && (same || last_sentence_ + 1 == s) &&
        !doc_.InSentence(s, EntryKind::kPeriod).empty()) {
      return last;
    }
    return nullptr;
  }

  const Doc& doc_;
  std::vector<Fact>* out_;
  size_t last_count_ = SIZE_MAX;
  int32_t last_sentence_ = -1;
  int last_end_ = 0;  // token after the last count's phrase
  std::optional<Period> last_own_period_;  // of the last count with a period written for it
};

}  // namespace

int RangeEnd(const Doc& doc, int i) {
  if (i + 1 >= static_cast<int>(doc.numbers.size())) return -1;
  const Number& a = doc.numbers[i];
  const Number& b = doc.numbers[i + 1];
  if (doc.tokens[a.begin].sentence != doc.tokens[b.begin].sentence) return -1;
  if (b.value <= a.value) return -1;
  if (b.begin == a.end) {
    // Kazakh: "10-нан 15-ке дейін" — an ablative ending opens the range.
    static const char* kFrom[] = {"нан", "нен", "дан", "ден", "тан", "тен", "nan", "nen", "dan", "den", "tan", "ten"};
    for (const char* f : kFrom) {
      if (a.ending == f) return i + 1;
    }
    return -1;
  }
  const Match* j = doc.At(a.end, EntryKind::kRangeJoin);
  if (!j || j->end != b.begin || !a.ending.empty()) return -1;
  // "выросло с 3 до 8" is a change, not a range.
  if (a.begin > 0 && doc.tokens[a.begin - 1].text == "с") return -1;
  // "and" joins a range only after "between": "aged 16 and 17" are two ages.
  if (doc.tokens[j->begin].text == "and" &&
      (a.begin == 0 || doc.tokens[a.begin - 1].text != "between")) {
    return -1;
  }
  return i + 1;
}

bool IsBlocked(const Doc& doc, int i) {
  const Number& n = doc.numbers[i];
  if (n.vague) return true;
  const auto& t = doc.tokens;
  // A plain 4-digit number from 1900 to 2100 is a year.
  if (n.plain && t[n.begin].text.size() == 4 && n.value >= 1900 && n.value <= 2100) return true;
  if (Blocks(doc, doc.EndingAt(n.begin, EntryKind::kBlockBefore), n)) return true;
  if (n.begin > 0 && t[n.begin - 1].text == "." && Blocks(doc, doc.EndingAt(n.begin - 1, EntryKind::kBlockBefore), n)) {
    return true;
  }
  if (Blocks(doc, doc.At(n.end, EntryKind::kBlockAfter), n) || doc.IsBlockEnding(n.ending)) return true;
  // Ages and sums are facts of their own (ages.cc, amounts.cc).
  if (doc.IsAgeEnding(n.ending) || doc.At(n.end, EntryKind::kAgeUnit)) return true;
  if (doc.At(n.end, EntryKind::kCurrency) || doc.EndingAt(n.begin, EntryKind::kCurrency)) return true;
  // List numbering and footnotes: "1." or "2)" opening a line, "[3]".
  const bool line_start = n.begin == 0 || t[n.begin].newline_before;
  const bool closer = n.end < static_cast<int>(t.size()) && (t[n.end].text == "." || t[n.end].text == ")");
  if (line_start && closer) return true;
  if (n.begin > 0 && t[n.begin - 1].text == "[" && n.end < static_cast<int>(t.size()) && t[n.end].text == "]") return true;
  return false;
}

bool IsCapitalized(const Doc& doc, size_t k) {
  if (k >= doc.tokens.size() || doc.tokens[k].kind != TokenKind::kWord) return false;
  const char32_t c = doc.text[doc.tokens[k].begin];
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x400 && c <= 0x42F) return true;
  return c >= 0x460 && c <= 0x4FF && c % 2 == 0;  // Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ І
}

bool IsAppositiveAge(const Doc& doc, int i) {
  const Number& n = doc.numbers[i];
  const auto& t = doc.tokens;
  if (!n.plain || !n.ending.empty() || n.value < 1 || n.value > 99 || n.begin < 2) return false;
  if (n.end >= static_cast<int>(t.size()) || t[n.end].text != "," || t[n.begin - 1].text != ",") return false;
  if (!IsCapitalized(doc, n.begin - 2)) return false;
  return !doc.EndingAt(n.begin - 1, EntryKind::kPlace) && !doc.EndingAt(n.begin - 1, EntryKind::kCountry) &&
         !doc.EndingAt(n.begin - 1, EntryKind::kCountNoun);
}

void ExtractCounts(const Doc& doc, std::vector<Fact>* out) {
  if (!doc.on_topic) return;
  Counter(doc, out).Run();
}

}  // namespace newsmine::nlp
