#include "extract/text_util.h"

#include "extract/dates.h"

namespace newsmine::extract {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string LowerText(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') { out[i] = static_cast<char>(c + 32); continue; }
    if (i + 1 >= out.size()) break;
    auto d = static_cast<unsigned char>(out[i + 1]);
    // Two-byte Cyrillic: U+0410..U+042F → U+0430..U+044F, U+0400..U+040F →
    // U+0450..U+045F, and the Kazakh letters in U+0490..U+04FF, whose lower
    // case is the next code point.
    if (c == 0xD0 && d >= 0x90 && d <= 0x9F) out[i + 1] = static_cast<char>(d + 0x20);
    else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) out[i] = '\xD1', out[i + 1] = static_cast<char>(d - 0x20);
    else if (c == 0xD0 && d >= 0x80 && d <= 0x8F) out[i] = '\xD1', out[i + 1] = static_cast<char>(d + 0x10);
    else if ((c == 0xD2 && d >= 0x90) || (c == 0xD3 && d >= 0x90 && d <= 0xBF)) {
      if (d % 2 == 0) out[i + 1] = static_cast<char>(d + 1);
    }
    if (c >= 0xC0) ++i;
  }
  return out;
}

int CountChars(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) { ++i; continue; }
    if (c < 0x80 ? !IsSpaceAscii(static_cast<char>(c)) : (c & 0xC0) != 0x80) ++n;
  }
  return n;
}

void AppendCollapsed(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    bool space = IsSpaceAscii(c);
    if (!space && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') space = true, ++i;
    if (space) {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

void TrimBack(std::string* s) {
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpaceAscii(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpaceAscii(s.back())) s.remove_suffix(1);
  return s;
}

std::string NormalizeForCompare(std::string_view s) {
  std::string c;
  AppendCollapsed(s, &c);
  TrimBack(&c);
  return LowerText(c);
}

std::string NormalizeParagraphs(std::string_view s) {
  std::string plain;
  plain.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      const size_t e = s.find('>', i);
      if (e != std::string_view::npos && e - i < 200) {
        std::string_view tag = s.substr(i + 1, e - i - 1);
        if (tag.starts_with("p") || tag.starts_with("/p") || tag.starts_with("br") || tag.starts_with("div") ||
            tag.starts_with("/div") || tag.starts_with("li") || tag.starts_with("h"))
          plain.push_back('\n');
        i = e;
        continue;
      }
    }
    if (s[i] == '&') {
      static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"},
          {"&nbsp;", " "}, {"&#039;", "'"}};
      bool done = false;
      for (auto [e, r] : kEntities)
        if (s.substr(i).starts_with(e)) { plain.append(r), i += e.size() - 1, done = true; break; }
      if (done) continue;
    }
    plain.push_back(s[i]);
  }
  std::string out;
  size_t start = 0;
  while (start <= plain.size()) {
    size_t e = plain.find('\n', start);
    if (e == std::string::npos) e = plain.size();
    std::string line;
    AppendCollapsed(std::string_view(plain).substr(start, e - start), &line);
    TrimBack(&line);
    if (!line.empty()) {
      if (!out.empty()) out.push_back('\n');
      out.append(line);
    }
    start = e + 1;
  }
  return out;
}

bool LooksLikeByline(std::string_view s) {
  const std::string n = NormalizeForCompare(s);
  static constexpr std::string_view kPrefixes[] = {
      "by ", "автор:", "автор ", "фото:", "photo:", "photo by", "фото ", "text:", "текст:",
      "posted by", "written by", "reporting by", "editing by", "source:", "источник:",
      "дереккөз:", "суреттер:", "сурет:"};
  for (std::string_view p : kPrefixes)
    if (n.starts_with(p) && CountChars(n) < 60) return true;
  return false;
}

}  // namespace newsmine::extract
