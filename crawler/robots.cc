#include "crawler/robots.h"

#include <cstdlib>

namespace newsmine::crawler {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }
bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

enum class Key { kUnknown, kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap };

// Keys as written, with the misspellings google/robotstxt accepts because
// real files have them; site owners meant the rule either way.
constexpr struct {
  std::string_view name;
  Key key;
} kKeys[] = {
    {"user-agent", Key::kUserAgent}, {"useragent", Key::kUserAgent},     {"user agent", Key::kUserAgent},
    {"allow", Key::kAllow},          {"disallow", Key::kDisallow},       {"dissallow", Key::kDisallow},
    {"disalow", Key::kDisallow},     {"diasllow", Key::kDisallow},       {"disallaw", Key::kDisallow},
    {"crawl-delay", Key::kCrawlDelay}, {"crawldelay", Key::kCrawlDelay}, {"sitemap", Key::kSitemap},
    {"site-map", Key::kSitemap},
};

Key ParseKey(std::string_view name) {
  for (const auto& k : kKeys)
    if (EqualsIgnoreCase(name, k.name)) return k.key;
  return Key::kUnknown;
}

int HexValue(char c) {
  c = Lower(c);
  if (c >= '0' && c <= '9') return c - '0';
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

bool IsUnreserved(unsigned char c) {
  return (Lower(c) >= 'a' && Lower(c) <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

// §2.2.2: rules and URLs are compared after the same percent-encoding
// normalisation; url.h writes escapes in upper case, unescapes unreserved
// characters and escapes non-ASCII, so patterns get the same treatment.
std::string NormalizePattern(std::string_view p) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    const unsigned char c = p[i];
    if (c == '%' && i + 2 < p.size() && HexValue(p[i + 1]) >= 0 && HexValue(p[i + 2]) >= 0) {
      const unsigned char v = static_cast<unsigned char>(HexValue(p[i + 1]) * 16 + HexValue(p[i + 2]));
      if (IsUnreserved(v)) out.push_back(static_cast<char>(v));
      else out += {'%', kHex[v >> 4], kHex[v & 15]};
      i += 2;
    } else if (c >= 0x80 || c <= 0x20) {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// §2.2.1: the product token is the user-agent value up to the first
// character that cannot be in a token ("newsmine/1.0" names "newsmine").
std::string_view ProductToken(std::string_view value) {
  size_t n = 0;
  while (n < value.size() && ((Lower(value[n]) >= 'a' && Lower(value[n]) <= 'z') || value[n] == '_' ||
                              value[n] == '-' || value[n] == '*'))
    ++n;
  return value.substr(0, n);
}

struct Bucket {
  bool seen = false;  // a group for this bucket exists, even with no rules
  std::vector<Robots::Rule> rules;
  std::optional<double> crawl_delay;
};

}  // namespace

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  const bool anchored = pattern.ends_with('$');
  if (anchored) pattern.remove_suffix(1);
  // Split on '*': the first piece is a prefix, later pieces are found
  // leftmost in turn (greedy leftmost is exact for '*'-only globs), and
  // with '$' the last piece must end the path.
  size_t star = pattern.find('*');
  if (star == std::string_view::npos) return anchored ? path == pattern : path.starts_with(pattern);
  if (!path.starts_with(pattern.substr(0, star))) return false;
  size_t pos = star;
  pattern.remove_prefix(star + 1);
  for (;;) {
    star = pattern.find('*');
    const std::string_view piece = pattern.substr(0, star);
    if (star == std::string_view::npos) {
      if (!anchored) return path.find(piece, pos) != std::string_view::npos;
      return path.size() >= pos + piece.size() && path.ends_with(piece);
    }
    const size_t at = path.find(piece, pos);
    if (at == std::string_view::npos) return false;
    pos = at + piece.size();
    pattern.remove_prefix(star + 1);
  }
}

Robots Robots::Parse(std::string_view body, std::string_view product_token) {
  if (body.size() > kRobotsMaxBytes) body = body.substr(0, kRobotsMaxBytes);
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  Robots r;
  Bucket specific, global;
  bool in_agent_lines = false, cur_specific = false, cur_global = false;
  while (!body.empty()) {
    const size_t eol = body.find_first_of("\r\n");
    std::string_view line = body.substr(0, eol);
    body = eol == std::string_view::npos ? std::string_view() : body.substr(eol + 1);
    line = Trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      ++r.ignored_lines_;
      continue;
    }
    const Key key = ParseKey(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    switch (key) {
      case Key::kUserAgent: {
        // §2.1: consecutive user-agent lines open one group together.
        if (!in_agent_lines) cur_specific = cur_global = false;
        in_agent_lines = true;
        const std::string_view token = ProductToken(value);
        if (token == "*") cur_global = global.seen = true;
        else if (!token.empty() && EqualsIgnoreCase(token, product_token)) cur_specific = specific.seen = true;
        break;
      }
      case Key::kAllow:
      case Key::kDisallow: {
        in_agent_lines = false;
        if (value.empty()) break;  // "Disallow:" with no path is no rule
        const Rule rule{NormalizePattern(value), key == Key::kAllow};
        if (cur_specific) specific.rules.push_back(rule);
        if (cur_global) global.rules.push_back(rule);
        break;
      }
      case Key::kCrawlDelay: {
        in_agent_lines = false;
        const std::string v(value);
        char* end = nullptr;
        const double d = std::strtod(v.c_str(), &end);
        if (end == v.c_str() || d < 0) {
          ++r.ignored_lines_;
          break;
        }
        if (cur_specific) specific.crawl_delay = d;
        if (cur_global) global.crawl_delay = d;
        break;
      }
      case Key::kSitemap:
        // §2.2.4: sitemaps stand outside groups and do not end one.
        if (!value.empty()) r.sitemaps_.emplace_back(value);
        break;
      case Key::kUnknown:
        ++r.ignored_lines_;
        break;
    }
  }
  // §2.2.1: the groups naming the product token, combined; else the "*"
  // groups; else no rules at all.
  Bucket& used = specific.seen ? specific : global;
  r.specific_ = specific.seen;
  r.rules_ = std::move(used.rules);
  r.crawl_delay_ = used.crawl_delay;
  return r;
}

Robots Robots::AllowAll() { return Robots(); }

Robots Robots::DisallowAll() {
  Robots r;
  r.disallow_all_ = true;
  return r;
}

Robots Robots::ForStatus(int status, std::string_view body, std::string_view product_token) {
  if (status >= 200 && status < 300) return Parse(body, product_token);  // §2.3.1.1
  // 429 is a 4xx, but it says the server is overloaded: treated as 5xx,
  // as Google does, because "allow all" is the opposite of what it asks.
  if (status == 429) return DisallowAll();
  // §2.3.1.2: more than five redirects may be treated as unavailable, and
  // §2.3.1.3: 4xx means unavailable: no restrictions.
  if (status >= 300 && status < 500) return AllowAll();
  return DisallowAll();  // §2.3.1.4: 5xx or unreachable
}

bool Robots::Allowed(std::string_view path) const {
  if (path == "/robots.txt") return true;  // §2.2.2: implicitly allowed
  if (disallow_all_) return false;
  int best = -1;
  bool allow = true;
  for (const Rule& rule : rules_) {
    const int len = static_cast<int>(rule.pattern.size());
    if (len < best || (len == best && !rule.allow)) continue;
    if (!RobotsPatternMatches(rule.pattern, path)) continue;
    // §2.2.2: the most octets win; of equals, Allow wins.
    allow = len > best ? rule.allow : (allow || rule.allow);
    best = len;
  }
  return allow;
}

}  // namespace newsmine::crawler
