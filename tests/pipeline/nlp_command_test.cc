// `newsmine nlp` on real files in a temporary directory: bad input gives a
// clear message and a non-zero exit at the end, never a crash, and never
// loses the output already produced for other inputs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/pipeline.h"
#include "tests/testing/testing.h"

namespace newsmine::pipeline {
namespace {

using newsmine::testing::ReadFile;
using newsmine::testing::TempDir;
using newsmine::testing::WriteFile;

std::vector<nlohmann::json> Records(const std::string& path) {
  std::vector<nlohmann::json> out;
  std::istringstream in(ReadFile(path));
  std::string line;
  while (std::getline(in, line)) out.push_back(nlohmann::json::parse(line));
  return out;
}

NlpOptions Options(const std::filesystem::path& dir, std::vector<std::string> inputs) {
  NlpOptions o;
  o.inputs = std::move(inputs);
  o.output = (dir / "out.jsonl").string();
  o.corpora_dir = (newsmine::testing::SourceDir() / "corpora").string();
  return o;
}

const char kArticle[] = "Trafficking case in Almaty\nPolice detained eight people suspected of human trafficking.\n";

TEST(NlpCommandTest, TextFileGivesARecordWithFactsAndStamps) {
  const auto dir = TempDir("nlp");
  WriteFile(dir / "a.txt", kArticle);
  NlpOptions o = Options(dir, {(dir / "a.txt").string()});
  o.published = "2024-07-05";
  ASSERT_EQ(RunNlp(o), kExitOk);
  const auto r = Records(o.output);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0]["url"], (dir / "a.txt").string());
  EXPECT_EQ(r[0]["title"], "Trafficking case in Almaty");
  EXPECT_EQ(r[0]["published"], "2024-07-05");
  EXPECT_EQ(r[0]["lang"], "en");
  EXPECT_FALSE(r[0]["pipeline"]["version"].get<std::string>().empty());
  EXPECT_FALSE(r[0]["pipeline"]["rules"].get<std::string>().empty());
  EXPECT_GE(r[0]["facts"].size(), 2u);
}

TEST(NlpCommandTest, BadInputsAreReportedAndTheOthersStillWritten) {
  const auto dir = TempDir("nlp-bad");
  WriteFile(dir / "good.txt", kArticle);
  WriteFile(dir / "binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "bad-utf8.txt", std::string("Police detained eight people \xFF\xFE in Astana. Human trafficking.\n"));
  WriteFile(dir / "records.jsonl",
            std::string(R"({"url": "https://orda.kz/1", "text": "Police in Shymkent detained 11 suspects of human trafficking."})") +
                "\n{broken json\n" + R"({"url": "https://orda.kz/2", "text": "Нет фактов."})" + "\n");
  std::filesystem::create_directory(dir / "a-directory");
  NlpOptions o = Options(dir, {(dir / "good.txt").string(), (dir / "missing.txt").string(),
                               (dir / "a-directory").string(),
                               (dir / "binary.txt").string(), (dir / "empty.txt").string(),
                               (dir / "bad-utf8.txt").string(), (dir / "records.jsonl").string()});
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunNlp(o), kExitPartial);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find((dir / "missing.txt").string() + ": cannot read"), std::string::npos) << err;
  // Was an uncaught std::ios_base::failure.
  EXPECT_NE(err.find((dir / "a-directory").string() + ": is a directory"), std::string::npos) << err;
  EXPECT_NE(err.find((dir / "binary.txt").string() + ": binary data"), std::string::npos) << err;
  EXPECT_NE(err.find((dir / "empty.txt").string() + ": empty text"), std::string::npos) << err;
  EXPECT_NE(err.find((dir / "bad-utf8.txt").string() + ": 2 invalid UTF-8 byte(s) replaced, at byte 29, 30"),
            std::string::npos) << err;
  EXPECT_NE(err.find((dir / "records.jsonl").string() + ":2: not valid JSON; line skipped"), std::string::npos) << err;
  const auto r = Records(o.output);
  ASSERT_EQ(r.size(), 5u);  // good, empty, bad-utf8 and the two good JSON lines
  EXPECT_EQ(r[3]["url"], "https://orda.kz/1");
  EXPECT_EQ(r[4]["url"], "https://orda.kz/2");
}

TEST(NlpCommandTest, BrokenRulePackStopsBeforeAnyInput) {
  const auto dir = TempDir("nlp-rules");
  WriteFile(dir / "corpora/rules/pack.toml", "[pack]\nversion = \n");
  WriteFile(dir / "a.txt", kArticle);
  NlpOptions o = Options(dir, {(dir / "a.txt").string()});
  o.corpora_dir = (dir / "corpora").string();
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunNlp(o), kExitUsage);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find((dir / "corpora/rules/pack.toml").string() + ":2"), std::string::npos) << err;
}

TEST(NlpCommandTest, UnknownLanguageIsAUsageError) {
  const auto dir = TempDir("nlp-lang");
  NlpOptions o = Options(dir, {"x.txt"});
  o.lang = "de";
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunNlp(o), kExitUsage);
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("--lang must be"), std::string::npos);
}

TEST(NlpCommandTest, UnwritableOutputIsAnError) {
  NlpOptions o = Options(TempDir("nlp-out"), {"x.txt"});
  o.output = "/nonexistent/dir/out.jsonl";
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunNlp(o), kExitUsage);
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("/nonexistent/dir/out.jsonl: cannot write"), std::string::npos);
}

}  // namespace
}  // namespace newsmine::pipeline
