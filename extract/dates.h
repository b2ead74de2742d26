// Dates as pages write them, read into ISO 8601 (records.md `published`).
//
// Machine dates from metadata ("2024-07-05T10:00:00+06:00"), dates in URLs
// ("/2024/07/05/"), and dates in running text in English, Russian and
// Kazakh: "July 5, 2024", "5 July 2024", "5 июля 2024 года",
// "2024 жылғы 5 шілде", "05.07.2024".
//
// Thread safety: pure functions.
#ifndef NEWSMINE_EXTRACT_DATES_H_
#define NEWSMINE_EXTRACT_DATES_H_

#include <optional>
#include <string>
#include <string_view>

namespace newsmine::extract {

// A metadata value as ISO 8601: "2024-07-05" or, when the value has a time
// and an offset, "2024-07-05T10:00:00+06:00" ("Z" kept). nullopt when it is
// no date (or an impossible one: month 13, year 1800).
std::optional<std::string> ParseMachineDate(std::string_view value);
// The first date written in `text` as "YYYY-MM-DD"; nullopt if none.
std::optional<std::string> FindDateInText(std::string_view text);
// A date in a URL path: /2024/07/05/, /2024-07-05, /20240705; nullopt if none.
std::optional<std::string> DateFromUrl(std::string_view url);
// A short line that is only a date or time stamp ("Nov 19, 2019 10:30 AM",
// "Обновлено 5 июля 2024, 12:00", "2 hours ago").
bool LooksLikeDateLine(std::string_view line);

}  // namespace newsmine::extract

#endif  // NEWSMINE_EXTRACT_DATES_H_
