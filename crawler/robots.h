// robots.txt per RFC 9309 (internal to crawler/).
//
// Parse() reads the rules that apply to one product token (the crawler's
// name, e.g. "newsmine"): the groups whose user-agent lines name it, else
// the "*" groups, combined (§2.2.1). Allowed() takes the longest matching
// rule, Allow winning ties, with `*` and `$` (§2.2.2, §2.2.3).
// ForStatus() maps a fetch outcome to rules (§2.3.1): 2xx parses the body,
// 4xx allows everything, 5xx and an unreachable server disallow
// everything. Parsing is total: lines that are not rules are ignored and
// counted, never an error (as google/robotstxt does).
//
// Example:
//   Robots r = Robots::ForStatus(200, body, "newsmine");
//   if (!r.Allowed("/news/1?print=1")) Skip();
//   double delay = std::max(min_delay, r.crawl_delay().value_or(0));
//
// Thread safety: an immutable value after construction.
#ifndef NEWSMINE_CRAWLER_ROBOTS_H_
#define NEWSMINE_CRAWLER_ROBOTS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsmine::crawler {

// §2.5: parsers must read at least 500 KiB; what comes after is ignored.
inline constexpr size_t kRobotsMaxBytes = 500 * 1024;
// §2.4: a cached robots.txt should not be used for more than 24 hours.
inline constexpr int kRobotsCacheSeconds = 24 * 3600;

class Robots {
 public:
  // Rules of `body` for `product_token` (case-insensitive).
  static Robots Parse(std::string_view body, std::string_view product_token);
  static Robots AllowAll();
  static Robots DisallowAll();
  // §2.3.1: the rules implied by fetching robots.txt. `http_status` 0 means
  // unreachable (connection failed, timed out, too many redirects).
  static Robots ForStatus(int http_status, std::string_view body, std::string_view product_token);

  // Whether `path_and_query` (starting with '/', percent-encoded as
  // url.h normalises it) may be fetched. "/robots.txt" always may (§2.2.2).
  bool Allowed(std::string_view path_and_query) const;

  // The Crawl-delay of the group used, in seconds (not in RFC 9309, but
  // widely used; the larger of it and the crawler's own delay wins).
  std::optional<double> crawl_delay() const { return crawl_delay_; }
  // Sitemap: lines, which belong to no group (§2.2.4).
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }
  // True when the group used named the product token, not "*".
  bool matched_specific_group() const { return specific_; }
  // Lines that were neither rules, group lines nor comments.
  int ignored_lines() const { return ignored_lines_; }

  struct Rule {
    std::string pattern;  // percent-encoding normalised
    bool allow = false;
  };
  const std::vector<Rule>& rules() const { return rules_; }

 private:
  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
  bool specific_ = false;
  bool disallow_all_ = false;
  int ignored_lines_ = 0;
};

// True when `pattern` (with `*` and a final `$`) matches a prefix of
// `path`, or all of it with `$` (§2.2.3).
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace newsmine::crawler

#endif  // NEWSMINE_CRAWLER_ROBOTS_H_
