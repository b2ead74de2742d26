// Charset: the bytes of a page as UTF-8, whatever they were served in.
//
// Where the encoding comes from, strongest first (HTML Standard §13.2.3):
// a byte order mark, the HTTP Content-Type header, <meta charset> or
// <meta http-equiv=Content-Type> in the first 4 KiB, else a guess by ICU's
// detector. Kazakh and Russian sites still serve windows-1251 and KOI8-R, and
// some declare one charset while sending another, so a declaration of a
// single-byte charset loses to bytes that are valid, non-ASCII UTF-8.
//
// Example:
//   Decoded d = DecodeHtml(bytes, "text/html; charset=windows-1251");
//   Parse(d.utf8);  // d.charset == "windows-1251", d.source == "http"
//
// Thread safety: pure functions.
#ifndef NEWSMINE_EXTRACT_CHARSET_H_
#define NEWSMINE_EXTRACT_CHARSET_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsmine::extract {

struct Decoded {
  std::string utf8;        // always valid UTF-8
  std::string charset;     // the charset used, canonical lower-case name
  std::string source;      // "bom", "http", "meta", "detected" or "default"
  size_t replaced = 0;     // bytes that could not be decoded (now U+FFFD)
  std::string warning;     // e.g. an unknown declared charset; "" if none
};

Decoded DecodeHtml(std::string_view bytes, std::string_view content_type);

// The charset= parameter of a Content-Type value, lower-cased; "" if none.
std::string CharsetFromContentType(std::string_view content_type);
// The charset declared by <meta> in the first 4 KiB of `html`; "" if none.
std::string CharsetFromMeta(std::string_view html);
// A canonical name for a label (WHATWG Encoding aliases: "cp1251" →
// "windows-1251", "latin1" → "windows-1252"); "" for labels ICU cannot read.
std::string NormalizeCharset(std::string_view label);

}  // namespace newsmine::extract

#endif  // NEWSMINE_EXTRACT_CHARSET_H_
