#include "crawler/robots.h"

#include <gtest/gtest.h>

namespace newsmine::crawler {
namespace {

struct Case {
  const char* name;  // the RFC 9309 section the case comes from
  const char* robots;
  const char* path;
  bool allowed;
};

const Case kCases[] = {
    {"Rfc9309_2_2_2_LongestMatchWins", "User-agent: *\nDisallow: /news\nAllow: /news/public\n", "/news/public/1", true},
    {"Rfc9309_2_2_2_LongestMatchWinsDisallow", "User-agent: *\nAllow: /news\nDisallow: /news/private\n", "/news/private/1", false},
    {"Rfc9309_2_2_2_AllowWinsTie", "User-agent: *\nDisallow: /page\nAllow: /page\n", "/page", true},
    {"Rfc9309_2_2_2_AllowWinsTieOrderIndependent", "User-agent: *\nAllow: /page\nDisallow: /page\n", "/page", true},
    {"Rfc9309_2_2_2_NoMatchAllows", "User-agent: *\nDisallow: /private\n", "/public", true},
    {"Rfc9309_2_2_2_EmptyDisallowAllows", "User-agent: *\nDisallow:\n", "/anything", true},
    {"Rfc9309_2_2_2_RobotsTxtAlwaysAllowed", "User-agent: *\nDisallow: /\n", "/robots.txt", true},
    {"Rfc9309_2_2_2_CaseSensitivePaths", "User-agent: *\nDisallow: /News\n", "/news", true},
    {"Rfc9309_2_2_2_PercentEncodingNormalised", "User-agent: *\nDisallow: /%7euser\n", "/~user/x", false},
    {"Rfc9309_2_2_2_Utf8PatternMatchesEscapedPath", "User-agent: *\nDisallow: /новости\n", "/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1", false},
    {"Rfc9309_2_2_2_QueryIsMatched", "User-agent: *\nDisallow: /*?print=1\n", "/n/1?print=1", false},
    {"Rfc9309_2_2_3_StarMatchesAnything", "User-agent: *\nDisallow: /*/amp/\n", "/n/123/amp/", false},
    {"Rfc9309_2_2_3_StarMatchesEmpty", "User-agent: *\nDisallow: /n*1\n", "/n1", false},
    {"Rfc9309_2_2_3_DollarAnchors", "User-agent: *\nDisallow: /*.pdf$\n", "/doc.pdf", false},
    {"Rfc9309_2_2_3_DollarAnchorsNotPrefix", "User-agent: *\nDisallow: /*.pdf$\n", "/doc.pdf?x=1", true},
    {"Rfc9309_2_2_3_DollarExact", "User-agent: *\nDisallow: /$\n", "/", false},
    {"Rfc9309_2_2_3_DollarExactOtherPath", "User-agent: *\nDisallow: /$\n", "/n/1", true},
    {"Rfc9309_2_2_3_StarAndDollarLongestWins", "User-agent: *\nDisallow: /*\nAllow: /*.html$\n", "/a/b.html", true},
    {"Rfc9309_2_2_3_MultipleStars", "User-agent: *\nDisallow: /a*b*c\n", "/axxbyyc/z", false},
    {"Rfc9309_2_2_3_MultipleStarsNoMatch", "User-agent: *\nDisallow: /a*b*c\n", "/axxcyyb", true},
    {"Rfc9309_2_2_1_SpecificGroupWins", "User-agent: *\nDisallow: /\n\nUser-agent: newsmine\nDisallow: /private\n", "/news", true},
    {"Rfc9309_2_2_1_SpecificGroupApplies", "User-agent: *\nDisallow: /\n\nUser-agent: newsmine\nDisallow: /private\n", "/private/1", false},
    {"Rfc9309_2_2_1_UserAgentCaseInsensitive", "User-agent: NewsMine\nDisallow: /x\n", "/x", false},
    {"Rfc9309_2_2_1_ProductTokenOfVersionedAgent", "User-agent: newsmine/2.0\nDisallow: /x\n", "/x", false},
    {"Rfc9309_2_2_1_OtherAgentIgnored", "User-agent: otherbot\nDisallow: /\n", "/x", true},
    {"Rfc9309_2_2_1_PrefixOfTokenIsNotMatch", "User-agent: news\nDisallow: /\n", "/x", true},
    {"Rfc9309_2_2_1_GroupsCombined", "User-agent: newsmine\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\nUser-agent: newsmine\nDisallow: /c\n", "/c", false},
    {"Rfc9309_2_2_1_ConsecutiveAgentsShareGroup", "User-agent: other\nUser-agent: newsmine\nDisallow: /x\n", "/x", false},
    {"Rfc9309_2_2_1_EmptySpecificGroupAllowsAll", "User-agent: *\nDisallow: /\nUser-agent: newsmine\n", "/x", true},
    {"Rfc9309_2_2_1_RuleAfterAgentEndsGroup", "User-agent: a\nDisallow: /x\nUser-agent: newsmine\nDisallow: /y\n", "/x", true},
    {"Rfc9309_2_2_4_SitemapDoesNotEndGroup", "User-agent: newsmine\nSitemap: https://a.kz/s.xml\nDisallow: /x\n", "/x", false},
    {"Rfc9309_2_1_CommentsIgnored", "User-agent: * # all\nDisallow: /x # no x\n", "/x", false},
    {"Rfc9309_2_1_KeysCaseInsensitive", "USER-AGENT: *\nDISALLOW: /x\n", "/x", false},
    {"Rfc9309_2_1_CrLfLines", "User-agent: *\r\nDisallow: /x\r\n", "/x", false},
    {"Rfc9309_2_1_CrOnlyLines", "User-agent: *\rDisallow: /x\r", "/x", false},
    {"Rfc9309_2_1_Bom", "\xEF\xBB\xBFUser-agent: *\nDisallow: /x\n", "/x", false},
    {"Rfc9309_2_1_NoGroupNoRules", "Disallow: /x\n", "/x", true},
    {"Lenient_Misspelling", "User-agent: *\nDisalow: /x\n", "/x", false},
    {"Lenient_GarbageLinesIgnored", "<html>\nUser-agent: *\nfoo bar\nDisallow: /x\n", "/x", false},
};

TEST(Robots, Rfc9309Table) {
  for (const Case& c : kCases) {
    Robots r = Robots::Parse(c.robots, "newsmine");
    EXPECT_EQ(r.Allowed(c.path), c.allowed) << c.name;
  }
}

TEST(Robots, Rfc9309_2_3_1_StatusCodes) {
  const struct {
    int status;
    bool allowed;
  } kCodes[] = {{200, false}, {301, true}, {401, true}, {403, true}, {404, true}, {410, true},
                {429, false}, {500, false}, {503, false}, {0, false}};
  for (const auto& c : kCodes) {
    Robots r = Robots::ForStatus(c.status, "User-agent: *\nDisallow: /\n", "newsmine");
    EXPECT_EQ(r.Allowed("/n/1"), c.allowed) << c.status;
    EXPECT_TRUE(r.Allowed("/robots.txt")) << c.status;
  }
}

TEST(Robots, Rfc9309_2_5_ParsesOnly500KiB) {
  std::string body = "User-agent: *\n";
  while (body.size() < kRobotsMaxBytes - 100) body += "Disallow: /filler-rule-that-does-not-match\n";
  body += "Disallow: /late\n";  // past the limit once padded below
  std::string padded = body.substr(0, body.size() - 16);
  while (padded.size() < kRobotsMaxBytes + 10) padded += "#";
  padded += "\nDisallow: /late\n";
  EXPECT_TRUE(Robots::Parse(padded, "newsmine").Allowed("/late"));
  EXPECT_FALSE(Robots::Parse(body, "newsmine").Allowed("/late"));
}

TEST(Robots, CrawlDelayOfUsedGroup) {
  Robots r = Robots::Parse("User-agent: *\nCrawl-delay: 2\n\nUser-agent: newsmine\nCrawl-delay: 0.5\n", "newsmine");
  ASSERT_TRUE(r.crawl_delay());
  EXPECT_DOUBLE_EQ(*r.crawl_delay(), 0.5);
  EXPECT_TRUE(r.matched_specific_group());
  Robots g = Robots::Parse("User-agent: *\nCrawl-delay: 2\n", "newsmine");
  EXPECT_DOUBLE_EQ(g.crawl_delay().value_or(-1), 2.0);
  EXPECT_FALSE(Robots::Parse("User-agent: *\nCrawl-delay: soon\n", "newsmine").crawl_delay());
}

TEST(Robots, Rfc9309_2_2_4_Sitemaps) {
  Robots r = Robots::Parse("Sitemap: https://a.kz/s1.xml\nUser-agent: *\nDisallow:\nsitemap: https://a.kz/s2.xml\n", "x");
  EXPECT_EQ(r.sitemaps(), (std::vector<std::string>{"https://a.kz/s1.xml", "https://a.kz/s2.xml"}));
}

TEST(Robots, PatternMatcherEdges) {
  EXPECT_TRUE(RobotsPatternMatches("/", "/"));
  EXPECT_TRUE(RobotsPatternMatches("*", "/x"));
  EXPECT_TRUE(RobotsPatternMatches("/a**b", "/ab"));
  EXPECT_FALSE(RobotsPatternMatches("/a*b$", "/ab/"));
  EXPECT_TRUE(RobotsPatternMatches("/a*b$", "/aXbYb"));
  EXPECT_FALSE(RobotsPatternMatches("/ab*ba$", "/aba"));  // pieces may not overlap
}

}  // namespace
}  // namespace newsmine::crawler
