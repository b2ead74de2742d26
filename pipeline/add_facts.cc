#include "pipeline/add_facts.h"

#include "pipeline/pipeline.h"

namespace newsmine::pipeline {

void AddFacts(const nlp::Analyzer& nlp, Lang lang, Article* a) {
  const Lang own = ParseLang(a->lang);
  nlp::AnalyzeOptions opt;
  opt.lang = lang != Lang::kUnknown ? lang : own;
  // A date-time ("2024-07-05T10:00:00+06:00") resolves periods by its date.
  opt.published = a->published.value_or("").substr(0, 10);
  nlp::Analysis r = nlp.Analyze(a->text, opt);
  a->text = std::move(r.text);
  if (lang != Lang::kUnknown || own != Lang::kUnknown || a->lang.empty() || a->lang == "und") {
    a->lang = std::string(LangCode(r.lang));
  }
  a->facts = std::move(r.facts);
  a->pipeline_version = Version();
  a->pipeline_rules = nlp.rules_version();
}

}  // namespace newsmine::pipeline
