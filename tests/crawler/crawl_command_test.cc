// `newsmine crawl` (pipeline/crawl_command.cc): usage errors, config
// errors with file and line, and an ad hoc crawl with its summary.
#include "pipeline/crawl_command.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/pipeline.h"
#include "tests/crawler/test_site.h"
#include "tests/testing/testing.h"

namespace newsmine::pipeline {
namespace {
namespace fs = std::filesystem;

TEST(CrawlCommand, UsageErrors) {
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunCrawl({}), kExitUsage);
  EXPECT_EQ(RunCrawl({.config = "x.toml", .seeds = {"https://a.kz/"}}), kExitUsage);
  EXPECT_EQ(RunCrawl({.seeds = {"https://a.kz/"}}), kExitUsage) << "no --out";
  EXPECT_EQ(RunCrawl({.seeds = {"a.kz"}, .out_dir = "/tmp/x"}), kExitUsage);
  EXPECT_EQ(RunCrawl({.seeds = {"https://a.kz/"}, .out_dir = "/tmp/x", .delay_seconds = -1}), kExitUsage);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("--config FILE or --seed"), std::string::npos) << err;
}

TEST(CrawlCommand, ConfigErrorNamesFileAndLine) {
  const fs::path dir = newsmine::testing::TempDir("crawl_cmd_config");
  newsmine::testing::WriteFile(dir / "crawl.toml", "[crawl]\nout = \"o\"\nper_hots = 2\n[[site]]\nstart_urls = [\"https://a.kz/\"]\n");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunCrawl({.config = (dir / "crawl.toml").string()}), kExitUsage);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("crawl.toml:3: crawl.per_hots: unknown key"), std::string::npos) << err;
}

TEST(CrawlCommand, AdHocCrawlPrintsSummary) {
  const fs::path dir = newsmine::testing::TempDir("crawl_cmd");
  auto site = crawler::testing::TestSite::Start((dir / "requests.log").string());
  ASSERT_TRUE(site);
  ::testing::internal::CaptureStdout();
  const int rc = RunCrawl({.seeds = {site->Main("/")}, .out_dir = (dir / "out").string(),
                           .user_agent = "newsmine-test/1.0 (+http://127.0.0.1/contact)", .delay_seconds = 0,
                           .per_host = 2, .max_pages = 8, .progress = false});
  const std::string out = ::testing::internal::GetCapturedStdout();
  EXPECT_EQ(rc, kExitOk) << out;
  EXPECT_NE(out.find("127.0.0.1:" + std::to_string(site->main_port())), std::string::npos) << out;
  EXPECT_NE(out.find("8 pages"), std::string::npos) << out;
  EXPECT_TRUE(fs::exists(dir / "out" / "crawl.sqlite"));
  int warcs = 0;
  for (const auto& e : fs::directory_iterator(dir / "out")) warcs += e.path().string().ends_with(".warc.gz");
  EXPECT_EQ(warcs, 1);
}

}  // namespace
}  // namespace newsmine::pipeline
