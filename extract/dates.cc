#include "extract/dates.h"

#include <cstdio>
#include <vector>

#include "extract/text_util.h"

namespace newsmine::extract {
namespace {

struct Month { std::string_view name; int month; bool prefix; };
// prefix: the name may carry an ending (Kazakh cases: "шілдеде", "қаңтардағы").
constexpr Month kMonths[] = {
    {"january", 1, false}, {"february", 2, false}, {"march", 3, false}, {"april", 4, false},
    {"may", 5, false}, {"june", 6, false}, {"july", 7, false}, {"august", 8, false},
    {"september", 9, false}, {"october", 10, false}, {"november", 11, false}, {"december", 12, false},
    {"jan", 1, false}, {"feb", 2, false}, {"mar", 3, false}, {"apr", 4, false}, {"jun", 6, false},
    {"jul", 7, false}, {"aug", 8, false}, {"sep", 9, false}, {"sept", 9, false}, {"oct", 10, false},
    {"nov", 11, false}, {"dec", 12, false},
    {"января", 1, false}, {"февраля", 2, false}, {"марта", 3, false}, {"апреля", 4, false},
    {"мая", 5, false}, {"июня", 6, false}, {"июля", 7, false}, {"августа", 8, false},
    {"сентября", 9, false}, {"октября", 10, false}, {"ноября", 11, false}, {"декабря", 12, false},
    {"январь", 1, false}, {"февраль", 2, false}, {"март", 3, false}, {"апрель", 4, false},
    {"май", 5, false}, {"июнь", 6, false}, {"июль", 7, false}, {"август", 8, false},
    {"сентябрь", 9, false}, {"октябрь", 10, false}, {"ноябрь", 11, false}, {"декабрь", 12, false},
    {"янв", 1, false}, {"фев", 2, false}, {"мар", 3, false}, {"апр", 4, false}, {"июн", 6, false},
    {"июл", 7, false}, {"авг", 8, false}, {"сен", 9, false}, {"сент", 9, false}, {"окт", 10, false},
    {"ноя", 11, false}, {"нояб", 11, false}, {"дек", 12, false},
    {"қаңтар", 1, true}, {"ақпан", 2, true}, {"наурыз", 3, true}, {"сәуір", 4, true},
    {"мамыр", 5, true}, {"маусым", 6, true}, {"шілде", 7, true}, {"тамыз", 8, true},
    {"қыркүйек", 9, true}, {"қазан", 10, true}, {"қараша", 11, true}, {"желтоқсан", 12, true}};

int MonthOf(std::string_view word) {
  for (const Month& m : kMonths)
    if (word == m.name || (m.prefix && word.starts_with(m.name))) return m.month;
  return 0;
}

struct Token {
  enum Kind { kNum, kWord, kPunct } kind;
  std::string_view text;
  int value = 0;  // numbers, or the month of a month word
};

// Numbers, words (runs of letters, any script) and single punctuation marks.
std::vector<Token> Tokenize(std::string_view s, size_t max_tokens) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size() && out.size() < max_tokens) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9') {
      size_t e = i;
      int v = 0;
      while (e < s.size() && s[e] >= '0' && s[e] <= '9') v = (e - i < 9 ? v * 10 + (s[e] - '0') : v), ++e;
      out.push_back({Token::kNum, s.substr(i, e - i), v});
      i = e;
    } else if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0xC0) {
      size_t e = i;
      while (e < s.size()) {
        const auto d = static_cast<unsigned char>(s[e]);
        if (!((d | 0x20) >= 'a' && (d | 0x20) <= 'z') && d < 0x80) break;
        ++e;
      }
      Token t{Token::kWord, s.substr(i, e - i)};
      t.value = MonthOf(t.text);
      out.push_back(t);
      i = e;
    } else if (c == '.' || c == ',' || c == '-' || c == '/' || c == ':') {
      out.push_back({Token::kPunct, s.substr(i, 1)});
      ++i;
    } else {
      ++i;
    }
  }
  return out;
}

bool ValidYmd(int y, int m, int d) { return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }

std::string Ymd(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool IsYear(const Token& t) { return t.kind == Token::kNum && t.text.size() == 4; }
bool IsDay(const Token& t) { return t.kind == Token::kNum && t.text.size() <= 2 && t.value >= 1 && t.value <= 31; }
bool IsMonth(const Token& t) { return t.kind == Token::kWord && t.value > 0; }
bool IsP(const Token& t, char c) { return t.kind == Token::kPunct && t.text[0] == c; }

// One date pattern starting at token i; fills y, m, d.
bool MatchAt(const std::vector<Token>& t, size_t i, int* y, int* m, int* d) {
  auto at = [&](size_t k) -> const Token* { return i + k < t.size() ? &t[i + k] : nullptr; };
  const Token* a = at(0); const Token* b = at(1); const Token* c = at(2); const Token* e = at(3);
  if (!a || !b) return false;
  // 5 July 2024 · 5 июля 2024 · 5 шілде 2024
  if (IsDay(*a) && IsMonth(*b) && c && IsYear(*c)) return *d = a->value, *m = b->value, *y = c->value, true;
  // July 5, 2024 · Nov. 19, 2019
  size_t k = 1;
  if (IsMonth(*a) && b && IsP(*b, '.')) ++k;
  if (IsMonth(*a) && at(k) && IsDay(*at(k))) {
    size_t j = k + 1;
    if (at(j) && IsP(*at(j), ',')) ++j;
    if (at(j) && IsYear(*at(j))) return *m = a->value, *d = at(k)->value, *y = at(j)->value, true;
  }
  // 2024 жылғы 5 шілде · 2024 ж. 5 шілде
  if (IsYear(*a)) {
    size_t j = 1;
    if (at(j) && at(j)->kind == Token::kWord && (at(j)->text.starts_with("жыл") || at(j)->text == "ж")) ++j;
    if (at(j) && IsP(*at(j), '.')) ++j;
    if (at(j) && IsDay(*at(j)) && at(j + 1) && IsMonth(*at(j + 1)))
      return *y = a->value, *d = at(j)->value, *m = at(j + 1)->value, true;
    // 2024-07-05 · 2024/07/05
    if (b && c && e && at(4) && (IsP(*b, '-') || IsP(*b, '/')) && c->kind == Token::kNum &&
        IsP(*e, b->text[0]) && IsDay(*at(4)))
      return *y = a->value, *m = c->value, *d = at(4)->value, true;
  }
  // 05.07.2024 (day first, as in Russia, Kazakhstan and most of Europe)
  if (IsDay(*a) && b && IsP(*b, '.') && c && c->kind == Token::kNum && c->text.size() <= 2 && e &&
      IsP(*e, '.') && at(4) && IsYear(*at(4)))
    return *d = a->value, *m = c->value, *y = at(4)->value, true;
  return false;
}

int Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t k = at; k < at + n; ++k) {
    if (s[k] < '0' || s[k] > '9') return -1;
    v = v * 10 + (s[k] - '0');
  }
  return v;
}

}  // namespace

std::optional<std::string> ParseMachineDate(std::string_view v) {
  v = Trim(v);
  const int y = Digits(v, 0, 4), m = Digits(v, 5, 2), d = Digits(v, 8, 2);
  if (y >= 0 && m >= 0 && d >= 0 && v.size() >= 10 && (v[4] == '-' || v[4] == '/') && v[7] == v[4]) {
    if (!ValidYmd(y, m, d)) return std::nullopt;
    std::string date = Ymd(y, m, d);
    // Keep the time only when the offset is known: a local time without
    // one is not a point in time (records.md: "date-time with offset").
    if (v.size() >= 19 && (v[10] == 'T' || v[10] == ' ') && Digits(v, 11, 2) >= 0 && v[13] == ':' &&
        Digits(v, 14, 2) >= 0) {
      const bool has_sec = v.size() >= 19 && v[16] == ':' && Digits(v, 17, 2) >= 0;
      std::string time(v.substr(11, has_sec ? 8 : 5));
      if (!has_sec) time += ":00";
      size_t p = has_sec ? 19 : 16;
      if (p < v.size() && v[p] == '.') while (++p < v.size() && v[p] >= '0' && v[p] <= '9') {}
      std::string_view off = v.substr(std::min(p, v.size()));
      if (off == "Z" || off == "z") return date + "T" + time + "Z";
      if (off.size() >= 5 && (off[0] == '+' || off[0] == '-') && Digits(off, 1, 2) >= 0) {
        const size_t mm = off[3] == ':' ? 4 : 3;
        if (Digits(off, mm, 2) >= 0)
          return date + "T" + time + std::string(off.substr(0, 3)) + ":" + std::string(off.substr(mm, 2));
      }
    }
    return date;
  }
  if (v.size() == 8 && y >= 0 && Digits(v, 4, 2) >= 0 && Digits(v, 6, 2) >= 0 &&
      ValidYmd(y, Digits(v, 4, 2), Digits(v, 6, 2)))
    return Ymd(y, Digits(v, 4, 2), Digits(v, 6, 2));
  return FindDateInText(v);
}

std::optional<std::string> FindDateInText(std::string_view text) {
  const std::string lower = LowerText(text);
  const std::vector<Token> t = Tokenize(lower, 100000);
  for (size_t i = 0; i < t.size(); ++i) {
    int y = 0, m = 0, d = 0;
    if (MatchAt(t, i, &y, &m, &d) && ValidYmd(y, m, d)) return Ymd(y, m, d);
  }
  return std::nullopt;
}

std::optional<std::string> DateFromUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  size_t p = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (p == std::string_view::npos) return std::nullopt;
  const std::string_view path = url.substr(p, url.find_first_of("?#", p) - p);
  for (size_t i = 0; i + 9 <= path.size(); ++i) {
    if (path[i] != '/' && path[i] != '-' && path[i] != '_') continue;
    const int y = Digits(path, i + 1, 4);
    if (y < 1990 || y > 2100) continue;
    const size_t s = i + 5;
    if (s < path.size() && (path[s] == '/' || path[s] == '-' || path[s] == '_')) {
      const int m = Digits(path, s + 1, 2);
      const size_t s2 = s + 3;
      if (m >= 1 && s2 < path.size() && path[s2] == path[s]) {
        const int d = Digits(path, s2 + 1, 2);
        if (ValidYmd(y, m, d) && (s2 + 3 == path.size() || !IsAlnumAscii(path[s2 + 3]) || path[s2 + 3] == '/'))
          return Ymd(y, m, d);
      }
    } else {
      const int m = Digits(path, s, 2), d = Digits(path, s + 2, 2);
      const size_t e = s + 4;
      if (ValidYmd(y, m, d) && (e == path.size() || !IsAlnumAscii(path[e]))) return Ymd(y, m, d);
    }
  }
  return std::nullopt;
}

bool LooksLikeDateLine(std::string_view line) {
  if (CountChars(line) > 60) return false;
  const std::string lower = LowerText(line);
  if (FindDateInText(lower)) return true;
  static constexpr std::string_view kStamps[] = {
      "ago", "назад", "бұрын", "updated", "published", "обновлено", "опубликовано", "жаңартылды",
      "today", "yesterday", "сегодня", "вчера", "бүгін", "кеше"};
  bool has_digit = false;
  for (char c : lower) has_digit |= c >= '0' && c <= '9';
  if (!has_digit) return false;
  for (std::string_view s : kStamps)
    if (lower.find(s) != std::string::npos) return true;
  // "10:30", "10:30 AM" alone or with a date
  const std::vector<Token> t = Tokenize(lower, 64);
  int words = 0;
  bool time = false;
  for (size_t i = 0; i + 2 < t.size(); ++i)
    time |= t[i].kind == Token::kNum && IsP(t[i + 1], ':') && t[i + 2].kind == Token::kNum;
  for (const Token& k : t) words += k.kind == Token::kWord && !IsMonth(k) && k.text != "am" && k.text != "pm";
  return time && words <= 2;
}

}  // namespace newsmine::extract
