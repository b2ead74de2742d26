// `newsmine nlp`: facts for plain-text files and article records.
#include <iostream>
#include <memory>
#include <sstream>

#include "base/file.h"
#include "base/log.h"
#include "base/record.h"
#include "base/text.h"
#include "nlp/nlp.h"
#include "pipeline/add_facts.h"
#include "pipeline/output.h"
#include "pipeline/pipeline.h"

namespace newsmine::pipeline {
namespace {

constexpr size_t kMaxWarnedOffsets = 5;

class NlpRun {
 public:
  NlpRun(const NlpOptions& o, nlp::Analyzer analyzer, Output* out)
      : o_(o), nlp_(std::move(analyzer)), out_(out) {}

  int Run() {
    for (const std::string& in : o_.inputs) Input(in);
    return failures_ ? kExitPartial : kExitOk;
  }

 private:
  void Fail(const std::string& message) {
    LogError(message);
    ++failures_;
  }

  void Input(const std::string& path) {
    std::string bytes;
    if (Status s = ReadFile(path, &bytes); !s.ok()) return Fail(s.message());
    const bool jsonl = path.ends_with(".jsonl") || path.ends_with(".json") ||
                       (path == "-" && bytes.find_first_not_of(" \t\r\n") != std::string::npos &&
                        bytes[bytes.find_first_not_of(" \t\r\n")] == '{');
    if (jsonl) return Records(path, bytes);
    if (LooksBinary(bytes)) return Fail(path + ": binary data, not text; skipped");
    Article a;
    a.url = a.final_url = a.canonical_url = path == "-" ? "stdin" : path;
    a.id = ArticleId(a.canonical_url);
    if (!o_.published.empty()) a.published = o_.published;
    a.text = Scrub(path, bytes);
    if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) LogWarning(path + ": empty text, no facts");
    Analyze(&a);
    a.title = a.text.substr(0, a.text.find('\n'));
    Write(path, a);
  }

  // Invalid UTF-8 is replaced, with a warning that says where.
  std::string Scrub(const std::string& where, const std::string& bytes) {
    std::vector<size_t> bad;
    std::string text = ScrubUtf8(bytes, &bad);
    if (!bad.empty()) {
      std::string at;
      for (size_t i = 0; i < bad.size() && i < kMaxWarnedOffsets; ++i) at += (i ? ", " : "") + std::to_string(bad[i]);
      if (bad.size() > kMaxWarnedOffsets) at += ", ...";
      LogWarning(where + ": " + std::to_string(bad.size()) + " invalid UTF-8 byte(s) replaced, at byte " + at);
    }
    return text;
  }

  void Records(const std::string& path, const std::string& bytes) {
    std::istringstream in(bytes);
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = path + ":" + std::to_string(n);
      Result<Article> a = ParseArticleJson(ScrubUtf8(line));
      if (!a.ok()) {
        Fail(where + ": " + a.status().message() + "; line skipped");
        continue;
      }
      a->text = Scrub(where, a->text);
      Analyze(&*a);
      Write(where, *a);
    }
  }

  void Analyze(Article* a) { AddFacts(nlp_, o_.lang == "auto" ? Lang::kUnknown : ParseLang(o_.lang), a); }

  void Write(const std::string& where, const Article& a) {
    Status s = out_->Write(ArticleToJson(a));
    if (!s.ok()) Fail(where + ": " + s.message());
  }

  const NlpOptions& o_;
  nlp::Analyzer nlp_;
  Output* out_;
  int failures_ = 0;
};

}  // namespace

int RunNlp(const NlpOptions& o) {
  if (o.lang != "auto" && o.lang != "en" && o.lang != "ru" && o.lang != "kk") {
    LogError("--lang must be auto, en, ru or kk, not '" + o.lang + "'");
    return kExitUsage;
  }
  const std::string dir = o.corpora_dir.empty() ? DefaultCorporaDir() : o.corpora_dir;
  Result<nlp::Analyzer> analyzer = nlp::Analyzer::Load(dir);
  if (!analyzer.ok()) {
    LogError("rule pack " + dir + ": " + analyzer.status().message());
    return kExitUsage;
  }
  Result<std::unique_ptr<Output>> out = Output::Open(o.output);
  if (!out.ok()) {
    LogError(out.status().message());
    return kExitUsage;
  }
  const int rc = NlpRun(o, std::move(*analyzer), out->get()).Run();
  Status closed = (*out)->Close();
  if (!closed.ok()) {
    LogError(closed.message());
    return kExitPartial;
  }
  return rc;
}

int RunRulesCheck(const std::string& corpora_dir) {
  const std::string dir = corpora_dir.empty() ? DefaultCorporaDir() : corpora_dir;
  Status s = nlp::CheckRules(dir);
  if (!s.ok()) {
    std::cerr << s.message() << "\n";
    return kExitPartial;
  }
  std::cout << dir << ": rule pack OK\n";
  return kExitOk;
}

}  // namespace newsmine::pipeline
