// Helpers shared by the tests: where the source tree and ../shared are,
// temporary directories, and reading files.
#ifndef NEWSMINE_TESTS_TESTING_TESTING_H_
#define NEWSMINE_TESTS_TESTING_TESTING_H_

#include <filesystem>
#include <string>

namespace newsmine::testing {

// The project's source directory (corpora/, tests/data/ ...).
std::filesystem::path SourceDir();
// ../shared beside the project, or empty when it is not there; tests that
// need it call GTEST_SKIP() then.
std::filesystem::path SharedDir();
// A fresh, empty directory under the system temp dir, removed at exit.
std::filesystem::path TempDir(const std::string& name);

std::string ReadFile(const std::filesystem::path& p);
// `s` gzipped as one member, as a server or a WARC writer would send it.
std::string Gzip(const std::string& s);
void WriteFile(const std::filesystem::path& p, const std::string& bytes);

}  // namespace newsmine::testing

#endif  // NEWSMINE_TESTS_TESTING_TESTING_H_
