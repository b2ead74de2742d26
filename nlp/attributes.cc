#include "nlp/attributes.h"

#include <climits>
#include <cstdio>
#include <cstdlib>

namespace newsmine::nlp {
namespace {

// Tokens within which a cue after a count outranks a nearer one before it.
constexpr int kAfterPreference = 8;
// "Eleven women, the youngest 17, were freed": the longest aside between commas.
constexpr int kAsideWords = 4;

// The comma at `k` opens an aside of at most kAsideWords words that a
// second comma closes before `to`.
bool ShortAside(const Doc& doc, int k, int to) {
  for (int j = k + 1; j < to && j <= k + kAsideWords + 1; ++j) {
    const std::string_view t = doc.tokens[j].text;
    if (t == ",") return j - k > 1;
    if (doc.tokens[j].kind == TokenKind::kPunct) return false;
  }
  return false;
}

int PublishedYear(const Doc& doc) {
  return doc.published.size() >= 4 ? std::atoi(doc.published.substr(0, 4).c_str()) : 0;
}

std::string Date(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int LastDay(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

Period Range(int y, int m1, int m2) {
  Period p;
  p.from = Date(y, m1, 1);
  p.to = Date(y, m2, LastDay(y, m2));
  return p;
}

bool IsYear(double v) { return v >= 1900 && v <= 2100 && v == static_cast<int>(v); }

double NumberValue(const Doc& doc, int32_t token) {
  const int32_t n = doc.number_at[token];
  return n >= 0 ? doc.numbers[n].value : -1;
}

// A year written in sentence `s` by a "year" period phrase, or 0.
int YearInSentence(const Doc& doc, int32_t s) {
  for (const Match* m : doc.InSentence(s, EntryKind::kPeriod)) {
    if (doc.entry(*m).attrs.period != "year" || m->numbers.empty()) continue;
    const double v = NumberValue(doc, m->numbers.front());
    if (IsYear(v)) return static_cast<int>(v);
  }
  return 0;
}

template <typename Pick>
const Match* Nearest(const Doc& doc, int32_t s, EntryKind kind, int b, int e,
                     Pick pick) {
  const Match* best = nullptr;
  int best_d = INT_MAX;
  for (const Match* m : doc.InSentence(s, kind)) {
    if (!pick(*m)) continue;
    const int d = ClauseDistance(doc, b, e, m->begin, m->end);
    if (d < best_d) {
      best = m;
      best_d = d;
    }
  }
  return best;
}

bool IsDashToken(const Token& t) { return t.text == "-"; }

int MonthOf(const Doc& doc, const Match* m) {
  if (!m) return 0;
  const Attrs& a = doc.entry(*m).attrs;
  return a.period == "month" ? a.month : 0;
}

// "қаңтар-қыркүйек", "январь–сентябрь", "January-September": two months
// joined by a dash are one span, whichever of them is nearest the fact.
std::pair<int, int> MonthSpan(const Doc& doc, const Match& m) {
  const int month = MonthOf(doc, &m);
  const size_t n = doc.tokens.size();
  if (static_cast<size_t>(m.end) + 1 < n && IsDashToken(doc.tokens[m.end])) {
    const int to = MonthOf(doc, doc.At(m.end + 1, EntryKind::kPeriod));
    if (to > month) return {month, to};
  }
  if (m.begin >= 2 && IsDashToken(doc.tokens[m.begin - 1])) {
    const int from = MonthOf(doc, doc.EndingAt(m.begin - 1, EntryKind::kPeriod));
    if (from && from < month) return {from, month};
  }
  return {month, month};
}

// "74 таких преступления, в 2022 году – 81", "five cases, compared with
// two a year earlier": a period after the fact next to a number of its own
// is that number's.
bool HeadsLaterCount(const Doc& doc, const Match& m, int e) {
  if (m.begin < e) return false;
  if (m.begin > e && doc.number_at[m.begin - 1] >= 0) return true;
  size_t k = m.end;
  if (k < doc.tokens.size() && (IsDashToken(doc.tokens[k]) || doc.tokens[k].text == ":")) ++k;
  return k < doc.tokens.size() && doc.number_at[k] >= 0;
}

}  // namespace

// Token distance, plus a toll for each clause mark crossed: in "in the
// first quarter of 2004, only eight cases were opened in all of 2003" the
// 2003 belongs to the eight cases.
int ClauseDistance(const Doc& doc, int b, int e, int mb, int me) {
  int d = Distance(b, e, mb, me);
  const int from = me <= b ? me : e, to = me <= b ? b : mb;
  for (int k = from; k < to; ++k) {
    const std::string_view t = doc.tokens[k].text;
    if (t == "," || t == ";" || t == "(" || t == ")") d += 4;
    // "Eleven women, the youngest 17, were freed": an aside of a few words
    // set off by two commas is one mark, not a clause of its own.
    if (t == "," && ShortAside(doc, k, to)) d -= 4;
  }
  return d;
}

std::optional<Period> ResolvePeriod(const Doc& doc, const Match& m, int32_t s) {
  const Attrs& a = doc.entry(m).attrs;
  const int pub = PublishedYear(doc);
  std::vector<double> nums;
  for (int32_t t : m.numbers) nums.push_back(NumberValue(doc, t));
  Period p;
  if (a.period == "year") {
    if (nums.empty() || !IsYear(nums[0])) return std::nullopt;
    p.year = static_cast<int>(nums[0]);
    return p;
  }
  if (a.period == "same_last_year") {
    p.relative = kSameLastYear;
    return p;
  }
  // "a year earlier", "годом ранее": the year before the one the sentence
  // names (corpora/articles/README.md), else last year.
  if (a.period == "year_before") {
    if (const int y = YearInSentence(doc, s)) {
      p.year = y - 1;
      return p;
    }
    if (pub) p.year = pub - 1;
    else p.relative = "last_year";
    return p;
  }
  // "С 2019 по 2023 год", "from 2019 to 2023": whole years.
  if (a.period == "years") {
    if (nums.size() < 2 || !IsYear(nums[0]) || !IsYear(nums[1]) || nums[1] <= nums[0]) return std::nullopt;
    p.from = Date(static_cast<int>(nums[0]), 1, 1);
    p.to = Date(static_cast<int>(nums[1]), 12, 31);
    return p;
  }
  if (a.period == "last_year") {
    if (pub) p.year = pub - 1;
    else p.relative = "last_year";
    return p;
  }
  if (a.period == "this_year") {
    if (!pub) {
      p.relative = "this_year";
      return p;
    }
    p.from = Date(pub, 1, 1);
    p.to = doc.published.substr(0, 10);
    return p;
  }
  // Periods within a year: the year is written in the phrase ("first
  // quarter of 2004"), elsewhere in the sentence, or the publication year.
  int year = 0;
  if (!nums.empty() && IsYear(nums.back())) year = static_cast<int>(nums.back());
  if (!year) year = YearInSentence(doc, s);
  if (!year) year = pub;
  if (!year) return std::nullopt;
  if (a.period == "months") {
    if (nums.empty() || nums[0] < 1 || nums[0] > 12) return std::nullopt;
    return Range(year, 1, static_cast<int>(nums[0]));
  }
  if (a.month < 1 || a.month > 12) return std::nullopt;
  if (a.period == "half") return Range(year, a.month == 6 ? 1 : 7, a.month);
  if (a.period == "quarter") return Range(year, a.month - 2, a.month);
  if (a.period == "month") {
    const auto [from, to] = MonthSpan(doc, m);
    return Range(year, from, to);
  }
  return std::nullopt;
}

// A period that heads a later count is the fact's only when the sentence
// has no other ("Courts convicted 39, up from 31 the previous year").
std::optional<Period> PeriodNear(const Doc& doc, int32_t s, int b, int e) {
  std::optional<Period> best, fallback;
  int best_d = INT_MAX, fallback_d = INT_MAX;
  for (const Match* m : doc.InSentence(s, EntryKind::kPeriod)) {
    const int d = ClauseDistance(doc, b, e, m->begin, m->end);
    const bool later = HeadsLaterCount(doc, *m, e);
    if (d >= (later ? fallback_d : best_d)) continue;
    if (auto p = ResolvePeriod(doc, *m, s)) {
      (later ? fallback : best) = p;
      (later ? fallback_d : best_d) = d;
    }
  }
  return best ? best : fallback;
}

std::string RegionNear(const Doc& doc, int32_t s, int b, int e) {
  // A list-only form ("Abai" of "the Abai and Jetisu regions") stands in a
  // list of several units: no one region for the fact.
  const Match* m = Nearest(doc, s, EntryKind::kPlace, b, e,
                           [&](const Match& p) { return doc.entry(p).attrs.place_kind != "list"; });
  return m ? doc.entry(*m).attrs.code : "";
}

std::string ScopeNear(const Doc& doc, int32_t s, int b, int e) {
  const Match* m = Nearest(doc, s, EntryKind::kScopeCue, b, e, [](const Match&) { return true; });
  return m ? doc.entry(*m).attrs.scope : "";
}

// Who the counted people are: the nearest role cue, or counted noun with a
// role, after the count ("18 individuals ... were recognised as victims",
// Kazakh's verb-final "15 адам ұсталды"); failing that the nearest before
// ("detained eight people").
std::string RoleNear(const Doc& doc, int32_t s, int b, int e, int max_distance, bool after_only) {
  const Match* best_after = nullptr;
  const Match* best_before = nullptr;
  auto consider = [&](const Match* m) {
    if (m->begin < e && m->end > b) return;  // the counted phrase itself
    // "holding three men" is their role; "arrested two men for holding"
    // is not: an object's verb stands before it.
    if (m->begin >= e && doc.entry(*m).attrs.position == "before") return;
    if (after_only && m->begin < e) return;
    const Match*& best = m->begin >= e ? best_after : best_before;
    const int d = ClauseDistance(doc, b, e, m->begin, m->end);
    if (d > max_distance) return;
    if (!best || d < ClauseDistance(doc, b, e, best->begin, best->end)) best = m;
  };
  for (const Match* m : doc.InSentence(s, EntryKind::kRoleCue)) consider(m);
  for (const Match* m : doc.InSentence(s, EntryKind::kCountNoun)) {
    if (!doc.entry(*m).attrs.role.empty()) consider(m);
  }
  // A cue after the count wins when close; a far one loses to a nearer
  // cue before ("вынес приговор трём жителям ..., которые отправляли").
  const Match* m = best_after;
  if (!m || (best_before && ClauseDistance(doc, b, e, m->begin, m->end) > kAfterPreference &&
             ClauseDistance(doc, b, e, best_before->begin, best_before->end) <
                 ClauseDistance(doc, b, e, m->begin, m->end))) {
    m = best_before ? best_before : m;
  }
  return m ? doc.entry(*m).attrs.role : "";
}

std::string QualifierOf(const Doc& doc, int b, int e, int* new_begin, int* new_end) {
  *new_begin = b;
  *new_end = e;
  if (const Match* m = doc.EndingAt(b, EntryKind::kQualifier)) {
    if (doc.entry(*m).attrs.position == "before") {
      *new_begin = m->begin;
      return doc.entry(*m).attrs.qualifier;
    }
  }
  if (const Match* m = doc.At(e, EntryKind::kQualifier)) {
    if (doc.entry(*m).attrs.position == "after") {
      *new_end = m->end;
      return doc.entry(*m).attrs.qualifier;
    }
  }
  return "exact";
}

}  // namespace newsmine::nlp
