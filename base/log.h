// Diagnostics for people running newsmine: one line each on standard error,
// "newsmine: warning: <input>: <what>". Kept tiny on purpose: the pipeline's
// output goes to stdout or files, diagnostics never mix with it.
//
// Thread safety: each call writes one whole line under a lock.
#ifndef NEWSMINE_BASE_LOG_H_
#define NEWSMINE_BASE_LOG_H_

#include <string_view>

namespace newsmine {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

void Log(LogLevel level, std::string_view message);
inline void LogInfo(std::string_view m) { Log(LogLevel::kInfo, m); }
inline void LogWarning(std::string_view m) { Log(LogLevel::kWarning, m); }
inline void LogError(std::string_view m) { Log(LogLevel::kError, m); }

// Messages below `level` are dropped (default kInfo; --quiet sets kWarning).
void SetLogLevel(LogLevel level);

}  // namespace newsmine

#endif  // NEWSMINE_BASE_LOG_H_
