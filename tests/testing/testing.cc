#include "tests/testing/testing.h"

#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

namespace newsmine::testing {
namespace {

// Removes the temporary directories when the test binary exits.
struct Cleanup {
  std::vector<std::filesystem::path> dirs;
  ~Cleanup() {
    std::error_code ec;
    for (const auto& d : dirs) std::filesystem::remove_all(d, ec);
  }
};
Cleanup& cleanup() {
  static Cleanup c;
  return c;
}

}  // namespace

std::filesystem::path SourceDir() {
  if (const char* env = std::getenv("NEWSMINE_SOURCE_DIR"); env && *env) return env;
  return NEWSMINE_SOURCE_DIR;
}

std::filesystem::path SharedDir() {
  const auto p = SourceDir().parent_path() / "shared";
  return std::filesystem::is_directory(p) ? p : std::filesystem::path();
}

std::filesystem::path TempDir(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() /
           ("newsmine-" + name + "-" + std::to_string(::getpid()) + "-" +
            std::to_string(cleanup().dirs.size()));
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  cleanup().dirs.push_back(p);
  return p;
}

std::string Gzip(const std::string& s) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, s.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = static_cast<uInt>(s.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteFile(const std::filesystem::path& p, const std::string& bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

}  // namespace newsmine::testing
