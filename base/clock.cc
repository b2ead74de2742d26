#include "base/clock.h"

#include <ctime>

namespace newsmine {

std::string UtcNow(const char* format) {
  char buf[64];
  const std::time_t t = std::time(nullptr);
  std::tm tm;
  gmtime_r(&t, &tm);
  const size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

}  // namespace newsmine
