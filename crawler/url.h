// URL normalisation and resolution for the crawl queue (internal to crawler/).
//
// Two spellings of one page must become one string before the crawler
// decides whether it has seen it, so every URL that enters the frontier goes
// through NormalizeUrl. The rules are those of ../shared/spec/records.md
// (`canonical_url`): lowercase scheme and host, no fragment, no default port,
// tracking parameters `utm_*`, `fbclid`, `gclid` dropped; and, for the
// crawler, `/index.html` is `/`. RFC 3986 §6.2.2 syntax normalisation is
// applied too: dot segments removed, percent-escapes in upper case,
// unreserved characters unescaped, other bytes that may not appear raw
// escaped.
//
// Thread safety: pure functions.
#ifndef NEWSMINE_CRAWLER_URL_H_
#define NEWSMINE_CRAWLER_URL_H_

#include <optional>
#include <string>
#include <string_view>

namespace newsmine::crawler {

// The parts of an absolute http(s) URL, already normalised.
struct Url {
  std::string scheme;  // "http" or "https"
  std::string host;    // lower case, IDN as punycode, IPv6 in brackets
  int port = 0;        // 0: the scheme's default
  std::string path;    // starts with '/'
  std::string query;   // without '?'; "" when none

  // "host[:port]": what politeness and robots.txt are kept per (RFC 9309
  // §2.3: robots.txt applies to one scheme, host and port).
  std::string Authority() const;
  // "scheme://host[:port]".
  std::string Origin() const;
  // path plus "?query" when there is one: what robots.txt rules match.
  std::string PathAndQuery() const;
  // The whole URL.
  std::string ToString() const;
};

// Parses and normalises an absolute http or https URL. nullopt for other
// schemes (mailto:, javascript:, ftp:), relative references and URLs that
// do not parse (bad port, empty host).
std::optional<Url> ParseUrl(std::string_view url);

// ParseUrl(url)->ToString(), or nullopt.
std::optional<std::string> NormalizeUrl(std::string_view url);

// Resolves `ref` (an href as written in a page, entities already decoded)
// against the absolute `base` per RFC 3986 §5.2, then normalises. nullopt
// when the result is not an http(s) URL.
std::optional<std::string> ResolveUrl(std::string_view base, std::string_view ref);

// True for the query parameters records.md drops: utm_*, fbclid, gclid.
bool IsTrackingParameter(std::string_view name);

}  // namespace newsmine::crawler

#endif  // NEWSMINE_CRAWLER_URL_H_
