// The article record and its facts: the contract of ../shared/spec/records.md
// (one JSON object per line) as C++ values, and their JSON Lines form.
//
// Every stage speaks this: extract fills an Article without facts, nlp fills
// `facts`, pipeline stores and exports them.
//
// Example:
//   Result<Article> a = ParseArticleJson(line);
//   if (a.ok()) std::cout << ArticleToJson(*a) << "\n";
//
// Thread safety: plain values; the functions are pure.
#ifndef NEWSMINE_BASE_RECORD_H_
#define NEWSMINE_BASE_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/text.h"

namespace newsmine {

// A fact's `period`: a year, a date range, or an unresolved relative period.
struct Period {
  std::optional<int> year;
  std::string from;      // ISO date, with `to`
  std::string to;
  std::string relative;  // "last_year" or "this_year" when unresolved
  bool operator==(const Period&) const = default;
};

enum class FactType {
  kCaseCount, kPersonCount, kVictimAge, kRegion, kRoute, kPenalty, kMoney
};
// "case_count", "person_count", ...
std::string_view FactTypeName(FactType type);
std::optional<FactType> ParseFactType(std::string_view name);

// One fact. Which fields are meaningful depends on `type` (records.md
// "Facts"); the others stay empty and are not written.
struct Fact {
  FactType type = FactType::kCaseCount;
  Span span;             // code points in Article::text
  std::string sentence;  // evidence: the whole sentence
  std::string rule;      // id of the rule that made it

  // case_count, person_count
  int64_t value = 0;
  std::optional<int64_t> max;  // with qualifier "range"
  std::string qualifier;       // exact, at_least, more_than, about, ...
  std::string unit;            // case_count: case, crime, investigation
  std::string scope;           // case_count: minors, forced_labor, ...
  std::string role;            // person_count: victim, suspect, convicted
  std::string group;           // person_count: women, children, ...
  std::optional<Period> period;
  std::string region;          // ISO 3166-2:KZ code the count is tied to

  // victim_age
  std::optional<int> min_age;
  std::optional<int> max_age;
  std::string category;  // newborn, child, minor, teen

  // region
  std::string code;
  std::string name;
  std::string place;

  // route
  std::string from;
  std::string to;
  std::vector<std::string> via;
  std::string exploitation;

  // penalty
  std::optional<int> max_years;
  std::optional<int> min_years;

  // money
  std::optional<int64_t> amount;
  std::optional<int64_t> amount_max;
  std::string currency;
};

struct Article {
  std::string id;
  std::string url;
  std::string final_url;
  std::string canonical_url;
  std::string site;
  std::optional<std::string> fetched_at;
  std::optional<std::string> published;
  std::string title;
  std::vector<std::string> authors;
  std::string lang;
  std::string text;
  std::vector<Fact> facts;
  std::string pipeline_version;
  std::string pipeline_rules;
};

// One JSON object, no trailing newline.
std::string ArticleToJson(const Article& article);
std::string FactToJson(const Fact& fact);

// Parses one JSON Lines record. Unknown fields are ignored; a field of the
// wrong type is an error naming the field.
Result<Article> ParseArticleJson(std::string_view line);

// Lowercase hex of the first 8 bytes of SHA-256 of `canonical_url`
// (records.md `id`).
std::string ArticleId(std::string_view canonical_url);

}  // namespace newsmine

#endif  // NEWSMINE_BASE_RECORD_H_
