// A generated news site on 127.0.0.1 that misbehaves on purpose, for the
// crawler tests (issue 8 "Tests").
//
// The servers (cpp-httplib) run in a child process, so the test process
// stays single-threaded and may fork crawls of its own and kill them.
// Every request the servers answer is appended to a log file the test
// reads back.
//
// Three origins:
//   main  - home page, 30 articles, an RSS feed, a sitemap index with a
//           gzipped Google News sitemap, robots.txt with wildcards, and the
//           misbehaviours: /redirect/N chains, /loop/a <-> /loop/b,
//           /retry-after (429 then 200), /flaky (500 then 200), /stall,
//           /big, /reset, /cp1251, tracking-parameter duplicates.
//   down  - robots.txt answers 503; its pages must never be fetched.
//   slow  - robots.txt has Crawl-delay: 0.3, and 4 articles.
#ifndef NEWSMINE_TESTS_CRAWLER_TEST_SITE_H_
#define NEWSMINE_TESTS_CRAWLER_TEST_SITE_H_

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace newsmine::crawler::testing {

inline constexpr int kArticles = 30;

struct LoggedRequest {
  int64_t at_ms = 0;   // wall clock, milliseconds
  int port = 0;
  int status = 0;
  std::string target;  // path and query
  std::string user_agent;
};

class TestSite {
 public:
  // Starts the servers; `log` is the request log file.
  static std::unique_ptr<TestSite> Start(const std::string& log);
  ~TestSite();

  std::string Main(const std::string& path) const { return Url(main_port_, path); }
  std::string Down(const std::string& path) const { return Url(down_port_, path); }
  std::string Slow(const std::string& path) const { return Url(slow_port_, path); }
  int main_port() const { return main_port_; }
  int down_port() const { return down_port_; }
  int slow_port() const { return slow_port_; }
  std::vector<LoggedRequest> Requests() const;

 private:
  static std::string Url(int port, const std::string& path) {
    return "http://127.0.0.1:" + std::to_string(port) + path;
  }
  pid_t pid_ = -1;
  std::string log_;
  int main_port_ = 0, down_port_ = 0, slow_port_ = 0;
};

}  // namespace newsmine::crawler::testing

#endif  // NEWSMINE_TESTS_CRAWLER_TEST_SITE_H_
