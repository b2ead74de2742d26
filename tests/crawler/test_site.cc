#include "tests/testing/testing.h"
#include "tests/crawler/test_site.h"

#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace newsmine::crawler::testing {
namespace {

std::mutex g_mutex;
std::map<std::string, int> g_hits;  // per path: for "fail first, then succeed"

int Hit(const std::string& key) {
  std::lock_guard<std::mutex> lock(g_mutex);
  return ++g_hits[key];
}

using newsmine::testing::Gzip;

std::string Page(const std::string& title, const std::string& links) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + title +
         "</h1><p>Police in Almaty opened 12 criminal cases of human trafficking.</p></article>" + links +
         "</body></html>";
}

std::string NewsLinks(int from, int to) {
  std::string s;
  for (int i = from; i <= to; ++i) s += "<a href=\"/news/" + std::to_string(i) + "\">News " + std::to_string(i) + "</a>\n";
  return s;
}

// Serves `body` with an ETag, or 304 when the client already has it.
void Conditional(const httplib::Request& req, httplib::Response& res, const std::string& body, const std::string& type) {
  const std::string etag = "\"" + std::to_string(std::hash<std::string>()(body)) + "\"";
  res.set_header("ETag", etag);
  if (req.get_header_value("If-None-Match") == etag) {
    res.status = 304;
    return;
  }
  res.set_content(body, type.c_str());
}

void Log(const std::string& path, int port, const httplib::Request& req, const httplib::Response& res) {
  const int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
  std::lock_guard<std::mutex> lock(g_mutex);
  std::FILE* f = std::fopen(path.c_str(), "a");
  if (!f) return;
  std::fprintf(f, "%lld %d %d %s\t%s\n", static_cast<long long>(ms), port, res.status, req.target.c_str(),
               req.get_header_value("User-Agent").c_str());
  std::fclose(f);
}

void MainSite(httplib::Server& s, int port) {
  const std::string origin = "http://127.0.0.1:" + std::to_string(port);
  s.Get("/robots.txt", [origin](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /*?print=1\nDisallow: /private/\nAllow: /private/open$\n\n"
                    "User-agent: otherbot\nDisallow: /\n\nSitemap: " + origin + "/sitemap.xml\n",
                    "text/plain");
  });
  s.Get("/", [](const httplib::Request& req, httplib::Response& res) {
    const std::string links = NewsLinks(1, 10) +
        "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">"
        "<link rel=\"next\" href=\"/page/2\">"
        "<a href=\"/news/1?utm_source=tw&amp;utm_medium=social\">dup</a>"
        "<a href=\"/news/2?fbclid=IwAR0\">dup</a><a href=\"/news/3#comments\">dup</a>"
        "<a href=\"/news/3/../3\">dup</a><a href=\"/index.html\">home</a>"
        "<a href=\"/news/3?print=1\">print</a><a href=\"/private/secret\">x</a><a href=\"/private/open\">x</a>"
        "<a href=\"/redirect/1\">r</a><a href=\"/moved\">m</a><a href=\"/loop/a\">l</a>"
        "<a href=\"/retry-after\">r</a><a href=\"/flaky\">f</a><a href=\"/stall\">s</a><a href=\"/big\">b</a>"
        "<a href=\"/reset\">r</a><a href=\"/cp1251\">c</a><a href=\"mailto:desk@example.kz\">mail</a>"
        "<a rel=\"nofollow\" href=\"/ads/1\">ad</a><a href=\"http://example.invalid/\">away</a>"
        "<script>document.write('<a href=\"/from-script\">')</script>";
    Conditional(req, res, Page("Home", links), "text/html; charset=utf-8");
  });
  // Bodies in the other codings libcurl announces besides gzip, made from
  // "<p>" + "news " x 20 + "</p>" with `zstd -19 --no-check` and
  // BrotliEncoderCompress(quality 11). Served as octet-stream so that the
  // server does not compress them once more.
  s.Get(R"(/coded/(br|zstd))", [](const httplib::Request& req, httplib::Response& res) {
    static const std::string kBr("\x1b\x6a\x00\xf8\x1d\xa9\x51\x9f\x3d\xae\x79\xdc\xe0\xee\x94\x4f\x59\x81\xcc\x95"
                                 "\x20\xb8\x55\x01\xcc\x94\x89\x8f\x0d", 29);
    static const std::string kZstd("\x28\xb5\x2f\xfd\x00\x68\x9d\x00\x00\x60\x3c\x70\x3e\x6e\x65\x77\x73\x20\x3c\x2f"
                                   "\x70\x3e\x01\x00\x8c\xa9\x70\x01", 28);
    const std::string coding = req.matches[1];
    if (req.get_header_value("Accept-Encoding").find(coding) == std::string::npos) {
      res.status = 406;  // the client did not offer it
      return;
    }
    res.set_header("Content-Encoding", coding);
    res.set_content(coding == "br" ? kBr : kZstd, "application/octet-stream");
  });
  s.Get("/page/2", [](const httplib::Request& req, httplib::Response& res) {
    Conditional(req, res, Page("Page 2", NewsLinks(11, 15)), "text/html; charset=utf-8");
  });
  s.Get(R"(/news/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    const int n = std::stoi(req.matches[1]);
    if (n < 1 || n > kArticles) return void(res.status = 404);
    res.set_content(Page("News " + std::to_string(n), "<a href=\"../news/" + std::to_string(n) + "?utm_campaign=z\">self</a>"),
                    "text/html; charset=utf-8");
  });
  s.Get("/feed.xml", [origin](const httplib::Request& req, httplib::Response& res) {
    std::string items;
    for (int i : {16, 17, 18, 1})
      items += "<item><title>N" + std::to_string(i) + "</title><link>" + origin + "/news/" + std::to_string(i) +
               "</link><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item>";
    Conditional(req, res, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>",
                "application/rss+xml");
  });
  s.Get("/sitemap.xml", [origin](const httplib::Request& req, httplib::Response& res) {
    Conditional(req, res,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                "<sitemap><loc>" + origin + "/sitemap-news.xml.gz</loc></sitemap>"
                "<sitemap><loc>" + origin + "/sitemap-pages.xml</loc></sitemap></sitemapindex>",
                "application/xml");
  });
  s.Get("/sitemap-news.xml.gz", [origin](const httplib::Request& req, httplib::Response& res) {
    std::string urls;
    for (int i = 19; i <= 21; ++i)
      urls += "<url><loc>" + origin + "/news/" + std::to_string(i) + "</loc><news:news><news:publication>"
              "<news:name>T</news:name><news:language>ru</news:language></news:publication>"
              "<news:publication_date>2026-12-01</news:publication_date><news:title>t</news:title></news:news></url>";
    Conditional(req, res, Gzip("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                               "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">" + urls + "</urlset>"),
                "application/gzip");
  });
  s.Get("/sitemap-pages.xml", [origin](const httplib::Request& req, httplib::Response& res) {
    std::string urls;
    for (int i = 22; i <= kArticles; ++i)
      urls += "<url><loc>" + origin + "/news/" + std::to_string(i) + "</loc><lastmod>2026-12-01</lastmod></url>";
    Conditional(req, res, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + urls + "</urlset>",
                "application/xml");
  });
  s.Get(R"(/redirect/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    const int n = std::stoi(req.matches[1]);
    res.set_redirect(n < 7 ? "/redirect/" + std::to_string(n + 1) : "/news/4", 302);
  });
  s.Get("/moved", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/news/5", 301); });
  s.Get("/loop/a", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop/b", 302); });
  s.Get("/loop/b", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop/a", 302); });
  s.Get("/retry-after", [](const httplib::Request&, httplib::Response& res) {
    if (Hit("retry-after") == 1) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      return;
    }
    res.set_content(Page("Recovered", ""), "text/html");
  });
  s.Get("/flaky", [](const httplib::Request&, httplib::Response& res) {
    if (Hit("flaky") == 1) return void(res.status = 500);
    res.set_content(Page("Flaky", ""), "text/html");
  });
  s.Get("/stall", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [](size_t, httplib::DataSink& sink) {
      sink.write("<html>", 6);
      std::this_thread::sleep_for(std::chrono::milliseconds(2500));
      sink.done();
      return true;
    });
  });
  s.Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(size_t{2} << 20, 'x'), "text/html");
  });
  s.Get("/reset", [](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(100000, "text/html", [](size_t offset, size_t, httplib::DataSink& sink) {
      if (offset > 0) return false;  // drops the connection mid-body
      sink.write("<html><body>", 12);
      return true;
    });
  });
  s.Get("/cp1251", [](const httplib::Request&, httplib::Response& res) {
    // "Торговля людьми" in windows-1251.
    res.set_content("<html><head><title>\xD2\xEE\xF0\xE3\xEE\xE2\xEB\xFF</title></head><body><p>\xD2\xEE\xF0\xE3\xEE"
                    "\xE2\xEB\xFF \xEB\xFE\xE4\xFC\xEC\xE8</p></body></html>",
                    "text/html; charset=windows-1251");
  });
  s.Get("/private/open", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(Page("Open", ""), "text/html");
  });
}

void DownSite(httplib::Server& s) {
  s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
  s.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(Page("Down", NewsLinks(1, 3)), "text/html");
  });
}

void SlowSite(httplib::Server& s) {
  s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nCrawl-delay: 0.3\n", "text/plain");
  });
  s.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(Page("Slow", "<a href=\"/a/1\">1</a><a href=\"/a/2\">2</a><a href=\"/a/3\">3</a><a href=\"/a/4\">4</a>"),
                    "text/html");
  });
  s.Get(R"(/a/(\d+))", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(Page("Slow article", ""), "text/html");
  });
}

[[noreturn]] void Serve(int fd, const std::string& log) {
  httplib::Server main, down, slow;
  int ports[3];
  httplib::Server* servers[3] = {&main, &down, &slow};
  for (int i = 0; i < 3; ++i) {
    ports[i] = servers[i]->bind_to_any_port("127.0.0.1");
    const int port = ports[i];
    // More workers than the default 8: the stalling handler and keep-alive
    // connections each hold one.
    servers[i]->new_task_queue = [] { return new httplib::ThreadPool(32); };
    servers[i]->set_logger([log, port](const httplib::Request& q, const httplib::Response& r) { Log(log, port, q, r); });
  }
  MainSite(main, ports[0]);
  DownSite(down);
  SlowSite(slow);
  if (write(fd, ports, sizeof ports) != sizeof ports) _exit(1);
  close(fd);
  std::thread t1([&] { down.listen_after_bind(); });
  std::thread t2([&] { slow.listen_after_bind(); });
  main.listen_after_bind();
  _exit(0);
}

}  // namespace

std::unique_ptr<TestSite> TestSite::Start(const std::string& log) {
  int fds[2];
  if (pipe(fds) != 0) return nullptr;
  const pid_t pid = fork();
  if (pid < 0) return nullptr;
  if (pid == 0) {
    close(fds[0]);
    Serve(fds[1], log);
  }
  close(fds[1]);
  int ports[3] = {};
  const ssize_t n = read(fds[0], ports, sizeof ports);
  close(fds[0]);
  auto site = std::unique_ptr<TestSite>(new TestSite());
  site->pid_ = pid;
  site->log_ = log;
  if (n != sizeof ports) return nullptr;
  site->main_port_ = ports[0];
  site->down_port_ = ports[1];
  site->slow_port_ = ports[2];
  return site;
}

TestSite::~TestSite() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

std::vector<LoggedRequest> TestSite::Requests() const {
  std::vector<LoggedRequest> out;
  std::ifstream in(log_);
  std::string line;
  while (std::getline(in, line)) {
    LoggedRequest r;
    std::istringstream ss(line.substr(0, line.find('\t')));
    ss >> r.at_ms >> r.port >> r.status >> r.target;
    if (line.find('\t') != std::string::npos) r.user_agent = line.substr(line.find('\t') + 1);
    out.push_back(r);
  }
  return out;
}

}  // namespace newsmine::crawler::testing
