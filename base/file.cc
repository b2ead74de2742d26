#include "base/file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace newsmine {
namespace {

// Appends the rest of `f`; false when a read fails.
bool Drain(std::FILE* f, std::string* out) {
  char buf[1 << 16];
  while (size_t n = std::fread(buf, 1, sizeof buf, f)) out->append(buf, n);
  return !std::ferror(f);
}

}  // namespace

Status ReadFile(const std::string& path, std::string* out) {
  out->clear();
  if (path == "-") {
    if (!Drain(stdin, out)) return IoError("standard input: read failed: " + std::string(std::strerror(errno)));
    return Status::Ok();
  }
  // fopen succeeds on a directory on Linux and only the read fails, with a
  // message ("Is a directory") that reads like a disk fault.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return InvalidArgumentError(path + ": is a directory, not a file");
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    const int err = errno;
    const std::string msg = path + ": cannot read: " + std::strerror(err);
    return err == ENOENT ? NotFoundError(msg) : IoError(msg);
  }
  const bool ok = Drain(f, out);
  const int err = errno;
  std::fclose(f);
  if (!ok) return IoError(path + ": read failed: " + std::strerror(err));
  return Status::Ok();
}

}  // namespace newsmine
