// Reading whole input files, the one way every command does it.
//
// Example:
//   std::string bytes;
//   Status s = ReadFile("article.txt", &bytes);   // "-" reads standard input
//   if (!s.ok()) LogError(s.message());           // "x.txt: is a directory"
//
// Thread safety: ReadFile of different paths may run at once; "-" once.
#ifndef NEWSMINE_BASE_FILE_H_
#define NEWSMINE_BASE_FILE_H_

#include <string>

#include "base/status.h"

namespace newsmine {

// Reads all of `path` ("-": standard input) into `out`. Fails with a
// message that names the path: NotFound when it is missing, InvalidArgument
// for a directory, IoError when the system refuses or a read fails.
Status ReadFile(const std::string& path, std::string* out);

}  // namespace newsmine

#endif  // NEWSMINE_BASE_FILE_H_
