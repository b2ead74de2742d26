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

bool IsAge(const Doc& doc, const Number& first, const Number& last) {
  if (doc.IsAgeEnding(last.ending) || doc.At(last.end, EntryKind::kAgeUnit)) return true;
  int b = first.begin;
  if (const Match* q = doc.EndingAt(b, EntryKind::kQualifier)) b = q->begin;  // "aged over 30"
  return doc.EndingAt(b, EntryKind::kAgeBefore) != nullptr;
}

void Explicit(const Doc& doc, int i, std::vector<Fact>* out) {
  const Number& n = doc.numbers[i];
  const int r = RangeEnd(doc, i);
  const Number& last = r >= 0 ? doc.numbers[r] : n;
  if (n.vague || !IsAge(doc, n, last)) return;
  if (n.value < 0 || last.value > kOldest) return;
  const int32_t s = doc.tokens[n.begin].sentence;
  int qb, qe;
  const std::string q = QualifierOf(doc, n.begin, last.end, &qb, &qe);
  const std::string role = RoleNear(doc, s, qb, qe, kRoleDistance);
  if (role == "suspect" || role == "convicted") return;  // ages of perpetrators
  Fact f = doc.MakeFact(FactType::kVictimAge, qb, last.end, std::string(LangCode(doc.lang)) + ".victim_age.explicit");
  const int v = static_cast<int>(n.value);
  f.min_age = v;
  f.max_age = r >= 0 ? static_cast<int>(last.value) : v;
  if (q == "more_than") f.min_age = v + 1, f.max_age.reset();
  if (q == "at_least") f.max_age.reset();
  if (q == "less_than") f.min_age.reset(), f.max_age = v - 1;
  if (q == "up_to") f.min_age.reset();
  out->push_back(std::move(f));
}

void Categories(const Doc& doc, std::vector<Fact>* out) {
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Match* m = doc.At(i, EntryKind::kAgeCategory);
    if (!m) continue;
    const Entry& e = doc.entry(*m);
    Fact f = doc.MakeFact(FactType::kVictimAge, m->begin, m->end, e.id);
    if (e.attrs.min >= 0) f.min_age = e.attrs.min;
    if (e.attrs.max >= 0) f.max_age = e.attrs.max;
    f.category = e.attrs.category;
    out->push_back(std::move(f));
    i = m->end - 1;
  }
}

}  // namespace

void ExtractAges(const Doc& doc, std::vector<Fact>* out) {
  if (!doc.on_topic) return;
  for (size_t i = 0; i < doc.numbers.size(); ++i) Explicit(doc, static_cast<int>(i), out);
  Categories(doc, out);
}

}  // namespace newsmine::nlp
