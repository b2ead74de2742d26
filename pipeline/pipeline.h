// pipeline: the commands people run, stage by stage, and what they print.
//
// Each Run* function is one subcommand of the `newsmine` binary, which only
// parses arguments into these option structs. They return the process exit
// code (see README.md "Exit codes"): 0 all inputs done, 1 some inputs had
// errors (the rest were still processed and written), 2 bad usage or
// configuration (nothing was processed).
//
// Example:
//   int rc = RunNlp(NlpOptions{.inputs = {"article.txt"}, .output = "-"});
//
// Thread safety: each call is independent; they write to the output named
// in the options and diagnostics to standard error.
#ifndef NEWSMINE_PIPELINE_PIPELINE_H_
#define NEWSMINE_PIPELINE_PIPELINE_H_

#include <string>
#include <vector>

namespace newsmine::pipeline {

enum ExitCode { kExitOk = 0, kExitPartial = 1, kExitUsage = 2 };

// Version of the program, stamped into records as pipeline.version.
std::string Version();

// Where the bundled rule pack lives when no --rules is given: $NEWSMINE_CORPORA,
// else the corpora/ of the source tree the binary was built from.
std::string DefaultCorporaDir();

struct NlpOptions {
  std::vector<std::string> inputs;  // .txt, .jsonl, or "-" for stdin
  std::string output = "-";         // JSON Lines; "-" is stdout
  std::string lang = "auto";        // auto | en | ru | kk
  std::string published;            // ISO date for text inputs
  std::string corpora_dir;          // empty: DefaultCorporaDir()
};
int RunNlp(const NlpOptions& options);

struct ExtractOptions {
  std::vector<std::string> inputs;  // .html/.htm (also .gz), .warc/.warc.gz, "-"
  std::string output = "-";         // JSON Lines; "-" is stdout
  std::string url;                  // URL of a single HTML input, for canonical_url and site
  bool facts = false;               // run the nlp stage on each record
  std::string corpora_dir;          // rule pack for --facts; empty: DefaultCorporaDir()
};
int RunExtract(const ExtractOptions& options);

// Loads and validates the rule pack; prints every problem found.
int RunRulesCheck(const std::string& corpora_dir);

}  // namespace newsmine::pipeline

#endif  // NEWSMINE_PIPELINE_PIPELINE_H_
