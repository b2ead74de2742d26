// case_count and person_count (records.md "case_count", "person_count").
#include <cmath>

#include "nlp/attributes.h"
#include "nlp/facts.h"

namespace newsmine::nlp {
namespace {

// 4 tokens: "39 new criminal cases", "20 human trafficking cases".
constexpr int kMaxGap = 4;
// A role cue further than this from the count belongs to another clause.
constexpr int kRoleDistance = 12;

bool IsDash(const Token& t) { return t.text == "-" || t.text == ":"; }

struct Head {
  const Match* noun = nullptr;
  std::string group;  // from a gap word: "foreign victims"
  std::string scope;
  int end = 0;  // last token of the phrase, exclusive
};

// "39 criminal cases": the counted noun after the number, over gap words.
bool HeadAfter(const Doc& doc, int k, int32_t sentence, Head* h) {
  if (const Match* q = doc.At(k, EntryKind::kQualifier)) {
    if (doc.entry(*q).attrs.position == "after") k = q->end;
  }
  for (int gap = 0; gap <= kMaxGap && k < static_cast<int>(doc.tokens.size()); ++gap) {
    if (doc.tokens[k].sentence != sentence) return false;
    if (const Match* m = doc.At(k, EntryKind::kCountNoun)) {
      h->noun = m;
      h->end = m->end;
      if (const Match* q = doc.At(m->end, EntryKind::kQualifier)) {
        if (doc.entry(*q).attrs.position == "after") h->end = q->end;  // "15 адамға жуық"
      }
      return true;
    }
    const Match* g = doc.At(k, EntryKind::kCountGap);
    if (!g) return false;
    const Attrs& a = doc.entry(*g).attrs;
    if (!a.group.empty()) h->group = a.group;
    if (!a.scope.empty()) h->scope = a.scope;
    k = g->end;
  }
  return false;
}

// "число пострадавших составило 25", "victims: 25".
bool HeadBefore(const Doc& doc, int b, Head* h) {
  int k = b;
  for (int link = 0; link <= 3; ++link) {
    if (const Match* m = doc.EndingAt(k, EntryKind::kCountNoun)) {
      if (link == 0) return false;  // "cases 25" without a link is no count
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

class Counter {
 public:
  Counter(const Doc& doc, std::vector<Fact>* out) : doc_(doc), out_(out) {}

  void Run() {
    const int n = static_cast<int>(doc_.numbers.size());
    std::vector<bool> used(n, false);
    for (int i = 0; i < n; ++i) {
      if (used[i] || IsBlocked(doc_, i)) continue;
      const int r = RangeEnd(doc_, i);
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
    if (!HeadAfter(doc_, last, s, &h) && !HeadBefore(doc_, num.begin, &h)) {
      inherit = Inherited(i, s);
      if (!inherit) return;
      h.end = last;
    }
    if (num.value != std::floor(num.value) || num.value <= 0) return;
    Fact f = Build(i, range_end, s, h, inherit);
    if (f.type == FactType::kPersonCount && f.role.empty()) return;
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
    } else {
      const Entry& noun = doc_.entry(*h.noun);
      const FactType type = noun.attrs.type == "case_count" ? FactType::kCaseCount : FactType::kPersonCount;
      f = doc_.MakeFact(type, std::min(qb, h.noun->begin), std::max(span_end, h.noun->end), noun.id);
      f.unit = noun.attrs.unit;
      f.role = noun.attrs.role;
      f.group = noun.attrs.group.empty() ? h.group : noun.attrs.group;
      f.scope = noun.attrs.scope.empty() ? h.scope : noun.attrs.scope;
    }
    f.value = static_cast<int64_t>(num.value);
    f.qualifier = qualifier;
    if (range_end >= 0) {
      f.qualifier = "range";
      f.max = static_cast<int64_t>(doc_.numbers[range_end].value);
    }
    Attach(&f, s, b, span_end);
    return f;
  }

  void Attach(Fact* f, int32_t s, int b, int e) {
    if (f->type == FactType::kCaseCount) {
      if (f->scope.empty()) f->scope = ScopeNear(doc_, s, b, e);
    } else if (f->role.empty()) {
      f->role = RoleNear(doc_, s, b, e, kRoleDistance);
      // "58 women" in a sentence about exploitation are its victims;
      // "six children in our family" are not.
      if (f->role.empty() && !f->group.empty() && AboutTrafficking(s)) f->role = "victim";
    }
    f->period = PeriodNear(doc_, s, b, e);
    f->region = RegionNear(doc_, s, b, e);
  }

  bool AboutTrafficking(int32_t s) const {
    return !doc_.InSentence(s, EntryKind::kTopic).empty() ||
           !doc_.InSentence(s, EntryKind::kExploitation).empty() ||
           !doc_.InSentence(s, EntryKind::kMove).empty();
  }

  // A count with no noun of its own takes the last count's: "39 cases,
  // including six involving minors"; "в прошлом году – 152".
  const Fact* Inherited(int i, int32_t s) {
    if (last_count_ == SIZE_MAX) return nullptr;
    const Number& num = doc_.numbers[i];
    const bool include = doc_.EndingAt(num.begin, EntryKind::kInclude) ||
                         (num.begin > 0 && doc_.EndingAt(num.begin - 1, EntryKind::kInclude));
    const bool same = last_sentence_ == s;
    if (include && same) return &(*out_)[last_count_];
    const bool dash = num.begin > 0 && IsDash(doc_.tokens[num.begin - 1]);
    const bool ends_clause = num.end >= static_cast<int>(doc_.tokens.size()) ||
                             doc_.tokens[num.end].sentence != s ||
                             doc_.tokens[num.end].kind == TokenKind::kPunct;
    if (dash && ends_clause && (same || last_sentence_ + 1 == s) &&
        !doc_.InSentence(s, EntryKind::kPeriod).empty()) {
      return &(*out_)[last_count_];
    }
    return nullptr;
  }

  const Doc& doc_;
  std::vector<Fact>* out_;
  size_t last_count_ = SIZE_MAX;
  int32_t last_sentence_ = -1;
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
  return i + 1;
}

bool IsBlocked(const Doc& doc, int i) {
  const Number& n = doc.numbers[i];
  if (n.vague) return true;
  const auto& t = doc.tokens;
  // A plain 4-digit number from 1900 to 2100 is a year.
  if (n.plain && t[n.begin].text.size() == 4 && n.value >= 1900 && n.value <= 2100) return true;
  if (doc.EndingAt(n.begin, EntryKind::kBlockBefore)) return true;
  if (n.begin > 0 && t[n.begin - 1].text == "." && doc.EndingAt(n.begin - 1, EntryKind::kBlockBefore)) return true;
  if (doc.At(n.end, EntryKind::kBlockAfter)) return true;
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

void ExtractCounts(const Doc& doc, std::vector<Fact>* out) {
  if (!doc.on_topic) return;
  Counter(doc, out).Run();
}

}  // namespace newsmine::nlp
