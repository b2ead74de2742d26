// URLs from feeds and sitemaps (internal to crawler/): RSS 2.0, RSS 1.0
// (RDF), Atom, sitemaps, sitemap indexes, Google News sitemaps, gzipped
// sitemaps and plain-text sitemaps.
//
// libexpat reads the XML as a stream (no tree), so a 50,000-URL sitemap
// costs one pass. Parsing is total: a document that breaks off or is not
// well-formed gives the URLs read before the break.
//
// Example:
//   for (const DiscoveredUrl& d : DiscoverUrls(body, "https://a.kz/sitemap.xml"))
//     Enqueue(d.url, d.is_sitemap ? UrlKind::kSitemap : UrlKind::kPage);
//
// Thread safety: pure function.
#ifndef NEWSMINE_CRAWLER_DISCOVERY_H_
#define NEWSMINE_CRAWLER_DISCOVERY_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsmine::crawler {

struct DiscoveredUrl {
  std::string url;          // absolute (resolved against the document URL), not yet normalised
  bool is_sitemap = false;  // a <sitemap><loc> of a sitemap index
  std::string modified;     // <lastmod>, <updated>, <pubDate>, <news:publication_date>; "" if none
};

// Upper bound on the inflated size of a gzipped sitemap: the sitemaps.org
// limit is 50 MB uncompressed.
inline constexpr size_t kMaxSitemapBytes = size_t{50} << 20;

// The URLs a feed or sitemap lists, in document order. `body` may be
// gzipped (sniffed by its magic bytes, whatever the URL says).
std::vector<DiscoveredUrl> DiscoverUrls(std::string_view body, std::string_view document_url);

}  // namespace newsmine::crawler

#endif  // NEWSMINE_CRAWLER_DISCOVERY_H_
