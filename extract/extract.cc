// Extract(): one page to one article record, and reading page files.
#include "extract/extract.h"

#include "base/file.h"
#include "base/text.h"
#include "extract/boilerplate.h"
#include "extract/charset.h"
#include "extract/dates.h"
#include "extract/html_tree.h"
#include "extract/metadata.h"
#include "extract/text_util.h"

namespace newsmine::extract {
namespace {

// Text dates are the last resort for `published`: only the opening of the
// article, where datelines stand ("АСТАНА. 14 января 2024 г."), is read.
constexpr size_t kDatelineBytes = 400;

bool IsHttpUrl(std::string_view u) { return !HostOf(u).empty(); }

// records.md `canonical_url`: the page's own canonical when it is on the
// same site as where it was fetched from, else the final URL. A local file
// has no fetch URL, and the page's absolute canonical is its best identity.
std::string Canonical(const Metadata& m, const std::string& final_url) {
  if (!m.canonical.empty()) {
    const std::string c = ResolveUrl(final_url, m.canonical);
    if (IsHttpUrl(c)) {
      if (!IsHttpUrl(final_url)) return NormalizeUrl(c);
      if (RegistrableDomain(HostOf(c)) == RegistrableDomain(HostOf(final_url))) return NormalizeUrl(c);
    }
  }
  return IsHttpUrl(final_url) ? NormalizeUrl(final_url) : final_url;
}

std::string Name(const Page& page) {
  if (!page.name.empty()) return page.name;
  return page.url.empty() ? "page" : page.url;
}

}  // namespace

Extraction Extract(const Page& page, const ExtractOptions& options) {
  Extraction e;
  Article& a = e.article;
  const std::string name = Name(page);
  a.url = page.url;
  a.final_url = page.final_url.empty() ? page.url : page.final_url;
  a.fetched_at = page.fetched_at;
  a.canonical_url = Canonical(Metadata{}, a.final_url);
  std::string_view bytes = page.body;
  if (bytes.size() > options.max_html_bytes) {
    e.warnings.push_back(name + ": page of " + std::to_string(bytes.size()) + " bytes cut to the first " +
                         std::to_string(options.max_html_bytes));
    bytes = bytes.substr(0, options.max_html_bytes);
  }
  const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
                     CharsetFromContentType(page.content_type).starts_with("utf-16");
  auto finish = [&](std::string why) {
    a.id = ArticleId(a.canonical_url);
    a.site = RegistrableDomain(HostOf(a.canonical_url));
    e.warnings.push_back(name + ": " + why);
    e.method = "none";
    return e;
  };
  if (Trim(bytes).empty()) return finish("empty page, no article");
  if (!utf16 && LooksBinary(bytes)) return finish("binary data, not HTML; no article");

  Decoded d = DecodeHtml(bytes, page.content_type);
  if (!d.warning.empty()) e.warnings.push_back(name + ": " + d.warning);
  if (d.replaced > 0)
    e.warnings.push_back(name + ": " + std::to_string(d.replaced) + " byte(s) not valid " + d.charset +
                         ", replaced by U+FFFD");
  const HtmlTree tree = HtmlTree::Parse(d.utf8);
  const Metadata m = ReadMetadata(tree);
  MainText main = FindMainText(tree, {.title = m.title, .json_ld_body = m.json_ld_body});

  a.canonical_url = Canonical(m, a.final_url);
  a.id = ArticleId(a.canonical_url);
  a.site = RegistrableDomain(HostOf(a.canonical_url));
  a.title = m.title;
  a.authors = m.authors;
  a.published = m.published;
  if (!a.published) a.published = DateFromUrl(a.canonical_url);
  if (!a.published && a.canonical_url != a.final_url) a.published = DateFromUrl(a.final_url);
  if (!a.published) a.published = FindDateInText(std::string_view(main.text).substr(0, kDatelineBytes));
  a.text = std::move(main.text);
  a.lang = DetectLang(m.lang, a.text.empty() ? a.title : a.text);
  e.method = main.method;
  e.has_article = !a.text.empty();
  if (!e.has_article) e.warnings.push_back(name + ": no article text found");
  return e;
}

Status ReadPageFile(const std::string& path, std::string* out) {
  out->clear();
  std::string raw;
  NM_RETURN_IF_ERROR(ReadFile(path, &raw));
  if (!IsGzip(raw)) {
    *out = std::move(raw);
    return Status::Ok();
  }
  Status s = Gunzip(raw, out);
  if (!s.ok()) return DataLossError(path + ": gzip: " + s.message());
  return Status::Ok();
}

}  // namespace newsmine::extract
