// The nlp stage applied to one article record, the same way for `newsmine
// nlp` and `newsmine extract --facts` (internal to pipeline).
#ifndef NEWSMINE_PIPELINE_ADD_FACTS_H_
#define NEWSMINE_PIPELINE_ADD_FACTS_H_

#include "base/record.h"
#include "base/text.h"
#include "nlp/nlp.h"

namespace newsmine::pipeline {

// Normalises `a->text` and fills `a->facts`, `a->lang` and the pipeline
// stamps. `lang` forces the language; kUnknown takes the record's own
// (en, ru, kk) or detects it. A record in another language ("de") keeps
// its code.
void AddFacts(const nlp::Analyzer& nlp, Lang lang, Article* a);

}  // namespace newsmine::pipeline

#endif  // NEWSMINE_PIPELINE_ADD_FACTS_H_
