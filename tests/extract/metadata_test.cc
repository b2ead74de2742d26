#include "extract/metadata.h"

#include <gtest/gtest.h>

namespace newsmine::extract {
namespace {

TEST(NormalizeUrl, RecordsMdCanonicalUrl) {
  struct Case { const char* in; const char* out; } cases[] = {
      {"HTTPS://Orda.KZ:443/a/b?utm_source=x&id=5&fbclid=z#frag", "https://orda.kz/a/b?id=5"},
      {"http://example.com:80", "http://example.com/"},
      {"https://example.com/p?gclid=1&utm_medium=2", "https://example.com/p"},
      {"https://example.com:8080/p", "https://example.com:8080/p"},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeUrl(c.in), c.out) << c.in;
}

TEST(RegistrableDomain, PublicSuffixList) {
  EXPECT_EQ(RegistrableDomain("kz.kursiv.media"), "kursiv.media");
  EXPECT_EQ(RegistrableDomain("www.bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(RegistrableDomain("orda.kz"), "orda.kz");
  EXPECT_EQ(RegistrableDomain("news.gov.kz"), "news.gov.kz");
  // Addresses are their own site (was "0.1" for a crawl of a local server).
  EXPECT_EQ(RegistrableDomain("127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(RegistrableDomain("[::1]"), "[::1]");
}

TEST(ResolveUrl, Forms) {
  EXPECT_EQ(ResolveUrl("https://a.kz/x/y.html", "/z"), "https://a.kz/z");
  EXPECT_EQ(ResolveUrl("https://a.kz/x/y.html", "z.html"), "https://a.kz/x/z.html");
  EXPECT_EQ(ResolveUrl("https://a.kz/x/", "//b.kz/q"), "https://b.kz/q");
}

TEST(CleanTitle, SiteSuffixes) {
  EXPECT_EQ(CleanTitle("Headline here | Orda.kz", ""), "Headline here");
  EXPECT_EQ(CleanTitle("Жертвы вернулись домой - Новости Казахстана", ""), "Жертвы вернулись домой");
  EXPECT_EQ(CleanTitle("Steppe Times | Police free workers", "Steppe Times"), "Police free workers");
  EXPECT_EQ(CleanTitle("Covid - what we know", ""), "Covid - what we know");
}

TEST(DetectLang, ScriptAndKazakhLetters) {
  EXPECT_EQ(DetectLang("", "Полиция освободила четырнадцать человек на кирпичном заводе"), "ru");
  EXPECT_EQ(DetectLang("ru", "Түркістан облысында адам саудасына қатысты қылмыстық іс тіркелді"), "kk");
  EXPECT_EQ(DetectLang("", "Police freed fourteen people held at a brick factory"), "en");
  EXPECT_EQ(DetectLang("kz", ""), "kz");
  EXPECT_EQ(DetectLang("pt", "A polícia libertou catorze pessoas numa fábrica"), "pt");
}

TEST(ReadMetadata, JsonLdGraphAndMeta) {
  HtmlTree t = HtmlTree::Parse(R"(<html lang="ru-RU"><head><title>T | S</title>
    <script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle",
      "headline":"H","datePublished":"2024-02-14T08:00:00+06:00","author":[{"name":"Ерлан Абенов"}],
      "articleBody":"Body"}]}</script>
    <link rel="canonical" href="/news/1"></head><body><h1>Other</h1></body></html>)");
  Metadata m = ReadMetadata(t);
  EXPECT_EQ(m.title, "H");
  EXPECT_EQ(*m.published, "2024-02-14T08:00:00+06:00");
  EXPECT_EQ(m.published_source, "json-ld");
  ASSERT_EQ(m.authors.size(), 1u);
  EXPECT_EQ(m.authors[0], "Ерлан Абенов");
  EXPECT_EQ(m.lang, "ru");
  EXPECT_EQ(m.canonical, "/news/1");
  EXPECT_EQ(m.json_ld_body, "Body");
}

TEST(ReadMetadata, BrokenJsonLdIsIgnored) {
  HtmlTree t = HtmlTree::Parse(R"(<script type="application/ld+json">{"@type": "NewsArticle", </script>
    <meta property="article:published_time" content="2024-07-05"><title>X</title>)");
  Metadata m = ReadMetadata(t);
  EXPECT_EQ(*m.published, "2024-07-05");
  EXPECT_EQ(m.published_source, "meta");
}

}  // namespace
}  // namespace newsmine::extract
