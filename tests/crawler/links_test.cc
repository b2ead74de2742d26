#include "crawler/links.h"

#include <gtest/gtest.h>

namespace newsmine::crawler {
namespace {

std::vector<std::string> Hrefs(const PageLinks& p) {
  std::vector<std::string> v;
  for (const Link& l : p.links) v.push_back(l.href);
  return v;
}

struct Case {
  const char* name;
  const char* html;
  std::vector<std::string> hrefs;
};

const Case kCases[] = {
    {"DoubleQuoted", R"(<a href="/n/1">x</a>)", {"/n/1"}},
    {"SingleQuoted", R"(<a href='/n/2'>x</a>)", {"/n/2"}},
    {"Unquoted", R"(<a href=/n/3 class=x>x</a>)", {"/n/3"}},
    {"UpperCaseTagAndAttribute", R"(<A HREF="/n/4">x</A>)", {"/n/4"}},
    {"SpacesAroundEquals", "<a  href = \"/n/5\" >", {"/n/5"}},
    {"AttributeOrder", R"(<a class="c" data-x='a>b' href="/n/6">)", {"/n/6"}},
    {"GreaterThanInQuotedValue", R"(<a title="a > b" href="/n/7">)", {"/n/7"}},
    {"EntityAmp", R"(<a href="/s?a=1&amp;b=2">)", {"/s?a=1&b=2"}},
    {"NumericEntities", R"(<a href="/s?a=1&#38;b=2&#x26;c=3">)", {"/s?a=1&b=2&c=3"}},
    {"BareAmpersandKept", R"(<a href="/s?a=1&b=2">)", {"/s?a=1&b=2"}},
    {"Area", R"(<map><area href="/m/1"></map>)", {"/m/1"}},
    {"EmptyHrefSkipped", R"(<a href="">x</a><a name="top">)", {}},
    {"CommentSkipped", R"(<!-- <a href="/hidden"> --><a href="/shown">)", {"/shown"}},
    {"ScriptSkipped", R"(<script>var s = '<a href="/js">';</script><a href="/after">)", {"/after"}},
    {"ScriptEndTagCase", R"(<SCRIPT>x='<a href="/js">'</Script ><a href="/ok">)", {"/ok"}},
    {"StyleSkipped", R"(<style>a[href="/css"]{}</style><a href="/ok">)", {"/ok"}},
    {"LessThanInText", R"(1 < 2 and <a href="/ok">)", {"/ok"}},
    {"Doctype", R"(<!DOCTYPE html><a href="/ok">)", {"/ok"}},
    {"ClosingTagIgnored", R"(</a href="/no"><a href="/ok">)", {"/ok"}},
    {"UnterminatedQuoteIsTotal", R"(<a href="/cut)", {"/cut"}},
    {"TruncatedTag", R"(<a hre)", {}},
    {"Windows1251BytesPassThrough", "<a href=\"/\xed\xee\xe2\xee\xf1\xf2\xe8\">", {"/\xed\xee\xe2\xee\xf1\xf2\xe8"}},
    {"FirstOfRepeatedAttributes", R"(<a href="/first" href="/second">)", {"/first"}},
};

TEST(Links, AnchorTable) {
  for (const Case& c : kCases) EXPECT_EQ(Hrefs(FindLinks(c.html)), c.hrefs) << c.name;
}

TEST(Links, LinkRelKinds) {
  PageLinks p = FindLinks(R"(<head>
    <link rel="canonical" href="https://a.kz/n/1">
    <link rel="next" href="/page/2">
    <link rel="alternate" type="application/RSS+xml" href="/rss">
    <link rel="stylesheet" href="/s.css">
    <link rel="Alternate Canonical" href="/both">
  </head>)");
  ASSERT_EQ(p.links.size(), 4u);
  EXPECT_EQ(p.links[0].kind, LinkKind::kCanonical);
  EXPECT_EQ(p.links[1].kind, LinkKind::kNext);
  EXPECT_EQ(p.links[2].kind, LinkKind::kAlternate);
  EXPECT_EQ(p.links[2].type, "application/rss+xml");
  EXPECT_EQ(p.links[3].kind, LinkKind::kCanonical);  // canonical wins over alternate
}

TEST(Links, Html_4_2_3_FirstBaseWins) {
  PageLinks p = FindLinks(R"(<base href="https://cdn.a.kz/x/"><base href="/other/"><a href="y">)");
  EXPECT_EQ(p.base, "https://cdn.a.kz/x/");
}

TEST(Links, Nofollow) {
  PageLinks p = FindLinks(R"(<a rel="sponsored nofollow" href="/ad"><a href="/n">)");
  ASSERT_EQ(p.links.size(), 2u);
  EXPECT_TRUE(p.links[0].nofollow);
  EXPECT_FALSE(p.links[1].nofollow);
}

TEST(Links, GarbageIsTotal) {
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 7919) % 256);
  junk += "<a href=";
  (void)FindLinks(junk);  // must not crash or hang
  (void)FindLinks("<");
  (void)FindLinks("<!--");
  (void)FindLinks("<script>");
}

}  // namespace
}  // namespace newsmine::crawler
