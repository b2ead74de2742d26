// HtmlTree: a parsed HTML document as a flat, read-only array of nodes.
//
// The only place that knows Gumbo is html_tree.cc; everything else in
// extract/ reads this tree, so the parser can be replaced (Gumbo is
// unmaintained upstream) without touching the scoring code.
//
// Nodes are stored in document (pre-)order, so a parent's index is always
// smaller than its children's: a forward loop visits parents first and a
// backward loop visits children first. Both are how the rest of extract/
// walks the tree, with no recursion, whatever the nesting depth.
//
// Example:
//   HtmlTree tree = HtmlTree::Parse(utf8);
//   for (int i = 0; i < tree.size(); ++i)
//     if (tree.node(i).tag == Tag::kP) Use(tree.Text(i));
//
// Thread safety: immutable after Parse; the views it returns live as long
// as the tree.
#ifndef NEWSMINE_EXTRACT_HTML_TREE_H_
#define NEWSMINE_EXTRACT_HTML_TREE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsmine::extract {

// The elements extract/ reasons about; every other element is kOther.
enum class Tag : uint8_t {
  kText,  // a text node, not an element
  kOther,
  kDocument,
  kHtml, kHead, kTitle, kMeta, kLink, kBase, kScript, kStyle, kNoscript, kTemplate,
  kBody, kArticle, kMain, kSection, kDiv, kSpan, kP, kBr, kHr,
  kH1, kH2, kH3, kH4, kH5, kH6,
  kUl, kOl, kLi, kDl, kDt, kDd,
  kA, kImg, kFigure, kFigcaption, kPicture, kVideo, kAudio, kIframe, kEmbed, kObject, kCanvas, kSvg, kMath,
  kTable, kThead, kTbody, kTfoot, kTr, kTd, kTh, kCaption,
  kNav, kAside, kHeader, kFooter, kAddress,
  kForm, kButton, kInput, kSelect, kOption, kTextarea, kLabel, kFieldset,
  kBlockquote, kPre, kCode, kQ, kCite,
  kB, kStrong, kI, kEm, kU, kSmall, kSub, kSup, kMark, kAbbr, kTime,
  kDetails, kSummary, kDialog, kMenu,
  kFont, kCenter,
  kCount  // number of tags, not a tag
};

struct HtmlNode {
  Tag tag = Tag::kOther;
  int32_t parent = -1;
  int32_t first_child = -1;
  int32_t next_sibling = -1;
  uint32_t text_begin = 0;  // text nodes: the decoded text in the pool
  uint32_t text_size = 0;
  uint32_t attr_begin = 0;  // elements: attributes [attr_begin, attr_end)
  uint32_t attr_end = 0;
};

class HtmlTree {
 public:
  // Parses `utf8` the way browsers do (HTML5 tree construction). Never
  // fails: any input gives a tree, perhaps an empty <html><head><body>.
  // Markup nested deeper than kMaxDepth is flattened first (see .cc).
  static HtmlTree Parse(std::string_view utf8);

  static constexpr int kMaxDepth = 400;

  int size() const { return static_cast<int>(nodes_.size()); }
  const HtmlNode& node(int i) const { return nodes_[i]; }
  Tag tag(int i) const { return nodes_[i].tag; }
  bool is_text(int i) const { return nodes_[i].tag == Tag::kText; }

  // The decoded text of a text node (entities resolved), as in the page.
  std::string_view Text(int i) const {
    return std::string_view(pool_).substr(nodes_[i].text_begin, nodes_[i].text_size);
  }
  // The value of attribute `name` (lower case) of element i, or "" when absent.
  std::string_view Attr(int i, std::string_view name) const;
  bool HasAttr(int i, std::string_view name) const;
  // All attributes of element i, as (name, value) pairs.
  std::vector<std::pair<std::string_view, std::string_view>> Attrs(int i) const;

  // Index of the first <body>, <head> and <html>, or -1.
  int body() const { return body_; }
  int head() const { return head_; }
  int html() const { return html_; }

  // The concatenated text of the subtree of i, in document order (no
  // spacing added between blocks); for titles and short elements.
  std::string SubtreeText(int i) const;
  // One past the last node of i's subtree (pre-order makes it a range).
  int SubtreeEnd(int i) const;

 private:
  struct AttrRef {
    uint32_t name_begin, name_size, value_begin, value_size;
  };
  friend class TreeBuilder;
  std::vector<HtmlNode> nodes_;
  std::vector<AttrRef> attrs_;
  std::string pool_;
  int body_ = -1, head_ = -1, html_ = -1;
};

// Parses `utf8` with Gumbo and frees the result, doing nothing else: the
// baseline the extraction benchmark compares against.
void BareParse(std::string_view utf8);

// A copy of `utf8` with start tags nested deeper than `max_depth` (and
// their end tags) removed, and *changed set; "" and *changed false when the
// markup never gets that deep (the common case costs no copy).
// Gumbo's tree construction looks through the whole stack of open elements
// for many tags, so 100,000 nested <div>s take it half a minute; flattening
// first keeps every page linear. Exposed for tests.
std::string FlattenDeepNesting(std::string_view utf8, int max_depth, bool* changed);

}  // namespace newsmine::extract

#endif  // NEWSMINE_EXTRACT_HTML_TREE_H_
