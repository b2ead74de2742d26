// penalty and money (records.md "penalty and money", extra types).
#include "nlp/facts.h"

namespace newsmine::nlp {
namespace {

double ValueAt(const Doc& doc, int32_t token) {
  const int32_t n = doc.number_at[token];
  return n >= 0 ? doc.numbers[n].value : -1;
}

// "up to 18 years in prison", "от 7 до 10 лет лишения свободы".
void Penalties(const Doc& doc, std::vector<Fact>* out) {
  int next = 0;
  for (const Match* m : doc.ByKind(EntryKind::kPenalty)) {
    if (m->begin < next || m->numbers.empty()) continue;
    const Entry& e = doc.entry(*m);
    Fact f = doc.MakeFact(FactType::kPenalty, m->begin, m->end, e.id);
    const double hi = ValueAt(doc, m->numbers.back());
    if (hi <= 0 || hi > 100) continue;
    f.max_years = static_cast<int>(hi);
    if (e.attrs.penalty == "range" && m->numbers.size() >= 2) {
      const double lo = ValueAt(doc, m->numbers.front());
      if (lo > 0 && lo < hi) f.min_years = static_cast<int>(lo);
    }
    out->push_back(std::move(f));
    next = m->end;
  }
}

// A currency next to a number: "500,000 tenge", "$2,000–3,000", "5 млн теңге".
const Match* CurrencyOf(const Doc& doc, int b, int e) {
  if (const Match* m = doc.At(e, EntryKind::kCurrency)) {
    if (doc.entry(*m).attrs.position == "after") return m;
  }
  if (const Match* m = doc.EndingAt(b, EntryKind::kCurrency)) {
    if (doc.entry(*m).attrs.position == "before") return m;
  }
  return nullptr;
}

void Money(const Doc& doc, std::vector<Fact>* out) {
  for (int i = 0; i < static_cast<int>(doc.numbers.size()); ++i) {
    const Number& n = doc.numbers[i];
    int r = RangeEnd(doc, i);
    const Number& last = r >= 0 ? doc.numbers[r] : n;
    const Match* c = CurrencyOf(doc, n.begin, last.end);
    if (!c && r >= 0) {
      // "$2,000–3,000": the currency stands before the first number only.
      c = CurrencyOf(doc, n.begin, n.end);
    }
    if (!c) continue;
    const int32_t s = doc.tokens[n.begin].sentence;
    // Only sums tied to the exploitation: prices, debts, proceeds, fines.
    if (doc.InSentence(s, EntryKind::kMoneyCue).empty()) continue;
    const int b = std::min<int>(n.begin, c->begin), e = std::max<int>(last.end, c->end);
    Fact f = doc.MakeFact(FactType::kMoney, b, e, doc.entry(*c).id);
    f.amount = static_cast<int64_t>(n.value);
    if (r >= 0) f.amount_max = static_cast<int64_t>(last.value);
    f.currency = doc.entry(*c).attrs.currency;
    out->push_back(std::move(f));
    if (r >= 0) i = r;
  }
}

}  // namespace

void ExtractAmounts(const Doc& doc, std::vector<Fact>* out) {
  if (!doc.on_topic) return;
  Penalties(doc, out);
  Money(doc, out);
}

}  // namespace newsmine::nlp
