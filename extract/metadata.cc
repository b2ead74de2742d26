#include "extract/metadata.h"

#include <libpsl.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "extract/dates.h"
#include "extract/text_util.h"

namespace newsmine::extract {
namespace {

using Json = nlohmann::json;

bool IsArticleType(const Json& type) {
  auto one = [](const Json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s.ends_with("Article") || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting" ||
           s == "Review" || s == "SocialMediaPosting";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

void AddAuthor(std::string name, std::vector<std::string>* authors) {
  name = std::string(Trim(name));
  if (name.starts_with("By ") || name.starts_with("by ")) name = name.substr(3);
  if (name.empty() || name.size() > 100 || name.starts_with("http")) return;
  if (std::find(authors->begin(), authors->end(), name) == authors->end()) authors->push_back(name);
}

void AuthorsFromJson(const Json& a, std::vector<std::string>* authors) {
  if (a.is_string()) AddAuthor(a.get<std::string>(), authors);
  else if (a.is_object() && a.contains("name") && a["name"].is_string()) AddAuthor(a["name"].get<std::string>(), authors);
  else if (a.is_array()) for (const Json& x : a) if (!x.is_array()) AuthorsFromJson(x, authors);
}

std::string JsonString(const Json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Reads one JSON-LD script: the first object of an article type anywhere in
// it (top level, an array, or @graph), walked with an explicit stack.
void ReadJsonLd(std::string_view text, Metadata* m, std::string* headline) {
  Json root = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return;
  std::vector<const Json*> stack{&root};
  while (!stack.empty()) {
    const Json* j = stack.back();
    stack.pop_back();
    if (j->is_array()) {
      for (auto it = j->rbegin(); it != j->rend(); ++it) stack.push_back(&*it);
      continue;
    }
    if (!j->is_object()) continue;
    if (auto g = j->find("@graph"); g != j->end()) stack.push_back(&*g);
    if (auto t = j->find("@type"); t == j->end() || !IsArticleType(*t)) continue;
    if (headline->empty()) *headline = JsonString(*j, "headline");
    if (!m->published) {
      if (auto d = ParseMachineDate(JsonString(*j, "datePublished"))) m->published = d, m->published_source = "json-ld";
    }
    if (auto a = j->find("author"); a != j->end() && m->authors.empty()) AuthorsFromJson(*a, &m->authors);
    if (m->json_ld_body.empty()) m->json_ld_body = JsonString(*j, "articleBody");
  }
}

// Meta tags whose content is a publication date, best first.
constexpr std::string_view kDateMetas[] = {
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "published_time", "publish_date", "dc.date.issued", "dc.date",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "date", "article.published",
    "cxenseparse:recs:publishtime", "mediator_published_time", "og:updated_time"};

int DateMetaRank(std::string_view key) {
  const std::string k = LowerAscii(key);
  for (size_t r = 0; r < std::size(kDateMetas); ++r)
    if (k == kDateMetas[r]) return static_cast<int>(r);
  return -1;
}

std::string PrimarySubtag(std::string_view tag) {
  std::string l = LowerAscii(Trim(tag));
  l = l.substr(0, l.find_first_of("-_"));
  if (l == "kz") return "kk";  // a common mistake for Kazakh (kz is the country)
  if (l.size() < 2 || l.size() > 3 || !std::all_of(l.begin(), l.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return {};
  return l;
}

class MetaReader {
 public:
  explicit MetaReader(const HtmlTree& t) : t_(t) {}

  Metadata Read() {
    std::string og_title, ld_headline, h1, title_tag;
    int best_date_rank = 1 << 30;
    std::optional<std::string> meta_date, time_date;
    for (int i = 0; i < t_.size(); ++i) {
      switch (t_.tag(i)) {
        case Tag::kHtml: if (m_.lang.empty()) m_.lang = PrimarySubtag(t_.Attr(i, "lang")); break;
        case Tag::kTitle: if (title_tag.empty()) title_tag = t_.SubtreeText(i); break;
        case Tag::kH1: if (h1.empty()) h1 = t_.SubtreeText(i); break;
        case Tag::kLink: Link(i); break;
        case Tag::kScript:
          if (LowerAscii(t_.Attr(i, "type")) == "application/ld+json") ReadJsonLd(t_.SubtreeText(i), &m_, &ld_headline);
          break;
        case Tag::kTime:
          if (!time_date) time_date = ParseMachineDate(t_.Attr(i, "datetime"));
          break;
        case Tag::kMeta: Meta(i, &og_title, &best_date_rank, &meta_date); break;
        default:
          if (!meta_date && t_.Attr(i, "itemprop") == "datePublished") {
            std::string_view v = t_.Attr(i, "datetime");
            if (v.empty()) v = t_.Attr(i, "content");
            meta_date = ParseMachineDate(v);
          }
          if (t_.Attr(i, "itemprop") == "author" && t_.tag(i) != Tag::kMeta) author_nodes_.push_back(i);
          break;
      }
    }
    if (!m_.published && meta_date) m_.published = meta_date, m_.published_source = "meta";
    if (!m_.published && time_date) m_.published = time_date, m_.published_source = "time";
    if (m_.authors.empty())
      for (int i : author_nodes_) {
        std::string s;
        AppendCollapsed(t_.SubtreeText(i), &s);
        AddAuthor(s, &m_.authors);
      }
    for (std::string& a : meta_authors_) AddAuthor(a, &m_.authors);
    std::string raw = !og_title.empty() ? og_title : !ld_headline.empty() ? ld_headline : !h1.empty() ? h1 : title_tag;
    std::string collapsed;
    AppendCollapsed(raw, &collapsed);
    TrimBack(&collapsed);
    m_.title = CleanTitle(collapsed, m_.site_name);
    return m_;
  }

 private:
  void Link(int i) {
    const std::string rel = LowerAscii(t_.Attr(i, "rel"));
    if (rel == "canonical" && m_.canonical.empty()) m_.canonical = std::string(Trim(t_.Attr(i, "href")));
  }

  void Meta(int i, std::string* og_title, int* best_rank, std::optional<std::string>* date) {
    std::string_view key = t_.Attr(i, "property");
    if (key.empty()) key = t_.Attr(i, "name");
    if (key.empty()) key = t_.Attr(i, "itemprop");
    const std::string_view content = t_.Attr(i, "content");
    if (key.empty()) {
      if (LowerAscii(t_.Attr(i, "http-equiv")) == "content-language" && m_.lang.empty())
        m_.lang = PrimarySubtag(content);
      return;
    }
    const std::string k = LowerAscii(key);
    if (k == "og:title" && og_title->empty()) *og_title = content;
    else if (k == "og:url" && canonical_og_.empty()) canonical_og_ = content;
    else if (k == "og:site_name" && m_.site_name.empty()) m_.site_name = content;
    else if (k == "og:locale" && m_.lang.empty()) m_.lang = PrimarySubtag(content);
    else if (k == "author" || k == "article:author" || k == "sailthru.author" || k == "parsely-author")
      meta_authors_.emplace_back(content);
    const int rank = DateMetaRank(key);
    if (rank >= 0 && rank < *best_rank) {
      if (auto d = ParseMachineDate(content)) *date = d, *best_rank = rank;
    }
  }

 public:
  std::string canonical_og_;

 private:
  const HtmlTree& t_;
  Metadata m_;
  std::vector<int> author_nodes_;
  std::vector<std::string> meta_authors_;
};

constexpr std::string_view kTitleSeparators[] = {" | ", " - ", " — ", " – ", " :: ", " « ", " » ", " · ", " / "};

const psl_ctx_t* Psl() {
  // psl_latest reads Debian's /usr/share/publicsuffix list and falls back
  // to the copy built into libpsl; loaded once, never freed.
  static const psl_ctx_t* ctx = [] {
    const psl_ctx_t* c = psl_latest(nullptr);
    return c ? c : psl_builtin();
  }();
  return ctx;
}

}  // namespace

Metadata ReadMetadata(const HtmlTree& tree) {
  MetaReader r(tree);
  Metadata m = r.Read();
  if (m.canonical.empty()) m.canonical = std::string(Trim(r.canonical_og_));
  return m;
}

std::string CleanTitle(std::string_view title, std::string_view site_name) {
  std::string t(Trim(title));
  const std::string site = NormalizeForCompare(site_name);
  for (std::string_view sep : kTitleSeparators) {
    const size_t last = t.rfind(sep);
    if (last != std::string::npos && last > 0) {
      const std::string tail = NormalizeForCompare(std::string_view(t).substr(last + sep.size()));
      const size_t words = std::count(tail.begin(), tail.end(), ' ') + 1;
      // A short tail is the site's name ("Headline | Orda.kz", "... - BBC News").
      if ((!site.empty() && tail == site) || (words <= 4 && CountChars(tail) <= 30 && last > tail.size()))
        return std::string(Trim(std::string_view(t).substr(0, last)));
    }
    const size_t first = t.find(sep);
    if (first != std::string::npos && !site.empty() &&
        NormalizeForCompare(std::string_view(t).substr(0, first)) == site)
      return std::string(Trim(std::string_view(t).substr(first + sep.size())));
  }
  return t;
}

std::string HostOf(std::string_view url) {
  const size_t s = url.find("://");
  if (s == std::string_view::npos) return {};
  const std::string scheme = LowerAscii(url.substr(0, s));
  if (scheme != "http" && scheme != "https") return {};
  std::string_view rest = url.substr(s + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  if (!rest.starts_with('[')) rest = rest.substr(0, rest.find(':'));
  std::string host = LowerAscii(rest);
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

std::string NormalizeUrl(std::string_view url) {
  url = Trim(url);
  const size_t s = url.find("://");
  if (s == std::string_view::npos) return std::string(url);
  std::string scheme = LowerAscii(url.substr(0, s));
  std::string_view rest = url.substr(s + 3);
  rest = rest.substr(0, rest.find('#'));
  const size_t path_at = rest.find_first_of("/?");
  std::string host = LowerAscii(rest.substr(0, path_at));
  std::string_view tail = path_at == std::string_view::npos ? "" : rest.substr(path_at);
  if ((scheme == "http" && host.ends_with(":80")) || (scheme == "https" && host.ends_with(":443")))
    host.erase(host.rfind(':'));
  std::string out = scheme + "://" + host;
  const size_t q = tail.find('?');
  std::string_view path = tail.substr(0, q);
  out += path.empty() ? "/" : std::string(path);
  if (q == std::string_view::npos) return out;
  std::string_view query = tail.substr(q + 1);
  std::string kept;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? "" : query.substr(amp + 1);
    const std::string name = LowerAscii(param.substr(0, param.find('=')));
    if (param.empty() || name.starts_with("utm_") || name == "fbclid" || name == "gclid") continue;
    kept += (kept.empty() ? "" : "&") + std::string(param);
  }
  if (!kept.empty()) out += "?" + kept;
  return out;
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  ref = Trim(ref);
  if (ref.find("://") != std::string_view::npos) return std::string(ref);
  const size_t s = base.find("://");
  if (s == std::string_view::npos || ref.empty()) return std::string(ref);
  if (ref.starts_with("//")) return std::string(base.substr(0, s + 1)) + std::string(ref);
  const size_t path_at = base.find_first_of("/?#", s + 3);
  const std::string origin(base.substr(0, path_at));
  if (ref.starts_with('/')) return origin + std::string(ref);
  std::string_view path = path_at == std::string_view::npos ? "/" : base.substr(path_at);
  path = path.substr(0, path.find_first_of("?#"));
  return origin + std::string(path.substr(0, path.rfind('/') + 1)) + std::string(ref);
}

std::string RegistrableDomain(std::string_view host) {
  const std::string h(host);
  if (h.empty()) return {};
  // An address has no registrable domain: the public suffix list would
  // take "127.0.0.1" for a name and give "0.1".
  const bool ipv4 = h.find_first_not_of("0123456789.") == std::string::npos;
  if (ipv4 || h.find(':') != std::string::npos || h.starts_with('[')) return h;
  const char* d = psl_registrable_domain(Psl(), h.c_str());
  return d ? std::string(d) : h;
}

std::string DetectLang(std::string_view declared, std::string_view text) {
  int cyr = 0, kk = 0, latin = 0, kk_latin = 0;
  const size_t n = std::min<size_t>(text.size(), 20000);
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') { ++latin; continue; }
    if (i + 1 >= n || c < 0xC3 || c > 0xD3) continue;
    const auto d = static_cast<unsigned char>(text[i + 1]);
    const char32_t cp = ((c & 0x1F) << 6) | (d & 0x3F);
    ++i;
    if (cp >= 0x400 && cp <= 0x4FF) {
      ++cyr;
      // ә ғ қ ң ө ұ ү һ і and their capitals: letters Russian does not have.
      if (cp == 0x4D8 || cp == 0x4D9 || cp == 0x492 || cp == 0x493 || cp == 0x49A || cp == 0x49B ||
          cp == 0x4A2 || cp == 0x4A3 || cp == 0x4E8 || cp == 0x4E9 || cp == 0x4B0 || cp == 0x4B1 ||
          cp == 0x4AE || cp == 0x4AF || cp == 0x4BA || cp == 0x4BB || cp == 0x406 || cp == 0x456)
        ++kk;
    } else if (cp == 0xE1 || cp == 0x1F5 || cp == 0x144 || cp == 0xF3 || cp == 0xFA || cp == 0xFD ||
               cp == 0x131 || cp == 0x11F || cp == 0x15F || cp == 0x16B || cp == 0xE4 || cp == 0xF6 ||
               cp == 0xFC || cp == 0xF1) {
      ++latin, ++kk_latin;
    }
  }
  std::string lang(declared);
  if (cyr > latin && cyr >= 20) {
    // Kazakh text has ә, қ, ң ... in about one letter in ten; 2% allows for
    // Russian text that quotes Kazakh names.
    return kk * 50 >= cyr ? "kk" : (lang == "kk" && kk * 200 >= cyr) ? "kk" : "ru";
  }
  if (latin > cyr && latin >= 20) {
    // Kazakh Latin (2018: á ǵ ń ó ú ý ı; 2021: ä ğ ñ ö ş ū ü ı) on a page
    // that says kk, ru or nothing; other languages with accents declare
    // themselves (pt, tr ...), and we keep what they declare.
    const bool kk_letters = kk_latin * 40 >= latin;
    if (lang == "kk" || ((lang.empty() || lang == "ru") && kk_letters)) return "kk";
    if (lang.empty() || lang == "ru") return "en";
  }
  return lang;
}

}  // namespace newsmine::extract
