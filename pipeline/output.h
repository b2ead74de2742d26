// Where records go: a file or standard output, one line at a time, flushed
// as written so a crash loses no finished record (internal to pipeline).
#ifndef NEWSMINE_PIPELINE_OUTPUT_H_
#define NEWSMINE_PIPELINE_OUTPUT_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

namespace newsmine::pipeline {

class Output {
 public:
  // "-" is standard output; anything else a file, created or truncated.
  static Result<std::unique_ptr<Output>> Open(const std::string& path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Writes `line` and a newline.
  Status Write(std::string_view line);
  Status Close();

 private:
  Output(std::FILE* f, std::string path, bool owned) : f_(f), path_(std::move(path)), owned_(owned) {}
  std::FILE* f_;
  std::string path_;
  bool owned_;
};

}  // namespace newsmine::pipeline

#endif  // NEWSMINE_PIPELINE_OUTPUT_H_
