#include "extract/html_tree.h"

#include <gumbo.h>

#include <array>
#include <cstring>
#include <utility>

namespace newsmine::extract {
namespace {

// Names of Tag values, in enum order, for mapping Gumbo's tag enum.
constexpr std::pair<Tag, const char*> kTagNames[] = {
    {Tag::kHtml, "html"}, {Tag::kHead, "head"}, {Tag::kTitle, "title"}, {Tag::kMeta, "meta"},
    {Tag::kLink, "link"}, {Tag::kBase, "base"}, {Tag::kScript, "script"}, {Tag::kStyle, "style"},
    {Tag::kNoscript, "noscript"}, {Tag::kTemplate, "template"}, {Tag::kBody, "body"},
    {Tag::kArticle, "article"}, {Tag::kMain, "main"}, {Tag::kSection, "section"},
    {Tag::kDiv, "div"}, {Tag::kSpan, "span"}, {Tag::kP, "p"}, {Tag::kBr, "br"}, {Tag::kHr, "hr"},
    {Tag::kH1, "h1"}, {Tag::kH2, "h2"}, {Tag::kH3, "h3"}, {Tag::kH4, "h4"}, {Tag::kH5, "h5"},
    {Tag::kH6, "h6"}, {Tag::kUl, "ul"}, {Tag::kOl, "ol"}, {Tag::kLi, "li"}, {Tag::kDl, "dl"},
    {Tag::kDt, "dt"}, {Tag::kDd, "dd"}, {Tag::kA, "a"}, {Tag::kImg, "img"},
    {Tag::kFigure, "figure"}, {Tag::kFigcaption, "figcaption"}, {Tag::kPicture, "picture"},
    {Tag::kVideo, "video"}, {Tag::kAudio, "audio"}, {Tag::kIframe, "iframe"},
    {Tag::kEmbed, "embed"}, {Tag::kObject, "object"}, {Tag::kCanvas, "canvas"},
    {Tag::kSvg, "svg"}, {Tag::kMath, "math"}, {Tag::kTable, "table"}, {Tag::kThead, "thead"},
    {Tag::kTbody, "tbody"}, {Tag::kTfoot, "tfoot"}, {Tag::kTr, "tr"}, {Tag::kTd, "td"},
    {Tag::kTh, "th"}, {Tag::kCaption, "caption"}, {Tag::kNav, "nav"}, {Tag::kAside, "aside"},
    {Tag::kHeader, "header"}, {Tag::kFooter, "footer"}, {Tag::kAddress, "address"},
    {Tag::kForm, "form"}, {Tag::kButton, "button"}, {Tag::kInput, "input"},
    {Tag::kSelect, "select"}, {Tag::kOption, "option"}, {Tag::kTextarea, "textarea"},
    {Tag::kLabel, "label"}, {Tag::kFieldset, "fieldset"}, {Tag::kBlockquote, "blockquote"},
    {Tag::kPre, "pre"}, {Tag::kCode, "code"}, {Tag::kQ, "q"}, {Tag::kCite, "cite"},
    {Tag::kB, "b"}, {Tag::kStrong, "strong"}, {Tag::kI, "i"}, {Tag::kEm, "em"}, {Tag::kU, "u"},
    {Tag::kSmall, "small"}, {Tag::kSub, "sub"}, {Tag::kSup, "sup"}, {Tag::kMark, "mark"},
    {Tag::kAbbr, "abbr"}, {Tag::kTime, "time"}, {Tag::kDetails, "details"},
    {Tag::kSummary, "summary"}, {Tag::kDialog, "dialog"}, {Tag::kMenu, "menu"},
    {Tag::kFont, "font"}, {Tag::kCenter, "center"},
};

// Gumbo's tag enum → Tag, built once.
const std::array<Tag, GUMBO_TAG_LAST + 1>& TagTable() {
  static const auto table = [] {
    std::array<Tag, GUMBO_TAG_LAST + 1> t;
    t.fill(Tag::kOther);
    for (int g = 0; g < GUMBO_TAG_UNKNOWN; ++g) {
      const char* name = gumbo_normalized_tagname(static_cast<GumboTag>(g));
      for (const auto& [tag, n] : kTagNames)
        if (std::strcmp(name, n) == 0) t[g] = tag;
    }
    return t;
  }();
  return table;
}

GumboOptions ParserOptions() {
  GumboOptions o = kGumboDefaultOptions;
  o.max_errors = 0;  // parse errors are not used; recording them costs time
  return o;
}

bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Elements that never nest (void) or that the parser closes implicitly, so
// that they do not count towards depth in FlattenDeepNesting.
bool CountsForDepth(std::string_view lower_name) {
  static constexpr std::string_view kNoDepth[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "thead",
      "tbody", "tfoot", "rb", "rt", "rp", "optgroup", "colgroup", "image", "keygen"};
  for (std::string_view n : kNoDepth)
    if (n == lower_name) return false;
  return true;
}

// Elements whose content is raw text: tags inside them are not tags.
bool IsRawText(std::string_view lower_name) {
  return lower_name == "script" || lower_name == "style" || lower_name == "textarea" ||
         lower_name == "title" || lower_name == "xmp" || lower_name == "noembed";
}

size_t FindCaseInsensitive(std::string_view hay, std::string_view needle, size_t from) {
  for (size_t i = hay.find('<', from); i != std::string_view::npos; i = hay.find('<', i + 1)) {
    if (hay.size() - i < needle.size()) return std::string_view::npos;
    bool eq = true;
    for (size_t k = 0; k < needle.size() && eq; ++k)
      eq = (hay[i + k] | 0x20) == (needle[k] | 0x20) || hay[i + k] == needle[k];
    if (eq) return i;
  }
  return std::string_view::npos;
}

}  // namespace

class TreeBuilder {
 public:
  explicit TreeBuilder(HtmlTree* t) : t_(t) {}

  // Iterative pre-order walk: an explicit stack instead of recursion, so a
  // deep document cannot overflow the call stack.
  void Build(const GumboNode* root) {
    struct Item { const GumboNode* g; int32_t parent; };
    std::vector<Item> stack{{root, -1}};
    std::vector<int32_t> last_child;
    while (!stack.empty()) {
      Item it = stack.back();
      stack.pop_back();
      const int32_t i = Add(it.g, it.parent);
      if (i < 0) continue;
      last_child.push_back(-1);
      if (it.parent >= 0) {
        int32_t& lc = last_child[it.parent];
        if (lc >= 0) t_->nodes_[lc].next_sibling = i; else t_->nodes_[it.parent].first_child = i;
        lc = i;
      }
      const GumboVector* kids = Children(it.g);
      if (!kids) continue;
      for (unsigned k = kids->length; k-- > 0;)
        stack.push_back({static_cast<const GumboNode*>(kids->data[k]), i});
    }
  }

 private:
  static const GumboVector* Children(const GumboNode* g) {
    if (g->type == GUMBO_NODE_DOCUMENT) return &g->v.document.children;
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) return &g->v.element.children;
    return nullptr;
  }

  uint32_t Intern(std::string_view s) {
    const uint32_t at = static_cast<uint32_t>(t_->pool_.size());
    t_->pool_.append(s);
    return at;
  }

  // Appends one node; -1 for nodes the tree does not keep (comments).
  int32_t Add(const GumboNode* g, int32_t parent) {
    HtmlNode n;
    n.parent = parent;
    switch (g->type) {
      case GUMBO_NODE_DOCUMENT: n.tag = Tag::kDocument; break;
      case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA: {
        std::string_view s(g->v.text.text);
        n.tag = Tag::kText;
        n.text_begin = Intern(s);
        n.text_size = static_cast<uint32_t>(s.size());
        break;
      }
      case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE: AddElement(g, &n); break;
      default: return -1;
    }
    const int32_t i = static_cast<int32_t>(t_->nodes_.size());
    t_->nodes_.push_back(n);
    if (n.tag == Tag::kBody && t_->body_ < 0) t_->body_ = i;
    if (n.tag == Tag::kHead && t_->head_ < 0) t_->head_ = i;
    if (n.tag == Tag::kHtml && t_->html_ < 0) t_->html_ = i;
    return i;
  }

  void AddElement(const GumboNode* g, HtmlNode* n) {
    const GumboElement& e = g->v.element;
    // Inside <svg> or <math> a <title> or <a> is not the HTML one.
    if (e.tag_namespace == GUMBO_NAMESPACE_HTML) {
      n->tag = TagTable()[e.tag];
    } else {
      n->tag = e.tag == GUMBO_TAG_SVG ? Tag::kSvg : e.tag == GUMBO_TAG_MATH ? Tag::kMath : Tag::kOther;
    }
    n->attr_begin = static_cast<uint32_t>(t_->attrs_.size());
    for (unsigned k = 0; k < e.attributes.length; ++k) {
      const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
      std::string_view name(a->name), value(a->value);
      HtmlTree::AttrRef r{Intern(name), static_cast<uint32_t>(name.size()), 0,
                          static_cast<uint32_t>(value.size())};
      r.value_begin = Intern(value);
      t_->attrs_.push_back(r);
    }
    n->attr_end = static_cast<uint32_t>(t_->attrs_.size());
  }

  HtmlTree* t_;
};

HtmlTree HtmlTree::Parse(std::string_view utf8) {
  bool flattened = false;
  std::string flat = FlattenDeepNesting(utf8, kMaxDepth, &flattened);
  if (flattened) utf8 = flat;
  HtmlTree tree;
  tree.pool_.reserve(utf8.size() / 2);
  const GumboOptions opt = ParserOptions();
  GumboOutput* out = gumbo_parse_with_options(&opt, utf8.data(), utf8.size());
  tree.nodes_.reserve(utf8.size() / 64);
  TreeBuilder(&tree).Build(out->document);
  gumbo_destroy_output(&opt, out);
  return tree;
}

void BareParse(std::string_view utf8) {
  const GumboOptions opt = ParserOptions();
  GumboOutput* out = gumbo_parse_with_options(&opt, utf8.data(), utf8.size());
  gumbo_destroy_output(&opt, out);
}

std::string_view HtmlTree::Attr(int i, std::string_view name) const {
  const HtmlNode& n = nodes_[i];
  for (uint32_t k = n.attr_begin; k < n.attr_end; ++k) {
    const AttrRef& a = attrs_[k];
    if (std::string_view(pool_).substr(a.name_begin, a.name_size) == name)
      return std::string_view(pool_).substr(a.value_begin, a.value_size);
  }
  return {};
}

bool HtmlTree::HasAttr(int i, std::string_view name) const {
  const HtmlNode& n = nodes_[i];
  for (uint32_t k = n.attr_begin; k < n.attr_end; ++k)
    if (std::string_view(pool_).substr(attrs_[k].name_begin, attrs_[k].name_size) == name) return true;
  return false;
}

std::vector<std::pair<std::string_view, std::string_view>> HtmlTree::Attrs(int i) const {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  const HtmlNode& n = nodes_[i];
  for (uint32_t k = n.attr_begin; k < n.attr_end; ++k) {
    const AttrRef& a = attrs_[k];
    out.emplace_back(std::string_view(pool_).substr(a.name_begin, a.name_size),
                     std::string_view(pool_).substr(a.value_begin, a.value_size));
  }
  return out;
}

int HtmlTree::SubtreeEnd(int i) const {
  // Pre-order: the subtree ends where the next node that is not a
  // descendant starts, i.e. at the first following sibling of i or of an
  // ancestor.
  for (int k = i; k >= 0; k = nodes_[k].parent)
    if (nodes_[k].next_sibling >= 0) return nodes_[k].next_sibling;
  return size();
}

std::string HtmlTree::SubtreeText(int i) const {
  std::string out;
  const int end = SubtreeEnd(i);
  for (int k = i; k < end; ++k)
    if (nodes_[k].tag == Tag::kText) out.append(Text(k));
  return out;
}

std::string FlattenDeepNesting(std::string_view in, int max_depth, bool* changed) {
  *changed = false;
  std::string out;
  size_t copied = 0;  // in[copied, ...) is not yet in `out`
  int depth = 0, dropped = 0;
  size_t i = 0;
  char name[16];
  while ((i = in.find('<', i)) != std::string_view::npos) {
    if (in.compare(i, 4, "<!--") == 0) {
      const size_t e = in.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    const bool end_tag = i + 1 < in.size() && in[i + 1] == '/';
    size_t p = i + (end_tag ? 2 : 1);
    size_t len = 0;
    while (p < in.size() && (IsAsciiAlpha(in[p]) || (len && in[p] >= '0' && in[p] <= '9'))) {
      if (len < sizeof name) name[len] = static_cast<char>(in[p] | 0x20);
      ++len, ++p;
    }
    if (len == 0) { ++i; continue; }
    const size_t gt = in.find('>', p);
    if (gt == std::string_view::npos) break;
    const std::string_view n(name, len < sizeof name ? len : sizeof name);
    if (!end_tag && IsRawText(n)) {
      const std::string close = "</" + std::string(n);
      const size_t e = FindCaseInsensitive(in, close, gt + 1);
      i = e == std::string_view::npos ? in.size() : e + close.size();
      continue;
    }
    bool drop = false;
    if (CountsForDepth(n) && in[gt - 1] != '/') {
      if (!end_tag && depth >= max_depth) drop = true, ++dropped;
      else if (!end_tag) ++depth;
      else if (dropped > 0) drop = true, --dropped;
      else if (depth > 0) --depth;
    }
    if (drop) {
      out.append(in.substr(copied, i - copied));
      copied = gt + 1;
      *changed = true;
    }
    i = gt + 1;
  }
  if (!*changed) return {};
  out.append(in.substr(copied));
  return out;
}

}  // namespace newsmine::extract
