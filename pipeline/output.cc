#include "pipeline/output.h"

#include <cerrno>
#include <cstring>

namespace newsmine::pipeline {

Result<std::unique_ptr<Output>> Output::Open(const std::string& path) {
  if (path == "-") return std::unique_ptr<Output>(new Output(stdout, "stdout", false));
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) return IoError(path + ": cannot write: " + std::strerror(errno));
  return std::unique_ptr<Output>(new Output(f, path, true));
}

Output::~Output() { (void)Close(); }

Status Output::Write(std::string_view line) {
  if (!f_) return IoError(path_ + ": already closed");
  if (std::fwrite(line.data(), 1, line.size(), f_) != line.size() ||
      std::fputc('\n', f_) == EOF || std::fflush(f_) != 0) {
    return IoError(path_ + ": write failed: " + std::strerror(errno));
  }
  return Status::Ok();
}

Status Output::Close() {
  if (!f_) return Status::Ok();
  const int rc = owned_ ? std::fclose(f_) : std::fflush(f_);
  f_ = nullptr;
  if (rc != 0) return IoError(path_ + ": close failed: " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace newsmine::pipeline
