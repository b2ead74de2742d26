// Small text helpers shared inside extract/: counting, collapsing and
// comparing the text of blocks. UTF-8 in, UTF-8 out; Cyrillic (Russian and
// Kazakh letters) lower-cased as well as ASCII, because hint phrases such as
// "Читайте также" are matched case-insensitively.
//
// Thread safety: pure functions.
#ifndef NEWSMINE_EXTRACT_TEXT_UTIL_H_
#define NEWSMINE_EXTRACT_TEXT_UTIL_H_

#include <string>
#include <string_view>

namespace newsmine::extract {

inline bool IsAlnumAscii(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline bool IsSpaceAscii(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string LowerAscii(std::string_view s);
// Lower-cases ASCII and Cyrillic (incl. the Kazakh letters ә ғ қ ң ө ұ ү һ і).
std::string LowerText(std::string_view s);
// Code points that are not white space (ASCII space or U+00A0).
int CountChars(std::string_view s);
// Appends `s` to `out` with each run of white space (incl. U+00A0) made one
// space, never a space at the start of `out`.
void AppendCollapsed(std::string_view s, std::string* out);
void TrimBack(std::string* s);
std::string_view Trim(std::string_view s);
// LowerText, white space collapsed, trimmed: for comparing short blocks.
std::string NormalizeForCompare(std::string_view s);
// Text from outside the page's markup (JSON-LD articleBody): tags removed,
// entities for & < > " ' and nbsp decoded, each line's spaces collapsed,
// empty lines dropped, lines joined by "\n".
std::string NormalizeParagraphs(std::string_view s);
// A short line that is a byline: "By Jane Doe", "Автор: ...", "Фото: ...".
bool LooksLikeByline(std::string_view s);

}  // namespace newsmine::extract

#endif  // NEWSMINE_EXTRACT_TEXT_UTIL_H_
