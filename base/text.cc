#include "base/text.h"

#include <unicode/utf8.h>

namespace newsmine {

std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kEn: return "en";
    case Lang::kRu: return "ru";
    case Lang::kKk: return "kk";
    case Lang::kUnknown: break;
  }
  return "und";
}

Lang ParseLang(std::string_view code) {
  if (code == "en") return Lang::kEn;
  if (code == "ru") return Lang::kRu;
  if (code == "kk") return Lang::kKk;
  return Lang::kUnknown;
}

std::string ScrubUtf8(std::string_view bytes, std::vector<size_t>* bad_offsets) {
  std::string out;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t n = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < n) {
    // ASCII fast path: most news text is mostly ASCII or 2-byte Cyrillic.
    if (s[i] < 0x80) {
      out.push_back(static_cast<char>(s[i++]));
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      if (bad_offsets) bad_offsets->push_back(static_cast<size_t>(start));
      AppendUtf8(0xFFFD, &out);
    } else {
      out.append(bytes.substr(start, i - start));
    }
  }
  return out;
}

std::u32string DecodeUtf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, n, c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size() * 2);
  for (char32_t c : cps) AppendUtf8(c, &out);
  return out;
}

size_t CodePointCount(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

bool LooksBinary(std::string_view bytes) {
  // 4 KiB and 10%: enough to see a PDF or an image header, and plain text
  // never has that many control characters.
  const std::string_view head = bytes.substr(0, 4096);
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return !head.empty() && control * 10 > head.size();
}

}  // namespace newsmine
