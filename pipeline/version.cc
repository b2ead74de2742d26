#include <cstdlib>

#include "pipeline/pipeline.h"

namespace newsmine::pipeline {

std::string Version() { return NEWSMINE_VERSION; }

std::string DefaultCorporaDir() {
  if (const char* env = std::getenv("NEWSMINE_CORPORA"); env && *env) return env;
  return NEWSMINE_CORPORA_DIR;
}

}  // namespace newsmine::pipeline
