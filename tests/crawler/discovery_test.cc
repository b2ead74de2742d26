#include "crawler/discovery.h"

#include <gtest/gtest.h>
#include <zlib.h>

namespace newsmine::crawler {
namespace {

std::vector<std::string> Urls(const std::vector<DiscoveredUrl>& d) {
  std::vector<std::string> v;
  for (const DiscoveredUrl& u : d) v.push_back((u.is_sitemap ? "S " : "") + u.url);
  return v;
}

struct Case {
  const char* name;
  const char* body;
  std::vector<std::string> want;
};

const Case kCases[] = {
    {"Rss20", R"(<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://a.kz/</link>
       <item><title>A</title><link>https://a.kz/n/1</link></item>
       <item><title>B</title><link> /n/2 </link><guid>x</guid></item></channel></rss>)",
     {"https://a.kz/n/1", "https://a.kz/n/2"}},
    {"Rss10Rdf", R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
       <channel><link>https://a.kz/</link></channel><item><link>https://a.kz/n/3</link></item></rdf:RDF>)",
     {"https://a.kz/n/3"}},
    {"Atom", R"(<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://a.kz/"/>
       <entry><link rel="self" href="https://a.kz/api/1"/><link rel="alternate" href="https://a.kz/n/4"/></entry>
       <entry><link href="/n/5"/></entry></feed>)",
     {"https://a.kz/n/4", "https://a.kz/n/5"}},
    {"Sitemap", R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
       <url><loc>https://a.kz/n/6</loc><lastmod>2026-12-01</lastmod></url><url><loc>https://a.kz/n/7?a=1&amp;b=2</loc></url></urlset>)",
     {"https://a.kz/n/6", "https://a.kz/n/7?a=1&b=2"}},
    {"SitemapIndex", R"(<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
       <sitemap><loc>https://a.kz/s1.xml.gz</loc></sitemap></sitemapindex>)",
     {"S https://a.kz/s1.xml.gz"}},
    {"GoogleNews", R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
       <url><loc>https://a.kz/n/8</loc><news:news><news:publication><news:name>A</news:name></news:publication>
       <news:publication_date>2026-12-01T10:00:00+05:00</news:publication_date></news:news></url></urlset>)",
     {"https://a.kz/n/8"}},
    {"TextSitemap", "https://a.kz/n/9\nhttps://a.kz/n/10\r\n\nnot a url\n", {"https://a.kz/n/9", "https://a.kz/n/10"}},
    {"TruncatedKeepsWhatWasRead", R"(<urlset><url><loc>https://a.kz/n/11</loc></url><url><loc>https://a.kz/n/1)",
     {"https://a.kz/n/11"}},
    {"NotWellFormedKeepsWhatWasRead", R"(<urlset><url><loc>https://a.kz/n/12</loc></url><url><loc>x</lo></urlset>)",
     {"https://a.kz/n/12"}},
    {"Empty", "", {}},
    {"Html", "<html><body><a href='/x'>x</a></body></html>", {}},
    {"JavascriptLinkDropped", "<rss><channel><item><link>javascript:alert(1)</link></item></channel></rss>", {}},
};

TEST(Discovery, FormatsTable) {
  for (const Case& c : kCases) EXPECT_EQ(Urls(DiscoverUrls(c.body, "https://a.kz/feed")), c.want) << c.name;
}

TEST(Discovery, ModifiedDates) {
  auto d = DiscoverUrls(kCases[5].body, "https://a.kz/");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].modified, "2026-12-01T10:00:00+05:00");
}

TEST(Discovery, GzippedSitemapSniffed) {
  const std::string xml = kCases[3].body;
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string gz(deflateBound(&zs, xml.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(xml.data()));
  zs.avail_in = static_cast<uInt>(xml.size());
  zs.next_out = reinterpret_cast<Bytef*>(gz.data());
  zs.avail_out = static_cast<uInt>(gz.size());
  deflate(&zs, Z_FINISH);
  gz.resize(zs.total_out);
  deflateEnd(&zs);
  EXPECT_EQ(Urls(DiscoverUrls(gz, "https://a.kz/s.xml")), kCases[3].want);
  EXPECT_EQ(Urls(DiscoverUrls(gz.substr(0, gz.size() / 2), "https://a.kz/s.xml")).size() <= 2, true);
}

TEST(Discovery, LargeSitemapStreams) {
  std::string xml = "<urlset>";
  for (int i = 0; i < 50000; ++i) xml += "<url><loc>https://a.kz/n/" + std::to_string(i) + "</loc></url>";
  xml += "</urlset>";
  EXPECT_EQ(DiscoverUrls(xml, "https://a.kz/").size(), 50000u);
}

}  // namespace
}  // namespace newsmine::crawler
