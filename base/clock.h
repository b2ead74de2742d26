// The current time in UTC, formatted: WARC-Date and fetched_at are RFC 3339
// UTC (records.md), WARC file names carry a compact stamp.
//
// Thread safety: pure functions of the system clock.
#ifndef NEWSMINE_BASE_CLOCK_H_
#define NEWSMINE_BASE_CLOCK_H_

#include <string>

namespace newsmine {

// strftime of the current UTC time with `format`.
std::string UtcNow(const char* format);

// "2024-07-05T10:00:00Z".
inline std::string NowRfc3339() { return UtcNow("%Y-%m-%dT%H:%M:%SZ"); }

}  // namespace newsmine

#endif  // NEWSMINE_BASE_CLOCK_H_
