#include "nlp/rule_pack.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <toml++/toml.h>

#include "base/text.h"
#include "nlp/normalize.h"
#include "nlp/tokenizer.h"

namespace newsmine::nlp {
namespace {

namespace fs = std::filesystem;

// ---- What each kind of class may say --------------------------------------

struct KindSpec {
  const char* name;
  EntryKind kind;
  std::vector<std::string> required;
  std::vector<std::string> optional;
};

const std::vector<KindSpec>& KindSpecs() {
  static const std::vector<KindSpec> specs = {
      {"count_noun", EntryKind::kCountNoun, {"type"}, {"unit", "role", "group", "scope", "needs_cue"}},
      {"count_gap", EntryKind::kCountGap, {}, {"group", "scope"}},
      {"count_link", EntryKind::kCountLink, {}, {}},
      {"qualifier", EntryKind::kQualifier, {"qualifier", "position"}, {}},
      {"role_cue", EntryKind::kRoleCue, {"role"}, {"position"}},
      {"scope_cue", EntryKind::kScopeCue, {"scope"}, {}},
      {"group_cue", EntryKind::kGroupCue, {"group"}, {}},
      {"include", EntryKind::kInclude, {}, {}},
      {"period", EntryKind::kPeriod, {"period"}, {"month"}},
      {"age_unit", EntryKind::kAgeUnit, {}, {}},
      {"age_before", EntryKind::kAgeBefore, {}, {}},
      {"age_category", EntryKind::kAgeCategory, {"min", "max"}, {"category"}},
      {"topic", EntryKind::kTopic, {}, {}},
      {"exploitation", EntryKind::kExploitation, {"exploitation"}, {}},
      {"route_from", EntryKind::kRouteFrom, {}, {}},
      {"route_to", EntryKind::kRouteTo, {}, {}},
      {"route_via", EntryKind::kRouteVia, {}, {}},
      {"route_suffix", EntryKind::kRouteSuffix, {"dir"}, {}},
      {"route_in", EntryKind::kRouteIn, {}, {}},
      {"move", EntryKind::kMove, {}, {}},
      {"route_role", EntryKind::kRouteRole, {"dir"}, {}},
      {"route_return", EntryKind::kRouteReturn, {}, {}},
      {"range_join", EntryKind::kRangeJoin, {}, {}},
      {"region_word", EntryKind::kRegionWord, {}, {"plural"}},
      {"block_before", EntryKind::kBlockBefore, {}, {"max"}},
      {"block_after", EntryKind::kBlockAfter, {}, {"max"}},
      {"penalty", EntryKind::kPenalty, {"penalty"}, {}},
      {"currency", EntryKind::kCurrency, {"currency", "position"}, {}},
      {"money_cue", EntryKind::kMoneyCue, {}, {}},
  };
  return specs;
}

// Allowed values of the string attributes; an empty list allows any.
struct AttrSpec {
  std::string Attrs::*field;
  std::vector<std::string> values;
};

const std::map<std::string, AttrSpec>& StringAttrs() {
  static const std::map<std::string, AttrSpec> attrs = {
      {"type", {&Attrs::type, {"case_count", "person_count"}}},
      {"unit", {&Attrs::unit, {"case", "crime", "investigation"}}},
      {"role", {&Attrs::role, {"victim", "suspect", "convicted"}}},
      {"group", {&Attrs::group, {"women", "men", "children", "minors", "foreigners", "girls", "boys"}}},
      {"scope", {&Attrs::scope, {"minors", "forced_labor", "sexual_exploitation", "child_sale", "organ_removal", "begging"}}},
      {"qualifier", {&Attrs::qualifier, {"exact", "at_least", "more_than", "about", "up_to", "less_than"}}},
      {"position", {&Attrs::position, {"before", "after"}}},
      {"period", {&Attrs::period, {"year", "last_year", "this_year", "months", "half", "quarter", "month", "last_month",
                             "same_last_year", "year_before", "years"}}},
      {"category", {&Attrs::category, {"newborn", "child", "minor", "teen"}}},
      {"exploitation", {&Attrs::exploitation, {"sexual", "labor", "begging", "organ", "child_sale", "other"}}},
      {"dir", {&Attrs::dir, {"from", "to", "in", "via"}}},
      {"currency", {&Attrs::currency, {}}},
      {"penalty", {&Attrs::penalty, {"max", "range"}}},
  };
  return attrs;
}

const std::map<std::string, int Attrs::*>& IntAttrs() {
  static const std::map<std::string, int Attrs::*> attrs = {
      {"month", &Attrs::month}, {"min", &Attrs::min}, {"max", &Attrs::max}};
  return attrs;
}

// ---- Error collection -------------------------------------------------------

class Problems {
 public:
  void Add(const std::string& where, const std::string& what) {
    lines_.push_back(where + ": " + what);
  }
  bool empty() const { return lines_.empty(); }
  Status ToStatus() const {
    std::string all;
    for (const auto& l : lines_) all += (all.empty() ? "" : "\n") + l;
    return InvalidArgumentError(all);
  }

 private:
  std::vector<std::string> lines_;
};

std::string Where(const fs::path& file, const toml::source_region& src) {
  return file.string() + ":" + std::to_string(src.begin.line);
}

std::string Where(const fs::path& file, size_t line) {
  return file.string() + ":" + std::to_string(line);
}

std::string Lower(std::string_view s) {
  std::string out;
  for (char32_t c : DecodeUtf8(s)) AppendUtf8(FoldChar(c), &out);
  return out;
}

// ---- Loader -----------------------------------------------------------------

class Loader {
 public:
  explicit Loader(fs::path dir) : dir_(std::move(dir)) {}

  Result<Lexicon> Run() {
    LoadVersion();
    for (Lang lang : {Lang::kEn, Lang::kRu, Lang::kKk}) {
      LoadRules(lang);
      LoadNumbers(lang);
    }
    LoadUnits();
    LoadPlaces();
    LoadCountries();
    if (!problems_.empty()) return problems_.ToStatus();
    return std::move(lex_);
  }

 private:
  void LoadVersion() {
    const fs::path file = dir_ / "rules" / "pack.toml";
    toml::table t;
    if (!ParseToml(file, &t)) return;
    auto v = t["pack"]["version"].value<std::string>();
    if (!v || v->empty()) {
      problems_.Add(file.string(), "missing [pack] version");
      return;
    }
    lex_.version = *v;
  }

  bool ParseToml(const fs::path& file, toml::table* out) {
    try {
      *out = toml::parse_file(file.string());
      return true;
    } catch (const toml::parse_error& e) {
      problems_.Add(Where(file, e.source()), std::string(e.description()));
    } catch (const std::exception& e) {
      problems_.Add(file.string(), e.what());
    }
    return false;
  }

  void LoadRules(Lang lang) {
    const fs::path dir = dir_ / "rules" / std::string(LangCode(lang));
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      problems_.Add(dir.string(), "no rule directory for this language");
      return;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (e.path().extension() == ".toml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) LoadRuleFile(f, lang);
  }

  void LoadRuleFile(const fs::path& file, Lang lang) {
    toml::table t;
    if (!ParseToml(file, &t)) return;
    for (auto&& [key, node] : t) {
      const std::string k(key.str());
      if (k == "morphology") {
        LoadMorphology(file, lang, node);
      } else if (k == "sentences") {
        LoadSentences(file, node);
      } else if (k == "class") {
        LoadClasses(file, lang, node);
      } else {
        problems_.Add(Where(file, node.source()), "unknown table '" + k + "'");
      }
    }
  }

  // Strings of an array node; problems for anything else.
  std::vector<std::string> Strings(const fs::path& file, const toml::node& node,
                                   const std::string& what) {
    std::vector<std::string> out;
    const toml::array* arr = node.as_array();
    if (!arr) {
      problems_.Add(Where(file, node.source()), what + " must be an array of strings");
      return out;
    }
    for (const toml::node& v : *arr) {
      if (auto s = v.value<std::string>()) {
        out.push_back(*s);
      } else {
        problems_.Add(Where(file, v.source()), what + " must hold strings");
      }
    }
    return out;
  }

  // [morphology] suffixes = [...]; slots = [[...], [...]]: every
  // concatenation of one optional item per slot (Kazakh stacks plural,
  // possessive and case endings).
  void LoadMorphology(const fs::path& file, Lang lang, const toml::node& node) {
    auto& set = lex_.suffixes[static_cast<size_t>(lang)];
    const toml::table* t = node.as_table();
    if (!t) return problems_.Add(Where(file, node.source()), "[morphology] must be a table");
    for (auto&& [key, v] : *t) {
      const std::string k(key.str());
      if (k == "suffixes") {
        for (auto& s : Strings(file, v, "suffixes")) set.insert(Lower(s));
      } else if (k == "slots") {
        AddSlots(file, v, &set);
      } else {
        problems_.Add(Where(file, v.source()), "[morphology]: unknown key '" + k + "'");
      }
    }
  }

  void AddSlots(const fs::path& file, const toml::node& v,
                StringSet* set) {
    std::vector<std::string> combos = {""};
    const toml::array* slots = v.as_array();
    if (!slots) return problems_.Add(Where(file, v.source()), "slots must be an array of arrays");
    for (const toml::node& slot : *slots) {
      std::vector<std::string> next = combos;
      for (const std::string& s : Strings(file, slot, "a slot")) {
        for (const std::string& c : combos) next.push_back(c + Lower(s));
      }
      combos = std::move(next);
      if (combos.size() > 200000) {
        return problems_.Add(Where(file, slot.source()), "slots make over 200000 endings");
      }
    }
    set->insert(combos.begin(), combos.end());
  }

  void LoadSentences(const fs::path& file, const toml::node& node) {
    const toml::table* t = node.as_table();
    if (!t) return problems_.Add(Where(file, node.source()), "[sentences] must be a table");
    for (auto&& [key, v] : *t) {
      if (key.str() != "abbreviations") {
        problems_.Add(Where(file, v.source()), "[sentences]: unknown key '" + std::string(key.str()) + "'");
        continue;
      }
      for (auto& s : Strings(file, v, "abbreviations")) {
        std::string a = Lower(s);
        if (!a.empty() && a.back() == '.') a.pop_back();
        lex_.abbreviations.insert(a);
      }
    }
  }

  void LoadClasses(const fs::path& file, Lang lang, const toml::node& node) {
    const toml::array* arr = node.as_array();
    if (!arr) return problems_.Add(Where(file, node.source()), "'class' must be an array of tables ([[class]])");
    for (const toml::node& c : *arr) {
      if (const toml::table* t = c.as_table()) {
        LoadClass(file, lang, *t);
      } else {
        problems_.Add(Where(file, c.source()), "a [[class]] must be a table");
      }
    }
  }

  const KindSpec* FindKind(const std::string& name) {
    for (const KindSpec& k : KindSpecs()) {
      if (name == k.name) return &k;
    }
    return nullptr;
  }

  void LoadClass(const fs::path& file, Lang lang, const toml::table& t) {
    const std::string where = Where(file, t.source());
    auto id = t["id"].value<std::string>();
    auto kind_name = t["kind"].value<std::string>();
    if (!id || id->empty()) return problems_.Add(where, "class without an id");
    if (!kind_name) return problems_.Add(where, "class " + *id + ": no kind");
    const KindSpec* spec = FindKind(*kind_name);
    if (!spec) return problems_.Add(where, "class " + *id + ": unknown kind '" + *kind_name + "'");
    if (!ids_.insert(*id).second) {
      return problems_.Add(where, "class " + *id + ": duplicate id");
    }
    Entry e;
    e.kind = spec->kind;
    e.lang = lang;
    e.id = *id;
    e.where = where;
    bool ok = ReadAttrs(file, *id, *spec, t, &e.attrs);
    const toml::node* phrases = t.get("phrases");
    if (!phrases) {
      problems_.Add(where, "class " + *id + ": no phrases");
      return;
    }
    std::vector<Phrase> parsed;
    for (const std::string& p : Strings(file, *phrases, "class " + *id + ": phrases")) {
      auto words = ParsePattern(p);
      if (!words.ok()) {
        problems_.Add(Where(file, phrases->source()), "class " + *id + ": phrase '" + p + "': " + words.status().message());
        ok = false;
        continue;
      }
      parsed.push_back(Phrase{std::move(*words), 0});
    }
    if (!ok) return;
    AddEntry(std::move(e), std::move(parsed), /*all_langs=*/false);
  }

  bool ReadAttrs(const fs::path& file, const std::string& id,
                 const KindSpec& spec, const toml::table& t, Attrs* a) {
    bool ok = true;
    auto allowed = [&](const std::string& k) {
      return std::count(spec.required.begin(), spec.required.end(), k) ||
             std::count(spec.optional.begin(), spec.optional.end(), k);
    };
    for (auto&& [key, v] : t) {
      const std::string k(key.str());
      if (k == "id" || k == "kind" || k == "phrases") continue;
      const std::string where = Where(file, v.source());
      if (!allowed(k)) {
        problems_.Add(where, "class " + id + ": key '" + k + "' does not belong to kind " + spec.name);
        ok = false;
      } else if (!SetAttr(where, id, k, v, a)) {
        ok = false;
      }
    }
    for (const std::string& r : spec.required) {
      if (!t.contains(r)) {
        problems_.Add(Where(file, t.source()), "class " + id + ": missing key '" + r + "'");
        ok = false;
      }
    }
    return ok;
  }

  bool SetAttr(const std::string& where, const std::string& id,
               const std::string& k, const toml::node& v, Attrs* a) {
    if (auto it = StringAttrs().find(k); it != StringAttrs().end()) {
      auto s = v.value<std::string>();
      const auto& values = it->second.values;
      if (!s || (!values.empty() && std::find(values.begin(), values.end(), *s) == values.end())) {
        std::string list;
        for (const auto& x : values) list += (list.empty() ? "" : ", ") + x;
        problems_.Add(where, "class " + id + ": " + k + " must be " + (values.empty() ? "a string" : "one of " + list));
        return false;
      }
      a->*(it->second.field) = *s;
      return true;
    }
    if (auto it = IntAttrs().find(k); it != IntAttrs().end()) {
      auto n = v.value<int64_t>();
      if (!n || *n < 0 || *n > 200) {
        problems_.Add(where, "class " + id + ": " + k + " must be a whole number 0-200");
        return false;
      }
      a->*(it->second) = static_cast<int>(*n);
      return true;
    }
    if (k == "plural" || k == "needs_cue") {
      auto b = v.value<bool>();
      if (!b) {
        problems_.Add(where, "class " + id + ": " + k + " must be true or false");
        return false;
      }
      (k == "plural" ? a->plural : a->needs_cue) = *b;
      return true;
    }
    problems_.Add(where, "class " + id + ": unknown key '" + k + "'");
    return false;
  }

  // A gazetteer row serves texts of every language, but a Kazakh form
  // serves other languages only when a letter only Kazakh has marks it:
  // Kazakh "Семей" is Russian "of families".
  static bool ServesOtherLanguages(const Entry& e, const std::string& form) {
    if (e.lang != Lang::kKk) return true;
    for (char32_t c : DecodeUtf8(form)) {
      if (std::u32string_view(U"әғқңөұүһіäğñşūıǵńúý").find(c) != std::u32string_view::npos) return true;
    }
    return false;
  }

  void AddEntry(Entry e, std::vector<Phrase> phrases, bool all_langs, const std::string& form = "") {
    const int32_t index = static_cast<int32_t>(lex_.entries.size());
    const Lang lang = e.lang;
    const EntryKind kind = e.kind;
    all_langs = all_langs && ServesOtherLanguages(e, form);
    lex_.entries.push_back(std::move(e));
    for (Phrase& p : phrases) {
      p.entry = index;
      p.lang = lang;
      p.kind = kind;
      for (Lang l : {Lang::kEn, Lang::kRu, Lang::kKk}) {
        if (all_langs || l == lang) lex_.phrases[static_cast<size_t>(l)].push_back(p);
      }
    }
  }

  // ---- TSV tables -----------------------------------------------------------

  // Rows of a TSV file with the given header; comments and blank lines
  // skipped. Calls `row(fields, line)` for each.
  void ReadTsv(const fs::path& file, const std::vector<std::string>& header,
               const std::function<void(const std::vector<std::string>&, const std::string&)>& row) {
    std::ifstream in(file);
    if (!in) return problems_.Add(file.string(), "cannot open");
    std::string line;
    size_t n = 0;
    bool seen_header = false;
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f = SplitTabs(line);
      if (!seen_header) {
        seen_header = true;
        if (f != header) problems_.Add(Where(file, n), "header must be: " + Join(header));
        continue;
      }
      while (f.size() < header.size() && f.size() + 1 >= header.size()) f.push_back("");
      if (f.size() != header.size()) {
        problems_.Add(Where(file, n), "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(f.size()));
        continue;
      }
      row(f, Where(file, n));
    }
  }

  static std::vector<std::string> SplitTabs(const std::string& line) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, '\t')) f.push_back(x);
    if (!line.empty() && line.back() == '\t') f.push_back("");
    return f;
  }

  static std::string Join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : "\\t") + x;
    return s;
  }

  bool ParseLangField(const std::string& where, const std::string& s, Lang* lang) {
    *lang = ParseLang(s);
    if (*lang == Lang::kUnknown) problems_.Add(where, "language must be en, ru or kk, not '" + s + "'");
    return *lang != Lang::kUnknown;
  }

  // One gazetteer or number row: its form parsed into a phrase.
  void AddRow(Entry e, const std::string& form, bool all_langs) {
    auto words = ParsePattern(form);
    if (!words.ok()) return problems_.Add(e.where, "form '" + form + "': " + words.status().message());
    std::vector<Phrase> p;
    p.push_back(Phrase{std::move(*words), 0});
    AddEntry(std::move(e), std::move(p), all_langs, form);
  }

  void LoadNumbers(Lang lang) {
    const fs::path file = dir_ / "numbers" / (std::string(LangCode(lang)) + ".tsv");
    static const std::vector<std::string> kKinds = {"unit", "ten", "hundred", "scale", "half", "vague"};
    ReadTsv(file, {"form", "value", "kind"}, [&](const auto& f, const std::string& where) {
      Entry e{EntryKind::kNumberWord, lang, std::string(LangCode(lang)) + ".number", where, {}};
      char* end = nullptr;
      e.attrs.number = std::strtod(f[1].c_str(), &end);
      if (f[1].empty() || *end != '\0') return problems_.Add(where, "value '" + f[1] + "' is not a number");
      if (std::find(kKinds.begin(), kKinds.end(), f[2]) == kKinds.end()) {
        return problems_.Add(where, "kind '" + f[2] + "' is not one of unit, ten, hundred, scale, half, vague");
      }
      e.attrs.number_kind = f[2];
      AddRow(std::move(e), f[0], false);
    });
  }

  void LoadUnits() {
    const fs::path file = dir_ / "gazetteers" / "kz_units.tsv";
    ReadTsv(file, {"code", "name_en", "kind"}, [&](const auto& f, const std::string& where) {
      if (f[0].rfind("KZ-", 0) != 0 || f[0].size() != 5) return problems_.Add(where, "code '" + f[0] + "' is not an ISO 3166-2:KZ code");
      if (f[2] != "region" && f[2] != "city") return problems_.Add(where, "kind must be region or city");
      if (!lex_.unit_names.emplace(f[0], f[1]).second) problems_.Add(where, "duplicate code " + f[0]);
    });
    if (lex_.unit_names.size() != 20 && problems_.empty()) {
      problems_.Add(file.string(), "expected the 20 first-level units, found " + std::to_string(lex_.unit_names.size()));
    }
  }

  bool KnownUnit(const std::string& where, const std::string& code) {
    if (lex_.unit_names.count(code)) return true;
    problems_.Add(where, "code '" + code + "' is not one of the 20 units of kz_units.tsv");
    return false;
  }

  void LoadPlaces() {
    const fs::path file = dir_ / "gazetteers" / "kz_places.tsv";
    ReadTsv(file, {"code", "lang", "form", "kind", "alt"}, [&](const auto& f, const std::string& where) {
      Entry e{EntryKind::kPlace, Lang::kUnknown, "", where, {}};
      if (!ParseLangField(where, f[1], &e.lang) || !KnownUnit(where, f[0])) return;
      if (f[3] != "unit" && f[3] != "place" && f[3] != "list") {
        return problems_.Add(where, "kind must be unit, place or list, not '" + f[3] + "'");
      }
      if (!f[4].empty() && !KnownUnit(where, f[4])) return;
      e.id = std::string(LangCode(e.lang)) + ".region.gazetteer";
      e.attrs.code = f[0];
      e.attrs.name = lex_.unit_names[f[0]];
      e.attrs.place_kind = f[3];
      e.attrs.alt = f[4];
      AddRow(std::move(e), f[2], true);
    });
  }

  void LoadCountries() {
    const fs::path file = dir_ / "gazetteers" / "countries.tsv";
    ReadTsv(file, {"code", "lang", "form", "kind"}, [&](const auto& f, const std::string& where) {
      Entry e{EntryKind::kCountry, Lang::kUnknown, "", where, {}};
      if (!ParseLangField(where, f[1], &e.lang)) return;
      const bool code_ok = f[0].size() == 2 && std::isupper(static_cast<unsigned char>(f[0][0])) &&
                           std::isupper(static_cast<unsigned char>(f[0][1]));
      if (!code_ok) return problems_.Add(where, "code '" + f[0] + "' is not ISO 3166-1 alpha-2");
      if (f[3] != "country" && f[3] != "citizen" && f[3] != "adjective") {
        return problems_.Add(where, "kind must be country, citizen or adjective, not '" + f[3] + "'");
      }
      e.id = std::string(LangCode(e.lang)) + ".route.gazetteer";
      e.attrs.code = f[0];
      e.attrs.place_kind = f[3];
      AddRow(std::move(e), f[2], true);
    });
  }

  fs::path dir_;
  Lexicon lex_;
  Problems problems_;
  std::unordered_set<std::string> ids_;
};

}  // namespace

Result<std::vector<WordPattern>> ParsePattern(const std::string& phrase) {
  const Tokens tokens = Tokenize(DecodeUtf8(phrase));
  const std::vector<Token>& toks = tokens.list;
  std::vector<WordPattern> out;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.text == "*") {
      if (out.empty() || t.space_before || out.back().mode != WordPattern::kExact) {
        return InvalidArgumentError("'*' must end a word");
      }
      const bool twice = i + 1 < toks.size() && toks[i + 1].text == "*" && !toks[i + 1].space_before;
      out.back().mode = twice ? WordPattern::kPrefix : WordPattern::kInflect;
      if (CodePointCount(out.back().text) < 2) return InvalidArgumentError("a stem needs at least 2 letters");
      i += twice;
      continue;
    }
    if (t.text == "#") {
      out.push_back({"", WordPattern::kNumber});
      continue;
    }
    if (!t.suffix.empty()) return InvalidArgumentError("write a number and the word after it apart");
    out.push_back({std::string(t.text), WordPattern::kExact});
  }
  if (out.empty()) return InvalidArgumentError("empty phrase");
  return out;
}

Result<Lexicon> LoadLexicon(const std::string& corpora_dir) {
  return Loader(corpora_dir).Run();
}

}  // namespace newsmine::nlp
