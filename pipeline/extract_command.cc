// `newsmine extract`: article records from HTML pages and WARC files.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "base/log.h"
#include "base/record.h"
#include "extract/extract.h"
#include "nlp/nlp.h"
#include "pipeline/add_facts.h"
#include "pipeline/output.h"
#include "pipeline/pipeline.h"

namespace newsmine::pipeline {
namespace {

bool HasWarcName(const std::string& p) {
  return p.ends_with(".warc") || p.ends_with(".warc.gz") || p.ends_with(".warc.open") ||
         p.ends_with(".warc.gz.open");
}

// The first bytes of a file, to tell WARC from HTML whatever the name says
// (warc-reading.md: "File names lie").
std::string Head(const std::string& path) {
  std::string head(64, '\0');
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return {};
  head.resize(std::fread(head.data(), 1, head.size(), f));
  std::fclose(f);
  return head;
}

class ExtractRun {
 public:
  ExtractRun(const ExtractOptions& o, std::optional<nlp::Analyzer> nlp, Output* out)
      : o_(o), nlp_(std::move(nlp)), out_(out) {}

  int Run() {
    if (!o_.url.empty() && o_.inputs.size() > 1)
      LogWarning("--url names a single page, but " + std::to_string(o_.inputs.size()) + " inputs were given; it is used for each");
    for (const std::string& in : o_.inputs) Input(in);
    return failures_ ? kExitPartial : kExitOk;
  }

 private:
  void Fail(const std::string& message) {
    LogError(message);
    ++failures_;
  }

  void Input(const std::string& path) {
    if (path == "-") return Stdin();
    if (HasWarcName(path) || extract::LooksLikeWarc(Head(path))) return Warc(extract::WarcReader::Open(path));
    std::string bytes;
    Status s = extract::ReadPageFile(path, &bytes);
    if (!s.ok()) {
      Fail(s.message() + (bytes.empty() ? "" : "; extracted what was read"));
      if (bytes.empty()) return;
    }
    Html(path, std::move(bytes));
  }

  void Stdin() {
    std::string bytes;
    Status s = extract::ReadPageFile("-", &bytes);
    if (!s.ok()) Fail("stdin: " + s.message());
    if (extract::LooksLikeWarc(bytes)) return Warc(extract::WarcReader::FromBytes(std::move(bytes), "stdin"));
    Html("stdin", std::move(bytes));
  }

  void Html(const std::string& path, std::string bytes) {
    extract::Page page;
    page.url = o_.url.empty() ? path : o_.url;
    page.name = path;
    page.body = std::move(bytes);
    Emit(page);
  }

  void Warc(Result<extract::WarcReader> reader) {
    if (!reader.ok()) return Fail(reader.status().message());
    extract::Page page;
    std::vector<std::string> notes;
    size_t pages = 0;
    while (reader->Next(&page, &notes)) {
      Report(&notes);
      Emit(page);
      ++pages;
    }
    Report(&notes);
    // Damaged records were skipped (and said so); the file still counts
    // as an input with errors so batch jobs notice.
    if (reader->damaged() > 0) ++failures_;
  }

  void Report(std::vector<std::string>* notes) {
    for (const std::string& n : *notes) LogWarning(n);
    notes->clear();
  }

  void Emit(const extract::Page& page) {
    extract::Extraction e = extract::Extract(page);
    for (const std::string& w : e.warnings) LogWarning(w);
    Article& a = e.article;
    a.pipeline_version = Version();
    if (nlp_) AddFacts(*nlp_, Lang::kUnknown, &a);
    Status s = out_->Write(ArticleToJson(a));
    if (!s.ok()) Fail(page.name + ": " + s.message());
  }

  const ExtractOptions& o_;
  std::optional<nlp::Analyzer> nlp_;
  Output* out_;
  int failures_ = 0;
};

}  // namespace

int RunExtract(const ExtractOptions& o) {
  std::optional<nlp::Analyzer> nlp;
  if (o.facts) {
    const std::string dir = o.corpora_dir.empty() ? DefaultCorporaDir() : o.corpora_dir;
    Result<nlp::Analyzer> analyzer = nlp::Analyzer::Load(dir);
    if (!analyzer.ok()) {
      LogError("rule pack " + dir + ": " + analyzer.status().message());
      return kExitUsage;
    }
    nlp.emplace(std::move(*analyzer));
  }
  Result<std::unique_ptr<Output>> out = Output::Open(o.output);
  if (!out.ok()) {
    LogError(out.status().message());
    return kExitUsage;
  }
  const int rc = ExtractRun(o, std::move(nlp), out->get()).Run();
  Status closed = (*out)->Close();
  if (!closed.ok()) {
    LogError(closed.message());
    return kExitPartial;
  }
  return rc;
}

}  // namespace newsmine::pipeline
