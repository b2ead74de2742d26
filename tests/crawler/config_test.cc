#include "crawler/config.h"

#include <gtest/gtest.h>

#include "tests/testing/testing.h"

namespace newsmine::crawler {
namespace {

TEST(Config, FullExample) {
  Result<CrawlOptions> o = ParseCrawlConfig(R"toml(
[crawl]
out = "crawl"
user_agent = "newsmine/0.1 (+https://example.org/contact)"
delay = 1.5
per_host = 2
max_pages = 100
timeout = 30

[[site]]
name = "orda.kz"
start_urls = ["https://orda.kz/"]
feeds = ["https://orda.kz/rss/"]
sitemaps = ["https://orda.kz/sitemap.xml"]
article_patterns = ['https://orda\.kz/[a-z0-9-]+-\d+/']
follow_patterns = ['https://orda\.kz/category/.*']

[[site]]
start_urls = ["https://kursiv.media/"]
max_pages = 10
)toml", "crawl.toml");
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->out_dir, "crawl");
  EXPECT_EQ(o->min_delay, std::chrono::milliseconds(1500));
  EXPECT_EQ(o->per_host, 2);
  EXPECT_EQ(o->max_pages, 100);
  EXPECT_EQ(o->total_timeout, std::chrono::milliseconds(30000));
  ASSERT_EQ(o->sites.size(), 2u);
  EXPECT_EQ(o->sites[0].name, "orda.kz");
  EXPECT_EQ(o->sites[0].article_patterns.size(), 1u);
  EXPECT_EQ(o->sites[1].max_pages, 10);
}

struct BadCase {
  const char* name;
  const char* toml;
  std::vector<std::string> messages;  // each must appear in the error
};

const BadCase kBad[] = {
    {"UnknownKeyNamesLine", "[crawl]\nout = \"x\"\ndelya = 1\n[[site]]\nstart_urls = [\"https://a.kz/\"]\n",
     {"crawl.toml:3: crawl.delya: unknown key"}},
    {"WrongType", "[crawl]\nper_host = \"two\"\n[[site]]\nstart_urls = [\"https://a.kz/\"]\n",
     {"crawl.toml:2: crawl.per_host: must be an integer"}},
    {"BelowMinimum", "[crawl]\nper_host = 0\n[[site]]\nstart_urls = [\"https://a.kz/\"]\n",
     {"crawl.toml:2: crawl.per_host: must be at least 1"}},
    {"NegativeDelay", "[crawl]\ndelay = -1\n[[site]]\nstart_urls = [\"https://a.kz/\"]\n",
     {"crawl.toml:2: crawl.delay: must be a non-negative number"}},
    {"BadUrl", "[[site]]\nstart_urls = [\n  \"https://a.kz/\",\n  \"ftp://b.kz/\"]\n",
     {"crawl.toml:4: site[1].start_urls: 'ftp://b.kz/' is not an http(s) URL"}},
    {"SiteWithoutUrls", "[[site]]\nname = \"a\"\n", {"site[1]: needs start_urls, feeds or sitemaps"}},
    {"NoSites", "[crawl]\nout = \"x\"\n", {"crawl.toml:1: site: no [[site]] tables"}},
    {"AllErrorsReported", "[crawl]\nfoo = 1\nbar = 2\n[[site]]\nstart_urls = [\"https://a.kz/\"]\nbaz = 3\n",
     {"crawl.toml:2: crawl.foo", "crawl.toml:3: crawl.bar", "crawl.toml:6: site[1].baz"}},
    {"TomlSyntax", "[crawl\nout = 1\n", {"crawl.toml:1:"}},
    {"UserAgentWithoutContact",
     "[crawl]\nuser_agent = \"newsmine/0.1\"\n[[site]]\nstart_urls = [\"https://a.kz/\"]\nuser_agent = \"x/1\"\n",
     {"crawl.toml:2: crawl.user_agent: needs a contact URL or e-mail",
      "crawl.toml:5: site[1].user_agent: needs a contact URL or e-mail"}},
    {"NegativeSiteDelay", "[[site]]\nstart_urls = [\"https://a.kz/\"]\ndelay = -2\n",
     {"crawl.toml:3: site[1].delay: must be a non-negative number"}},
};

TEST(Config, ErrorsNameKeyAndLine) {
  for (const BadCase& c : kBad) {
    Result<CrawlOptions> o = ParseCrawlConfig(c.toml, "crawl.toml");
    ASSERT_FALSE(o.ok()) << c.name;
    EXPECT_EQ(o.status().code(), StatusCode::kInvalidArgument) << c.name;
    for (const std::string& m : c.messages)
      EXPECT_NE(o.status().message().find(m), std::string::npos) << c.name << ": " << o.status().message();
  }
}

// Some sites ask for a longer gap or another User-Agent than the rest.
TEST(Config, PerSiteDelayAndUserAgent) {
  Result<CrawlOptions> o = ParseCrawlConfig(R"toml(
[crawl]
delay = 1
[[site]]
start_urls = ["https://a.kz/"]
delay = 5.5
user_agent = "newsmine/0.1 (mailto:desk@example.org)"
[[site]]
start_urls = ["https://b.kz/"]
)toml", "crawl.toml");
  ASSERT_TRUE(o.ok()) << o.status().message();
  ASSERT_EQ(o->sites.size(), 2u);
  EXPECT_EQ(o->sites[0].delay, std::chrono::milliseconds(5500));
  EXPECT_EQ(o->sites[0].user_agent, "newsmine/0.1 (mailto:desk@example.org)");
  EXPECT_FALSE(o->sites[1].delay.has_value()) << "crawl.delay applies";
  EXPECT_EQ(o->sites[1].user_agent, "");
  EXPECT_TRUE(HasContact("bot/1 (+https://example.org/bot)"));
  EXPECT_FALSE(HasContact("bot/1"));
}

TEST(Config, LoadFromFile) {
  const auto dir = testing::TempDir("crawl_config");
  testing::WriteFile(dir / "c.toml", "[[site]]\nstart_urls = [\"https://a.kz/\"]\n");
  EXPECT_TRUE(LoadCrawlConfig((dir / "c.toml").string()).ok());
  Result<CrawlOptions> missing = LoadCrawlConfig((dir / "none.toml").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("none.toml"), std::string::npos);
}

}  // namespace
}  // namespace newsmine::crawler
