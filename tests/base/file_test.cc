#include "base/file.h"

#include <gtest/gtest.h>

#include "tests/testing/testing.h"

namespace newsmine {
namespace {

TEST(ReadFileTest, ReadsBytesAsTheyAre) {
  const auto dir = testing::TempDir("read_file");
  const std::string bytes = std::string("В 2023 году\r\n\0binary", 22) + std::string(200000, 'x');
  testing::WriteFile(dir / "a.txt", bytes);
  std::string out = "left over";
  ASSERT_TRUE(newsmine::ReadFile((dir / "a.txt").string(), &out).ok());
  EXPECT_EQ(out, bytes);
}

TEST(ReadFileTest, EmptyFileIsEmpty) {
  const auto dir = testing::TempDir("read_file_empty");
  testing::WriteFile(dir / "e.txt", "");
  std::string out = "left over";
  ASSERT_TRUE(newsmine::ReadFile((dir / "e.txt").string(), &out).ok());
  EXPECT_TRUE(out.empty());
}

TEST(ReadFileTest, MissingFileIsNotFoundAndNamed) {
  std::string out;
  const Status s = newsmine::ReadFile("/nonexistent/newsmine/x.txt", &out);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "/nonexistent/newsmine/x.txt: cannot read: No such file or directory");
}

// Bug: `newsmine nlp DIR` ended in an uncaught std::ios_base::failure and
// `newsmine extract DIR` said "read failed".
TEST(ReadFileTest, DirectoryIsAnErrorThatSaysSo) {
  const auto dir = testing::TempDir("read_file_dir");
  std::string out;
  const Status s = newsmine::ReadFile(dir.string(), &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), dir.string() + ": is a directory, not a file");
}

}  // namespace
}  // namespace newsmine
