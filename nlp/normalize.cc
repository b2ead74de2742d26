#include "nlp/normalize.h"

#include <array>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <optional>

#include "base/text.h"

namespace newsmine::nlp {
namespace {

// What one byte may start. Only combining marks (U+0300-U+036F: lead bytes
// CC, CD) and scripts from U+0800 on can be other than NFC; Latin and
// Cyrillic text skips ICU. U+2000 to U+2FFF (lead byte E2) is punctuation
// and symbols, left as written. kRewrite: bytes that may start a sequence
// NormalizeText rewrites (see NeedsRewrite).
enum : uint8_t { kNfc = 1, kRewrite = 2 };
const std::array<uint8_t, 256> kByteFlags = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0xE0; c < 0xF8; ++c) t[c] |= kNfc;
  t[0xE2] &= ~kNfc;
  t[0xCC] |= kNfc;
  t[0xCD] |= kNfc;
  for (unsigned char c : {'\r', '\t', '\v', '\f'}) t[c] |= kRewrite;
  for (unsigned char c : {0xC2, 0xE1, 0xE2, 0xE3, 0xEF}) t[c] |= kRewrite;
  return t;
}();

// The flags of every byte of `utf8`, in one pass: most text needs neither
// ICU nor a rewrite, and learns it here.
uint8_t ByteFlags(std::string_view utf8) {
  uint8_t flags = 0;
  for (unsigned char c : utf8) flags |= kByteFlags[c];
  return flags;
}

std::string Nfc(std::string utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return utf8;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // Most news text is already NFC; the quick check skips the copy.
  if (nfc->quickCheck(s, err) == UNORM_YES && U_SUCCESS(err)) return utf8;
  err = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(s, err);
  if (U_FAILURE(err)) return utf8;
  std::string result;
  out.toUTF8String(result);
  return result;
}

bool IsDropped(char32_t c) {
  return c == 0x00AD ||                  // soft hyphen
         (c >= 0x200B && c <= 0x200D) ||  // zero-width space, (non-)joiner
         c == 0x2060 || c == 0xFEFF;      // word joiner, BOM
}

bool IsSpecialSpace(char32_t c) {
  return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == '\t' ||
         c == '\v' || c == '\f';
}

}  // namespace

// The rewrite of one code point: dropped (empty), a space, a line break,
// or kept as written (nullopt).
std::optional<std::string_view> Rewrite(char32_t c, char32_t next) {
  if (IsDropped(c)) return std::string_view();
  if (c == '\r') return next == '\n' ? std::string_view() : std::string_view("\n");
  if (c == 0x2028 || c == 0x2029 || c == 0x85) return std::string_view("\n");
  if (IsSpecialSpace(c)) return std::string_view(" ");
  return std::nullopt;
}

std::string NormalizeText(std::string text) {
  uint8_t flags = ByteFlags(text);
  if (flags & kNfc) {
    text = Nfc(std::move(text));
    flags = ByteFlags(text);
  }
  if (!(flags & kRewrite)) return text;
  // Copy the text in runs, rewriting only the code points that need it
  // (CR, tab, special spaces, soft hyphens, zero-width characters, line
  // separators, the BOM). Most text has none and comes back uncopied.
  std::string out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t run = 0;
  for (int32_t i = 0; i < n;) {
    if (!(kByteFlags[s[i]] & kRewrite)) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, n, c);
    char32_t next = 0;
    if (c == '\r' && i < n) next = s[i];
    const auto r = Rewrite(static_cast<char32_t>(c), next);
    if (!r) continue;
    if (out.empty()) out.reserve(text.size());
    out.append(text, run, start - run);
    out.append(*r);
    run = i;
  }
  if (run == 0) return text;
  out.append(text, run, std::string::npos);
  return out;
}

char32_t FoldChar(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c == '`') return '\'';
    return c;
  }
  // Cyrillic without ICU: it is most of the text (Russian, Kazakh).
  if (c >= 0x0430 && c <= 0x044F) return c;
  if (c >= 0x0410 && c <= 0x042F) return c + 0x20;
  if (c == 0x0401 || c == 0x0451) return 0x0435;  // Ё ё → е
  if (c >= 0x0450 && c <= 0x045F) return c;
  if (c >= 0x0400 && c <= 0x040F) return c + 0x50;
  if ((c >= 0x048A && c <= 0x04BF) || (c >= 0x04D0 && c <= 0x04FF)) return c | 1;
  switch (c) {
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E:
    case 0x201F: case 0x2033: case 0x275D: case 0x275E:
      return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x02BC: case 0x02B9:
      return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    default:
      break;
  }
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

}  // namespace newsmine::nlp
