// victim_age (records.md "victim_age"): explicit ages ("17-year-old",
// "aged 14 to 17", "в возрасте 16 лет", "16 жастағы") and category words
// ("minors", "новорождённых", "кәмелетке толмаған").
#include "nlp/attributes.h"
#include "nlp/facts.h"

namespace newsmine::nlp {
namespace {

// Role cues further than this are about someone else.
constexpr int kRoleDistance = 8;
constexpr int kOldest = 100;
constexpr int kNearCue = 4;
// "17 мен 22 жас аралығындағы 9 қызды": the age word between age and count.
constexpr int kCountAfter = 4;
// "двое её сыновей 24 и 26 лет": words between a count and its ages.
constexpr int kWordsAfterCount = 3;

// A counted noun right by the age says whose age it is: "children aged 6
// to 13", "a 17-year-old girl", "women over 40".
const Match* NounBy(const Doc& doc, int b, int e) {
  if (const Match* before = doc.EndingAt(b, EntryKind::kAgeBefore)) b = before->begin;  // "children aged"
  if (const Match* m = doc.EndingAt(b, EntryKind::kCountNoun)) return m;
  if (b > 0 && doc.tokens[b - 1].text == ",") {
    if (const Match* m = doc.EndingAt(b - 1, EntryKind::kCountNoun)) return m;
  }
  return doc.At(e, EntryKind::kCountNoun);
}

// "10 жастан 14 жасқа дейін", "10 jastan 14 jasqa deiın": Kazakh puts the
// ablative on the age word, not the number, to open a range.
bool AgeWordOpensRange(const Doc& doc, const Number& a, const Number& b) {
  const Match* unit = doc.At(a.end, EntryKind::kAgeUnit);
  if (doc.lang != Lang::kKk || !unit || unit->end != b.begin || b.value <= a.value) return false;
  const std::string_view w = doc.tokens[unit->end - 1].text;
  return HasEnding(w, {"тан", "тен", "нан", "нен", "tan", "ten", "nan", "nen"}, 1);
}

int AgeRangeEnd(const Doc& doc, int i) {
  const int r = RangeEnd(doc, i);
  if (r >= 0 || i + 1 >= static_cast<int>(doc.numbers.size())) return r;
  return AgeWordOpensRange(doc, doc.numbers[i], doc.numbers[i + 1]) ? i + 1 : -1;
}

class Ages {
 public:
  Ages(const Doc& doc, std::vector<Fact>* out) : doc_(doc), out_(out) {}

  void Run() {
    for (int i = 0; i < static_cast<int>(doc_.numbers.size()); ++i) {
      const int r = AgeRangeEnd(doc_, i);
      if (Explicit(i, r) && r >= 0) i = r;
    }
  }

 private:
  // "aged 16 and 17": a number listed right after an age is one too.
  bool Listed(const Number& n) const {
    return n.begin >= 2 && n.begin - 1 == last_end_ &&
           (doc_.tokens[n.begin - 1].text == "and" || doc_.tokens[n.begin - 1].text == "," ||
            doc_.tokens[n.begin - 1].text == "и" || doc_.tokens[n.begin - 1].text == "және");
  }

  // "26 және 30 жастағы", "24 и 26 лет": only the last of two listed ages
  // carries the word for years.
  bool ListedBeforeAge(int i) const {
    if (i + 1 >= static_cast<int>(doc_.numbers.size())) return false;
    const Number& n = doc_.numbers[i];
    const Number& next = doc_.numbers[i + 1];
    if (next.begin != n.end + 1 || !IsListWord(doc_.tokens[n.end].text) || doc_.tokens[n.end].text == ",") return false;
    return doc_.IsAgeEnding(next.ending) || doc_.At(next.end, EntryKind::kAgeUnit);
  }

  // The word for years, which after a bare number is mostly a term ("5
  // лет"), but after a range of people an age ("женщины 18–35 лет").
  bool YearsWord(int k) const {
    if (k >= static_cast<int>(doc_.tokens.size())) return false;
    const std::string_view w = doc_.tokens[k].text;
    return w == "лет" || w == "years" || w == "года";
  }

  // "женщины от 20 до 35 лет", "women between 18 and 25": the word that
  // opens a range stands between the people and their ages.
  int RangeOpened(const Number& first, int qb) const {
    if (qb != first.begin || qb == 0 || !IsRangeOpener(doc_.tokens[qb - 1].text)) return qb;
    return qb - 1;
  }
  static bool IsRangeOpener(std::string_view w) { return w == "от" || w == "from" || w == "between"; }

  bool IsAge(const Number& first, const Number& last, int qb, bool qualified) const {
    if (doc_.IsAgeEnding(last.ending) || doc_.At(last.end, EntryKind::kAgeUnit)) return true;
    if (doc_.EndingAt(qb, EntryKind::kAgeBefore) || Listed(first)) return true;
    if (&first == &last && ListedBeforeAge(static_cast<int>(&first - doc_.numbers.data()))) return true;
    if (&first == &last && IsAppositiveAge(doc_, static_cast<int>(&first - doc_.numbers.data()))) return true;
    // "women over 40", "girls under 18" — but not "over 40 percent"; a
    // range right after people is their ages: "женщины 18–35 лет".
    const Match* noun = doc_.EndingAt(RangeOpened(first, qb), EntryKind::kCountNoun);
    if (!noun || doc_.entry(*noun).attrs.type != "person_count" || doc_.IsBlockEnding(last.ending)) return false;
    if (&first != &last && YearsWord(last.end)) return true;
    return (qualified || &first != &last) && !doc_.At(last.end, EntryKind::kBlockAfter);
  }

  // "двое её сыновей 24 и 26 лет": only the last number carries the word
  // for years, but whose ages they are shows before the first.
  int ListStart(int i, int qb) const {
    int j = i;
    while (j > 0 && doc_.numbers[j - 1].end + 1 == doc_.numbers[j].begin &&
           IsListWord(doc_.tokens[doc_.numbers[j].begin - 1].text)) {
      --j;
    }
    return j == i ? qb : doc_.numbers[j].begin;
  }
  static bool IsListWord(std::string_view w) { return w == "и" || w == "and" || w == "," || w == "және" || w == "мен" ||
                                                      w == "jäne" || w == "jáne"; }

  // "said Sultan Ismailov, 52,": officials and experts are named in full;
  // a story's victims by first name only ("Yerlan, 37,", "Aigerim, 29,").
  bool OfFullName(int i, int r) const {
    if (r >= 0 || !IsAppositiveAge(doc_, i)) return false;
    const int b = doc_.numbers[i].begin;
    return b >= 3 && doc_.tokens[b - 3].sentence == doc_.tokens[b].sentence && IsCapitalized(doc_, b - 3);
  }

  // "Олардың екеуі 19 жаста": the age of people just counted as suspects.
  // "двое её сыновей 24 и 26 лет": a few words of the same clause may
  // stand between the count and the age.
  bool OfCountedSuspects(int qb) const {
    const int32_t at = doc_.tokens[qb].begin;
    int k = qb;
    for (int w = 0; w < kWordsAfterCount && k > 0 && doc_.tokens[k - 1].kind != TokenKind::kPunct; ++w) --k;
    const int32_t clause = doc_.tokens[k].begin;
    for (size_t j = doc_.first_fact; j < out_->size(); ++j) {
      const Fact& f = (*out_)[j];
      if (f.type != FactType::kPersonCount || f.span.end > at || (at - f.span.end > 2 && f.span.end < clause)) continue;
      if (f.role == "suspect" || f.role == "convicted") return true;
    }
    return false;
  }

  // "10 жастан 14 жасқа дейінгі 8 бала", "girls aged 16 to 17": the people
  // counted right after the age are whose it is; 0 when none.
  int RoleOfCountAfter(int qe) const {
    const int n = static_cast<int>(doc_.tokens.size());
    for (int k = qe; k < n && k < qe + kCountAfter; ++k) {
      for (size_t j = doc_.first_fact; j < out_->size(); ++j) {
        const Fact& f = (*out_)[j];
        if (f.type == FactType::kPersonCount && f.span.begin == doc_.tokens[k].begin) return f.role == "victim" ? 1 : -1;
      }
    }
    return 0;
  }

  // "Their leader, a 45-year-old woman", "Организатор – 45-летняя женщина":
  // an age in apposition to a perpetrator is the perpetrator's.
  bool OfPerpetratorInApposition(int qb) const {
    int k = qb;
    while (k > 0 && IsArticle(doc_.tokens[k - 1].text)) --k;
    if (k == 0 || !IsAppositionMark(doc_.tokens[k - 1].text)) return false;
    const Match* cue = doc_.EndingAt(k - 1, EntryKind::kRoleCue);
    if (!cue) cue = doc_.EndingAt(k - 1, EntryKind::kCountNoun);
    if (!cue) return false;
    const std::string& role = doc_.entry(*cue).attrs.role;
    return role == "suspect" || role == "convicted";
  }
  static bool IsArticle(std::string_view w) { return w == "a" || w == "an" || w == "the"; }
  static bool IsAppositionMark(std::string_view w) { return w == "," || w == "-" || w == ":"; }

  bool VictimSide(int32_t s, int qb, int qe) const {
    if (OfCountedSuspects(qb) || OfPerpetratorInApposition(qb)) return false;
    if (const int role = RoleOfCountAfter(qe)) return role > 0;
    const std::string role = RoleNear(doc_, s, qb, qe, kRoleDistance);
    if (const Match* noun = NounBy(doc_, qb, qe)) {
      const Attrs& a = doc_.entry(*noun).attrs;
      if (a.role == "suspect" || a.role == "convicted") return false;
      if (a.role == "victim") return true;
      // "a 17-year-old girl" is a victim unless a perpetrator's cue stands
      // right by her: "29-летний гражданин Узбекистана задержан".
      if (a.type == "person_count" && !a.group.empty()) {
        return RoleNear(doc_, s, qb, qe, kNearCue) != "suspect" && RoleNear(doc_, s, qb, qe, kNearCue) != "convicted";
      }
    }
    return role != "suspect" && role != "convicted";  // ages of perpetrators
  }

  // "получил 7 лет.", "received five years": a prison term, whatever
  // word for years follows.
  bool InPenalty(const Number& n) const {
    for (const Match* m : doc_.ByKind(EntryKind::kPenalty)) {
      if (m->begin <= n.begin && n.end <= m->end) return true;
      if (m->begin > n.begin) break;
    }
    return false;
  }

  bool Explicit(int i, int r) {
    const Number& n = doc_.numbers[i];
    const Number& last = r >= 0 ? doc_.numbers[r] : n;
    if (n.vague || n.value < 0 || last.value > kOldest || InPenalty(n)) return false;
    int qb, qe;
    std::string q = QualifierOf(doc_, n.begin, last.end, &qb, &qe);
    if (r >= 0) q = "exact";  // "18-ден 35-ке дейін": the range says it all
    // "about" is no age bound: "жәбірленушілердің шамамен 70 пайызы".
    if (!IsAge(n, last, qb, q != "exact" && q != "about")) return false;
    const bool listed = Listed(n);
    last_end_ = last.end;
    const int32_t s = doc_.tokens[n.begin].sentence;
    // "his two sons, aged 22 and 25": a listed age is whose the first was.
    last_victim_ = listed ? last_victim_ : VictimSide(s, ListStart(i, qb), qe) && !OfFullName(i, r);
    if (!last_victim_) return true;
    Fact f = doc_.MakeFact(FactType::kVictimAge, qb, last.end, std::string(LangCode(doc_.lang)) + ".victim_age.explicit");
    const int v = static_cast<int>(n.value);
    f.min_age = v;
    f.max_age = r >= 0 ? static_cast<int>(last.value) : v;
    if (q == "more_than") f.min_age = v + 1;
    if (q == "less_than") f.max_age = v - 1;
    if (q == "more_than" || q == "at_least") f.max_age.reset();
    if (q == "less_than" || q == "up_to") f.min_age.reset();
    out_->push_back(std::move(f));
    return true;
  }

  const Doc& doc_;
  std::vector<Fact>* out_;
  int last_end_ = -1;
  bool last_victim_ = false;
};

void Categories(const Doc& doc, std::vector<Fact>* out) {
  int next = 0;
  for (const Match* m : doc.ByKind(EntryKind::kAgeCategory)) {
    if (m->begin < next) continue;
    const Entry& e = doc.entry(*m);
    Fact f = doc.MakeFact(FactType::kVictimAge, m->begin, m->end, e.id);
    if (e.attrs.min >= 0) f.min_age = e.attrs.min;
    if (e.attrs.max >= 0) f.max_age = e.attrs.max;
    f.category = e.attrs.category;
    out->push_back(std::move(f));
    next = m->end;
  }
}

}  // namespace

void ExtractAges(const Doc& doc, std::vector<Fact>* out) {
  if (!doc.on_topic) return;
  Ages(doc, out).Run();
  Categories(doc, out);
}

}  // namespace newsmine::nlp
