// `newsmine extract`: article records from HTML pages and WARC files.
#include "base/log.h"
#include "pipeline/pipeline.h"

namespace newsmine::pipeline {

int RunExtract(const ExtractOptions&) {
  LogError("extract: not built yet");
  return kExitUsage;
}

}  // namespace newsmine::pipeline
