// Throughput of the whole nlp stage (normalise, split, tokenise, match,
// extract) on a realistic multi-megabyte corpus: the project's own test
// articles in English, Russian and Kazakh, and ../shared/seeds when present,
// repeated to about 8 MB. Start-up (loading and validating the rule pack) is
// measured apart.
//
//   build/bench/nlp_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "nlp/nlp.h"

namespace {

namespace fs = std::filesystem;
using newsmine::nlp::Analyzer;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> Corpus() {
  std::vector<std::string> docs;
  const fs::path src = NEWSMINE_SOURCE_DIR;
  for (const fs::path& dir : {src / "corpora/articles/en", src / "corpora/articles/ru",
                             src / "corpora/articles/kk", src.parent_path() / "shared/seeds"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".txt") docs.push_back(Read(e.path()));
    }
  }
  return docs;
}

const Analyzer& Loaded() {
  static const Analyzer a = *Analyzer::Load(std::string(NEWSMINE_SOURCE_DIR) + "/corpora");
  return a;
}

void BM_NlpStage(benchmark::State& state) {
  const Analyzer& nlp = Loaded();
  const std::vector<std::string> docs = Corpus();
  size_t bytes = 0;
  for (auto _ : state) {
    size_t done = 0, facts = 0;
    while (done < 8u << 20) {  // ~8 MB a round
      for (const std::string& d : docs) {
        facts += nlp.Analyze(d, {}).facts.size();
        done += d.size();
      }
    }
    benchmark::DoNotOptimize(facts);
    bytes += done;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["docs"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_NlpStage)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_RuleLoading(benchmark::State& state) {
  for (auto _ : state) {
    auto a = Analyzer::Load(std::string(NEWSMINE_SOURCE_DIR) + "/corpora");
    benchmark::DoNotOptimize(a.ok());
  }
}
BENCHMARK(BM_RuleLoading)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
