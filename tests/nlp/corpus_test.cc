// End to end: the project's own hand-annotated articles (corpora/articles)
// and, when ../shared is there, the shared seeds, scored the way
// ../shared/eval/score_facts.py scores them (records.md "Scoring"). The F1
// floors live in quality_floors.tsv: lowering one is a visible change.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/nlp/nlp_testing.h"
#include "tests/testing/testing.h"

namespace newsmine::nlp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::set<std::string> kSetTypes = {"region", "route", "victim_age"};
const std::vector<std::string> kCore = {"case_count", "person_count", "victim_age", "region", "route"};

std::string KeyOf(const json& f) {
  const std::string t = f.value("type", "");
  auto s = [&](const char* k) { return f.contains(k) ? f[k].dump() : std::string("null"); };
  if (t == "case_count") return t + s("value") + s("unit");
  if (t == "person_count") return t + s("value") + s("role");
  if (t == "victim_age") return t + s("min") + s("max");
  if (t == "region") return t + s("code");
  if (t == "route") return t + s("from") + s("to");
  return "";
}

json FactJson(const Fact& f) { return json::parse(FactToJson(f)); }

struct Score {
  int tp = 0, fp = 0, fn = 0;
  double F1() const {
    const double p = tp + fp ? double(tp) / (tp + fp) : 1, r = tp + fn ? double(tp) / (tp + fn) : 1;
    return p + r ? 2 * p * r / (p + r) : 0;
  }
};

// Adds one article's counts per type, as the shared scorer does: sets for
// region, route and victim_age, multisets for counts; optional gold facts
// are neither required nor errors.
void ScoreArticle(const json& gold, const std::vector<Fact>& pred, std::map<std::string, Score>* out) {
  for (const std::string& t : kCore) {
    std::multiset<std::string> req, opt, got;
    for (const json& f : gold["facts"]) {
      if (f["type"] != t) continue;
      (f.value("optional", false) ? opt : req).insert(KeyOf(f));
    }
    for (const Fact& f : pred) {
      if (FactTypeName(f.type) == t) got.insert(KeyOf(FactJson(f)));
    }
    if (kSetTypes.count(t)) {
      std::set<std::string> r(req.begin(), req.end()), o(opt.begin(), opt.end()), g(got.begin(), got.end());
      for (const auto& k : g) {
        if (r.count(k)) ++(*out)[t].tp;
        else if (!o.count(k)) ++(*out)[t].fp;
      }
      for (const auto& k : r) (*out)[t].fn += !g.count(k);
      continue;
    }
    for (const auto& k : std::set<std::string>(got.begin(), got.end())) {
      const int g = static_cast<int>(got.count(k)), r = static_cast<int>(req.count(k)), o = static_cast<int>(opt.count(k));
      (*out)[t].tp += std::min(g, r);
      (*out)[t].fp += std::max(0, g - r - o);
    }
    for (const auto& k : std::set<std::string>(req.begin(), req.end())) {
      (*out)[t].fn += std::max(0, static_cast<int>(req.count(k)) - static_cast<int>(got.count(k)));
    }
  }
}

std::vector<json> ReadGold(const fs::path& p) {
  std::vector<json> out;
  std::ifstream in(p);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

// Micro F1 over the core types of the articles of `gold` found under `dir`.
Score ScoreCorpus(const std::vector<json>& gold, const fs::path& dir, const std::string& lang) {
  std::map<std::string, Score> by_type;
  for (const json& g : gold) {
    if (!lang.empty() && g["lang"] != lang) continue;
    const std::string text = newsmine::testing::ReadFile(dir / g["url"].get<std::string>());
    AnalyzeOptions o;
    if (g["published"].is_string()) o.published = g["published"];
    ScoreArticle(g, testing::Bundled().Analyze(text, o).facts, &by_type);
  }
  Score all;
  for (const auto& [t, s] : by_type) {
    all.tp += s.tp, all.fp += s.fp, all.fn += s.fn;
    std::cout << "  " << lang << " " << t << " F1 " << s.F1() << " (tp " << s.tp << " fp " << s.fp << " fn "
              << s.fn << ")\n";
  }
  return all;
}

std::map<std::string, double> Floors() {
  std::map<std::string, double> f;
  std::ifstream in(newsmine::testing::SourceDir() / "tests/nlp/quality_floors.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    std::string name;
    double v;
    if (ss >> name >> v) f[name] = v;
  }
  return f;
}

TEST(CorpusTest, OwnArticlesMeetTheFloors) {
  const fs::path dir = newsmine::testing::SourceDir() / "corpora/articles";
  const auto floors = Floors();
  std::vector<json> gold = ReadGold(dir / "gold.jsonl");
  for (const json& g : ReadGold(dir / "gold_kk.jsonl")) gold.push_back(g);
  for (const std::string lang : {"en", "ru", "kk"}) {
    const Score s = ScoreCorpus(gold, dir / lang, lang);
    std::cout << lang << " F1 " << s.F1() << "\n";
    ASSERT_TRUE(floors.count("articles." + lang));
    EXPECT_GE(s.F1(), floors.at("articles." + lang)) << lang;
  }
}

TEST(CorpusTest, SharedSeedsMeetTheFloor) {
  const fs::path shared = newsmine::testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not there";
  const Score s = ScoreCorpus(ReadGold(shared / "gold/seeds.jsonl"), shared / "seeds", "");
  std::cout << "seeds F1 " << s.F1() << "\n";
  EXPECT_GE(s.F1(), Floors().at("seeds"));
}

}  // namespace
}  // namespace newsmine::nlp
