#include "extract/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>

#include "base/text.h"

namespace newsmine::extract {
namespace {

// HTML Standard §13.2.3.2: the prescan looks at the first 1024 bytes; real
// pages put long <script> blocks first, so we look a little further.
constexpr size_t kPrescanBytes = 4096;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '"' || s.back() == '\'' || s.back() == ';')) s.remove_suffix(1);
  return s;
}

// The value after "charset=" in `s` (already lower-cased), up to ; " ' or space.
std::string CharsetParam(std::string_view s) {
  const size_t at = s.find("charset");
  if (at == std::string_view::npos) return {};
  size_t p = at + 7;
  while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
  if (p >= s.size() || s[p] != '=') return {};
  ++p;
  while (p < s.size() && (s[p] == ' ' || s[p] == '"' || s[p] == '\'')) ++p;
  size_t e = p;
  while (e < s.size() && s[e] != ';' && s[e] != '"' && s[e] != '\'' && s[e] != ' ' && s[e] != '>' && s[e] != '/') ++e;
  return std::string(Trim(s.substr(p, e - p)));
}

struct ConverterCloser { void operator()(UConverter* c) const { ucnv_close(c); } };

// Converts `bytes` from `charset` to UTF-8 with ICU; false if ICU has no
// such converter. Undecodable bytes become U+FFFD.
bool Convert(std::string_view bytes, const std::string& charset, std::string* out, size_t* replaced) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> from(ucnv_open(charset.c_str(), &err));
  if (U_FAILURE(err)) return false;
  std::unique_ptr<UConverter, ConverterCloser> to(ucnv_open("UTF-8", &err));
  if (U_FAILURE(err)) return false;
  out->resize(bytes.size() * 3 + 16);  // worst case: a byte → 3 UTF-8 bytes
  char* target = out->data();
  const char* source = bytes.data();
  ucnv_convertEx(to.get(), from.get(), &target, out->data() + out->size(), &source,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true, &err);
  if (U_FAILURE(err)) return false;
  out->resize(target - out->data());
  // Count replacements so the caller can warn about damaged pages.
  for (size_t p = out->find("\xEF\xBF\xBD"); p != std::string::npos; p = out->find("\xEF\xBF\xBD", p + 3))
    ++*replaced;
  return true;
}

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool IsSingleByte(const std::string& cs) {
  return cs.starts_with("windows-") || cs.starts_with("iso-8859") || cs.starts_with("koi8") ||
         cs == "ibm866" || cs.starts_with("macintosh") || cs == "x-mac-cyrillic";
}

// ICU's statistical detector over the first 64 KiB; "" when unsure.
std::string Detect(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* d = ucsdet_open(&err);
  if (U_FAILURE(err)) return {};
  const int32_t n = static_cast<int32_t>(std::min<size_t>(bytes.size(), 65536));
  ucsdet_enableInputFilter(d, true);  // ignore markup, judge the text
  ucsdet_setText(d, bytes.data(), n, &err);
  const UCharsetMatch* m = ucsdet_detect(d, &err);
  std::string name;
  if (U_SUCCESS(err) && m) {
    const char* s = ucsdet_getName(m, &err);
    if (U_SUCCESS(err) && s && ucsdet_getConfidence(m, &err) >= 10) name = NormalizeCharset(s);
  }
  ucsdet_close(d);
  return name;
}

}  // namespace


std::string NormalizeCharset(std::string_view label) {
  std::string l = Lower(Trim(label));
  // WHATWG Encoding Standard §4.2: these labels mean windows-1252 and
  // windows-1251 in browsers, whatever ISO says.
  static constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
      {"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"}, {"iso-8859-1", "windows-1252"},
      {"latin1", "windows-1252"}, {"us-ascii", "windows-1252"}, {"ascii", "windows-1252"},
      {"cp1252", "windows-1252"}, {"cp1251", "windows-1251"}, {"win-1251", "windows-1251"},
      {"x-cp1251", "windows-1251"}, {"windows1251", "windows-1251"}, {"koi8r", "koi8-r"},
      {"koi8", "koi8-r"}, {"cp866", "ibm866"}, {"utf-16", "utf-16le"}, {"unicode", "utf-16le"}};
  for (const auto& [from, to] : kAliases)
    if (l == from) return std::string(to);
  if (l.empty()) return {};
  UErrorCode err = U_ZERO_ERROR;
  UConverter* c = ucnv_open(l.c_str(), &err);
  if (U_FAILURE(err)) return {};
  ucnv_close(c);
  return l;
}

std::string CharsetFromContentType(std::string_view content_type) {
  return CharsetParam(Lower(content_type));
}

std::string CharsetFromMeta(std::string_view html) {
  const std::string head = Lower(html.substr(0, kPrescanBytes));
  for (size_t p = head.find("<meta"); p != std::string::npos; p = head.find("<meta", p + 5)) {
    const size_t e = head.find('>', p);
    const std::string_view tag = std::string_view(head).substr(p, e == std::string::npos ? std::string::npos : e - p);
    // <meta charset="x"> and <meta http-equiv="Content-Type" content="...; charset=x">
    // both reduce to a charset= inside the tag.
    if (std::string cs = CharsetParam(tag); !cs.empty()) return cs;
  }
  return {};
}

Decoded DecodeHtml(std::string_view bytes, std::string_view content_type) {
  Decoded d;
  std::string declared;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3), d.source = "bom", declared = "utf-8";
  } else if (bytes.starts_with("\xFF\xFE")) {
    bytes.remove_prefix(2), d.source = "bom", declared = "utf-16le";
  } else if (bytes.starts_with("\xFE\xFF")) {
    bytes.remove_prefix(2), d.source = "bom", declared = "utf-16be";
  }
  for (auto [label, source] : {std::pair{CharsetFromContentType(content_type), "http"},
                               std::pair{CharsetFromMeta(bytes), "meta"}}) {
    if (!declared.empty() || label.empty()) continue;
    declared = NormalizeCharset(label);
    if (declared.empty()) d.warning = "unknown charset '" + label + "' declared; guessed instead";
    else d.source = source;
  }
  // A UTF-16 page declared in its own <meta> is really ASCII-compatible
  // (the prescan read it), so the declaration is wrong: HTML §13.2.3.2.
  if (d.source == "meta" && declared.starts_with("utf-16")) declared = "utf-8";
  const bool valid_utf8 = IsValidUtf8(bytes);
  if (declared.empty() || (IsSingleByte(declared) && valid_utf8 && HasNonAscii(bytes))) {
    if (!declared.empty()) d.source = "detected";
    declared = valid_utf8 ? "utf-8" : Detect(bytes);
    if (d.source.empty()) d.source = declared.empty() ? "default" : "detected";
    if (declared.empty()) declared = "utf-8";
  }
  d.charset = declared;
  if (declared == "utf-8") {
    if (valid_utf8) {
      d.utf8.assign(bytes);
    } else {
      std::vector<size_t> bad;
      d.utf8 = ScrubUtf8(bytes, &bad);
      d.replaced = bad.size();
    }
    return d;
  }
  if (!Convert(bytes, declared, &d.utf8, &d.replaced)) {
    d.warning = "cannot convert from " + declared + "; read as UTF-8";
    std::vector<size_t> bad;
    d.utf8 = ScrubUtf8(bytes, &bad);
    d.replaced = bad.size();
    d.charset = "utf-8";
  }
  return d;
}

}  // namespace newsmine::extract
