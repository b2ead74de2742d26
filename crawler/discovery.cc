#include "crawler/discovery.h"

#include <expat.h>
#include <zlib.h>

#include <cstring>
#include <optional>

#include "crawler/url.h"

namespace newsmine::crawler {
namespace {

bool IsGzip(std::string_view b) { return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f && static_cast<unsigned char>(b[1]) == 0x8b; }

// Inflates a gzipped sitemap up to kMaxSitemapBytes; a cut stream gives
// what was inflated.
std::string Gunzip(std::string_view in) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return {};
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK && out.size() < kMaxSitemapBytes) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
  }
  inflateEnd(&zs);
  return out;
}

// Element names without their namespace: expat is created with a
// namespace separator, so "http://www.sitemaps.org/...|loc" becomes "loc".
std::string_view LocalName(const XML_Char* name) {
  std::string_view n(name);
  const size_t bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

struct Parser {
  std::string document_url;
  std::vector<DiscoveredUrl> out;
  // What the current entry (<item>, <entry>, <url>, <sitemap>) has.
  int entry_depth = -1;
  int depth = 0;
  bool in_sitemap_entry = false;
  DiscoveredUrl current;
  std::string text;
  bool collecting = false;

  void Start(std::string_view name, const XML_Char** attrs) {
    ++depth;
    if (name == "item" || name == "entry" || name == "url" || name == "sitemap") {
      entry_depth = depth;
      in_sitemap_entry = name == "sitemap";
      current = DiscoveredUrl{};
    }
    if (entry_depth < 0) return;
    if (name == "link" && attrs && attrs[0]) return AtomLink(attrs);
    if (name == "link" || name == "loc" || name == "lastmod" || name == "updated" || name == "pubDate" ||
        name == "publication_date" || name == "published") {
      collecting = true;
      text.clear();
    }
  }

  // Atom: <link href="..."/> with no rel or rel="alternate" is the entry's page.
  void AtomLink(const XML_Char** attrs) {
    std::string href, rel;
    for (int i = 0; attrs[i]; i += 2) {
      if (std::strcmp(attrs[i], "href") == 0) href = attrs[i + 1];
      else if (std::strcmp(attrs[i], "rel") == 0) rel = attrs[i + 1];
    }
    if (!href.empty() && (rel.empty() || rel == "alternate") && current.url.empty()) current.url = href;
  }

  void End(std::string_view name) {
    if (collecting) {
      collecting = false;
      std::string t = Trim(text);
      if ((name == "link" || name == "loc") && current.url.empty()) current.url = t;
      else if (name != "link" && name != "loc" && current.modified.empty()) current.modified = t;
    }
    if (depth == entry_depth) {
      entry_depth = -1;
      current.is_sitemap = in_sitemap_entry;
      Emit();
    }
    --depth;
  }

  void Emit() {
    if (current.url.empty()) return;
    if (std::optional<std::string> abs = ResolveUrl(document_url, current.url)) {
      current.url = *abs;
      out.push_back(current);
    }
  }

  static std::string Trim(std::string_view s) {
    while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
    while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
    return std::string(s);
  }
};

void XMLCALL OnStart(void* user, const XML_Char* name, const XML_Char** attrs) {
  static_cast<Parser*>(user)->Start(LocalName(name), attrs);
}
void XMLCALL OnEnd(void* user, const XML_Char* name) { static_cast<Parser*>(user)->End(LocalName(name)); }
void XMLCALL OnText(void* user, const XML_Char* s, int len) {
  auto* p = static_cast<Parser*>(user);
  if (p->collecting && p->text.size() < 8192) p->text.append(s, len);
}

// sitemaps.org §"Text file": one URL per line.
std::vector<DiscoveredUrl> TextSitemap(std::string_view body, std::string_view document_url) {
  std::vector<DiscoveredUrl> out;
  while (!body.empty()) {
    const size_t eol = body.find('\n');
    std::string line = Parser::Trim(body.substr(0, eol));
    body = eol == std::string_view::npos ? std::string_view() : body.substr(eol + 1);
    if (line.starts_with("http://") || line.starts_with("https://"))
      if (std::optional<std::string> u = ResolveUrl(document_url, line)) out.push_back({*u, false, ""});
  }
  return out;
}

}  // namespace

std::vector<DiscoveredUrl> DiscoverUrls(std::string_view body, std::string_view document_url) {
  std::string inflated;
  if (IsGzip(body)) {
    inflated = Gunzip(body);
    body = inflated;
  }
  size_t first = 0;
  while (first < body.size() && static_cast<unsigned char>(body[first]) <= ' ') ++first;
  if (body.substr(first, 3) == "\xEF\xBB\xBF") first += 3;
  if (first >= body.size()) return {};
  if (body[first] != '<') return TextSitemap(body, document_url);
  Parser p;
  p.document_url = std::string(document_url);
  XML_Parser x = XML_ParserCreateNS(nullptr, '|');
  XML_SetUserData(x, &p);
  XML_SetElementHandler(x, OnStart, OnEnd);
  XML_SetCharacterDataHandler(x, OnText);
  // Fed in slices so a huge sitemap is never one int-sized call; a parse
  // error ends the document, keeping the URLs read before it.
  constexpr size_t kSlice = 1 << 20;
  for (size_t at = 0; at < body.size(); at += kSlice) {
    const size_t n = std::min(kSlice, body.size() - at);
    const bool last = at + n >= body.size();
    if (XML_Parse(x, body.data() + at, static_cast<int>(n), last) == XML_STATUS_ERROR) break;
  }
  XML_ParserFree(x);
  return std::move(p.out);
}

}  // namespace newsmine::crawler
