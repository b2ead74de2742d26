#include "base/text.h"

#include <algorithm>

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
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t n = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  int32_t run = 0;  // start of the valid bytes not yet copied
  while (i < n) {
    if (s[i] < 0x80) {  // ASCII fast path
      ++i;
      continue;
    }
    // Two-byte sequences (Cyrillic, accented Latin) are most of the rest.
    if (s[i] >= 0xC2 && s[i] < 0xE0 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0) continue;
    if (out.empty()) out.reserve(bytes.size() + 16);
    out.append(bytes.substr(run, start - run));
    AppendUtf8(0xFFFD, &out);
    run = i;
    if (bad_offsets) bad_offsets->push_back(static_cast<size_t>(start));
  }
  if (run == 0) return std::string(bytes);  // valid: one copy
  out.append(bytes.substr(run));
  return out;
}

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t n = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::u32string DecodeUtf8(std::string_view utf8) {
  std::u32string out(utf8.size(), U'\0');
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto* end = s + utf8.size();
  char32_t* o = out.data();
  while (s < end) {
    const uint8_t b = *s;
    if (b < 0x80) {  // ASCII
      *o++ = b;
      ++s;
    } else if (b >= 0xC2 && b < 0xE0 && s + 1 < end && (s[1] & 0xC0) == 0x80) {
      *o++ = (static_cast<char32_t>(b & 0x1F) << 6) | (s[1] & 0x3F);  // Cyrillic
      s += 2;
    } else {
      int32_t i = 0;
      const auto n = static_cast<int32_t>(std::min<ptrdiff_t>(end - s, 4));
      UChar32 c;
      U8_NEXT_OR_FFFD(s, i, n, c);
      *o++ = static_cast<char32_t>(c);
      s += i;
    }
  }
  out.resize(o - out.data());
  return out;
}

std::string EncodeUtf8(std::u32string_view cps) {
  std::string out(cps.size() * 4, '\0');  // room for the longest
  char* end = out.data();
  for (char32_t c : cps) end = WriteUtf8(c, end);
  out.resize(end - out.data());
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
