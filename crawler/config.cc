#include "crawler/config.h"

#include <fstream>
#include <sstream>
#include <type_traits>
#include <toml++/toml.h>

#include "crawler/url.h"

namespace newsmine::crawler {
namespace {

// Collects every problem, each "NAME:LINE: key: what" (design.md: report
// all errors with file and line, not just the first).
class Checker {
 public:
  explicit Checker(std::string name) : name_(std::move(name)) {}

  void Error(const toml::node& at, const std::string& key, const std::string& what) {
    errors_ += (errors_.empty() ? "" : "\n") + name_ + ":" + std::to_string(at.source().begin.line) + ": " + key +
               ": " + what;
  }
  void Error(int line, const std::string& key, const std::string& what) {
    errors_ += (errors_.empty() ? "" : "\n") + name_ + ":" + std::to_string(line) + ": " + key + ": " + what;
  }
  const std::string& errors() const { return errors_; }

  void Int(const toml::table& t, const std::string& prefix, const char* key, int64_t min, int64_t* out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    std::optional<int64_t> v = n->value<int64_t>();
    if (!v) return Error(*n, prefix + key, "must be an integer");
    if (*v < min) return Error(*n, prefix + key, "must be at least " + std::to_string(min));
    *out = *v;
  }
  void Seconds(const toml::table& t, const std::string& prefix, const char* key, double* out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    std::optional<double> v = n->value<double>();  // integers convert too
    if (!v || *v < 0) return Error(*n, prefix + key, "must be a non-negative number of seconds");
    *out = *v;
  }
  void String(const toml::table& t, const std::string& prefix, const char* key, std::string* out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    std::optional<std::string> v = n->value<std::string>();
    if (!v) return Error(*n, prefix + key, "must be a string");
    *out = *v;
  }
  void Strings(const toml::table& t, const std::string& prefix, const char* key, bool urls,
               std::vector<std::string>* out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    const toml::array* a = n->as_array();
    if (!a) return Error(*n, prefix + key, "must be an array of strings");
    for (const toml::node& e : *a) {
      std::optional<std::string> v = e.value<std::string>();
      if (!v) {
        Error(e, prefix + key, "must be an array of strings");
        continue;
      }
      if (urls && !ParseUrl(*v)) Error(e, prefix + key, "'" + *v + "' is not an http(s) URL");
      out->push_back(*v);
    }
  }
  void Unknown(const toml::table& t, const std::string& prefix, std::initializer_list<std::string_view> known) {
    for (const auto& [k, v] : t) {
      bool ok = false;
      for (std::string_view name : known) ok |= k.str() == name;
      if (!ok) Error(v, prefix + std::string(k.str()), "unknown key");
    }
  }

 private:
  std::string name_;
  std::string errors_;
};

void UserAgent(const toml::table& t, const std::string& prefix, Checker* c, std::string* out) {
  c->String(t, prefix, "user_agent", out);
  if (const toml::node* n = t.get("user_agent"); n && n->is_string() && !HasContact(*out))
    c->Error(*n, prefix + "user_agent", "needs a contact URL or e-mail for site operators");
}

void ReadCrawl(const toml::table& t, Checker* c, CrawlOptions* o) {
  c->Unknown(t, "crawl.", {"out", "user_agent", "delay", "per_host", "max_connections", "max_pages", "max_depth",
                           "max_retries", "max_body_bytes", "connect_timeout", "timeout", "warc_max_bytes"});
  c->String(t, "crawl.", "out", &o->out_dir);
  UserAgent(t, "crawl.", c, &o->user_agent);
  double delay = o->min_delay.count() / 1000.0, connect = o->connect_timeout.count() / 1000.0,
         total = o->total_timeout.count() / 1000.0;
  c->Seconds(t, "crawl.", "delay", &delay);
  c->Seconds(t, "crawl.", "connect_timeout", &connect);
  c->Seconds(t, "crawl.", "timeout", &total);
  o->min_delay = std::chrono::milliseconds(static_cast<int64_t>(delay * 1000));
  o->connect_timeout = std::chrono::milliseconds(static_cast<int64_t>(connect * 1000));
  o->total_timeout = std::chrono::milliseconds(static_cast<int64_t>(total * 1000));
  // Integer fields of several types, read through one int64_t.
  auto integer = [&](const char* key, int64_t min, auto* field) {
    int64_t v = static_cast<int64_t>(*field);
    c->Int(t, "crawl.", key, min, &v);
    *field = static_cast<std::remove_pointer_t<decltype(field)>>(v);
  };
  integer("per_host", 1, &o->per_host);
  integer("max_connections", 1, &o->max_connections);
  integer("max_pages", 0, &o->max_pages);
  integer("max_depth", 0, &o->max_depth);
  integer("max_retries", 0, &o->max_retries);
  integer("max_body_bytes", 1024, &o->max_body_bytes);
  integer("warc_max_bytes", 1 << 20, &o->warc_max_bytes);
}

void ReadSite(const toml::table& t, const std::string& prefix, Checker* c, SiteConfig* s) {
  c->Unknown(t, prefix, {"name", "start_urls", "feeds", "sitemaps", "article_patterns", "follow_patterns", "max_pages",
                         "delay", "user_agent"});
  c->String(t, prefix, "name", &s->name);
  c->Strings(t, prefix, "start_urls", true, &s->start_urls);
  c->Strings(t, prefix, "feeds", true, &s->feeds);
  c->Strings(t, prefix, "sitemaps", true, &s->sitemaps);
  c->Strings(t, prefix, "article_patterns", false, &s->article_patterns);
  c->Strings(t, prefix, "follow_patterns", false, &s->follow_patterns);
  c->Int(t, prefix, "max_pages", 0, &s->max_pages);
  UserAgent(t, prefix, c, &s->user_agent);
  double delay = -1;
  c->Seconds(t, prefix, "delay", &delay);
  if (delay >= 0) s->delay = std::chrono::milliseconds(static_cast<int64_t>(delay * 1000));
  if (s->start_urls.empty() && s->feeds.empty() && s->sitemaps.empty())
    c->Error(t, prefix.substr(0, prefix.size() - 1), "needs start_urls, feeds or sitemaps");
}

}  // namespace

bool HasContact(std::string_view user_agent) {
  return user_agent.find("http://") != std::string_view::npos || user_agent.find("https://") != std::string_view::npos ||
         user_agent.find('@') != std::string_view::npos;
}

Result<CrawlOptions> ParseCrawlConfig(std::string_view text, const std::string& name) {
  CrawlOptions o;
  Checker c(name);
  toml::table root;
  try {  // toml++ throws; nothing crosses this function (design.md)
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    return InvalidArgumentError(name + ":" + std::to_string(e.source().begin.line) + ": " +
                                std::string(e.description()));
  }
  c.Unknown(root, "", {"crawl", "site"});
  if (const toml::node* n = root.get("crawl")) {
    if (const toml::table* t = n->as_table()) ReadCrawl(*t, &c, &o);
    else c.Error(*n, "crawl", "must be a table [crawl]");
  }
  const toml::node* sites = root.get("site");
  const toml::array* arr = sites ? sites->as_array() : nullptr;
  if (sites && !arr) c.Error(*sites, "site", "must be an array of tables [[site]]");
  if (!sites) c.Error(1, "site", "no [[site]] tables: nothing to crawl");
  if (arr) {
    for (size_t i = 0; i < arr->size(); ++i) {
      const toml::table* t = (*arr)[i].as_table();
      const std::string prefix = "site[" + std::to_string(i + 1) + "].";
      if (!t) {
        c.Error((*arr)[i], prefix, "must be a table");
        continue;
      }
      SiteConfig s;
      ReadSite(*t, prefix, &c, &s);
      o.sites.push_back(std::move(s));
    }
  }
  if (!c.errors().empty()) return InvalidArgumentError(c.errors());
  return o;
}

Result<CrawlOptions> LoadCrawlConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open crawl config");
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseCrawlConfig(ss.str(), path);
}

}  // namespace newsmine::crawler
