#include "nlp/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "base/text.h"

namespace newsmine::nlp {
namespace {

std::string Nfc(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(utf8);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // Most news text is already NFC; the quick check skips the copy.
  if (nfc->quickCheck(s, err) == UNORM_YES && U_SUCCESS(err)) {
    return std::string(utf8);
  }
  err = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(s, err);
  if (U_FAILURE(err)) return std::string(utf8);
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

std::string NormalizeText(std::string_view utf8) {
  const std::string nfc = Nfc(utf8);
  std::string out;
  out.reserve(nfc.size());
  const std::u32string cps = DecodeUtf8(nfc);
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (IsDropped(c)) continue;
    if (c == '\r') {
      if (i + 1 < cps.size() && cps[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == 0x2028 || c == 0x2029 || c == 0x85) c = '\n';
    if (IsSpecialSpace(c)) c = ' ';
    AppendUtf8(c, &out);
  }
  return out;
}

char32_t FoldChar(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c == '`') return '\'';
    return c;
  }
  switch (c) {
    case 0x0401: case 0x0451: return 0x0435;  // Ё ё → е
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
