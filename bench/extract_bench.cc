// Speed of extraction against a bare Gumbo parse of the same pages.
//
// Reads the 181 pages of ../shared/bench/article-extraction/html (skipped
// with a message when that folder is absent), gunzips them once, then
// times, on one core: BM_BareParse (Gumbo parse and free, nothing else) and
// BM_Extract (charset, parse, tree, metadata, boilerplate: the whole
// record). Items/s is pages/s; bytes/s is HTML MB/s. The target is
// BM_Extract within 1.5x of BM_BareParse.
//
//   ./build-extract/bench/extract_bench --benchmark_min_time=2s
#include <benchmark/benchmark.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/html_tree.h"

namespace {

namespace fs = std::filesystem;
using newsmine::extract::Page;

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    const fs::path dir = fs::path(NEWSMINE_SOURCE_DIR).parent_path() / "shared/bench/article-extraction/html";
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::string html;
      if (newsmine::extract::ReadPageFile(f.string(), &html).ok()) out.push_back(std::move(html));
    }
    if (out.empty()) std::cerr << "extract_bench: no pages in " << dir << "; nothing to measure\n";
    return out;
  }();
  return pages;
}

int64_t TotalBytes() {
  int64_t n = 0;
  for (const std::string& p : Pages()) n += static_cast<int64_t>(p.size());
  return n;
}

void BM_BareParse(benchmark::State& state) {
  if (Pages().empty()) return state.SkipWithError("benchmark pages not found");
  for (auto _ : state)
    for (const std::string& p : Pages()) newsmine::extract::BareParse(p);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Pages().size()));
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_BareParse)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  if (Pages().empty()) return state.SkipWithError("benchmark pages not found");
  size_t chars = 0;
  for (auto _ : state) {
    for (const std::string& p : Pages()) {
      Page page{.url = "https://example.com/a", .body = p};
      chars += newsmine::extract::Extract(page).article.text.size();
    }
  }
  benchmark::DoNotOptimize(chars);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Pages().size()));
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
