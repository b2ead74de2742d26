// Link discovery without a DOM (internal to crawler/).
//
// A Gumbo tree costs about 7 ms a page, the crawler's whole CPU budget
// (issue 8), so links are found by one tokenizer pass over the bytes: tags
// and their attributes are read the way the HTML tokenizer reads them
// (quoted and unquoted values, comments, <script>/<style> raw text), and
// only <a href>, <area href>, <link rel=...> and <base href> are kept.
// The charset does not matter: URLs are ASCII-compatible in every charset a
// news site uses, and non-ASCII bytes are percent-escaped later (url.h).
//
// Example:
//   PageLinks found = FindLinks(html);
//   std::string base = found.base.empty() ? page_url : *ResolveUrl(page_url, found.base);
//   for (const Link& l : found.links) Enqueue(ResolveUrl(base, l.href));
//
// Thread safety: pure function. Total: any bytes give a result.
#ifndef NEWSMINE_CRAWLER_LINKS_H_
#define NEWSMINE_CRAWLER_LINKS_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsmine::crawler {

enum class LinkKind {
  kAnchor,     // <a href>, <area href>
  kCanonical,  // <link rel=canonical>
  kNext,       // <link rel=next> (pagination)
  kAlternate,  // <link rel=alternate> (feeds, language versions)
};

struct Link {
  LinkKind kind = LinkKind::kAnchor;
  std::string href;      // as written, character references decoded
  std::string type;      // the type attribute, lower case ("application/rss+xml")
  bool nofollow = false; // rel contains "nofollow"
};

struct PageLinks {
  std::string base;         // the first <base href>, "" when none
  std::vector<Link> links;  // in document order
};

// Finds the links of an HTML page. Hrefs are returned as written, with
// character references (&amp; &#38; &#x26;) decoded; resolving them
// against `base` or the page URL is the caller's job (url.h).
PageLinks FindLinks(std::string_view html);

}  // namespace newsmine::crawler

#endif  // NEWSMINE_CRAWLER_LINKS_H_
