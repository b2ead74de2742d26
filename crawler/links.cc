#include "crawler/links.h"

#include <cstring>

#include "base/text.h"

namespace newsmine::crawler {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (Lower(s[i]) != lower[i]) return false;
  return true;
}

// Named references that occur in real hrefs; the full HTML table would
// cost more than it finds.
constexpr struct {
  std::string_view name;
  char c;
} kNamedRefs[] = {{"amp", '&'}, {"quot", '"'}, {"apos", '\''}, {"lt", '<'}, {"gt", '>'}, {"sol", '/'},
                  {"colon", ':'}, {"quest", '?'}, {"equals", '='}, {"num", '#'}, {"period", '.'}};

// Decodes one character reference at s[i] == '&'; returns the bytes used
// (0 when it is not one: the '&' stays as written, as browsers do).
size_t DecodeReference(std::string_view s, size_t i, std::string* out) {
  std::string_view r = s.substr(i + 1);
  if (r.starts_with('#')) {
    const bool hex = r.size() > 1 && (r[1] | 0x20) == 'x';
    size_t k = hex ? 2 : 1;
    uint32_t cp = 0;
    const size_t digits_from = k;
    for (; k < r.size() && k < 10; ++k) {
      const char c = Lower(r[k]);
      if (c >= '0' && c <= '9') cp = cp * (hex ? 16 : 10) + (c - '0');
      else if (hex && c >= 'a' && c <= 'f') cp = cp * 16 + (c - 'a' + 10);
      else break;
    }
    if (k == digits_from) return 0;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    AppendUtf8(static_cast<char32_t>(cp), out);
    return 1 + k + (k < r.size() && r[k] == ';' ? 1 : 0);
  }
  for (const auto& ref : kNamedRefs) {
    if (r.size() >= ref.name.size() && EqualsLower(r.substr(0, ref.name.size()), ref.name)) {
      out->push_back(ref.c);
      const size_t n = ref.name.size();
      return 1 + n + (n < r.size() && r[n] == ';' ? 1 : 0);
    }
  }
  return 0;
}

std::string DecodeReferences(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      if (size_t n = DecodeReference(s, i, &out)) {
        i += n - 1;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

struct Attribute {
  std::string_view name, value;
};

// The tokenizer: one pass, positions only, no copies until a wanted tag.
class Scanner {
 public:
  explicit Scanner(std::string_view html) : s_(html) {}

  PageLinks Run() {
    while (pos_ < s_.size()) {
      const void* lt = std::memchr(s_.data() + pos_, '<', s_.size() - pos_);
      if (!lt) break;
      pos_ = static_cast<const char*>(lt) - s_.data() + 1;
      Markup();
    }
    return std::move(out_);
  }

 private:
  void Markup() {
    std::string_view rest = s_.substr(pos_);
    if (rest.starts_with("!--")) return SkipPast("-->", pos_ + 2);  // "<!-->" closes too
    if (rest.starts_with('!') || rest.starts_with('?')) return SkipPast(">", pos_);
    const bool closing = rest.starts_with('/');
    if (closing) ++pos_;
    if (pos_ >= s_.size() || !IsAlpha(s_[pos_])) return;  // "a < b": text, not a tag
    const size_t name_at = pos_;
    while (pos_ < s_.size() && !IsSpace(s_[pos_]) && s_[pos_] != '/' && s_[pos_] != '>') ++pos_;
    const std::string_view name = s_.substr(name_at, pos_ - name_at);
    attrs_.clear();
    Attributes();
    if (closing) return;
    if (EqualsLower(name, "a") || EqualsLower(name, "area")) Anchor();
    else if (EqualsLower(name, "link")) LinkTag();
    else if (EqualsLower(name, "base")) Base();
    else if (EqualsLower(name, "script")) SkipRawText("</script");
    else if (EqualsLower(name, "style")) SkipRawText("</style");
    else if (EqualsLower(name, "textarea")) SkipRawText("</textarea");
  }

  // HTML tokenizer "before attribute name" to "after attribute value"
  // states, condensed: a '>' inside a quoted value does not end the tag.
  void Attributes() {
    for (;;) {
      while (pos_ < s_.size() && (IsSpace(s_[pos_]) || s_[pos_] == '/')) ++pos_;
      if (pos_ >= s_.size()) return;
      if (s_[pos_] == '>') {
        ++pos_;
        return;
      }
      const size_t name_at = pos_++;  // a first '=' belongs to the name
      while (pos_ < s_.size() && !IsSpace(s_[pos_]) && s_[pos_] != '/' && s_[pos_] != '>' && s_[pos_] != '=') ++pos_;
      Attribute a{s_.substr(name_at, pos_ - name_at), {}};
      while (pos_ < s_.size() && IsSpace(s_[pos_])) ++pos_;
      if (pos_ < s_.size() && s_[pos_] == '=') {
        ++pos_;
        while (pos_ < s_.size() && IsSpace(s_[pos_])) ++pos_;
        a.value = Value();
      }
      if (attrs_.size() < 64) attrs_.push_back(a);
    }
  }

  std::string_view Value() {
    if (pos_ < s_.size() && (s_[pos_] == '"' || s_[pos_] == '\'')) {
      const char q = s_[pos_++];
      const size_t end = s_.find(q, pos_);
      const size_t stop = end == std::string_view::npos ? s_.size() : end;
      std::string_view v = s_.substr(pos_, stop - pos_);
      pos_ = stop == s_.size() ? stop : stop + 1;
      return v;
    }
    const size_t at = pos_;
    while (pos_ < s_.size() && !IsSpace(s_[pos_]) && s_[pos_] != '>') ++pos_;
    return s_.substr(at, pos_ - at);
  }

  const Attribute* Find(std::string_view lower_name) const {
    for (const Attribute& a : attrs_)  // the first of repeated attributes wins
      if (EqualsLower(a.name, lower_name)) return &a;
    return nullptr;
  }

  // True when the space-separated rel list has `token` (case-insensitive).
  static bool HasToken(std::string_view list, std::string_view token) {
    size_t i = 0;
    while (i < list.size()) {
      while (i < list.size() && IsSpace(list[i])) ++i;
      const size_t at = i;
      while (i < list.size() && !IsSpace(list[i])) ++i;
      if (i > at && EqualsLower(list.substr(at, i - at), token)) return true;
    }
    return false;
  }

  void Add(LinkKind kind, const Attribute& href) {
    Link l;
    l.kind = kind;
    l.href = DecodeReferences(href.value);
    if (const Attribute* t = Find("type")) {
      for (char c : t->value) l.type.push_back(Lower(c));
    }
    if (const Attribute* rel = Find("rel")) l.nofollow = HasToken(rel->value, "nofollow");
    out_.links.push_back(std::move(l));
  }

  void Anchor() {
    if (const Attribute* href = Find("href"); href && !href->value.empty()) Add(LinkKind::kAnchor, *href);
  }

  void LinkTag() {
    const Attribute* href = Find("href");
    const Attribute* rel = Find("rel");
    if (!href || href->value.empty() || !rel) return;
    if (HasToken(rel->value, "canonical")) Add(LinkKind::kCanonical, *href);
    else if (HasToken(rel->value, "next")) Add(LinkKind::kNext, *href);
    else if (HasToken(rel->value, "alternate")) Add(LinkKind::kAlternate, *href);
  }

  void Base() {
    // HTML §4.2.3: only the first <base href> counts.
    if (const Attribute* href = Find("href"); href && out_.base.empty()) out_.base = DecodeReferences(href->value);
  }

  void SkipPast(std::string_view end, size_t from) {
    const size_t e = s_.find(end, from);
    pos_ = e == std::string_view::npos ? s_.size() : e + end.size();
  }

  // Script and style content is raw text: "<a href" inside a script string
  // is no link. The end tag is matched case-insensitively.
  void SkipRawText(std::string_view lower_end) {
    while (pos_ < s_.size()) {
      const size_t lt = s_.find('<', pos_);
      if (lt == std::string_view::npos) break;
      if (lt + lower_end.size() <= s_.size() && EqualsLower(s_.substr(lt, lower_end.size()), lower_end)) {
        pos_ = lt;
        return;
      }
      pos_ = lt + 1;
    }
    pos_ = s_.size();
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::vector<Attribute> attrs_;
  PageLinks out_;
};

}  // namespace

PageLinks FindLinks(std::string_view html) { return Scanner(html).Run(); }

}  // namespace newsmine::crawler
