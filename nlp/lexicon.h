// The loaded rule pack: every phrase class of corpora/rules/<lang>/*.toml,
// the number words of corpora/numbers/, and the places and countries of
// corpora/gazetteers/, as entries the matcher finds in text (internal to nlp).
#ifndef NEWSMINE_NLP_LEXICON_H_
#define NEWSMINE_NLP_LEXICON_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/text.h"

namespace newsmine::nlp {

// What an entry is for. The names are the `kind` values of the rule files
// (corpora/README.md documents each).
enum class EntryKind : uint8_t {
  kCountNoun,     // "cases", "victims", "человек": what a number counts
  kCountGap,      // "criminal", "уголовных": may stand between number and noun
  kCountLink,     // "составило", ":": between a noun and its number
  kQualifier,     // "more than", "около", "астам"
  kRoleCue,       // "detained", "rescued": who the counted people are
  kScopeCue,      // "forced labour": what a subset of cases concerns
  kGroupCue,      // "foreign", "female": who the counted people are
  kInclude,       // "including", "в том числе": a subset follows
  kPeriod,        // "last year", "в # году", "# жылы"
  kAgeUnit,       // "years old", "лет", "жастағы"
  kAgeBefore,     // "aged", "в возрасте"
  kAgeCategory,   // "minors", "новорожденных"
  kTopic,         // "trafficking", "эксплуатация": the subject is ours
  kExploitation,  // "sexual exploitation" → sexual
  kRouteFrom,     // "from", "из"
  kRouteTo,       // "to", "в", "into"
  kRouteVia,      // "via", "through", "арқылы"
  kRouteIn,       // "in": where a group was exploited
  kMove,          // "trafficked", "вывезли", "жөнелтілген": people were moved
  kRouteRole,     // "source", "transit", "destination" country: what a hub is
  kRouteReturn,   // "bring home", "вернуть": a bare "from" then names where people were
  kRangeJoin,     // "to", "до", "-": joins the two ends of a range
  kRouteSuffix,   // Kazakh case endings of a country name: -нан, -ға
  kRegionWord,    // "region", "областях": lists of regions
  kBlockBefore,   // "Article", "статья", "№": the number after is no count
  kBlockAfter,    // "percent", "году": the number before is no count
  kPenalty,       // "up to # years in prison"
  kCurrency,      // "tenge", "$", "долларов"
  kMoneyCue,      // "sold", "paid", "долг": a sum tied to exploitation
  kNumberWord,    // corpora/numbers: "двадцать", "жиырма*"
  kPlace,         // corpora/gazetteers/kz_places.tsv
  kCountry,       // corpora/gazetteers/countries.tsv
  kCount_,        // number of kinds; not a kind
};

constexpr size_t kEntryKinds = static_cast<size_t>(EntryKind::kCount_);

// Attributes of an entry; which are set depends on the kind.
struct Attrs {
  std::string type;          // count_noun: case_count | person_count
  std::string unit;          // count_noun (case_count)
  std::string role;          // count_noun, role_cue
  std::string group;         // count_noun, count_gap, group_cue
  std::string scope;         // count_noun, count_gap, scope_cue
  std::string qualifier;     // qualifier
  std::string position;      // qualifier, currency: before | after
  std::string period;        // period: year | last_year | this_year | ...
  int month = 0;             // period: month, or last month of months/quarter
  std::string category;      // age_category
  int min = -1;              // age_category; -1 is none
  int max = -1;              // age_category; block_*: the largest number blocked
  std::string exploitation;  // exploitation
  std::string dir;           // route_suffix: from | to | in; route_role: from | via | to
  std::string currency;      // currency
  std::string penalty;       // penalty: max | range
  bool plural = false;       // region_word
  bool needs_cue = false;    // count_noun: "migrants" are victims only when a cue says so
  // number_word
  double number = 0;
  std::string number_kind;   // unit | ten | hundred | scale | half | vague
  // place, country
  std::string code;
  std::string name;          // place: the unit's English name
  std::string place_kind;    // place: unit | place | list; country: country | citizen | adjective
  std::string alt;           // place: the unit a bare city name means in a list of regions
};

struct Entry {
  EntryKind kind = EntryKind::kCountNoun;
  Lang lang = Lang::kUnknown;
  std::string id;     // rule id, e.g. "en.case_count.case"
  std::string where;  // "file:line", for messages
  Attrs attrs;
};

// How one word of a phrase matches a token.
struct WordPattern {
  enum Mode : uint8_t {
    kExact,    // "cases"
    kInflect,  // "дел*": the stem plus an ending of the language's list
    kPrefix,   // "traffick**": the stem plus anything
    kNumber,   // "#": any number
  };
  std::string text;
  Mode mode = kExact;
};

struct Phrase {
  std::vector<WordPattern> words;
  int32_t entry = 0;
  Lang lang = Lang::kUnknown;  // whose endings its stems take
  EntryKind kind = EntryKind::kCountNoun;  // the entry's, kept here for the hot loops
};

// A set of strings that string_views can look up without a copy.
// FNV-1a, inline: the keys are short word endings and words, looked up for
// almost every token, where a library call per hash showed in profiles.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

struct Lexicon {
  std::string version;  // corpora/rules/pack.toml [pack] version
  std::vector<Entry> entries;
  // Phrases by language: rules of that language plus every gazetteer entry
  // (a Russian article names places in Kazakh too).
  std::array<std::vector<Phrase>, 4> phrases;  // indexed by Lang
  std::array<StringSet, 4> suffixes;
  std::unordered_set<std::string> abbreviations;
  // kz_units.tsv: code -> English name.
  std::unordered_map<std::string, std::string> unit_names;
};

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_LEXICON_H_
