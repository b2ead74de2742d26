// Text primitives every stage shares: languages, code-point spans, UTF-8.
//
// Offsets in records are Unicode code points (records.md: "as Python indexes
// a str"), so a span computed here matches text[s:e] in any consumer.
//
// Example:
//   std::vector<size_t> bad;
//   std::string clean = ScrubUtf8(raw, &bad);   // U+FFFD for each bad byte
//   std::u32string cps = DecodeUtf8(clean);
//
// All functions are pure and thread-safe.
#ifndef NEWSMINE_BASE_TEXT_H_
#define NEWSMINE_BASE_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsmine {

enum class Lang { kUnknown, kEn, kRu, kKk };

// "en", "ru", "kk", or "und" for kUnknown.
std::string_view LangCode(Lang lang);
// The inverse of LangCode; kUnknown for anything else.
Lang ParseLang(std::string_view code);

// Half-open range [begin, end) of code points.
struct Span {
  int64_t begin = 0;
  int64_t end = 0;
  bool operator==(const Span&) const = default;
};

// Returns `bytes` as valid UTF-8: every ill-formed sequence becomes U+FFFD.
// When `bad_offsets` is given, the byte offset of each replacement in the
// input is appended to it, so the caller can warn "file: byte 1234".
std::string ScrubUtf8(std::string_view bytes,
                      std::vector<size_t>* bad_offsets = nullptr);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view bytes);

// Decodes UTF-8 (ill-formed sequences become U+FFFD) into code points.
std::u32string DecodeUtf8(std::string_view utf8);
// Encodes code points as UTF-8.
std::string EncodeUtf8(std::u32string_view cps);
// Writes `cp` as UTF-8 at `out`, which has room for 4 bytes; returns the
// end. Inline: the tokenizer calls it once per character.
inline char* WriteUtf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}
// Appends `cp` to `out` as UTF-8.
inline void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
    return;
  }
  char b[4];
  out->append(b, WriteUtf8(cp, b) - b);
}
// Number of code points in `utf8`.
size_t CodePointCount(std::string_view utf8);

// True when `bytes` looks like binary data rather than text: NUL bytes or a
// high share of control characters in the first few kilobytes.
bool LooksBinary(std::string_view bytes);

}  // namespace newsmine

#endif  // NEWSMINE_BASE_TEXT_H_
