#include "crawler/url.h"

#include <unicode/uidna.h>

#include <algorithm>
#include <string_view>

namespace newsmine::crawler {
namespace {

bool IsAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }
int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  c = Lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}
bool IsUnreserved(unsigned char c) {  // RFC 3986 §2.3
  return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool IsSubDelim(unsigned char c) {  // RFC 3986 §2.2
  return std::string_view("!$&'()*+,;=").find(static_cast<char>(c)) != std::string_view::npos;
}

void AppendEscaped(unsigned char c, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 15]);
}

// RFC 3986 §6.2.2.1-2: escapes in upper case, unreserved characters
// unescaped, and every byte that may not appear raw in this component
// escaped (spaces and UTF-8 in hrefs are common in news sites).
std::string NormalizeEscapes(std::string_view s, bool is_query) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    if (c == '%') {
      const int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
      const int lo = hi >= 0 ? HexValue(s[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        out += "%25";  // a stray '%': escape it so the URL stays valid
        continue;
      }
      const unsigned char v = static_cast<unsigned char>(hi * 16 + lo);
      if (IsUnreserved(v)) out.push_back(static_cast<char>(v));
      else AppendEscaped(v, &out);
      i += 2;
    } else if (IsUnreserved(c) || IsSubDelim(c) || c == ':' || c == '@' || c == '/' || (is_query && c == '?')) {
      out.push_back(static_cast<char>(c));
    } else {
      AppendEscaped(c, &out);
    }
  }
  return out;
}

// RFC 3986 §5.2.4.
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.starts_with("../")) in.remove_prefix(3);
    else if (in.starts_with("./")) in.remove_prefix(2);
    else if (in.starts_with("/./")) in.remove_prefix(2);
    else if (in == "/.") in = "/";
    else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      const size_t slash = out.rfind('/');
      out.resize(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      const size_t next = in.find('/', 1);
      const size_t n = next == std::string_view::npos ? in.size() : next;
      out.append(in.substr(0, n));
      in.remove_prefix(n);
    }
  }
  return out;
}

std::string FilterQuery(std::string_view query) {
  std::string out;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (param.empty() || IsTrackingParameter(param.substr(0, param.find('=')))) continue;
    if (!out.empty()) out.push_back('&');
    out.append(param);
  }
  return out;
}

// UTS #46 to ASCII (punycode) for internationalised host names such as
// "қазақстан.kz"; nullopt when ICU rejects the name.
std::optional<std::string> IdnToAscii(std::string_view host) {
  UErrorCode err = U_ZERO_ERROR;
  UIDNA* idna = uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII, &err);
  if (U_FAILURE(err)) return std::nullopt;
  char buf[256];
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  const int32_t n = uidna_nameToASCII_UTF8(idna, host.data(), static_cast<int32_t>(host.size()), buf,
                                           sizeof buf, &info, &err);
  uidna_close(idna);
  if (U_FAILURE(err) || info.errors != 0 || n <= 0 || n >= static_cast<int32_t>(sizeof buf)) return std::nullopt;
  return std::string(buf, n);
}

std::optional<std::string> NormalizeHost(std::string_view host) {
  if (host.starts_with('[')) {  // IPv6 literal
    if (!host.ends_with(']') || host.size() < 3) return std::nullopt;
    std::string h;
    for (char c : host) {
      if (!(HexValue(c) >= 0 || c == ':' || c == '.' || c == '[' || c == ']')) return std::nullopt;
      h.push_back(Lower(c));
    }
    return h;
  }
  while (host.ends_with('.')) host.remove_suffix(1);  // "a.kz." is "a.kz"
  if (host.empty()) return std::nullopt;
  const bool ascii = std::all_of(host.begin(), host.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string h;
  if (ascii) {
    for (char c : host) h.push_back(Lower(c));
  } else {
    std::optional<std::string> a = IdnToAscii(host);
    if (!a) return std::nullopt;
    h = *a;
  }
  for (char c : h)
    if (!(IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_')) return std::nullopt;
  return h;
}

// Browsers drop tabs and newlines anywhere in a URL and trim spaces and
// controls at both ends (WHATWG URL "basic URL parser"); hrefs in real
// pages rely on it.
std::string CleanInput(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  return out;
}

// RFC 3986 §3 component split of a URI reference; `has_*` tell an empty
// component from an absent one.
struct Parts {
  std::string_view scheme, authority, path, query;
  bool has_scheme = false, has_authority = false, has_query = false;
};

Parts Split(std::string_view s) {
  Parts p;
  s = s.substr(0, s.find('#'));
  const size_t colon = s.find(':');
  if (colon != std::string_view::npos && colon > 0 && IsAlpha(s[0]) &&
      std::all_of(s.begin(), s.begin() + colon,
                  [](char c) { return IsAlpha(c) || IsDigit(c) || c == '+' || c == '-' || c == '.'; })) {
    p.scheme = s.substr(0, colon), p.has_scheme = true;
    s.remove_prefix(colon + 1);
  }
  if (s.starts_with("//")) {
    s.remove_prefix(2);
    const size_t end = s.find_first_of("/?");
    p.authority = s.substr(0, end), p.has_authority = true;
    s = end == std::string_view::npos ? std::string_view() : s.substr(end);
  }
  const size_t q = s.find('?');
  p.path = s.substr(0, q);
  if (q != std::string_view::npos) p.query = s.substr(q + 1), p.has_query = true;
  return p;
}

std::string LowerString(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = Lower(c);
  return r;
}

}  // namespace

bool IsTrackingParameter(std::string_view name) {
  const std::string n = LowerString(name);
  return n.starts_with("utm_") || n == "fbclid" || n == "gclid";
}

std::string Url::Authority() const { return port ? host + ":" + std::to_string(port) : host; }

std::string Url::Origin() const { return scheme + "://" + Authority(); }

std::string Url::PathAndQuery() const { return query.empty() ? path : path + "?" + query; }

std::string Url::ToString() const { return Origin() + PathAndQuery(); }

std::optional<Url> ParseUrl(std::string_view raw) {
  std::string cleaned = CleanInput(raw);
  Parts p = Split(cleaned);
  Url u;
  u.scheme = LowerString(p.scheme);
  if (!p.has_scheme || !p.has_authority || (u.scheme != "http" && u.scheme != "https")) return std::nullopt;
  std::string_view authority = p.authority;
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);  // credentials never enter the crawl queue
  std::string_view host = authority, port;
  const size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  std::optional<std::string> h = NormalizeHost(host);
  if (!h) return std::nullopt;
  u.host = std::move(*h);
  if (!port.empty()) {
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), IsDigit)) return std::nullopt;
    u.port = std::stoi(std::string(port));
    if (u.port == 0 || u.port > 65535) return std::nullopt;
    if ((u.scheme == "http" && u.port == 80) || (u.scheme == "https" && u.port == 443)) u.port = 0;
  }
  u.path = RemoveDotSegments(NormalizeEscapes(p.path, false));
  if (u.path.empty() || u.path[0] != '/') u.path.insert(0, "/");
  if (u.path.ends_with("/index.html")) u.path.resize(u.path.size() - 10);  // records.md: /index.html = /
  u.query = FilterQuery(NormalizeEscapes(p.query, true));
  return u;
}

std::optional<std::string> NormalizeUrl(std::string_view url) {
  std::optional<Url> u = ParseUrl(url);
  if (!u) return std::nullopt;
  return u->ToString();
}

namespace {

// RFC 3986 §5.2.3.
std::string Merge(const Parts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + std::string(ref_path);
  const size_t slash = base.path.rfind('/');
  return std::string(slash == std::string_view::npos ? std::string_view() : base.path.substr(0, slash + 1)) +
         std::string(ref_path);
}

}  // namespace

std::optional<std::string> ResolveUrl(std::string_view base_url, std::string_view ref_raw) {
  std::string ref_clean = CleanInput(ref_raw);
  // WHATWG: in http(s) URLs a backslash is a slash ("\\cdn.kz\x" hrefs).
  const size_t end = std::min(ref_clean.find('?'), ref_clean.find('#'));
  for (size_t i = 0; i < std::min(end, ref_clean.size()); ++i)
    if (ref_clean[i] == '\\') ref_clean[i] = '/';
  const std::string base_clean = CleanInput(base_url);
  const Parts b = Split(base_clean), r = Split(ref_clean);
  // RFC 3986 §5.2.2, with the §5.4.2 leniency browsers apply: "http:x"
  // relative to an http base is a relative reference.
  const bool same_scheme_relative =
      r.has_scheme && !r.has_authority && LowerString(r.scheme) == LowerString(b.scheme);
  std::string t;
  if (r.has_scheme && !same_scheme_relative) return NormalizeUrl(ref_clean);
  t = std::string(b.scheme) + ":";
  if (r.has_authority) {
    t += "//" + std::string(r.authority) + std::string(r.path);
    if (r.has_query) t += "?" + std::string(r.query);
    return NormalizeUrl(t);
  }
  t += "//" + std::string(b.authority);
  if (r.path.empty()) {
    t += std::string(b.path);
    if (r.has_query) t += "?" + std::string(r.query);
    else if (b.has_query) t += "?" + std::string(b.query);
  } else {
    t += r.path.starts_with('/') ? std::string(r.path) : Merge(b, r.path);
    if (r.has_query) t += "?" + std::string(r.query);
  }
  return NormalizeUrl(t);
}

}  // namespace newsmine::crawler
