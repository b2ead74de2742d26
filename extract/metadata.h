// Metadata: what a page says about its article besides the text.
//
// Title (og:title, JSON-LD headline, <h1>, <title>, without the site's
// " | Site" suffix), authors, the publication date, the language the markup
// declares, the canonical URL, og:site_name and the JSON-LD articleBody.
// Dates come from JSON-LD, article:published_time and other meta tags,
// <time datetime>, then the URL; text dates are the caller's last resort.
//
// Example:
//   Metadata m = ReadMetadata(tree);
//   std::string title = m.title;  // "Headline", not "Headline | Site"
//
// Thread safety: pure functions; the Public Suffix List is loaded once,
// on first use, under a static initialiser.
#ifndef NEWSMINE_EXTRACT_METADATA_H_
#define NEWSMINE_EXTRACT_METADATA_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/html_tree.h"

namespace newsmine::extract {

struct Metadata {
  std::string title;                     // site suffix removed
  std::vector<std::string> authors;
  std::optional<std::string> published;  // ISO 8601
  std::string published_source;          // "json-ld", "meta", "time", "url" or ""
  std::string lang;                      // primary subtag from markup ("ru"), "" if none
  std::string canonical;                 // rel=canonical, else og:url; as written
  std::string site_name;                 // og:site_name
  std::string json_ld_body;              // JSON-LD articleBody
};

Metadata ReadMetadata(const HtmlTree& tree);

// `title` without a site name before or after a separator (" | ", " - ",
// " — ", " :: "): "Headline | Orda.kz" → "Headline".
std::string CleanTitle(std::string_view title, std::string_view site_name);

// records.md canonical_url: lower-case scheme and host, no fragment, no
// default port, no utm_*, fbclid or gclid parameters.
std::string NormalizeUrl(std::string_view url);
// `ref` resolved against `base` (absolute, scheme-relative, root-relative or
// relative path); `ref` itself when `base` is not an http(s) URL.
std::string ResolveUrl(std::string_view base, std::string_view ref);
// Lower-cased host of an http(s) URL; "" for anything else.
std::string HostOf(std::string_view url);
// Registrable domain per the Public Suffix List: "kz.kursiv.media" →
// "kursiv.media", "www.bbc.co.uk" → "bbc.co.uk"; the host itself for IP
// addresses and hosts the list does not know.
std::string RegistrableDomain(std::string_view host);

// A language for `text` and the markup's `declared` primary subtag: the
// script and Kazakh-only letters decide between kk, ru and the rest;
// "" when neither says anything.
std::string DetectLang(std::string_view declared, std::string_view text);

}  // namespace newsmine::extract

#endif  // NEWSMINE_EXTRACT_METADATA_H_
