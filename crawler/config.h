// The TOML crawl config (internal to crawler/; LoadCrawlConfig in
// crawler.h is its public face).
//
//   [crawl]                      # all optional
//   out = "crawl"                # WARC files and crawl.sqlite
//   user_agent = "newsmine/0.1 (+https://example.org/contact)"
//   delay = 1.0                  # seconds between requests to one host
//   per_host = 1                 # connections to one host
//   max_connections = 32
//   max_pages = 0                # 0: no limit
//   max_depth = 5
//   max_retries = 3
//   max_body_bytes = 16777216
//   connect_timeout = 10         # seconds
//   timeout = 60                 # seconds, whole transfer
//   warc_max_bytes = 1073741824
//
//   [[site]]
//   name = "orda.kz"
//   start_urls = ["https://orda.kz/"]
//   feeds = ["https://orda.kz/rss/"]
//   sitemaps = ["https://orda.kz/sitemap.xml"]
//   article_patterns = ['https://orda\.kz/[a-z0-9-]+-\d+/']
//   follow_patterns = ['https://orda\.kz/category/.*']
//   max_pages = 0
//   delay = 5.0                  # this site's own gap, instead of crawl.delay
//   user_agent = "newsmine/0.1 (+https://example.org/contact)"  # instead of crawl.user_agent
//
// Thread safety: pure function.
#ifndef NEWSMINE_CRAWLER_CONFIG_H_
#define NEWSMINE_CRAWLER_CONFIG_H_

#include <string>
#include <string_view>

#include "crawler/crawler.h"

namespace newsmine::crawler {

// True when a User-Agent names a way to reach the crawl's operator: an
// http(s) URL or an e-mail address (issue 8: "a User-Agent with a contact URL").
bool HasContact(std::string_view user_agent);

// Parses config text; `name` is used in messages ("crawl.toml:12: ...").
Result<CrawlOptions> ParseCrawlConfig(std::string_view text, const std::string& name);

}  // namespace newsmine::crawler

#endif  // NEWSMINE_CRAWLER_CONFIG_H_
