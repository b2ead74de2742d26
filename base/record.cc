#include "base/record.h"

#include <openssl/sha.h>

#include <array>
#include <nlohmann/json.hpp>

namespace newsmine {
namespace {

// ordered_json: fields are written in the order of records.md, easier to read.
using json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 7> kFactTypeNames = {
    "case_count", "person_count", "victim_age", "region",
    "route",      "penalty",      "money"};

void PutIf(json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

json PeriodJson(const Period& p) {
  json j = json::object();
  if (p.year) j["year"] = *p.year;
  PutIf(j, "from", p.from);
  PutIf(j, "to", p.to);
  PutIf(j, "relative", p.relative);
  return j;
}

json OptionalInt(const std::optional<int>& v) {
  return v ? json(*v) : json(nullptr);
}

void PutCount(const Fact& f, json& j) {
  j["value"] = f.value;
  if (f.max) j["max"] = *f.max;
  PutIf(j, "qualifier", f.qualifier);
  PutIf(j, "unit", f.unit);
  PutIf(j, "scope", f.scope);
  PutIf(j, "role", f.role);
  PutIf(j, "group", f.group);
  if (f.period) j["period"] = PeriodJson(*f.period);
  PutIf(j, "region", f.region);
}

json FactObject(const Fact& f) {
  json j = {{"type", FactTypeName(f.type)},
            {"span", {f.span.begin, f.span.end}}};
  switch (f.type) {
    case FactType::kCaseCount:
    case FactType::kPersonCount:
      PutCount(f, j);
      break;
    case FactType::kVictimAge:
      j["min"] = OptionalInt(f.min_age);
      j["max"] = OptionalInt(f.max_age);
      PutIf(j, "category", f.category);
      break;
    case FactType::kRegion:
      j["code"] = f.code;
      j["name"] = f.name;
      PutIf(j, "place", f.place);
      break;
    case FactType::kRoute:
      j["from"] = f.from;
      j["to"] = f.to;
      if (!f.via.empty()) j["via"] = f.via;
      PutIf(j, "exploitation", f.exploitation);
      break;
    case FactType::kPenalty:
      if (f.max_years) j["max_years"] = *f.max_years;
      if (f.min_years) j["min_years"] = *f.min_years;
      break;
    case FactType::kMoney:
      if (f.amount) j["amount"] = *f.amount;
      if (f.amount_max) j["max"] = *f.amount_max;
      PutIf(j, "currency", f.currency);
      break;
  }
  j["sentence"] = f.sentence;
  j["rule"] = f.rule;
  return j;
}

json NullableString(const std::optional<std::string>& s) {
  return s ? json(*s) : json(nullptr);
}

// Reads an optional string field; a present field of another type is an
// error, null is absent.
Status ReadString(const json& j, const char* key, std::string* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) {
    return InvalidArgumentError(std::string("field '") + key +
                                "' is not a string");
  }
  *out = it->get<std::string>();
  return Status::Ok();
}

Status ReadOptionalString(const json& j, const char* key,
                          std::optional<std::string>* out) {
  std::string s;
  NM_RETURN_IF_ERROR(ReadString(j, key, &s));
  auto it = j.find(key);
  if (it != j.end() && !it->is_null()) *out = s;
  return Status::Ok();
}

Status ReadAuthors(const json& j, Article* a) {
  auto it = j.find("authors");
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_array()) return InvalidArgumentError("field 'authors' is not an array");
  for (const json& v : *it) {
    if (v.is_string()) a->authors.push_back(v.get<std::string>());
  }
  return Status::Ok();
}

}  // namespace

std::string_view FactTypeName(FactType type) {
  return kFactTypeNames[static_cast<size_t>(type)];
}

std::optional<FactType> ParseFactType(std::string_view name) {
  for (size_t i = 0; i < kFactTypeNames.size(); ++i) {
    if (kFactTypeNames[i] == name) return static_cast<FactType>(i);
  }
  return std::nullopt;
}

std::string FactToJson(const Fact& fact) {
  return FactObject(fact).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string ArticleToJson(const Article& a) {
  json facts = json::array();
  for (const Fact& f : a.facts) facts.push_back(FactObject(f));
  json j = {{"id", a.id},
            {"url", a.url},
            {"final_url", a.final_url},
            {"canonical_url", a.canonical_url},
            {"site", a.site},
            {"fetched_at", NullableString(a.fetched_at)},
            {"published", NullableString(a.published)},
            {"title", a.title},
            {"authors", a.authors},
            {"lang", a.lang},
            {"text", a.text},
            {"facts", std::move(facts)},
            {"pipeline",
             {{"version", a.pipeline_version}, {"rules", a.pipeline_rules}}}};
  // replace: a stray invalid byte must not lose the whole record.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Article> ParseArticleJson(std::string_view line) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return InvalidArgumentError("not valid JSON");
  if (!j.is_object()) return InvalidArgumentError("not a JSON object");
  Article a;
  const std::pair<const char*, std::string*> fields[] = {
      {"id", &a.id},       {"url", &a.url},   {"final_url", &a.final_url},
      {"canonical_url", &a.canonical_url},    {"site", &a.site},
      {"title", &a.title}, {"lang", &a.lang}, {"text", &a.text}};
  for (const auto& [key, out] : fields) NM_RETURN_IF_ERROR(ReadString(j, key, out));
  NM_RETURN_IF_ERROR(ReadOptionalString(j, "fetched_at", &a.fetched_at));
  NM_RETURN_IF_ERROR(ReadOptionalString(j, "published", &a.published));
  NM_RETURN_IF_ERROR(ReadAuthors(j, &a));
  return a;
}

std::string ArticleId(std::string_view canonical_url) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(canonical_url.data()),
         canonical_url.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

}  // namespace newsmine
