// The newsmine binary: parses arguments and calls pipeline/. Nothing else.
#include <boost/program_options.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "base/log.h"
#include "pipeline/crawl_command.h"
#include "pipeline/pipeline.h"

namespace po = boost::program_options;
using newsmine::pipeline::kExitUsage;

namespace {

constexpr char kUsage[] = R"(newsmine — structured facts about human trafficking from news

Usage: newsmine COMMAND [OPTIONS] ...

Commands:
  crawl        fetch news sites politely into WARC files (incremental, robots.txt obeyed)
  extract      article records (main text and metadata) from HTML pages and WARC files
  nlp          extract facts from plain text or article records (JSON Lines)
  rules check  validate a rule pack (rules, numbers, gazetteers)

Options:
  -h, --help     this text; `newsmine COMMAND --help` for a command
  -V, --version  print the version

Example:
  newsmine nlp --published 2024-07-05 article.txt > facts.jsonl
)";

constexpr char kNlpExample[] = R"(
Reads plain-text files (.txt), JSON Lines article records (.jsonl, as the
extract stage writes them) or - for standard input, and writes article
records with their facts, one JSON object per line.

Examples:
  newsmine nlp corpora/articles/en/en01.txt
  newsmine nlp --lang ru --published 2024-03-01 -o out.jsonl news/*.txt
  newsmine extract page.html | newsmine nlp -
)";

constexpr char kRulesExample[] = R"(
Loads the rule pack and reports every problem with its file and line.

Example:
  newsmine rules check corpora
)";

// Parses `args` against `desc`; prints help or the error. -1 means go on.
int Parse(const std::vector<std::string>& args, const po::options_description& desc,
          const po::positional_options_description& pos, const char* help,
          po::variables_map* vm) {
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    std::cerr << "newsmine: " << e.what() << "\n" << desc;
    return kExitUsage;
  }
  if (vm->count("help")) {
    std::cout << desc << help;
    return 0;
  }
  return -1;
}

// The options every stage command shares: inputs, -o, -q, --rules.
void AddStageOptions(po::options_description* desc, std::vector<std::string>* inputs,
                     std::string* output, std::string* rules, const char* rules_help) {
  desc->add_options()
      ("rules", po::value(rules), rules_help)
      ("output,o", po::value(output)->default_value("-"), "output file; - is standard output")
      ("quiet,q", "warnings and errors only")
      ("input", po::value(inputs), "input files");
}

// Parses a stage command; -1 means go on and run it.
int ParseStage(const char* name, const std::vector<std::string>& args, const po::options_description& desc,
               const char* help, const std::vector<std::string>& inputs) {
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  if (int rc = Parse(args, desc, pos, help, &vm); rc >= 0) return rc;
  if (vm.count("quiet")) newsmine::SetLogLevel(newsmine::LogLevel::kWarning);
  if (inputs.empty()) {
    std::cerr << "newsmine " << name << ": no input; give files or - for standard input\n";
    return kExitUsage;
  }
  return -1;
}

int Nlp(const std::vector<std::string>& args) {
  newsmine::pipeline::NlpOptions o;
  po::options_description desc("Usage: newsmine nlp [OPTIONS] INPUT...\n\nOptions");
  desc.add_options()
      ("help,h", "this text")
      ("lang", po::value(&o.lang)->default_value("auto"), "auto | en | ru | kk")
      ("published", po::value(&o.published), "publication date (YYYY-MM-DD) of text inputs, to resolve 'last year'");
  AddStageOptions(&desc, &o.inputs, &o.output, &o.corpora_dir,
                  "rule pack directory with rules/, numbers/, gazetteers/ (default: the bundled corpora/)");
  if (int rc = ParseStage("nlp", args, desc, kNlpExample, o.inputs); rc >= 0) return rc;
  return newsmine::pipeline::RunNlp(o);
}

constexpr char kExtractExample[] = R"(
Reads HTML pages (.html, .htm, also gzipped), WARC files (.warc, .warc.gz:
their response records) or - for standard input, and writes one article
record per page: main text, title, authors, date, language, canonical URL.

Examples:
  newsmine extract --url https://orda.kz/some-article page.html
  newsmine extract --facts crawl/*.warc.gz -o articles.jsonl
)";

int Extract(const std::vector<std::string>& args) {
  newsmine::pipeline::ExtractOptions o;
  po::options_description desc("Usage: newsmine extract [OPTIONS] INPUT...\n\nOptions");
  desc.add_options()
      ("help,h", "this text")
      ("url", po::value(&o.url), "URL of a single HTML input (for canonical_url, site, id)")
      ("facts", po::bool_switch(&o.facts), "also run the nlp stage on each record");
  AddStageOptions(&desc, &o.inputs, &o.output, &o.corpora_dir, "rule pack for --facts (default: the bundled corpora/)");
  if (int rc = ParseStage("extract", args, desc, kExtractExample, o.inputs); rc >= 0) return rc;
  return newsmine::pipeline::RunExtract(o);
}

constexpr char kCrawlExample[] = R"(
Fetches news sites politely (robots.txt per RFC 9309, Crawl-delay, a
minimum gap per host, back-off on 429/5xx) and keeps every response in
WARC/1.1 files in the output directory, with the crawl state beside them
(crawl.sqlite). The next run fetches only new pages and re-checks start
pages, feeds and sitemaps with conditional GETs. Ctrl-C stops cleanly; a
run that was killed resumes. The config file format is in crawler/config.h.

Examples:
  newsmine crawl --config crawl.toml
  newsmine crawl --seed https://orda.kz/ --seed https://kursiv.media/ --out crawl --max-pages 500
  newsmine extract --facts crawl/*.warc.gz -o articles.jsonl
)";

int Crawl(const std::vector<std::string>& args) {
  newsmine::pipeline::CrawlOptions o;
  double delay = 0;
  int per_host = 0;
  int64_t max_pages = 0;
  po::options_description desc("Usage: newsmine crawl (--config FILE | --seed URL... --out DIR) [OPTIONS]\n\nOptions");
  desc.add_options()
      ("help,h", "this text")
      ("config", po::value(&o.config), "TOML crawl config: sites with start pages, feeds, sitemaps, URL patterns, limits")
      ("seed", po::value(&o.seeds)->multitoken(), "start URL of an ad hoc crawl (repeatable); links on its host are followed")
      ("out", po::value(&o.out_dir), "directory for the WARC files and crawl.sqlite (overrides crawl.out)")
      ("user-agent", po::value(&o.user_agent), "User-Agent to send, with a contact URL")
      ("delay", po::value(&delay), "minimum seconds between requests to one host (default 1); a larger Crawl-delay wins")
      ("per-host", po::value(&per_host), "connections to one host at once (default 1)")
      ("max-pages", po::value(&max_pages), "fetch at most this many pages in this run (default: no limit)")
      ("quiet,q", "warnings and errors only, no progress line");
  po::variables_map vm;
  if (int rc = Parse(args, desc, po::positional_options_description(), kCrawlExample, &vm); rc >= 0) return rc;
  if (vm.count("quiet")) {
    newsmine::SetLogLevel(newsmine::LogLevel::kWarning);
    o.progress = false;
  }
  if (vm.count("delay")) o.delay_seconds = delay;
  if (vm.count("per-host")) o.per_host = per_host;
  if (vm.count("max-pages")) o.max_pages = max_pages;
  return newsmine::pipeline::RunCrawl(o);
}

int Rules(const std::vector<std::string>& args) {
  std::string action, dir;
  po::options_description desc("Usage: newsmine rules check [DIR]\n\nOptions");
  desc.add_options()("help,h", "this text")("action", po::value(&action), "check")(
      "dir", po::value(&dir), "rule pack directory (default: the bundled corpora/)");
  po::positional_options_description pos;
  pos.add("action", 1).add("dir", 1);
  po::variables_map vm;
  if (int rc = Parse(args, desc, pos, kRulesExample, &vm); rc >= 0) return rc;
  if (action != "check") {
    std::cerr << "newsmine rules: the only action is 'check'\n";
    return kExitUsage;
  }
  return newsmine::pipeline::RunRulesCheck(dir);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? kExitUsage : 0;
  }
  if (args[0] == "-V" || args[0] == "--version") {
    std::cout << "newsmine " << newsmine::pipeline::Version() << "\n";
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "nlp") return Nlp(args);
  if (command == "extract") return Extract(args);
  if (command == "crawl") return Crawl(args);
  if (command == "rules") return Rules(args);
  std::cerr << "newsmine: unknown command '" << command << "'\n\n" << kUsage;
  return kExitUsage;
}
