#include "extract/boilerplate.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/dates.h"
#include "extract/text_util.h"

namespace newsmine::extract {
namespace {

// Thresholds, each the best on the article-extraction benchmark among the
// values tried (see tests/extract/boilerplate_test.cc for the cases that
// pin their behaviour):
constexpr int kMinGoodChars = 25;          // shorter blocks are never "prose"
constexpr double kMaxGoodLinkDensity = 0.35;
constexpr double kBadTextWeight = 0.5;     // a container pays this per non-prose char
constexpr double kMaxKeptLinkDensity = 0.5;
constexpr int kMinArticleChars = 80;       // less good text than this: no article
constexpr int kShortBlock = 80;            // bylines, dates, share bars are shorter
constexpr double kSiblingPurity = 0.7;     // siblings joining the container
constexpr int kMinSiblingGood = 60;
constexpr int kStopHeadingChars = 30;     // "Читайте также:" alone, no title after it
constexpr int kTeaserMaxChars = 400;       // blurbs under a linked headline are shorter
constexpr int kTeaserSlack = 150;          // an item's author, date, "more" link

enum class Kind : uint8_t { kInline, kBlock, kCell, kBreak, kSkip };

Kind KindOf(Tag t) {
  switch (t) {
    case Tag::kHead: case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kBase:
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate:
    case Tag::kSvg: case Tag::kMath: case Tag::kIframe: case Tag::kEmbed: case Tag::kObject:
    case Tag::kCanvas: case Tag::kVideo: case Tag::kAudio: case Tag::kSelect: case Tag::kOption:
    case Tag::kButton: case Tag::kInput: case Tag::kTextarea: case Tag::kDialog: case Tag::kNav:
    case Tag::kLabel: case Tag::kMenu:
      return Kind::kSkip;
    case Tag::kBr: case Tag::kHr:
      return Kind::kBreak;
    case Tag::kTd: case Tag::kTh:
      return Kind::kCell;
    case Tag::kDocument: case Tag::kHtml: case Tag::kBody: case Tag::kArticle: case Tag::kMain:
    case Tag::kSection: case Tag::kDiv: case Tag::kP: case Tag::kH1: case Tag::kH2: case Tag::kH3:
    case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kUl: case Tag::kOl: case Tag::kLi:
    case Tag::kDl: case Tag::kDt: case Tag::kDd: case Tag::kFigure: case Tag::kFigcaption:
    case Tag::kTable: case Tag::kThead: case Tag::kTbody: case Tag::kTfoot: case Tag::kTr:
    case Tag::kCaption: case Tag::kAside: case Tag::kHeader: case Tag::kFooter:
    case Tag::kAddress: case Tag::kForm: case Tag::kFieldset: case Tag::kBlockquote:
    case Tag::kPre: case Tag::kDetails: case Tag::kSummary: case Tag::kCenter:
      return Kind::kBlock;
    default:
      return Kind::kInline;
  }
}

bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

// Class/id fragments that mark boilerplate. Matched as substrings of the
// lower-cased class and id, so "relatedPosts" and "news-related" both hit.
constexpr std::string_view kNegativeFragments[] = {
    "comment", "disqus", "share", "sharing", "social", "related", "recommend", "promo",
    "advert", "sponsor", "newsletter", "subscri", "signup", "sign-up", "cookie", "consent",
    "gdpr", "banner", "breadcrumb", "byline", "author", "dateline", "timestamp", "sidebar",
    "widget", "footer", "masthead", "navbar", "navigation", "menu", "toolbar", "popup",
    "modal", "pagination", "pager", "taglist", "tag-list", "tags-", "keywords", "most-read",
    "mostread", "popular", "trending", "more-stories", "read-more", "readmore", "see-also",
    "also-read", "outbrain", "taboola", "next-article", "print", "rating", "poll", "login",
    "donate", "visually-hidden", "sr-only", "screen-reader", "skip-link", "header",
    "caption", "credit", "copyright", "disclaimer", "feedback", "subscribe", "hashtag",
    "follow", "inread", "infobox", "nocontent", "jump"};
// Whole words (split on - _ space) that mark boilerplate; too short to
// match as fragments ("ad" is in "head", "meta" in "metabolism").
constexpr std::string_view kNegativeWords[] = {
    "ad", "ads", "adv", "nav", "meta", "tags", "tag", "date", "time", "aside", "extra",
    "source", "more", "links", "sns", "lenta"};
// Fragments that mark reader comments: these hold whatever share of the
// page's prose they hold, and are never the article.
constexpr std::string_view kCommentFragments[] = {"comment", "disqus", "replies", "reply"};
constexpr std::string_view kPositiveFragments[] = {
    "article-body", "article_body", "articlebody", "article-content", "article__body",
    "article__content", "article-text", "article__text", "article_text", "entry-content",
    "entry_content", "post-content", "post_content", "post-body", "postbody", "story-body",
    "storybody", "story-content", "news-text", "news_text", "news-body", "content-body",
    "body-text", "bodytext", "text-content", "article-detail", "news-detail", "full-text",
    "fulltext", "detail-text", "materials-text", "news__text", "article__content"};

// "Read also" headings and the like, in English, Russian and Kazakh; a
// block that starts with one of these and is short is no article text, and
// the link list after it goes too.
constexpr std::string_view kSectionStops[] = {
    "read also", "read more", "see also", "related", "more from", "more on this",
    "recommended", "you may also like", "you might also like", "most read", "most popular",
    "also read", "latest news", "more stories", "related articles", "related news",
    "читайте также", "читать также", "смотрите также", "похожие новости", "похожие статьи",
    "другие новости", "последние новости", "новости по теме", "материалы по теме",
    "по теме", "самое читаемое", "популярное", "рекомендуем", "еще по теме", "ещё по теме",
    "оқи отырыңыз", "оқыңыз", "ұқсас жаңалықтар", "тақырыпқа қатысты", "соңғы жаңалықтар",
    "басқа жаңалықтар", "көп оқылған"};
// Short blocks that are page furniture wherever they are.
constexpr std::string_view kFurniture[] = {
    "advertisement", "advert", "реклама", "жарнама", "share", "share this", "share this article",
    "поделиться", "бөлісу", "tweet", "print", "email", "comments", "комментарии",
    "пікірлер", "subscribe", "подписаться", "подписывайтесь", "жазылыңыз", "loading",
    "загрузка", "close", "закрыть", "photo", "фото", "video", "видео", "источник",
    "sponsored", "ad", "continue reading", "read more", "подробнее", "толығырақ"};

bool MatchWord(std::string_view s, std::string_view word) {
  for (size_t p = s.find(word); p != std::string_view::npos; p = s.find(word, p + 1)) {
    const bool left = p == 0 || !IsAlnumAscii(s[p - 1]);
    const size_t e = p + word.size();
    const bool right = e == s.size() || !IsAlnumAscii(s[e]) ||
                       (s[e] >= 'A' && s[e] <= 'Z');
    if (left && right) return true;
  }
  return false;
}

struct Block {
  int owner = -1;       // the element whose text this is
  int first = -1;       // its first text node
  int chars = 0;        // non-space code points
  int link_chars = 0;   // of those, inside <a>
  int links = 0;        // <a> elements with text in it
  std::string text;     // spaces collapsed
  double link_density() const { return chars ? double(link_chars) / chars : 0; }
};

class Scorer {
 public:
  Scorer(const HtmlTree& t, const MainTextOptions& o) : t_(t), o_(o), n_(t.size()) {}

  MainText Run() {
    MainText out;
    if (t_.body() < 0) return out.method = "none", out;
    Mark();
    BuildBlocks();
    MarkHints();
    MarkTeasers();
    Score();
    const int c = Best();
    std::string text = c >= 0 ? Emit(c) : "";
    const int chars = CountChars(text);
    const int ld_chars = CountChars(o_.json_ld_body);
    // JSON-LD is the site's own statement of the body; when it is much
    // longer than what the markup gave, the markup choice was poor.
    if (ld_chars >= kMinArticleChars && ld_chars > 2 * chars) {
      out.text = NormalizeParagraphs(o_.json_ld_body);
      out.method = "json-ld";
      return out;
    }
    if (c < 0 || chars < kMinArticleChars / 2) return out.method = "none", out;
    out.text = std::move(text);
    out.container = c;
    out.method = "scored";
    return out;
  }

 private:
  // Top-down: what is invisible, what is inside a link, which block each
  // node's text belongs to, and the nearest boilerplate-hinted ancestor.
  void Mark() {
    skip_.assign(n_, 0), in_link_.assign(n_, 0), owner_.assign(n_, -1), neg_.assign(n_, -1),
        pos_.assign(n_, 0);
    for (int i = 0; i < n_; ++i) {
      const HtmlNode& nd = t_.node(i);
      const int p = nd.parent;
      const Tag tag = nd.tag;
      const Kind k = tag == Tag::kText ? Kind::kInline : KindOf(tag);
      skip_[i] = (p >= 0 && skip_[p]) || k == Kind::kSkip || (tag != Tag::kText && Hidden(i));
      in_link_[i] = (p >= 0 && in_link_[p]) || tag == Tag::kA;
      owner_[i] = (k == Kind::kBlock || k == Kind::kCell) ? i : (p >= 0 ? owner_[p] : i);
    }
  }

  // Top-down: the nearest boilerplate-hinted ancestor of each node. A hint
  // on an element that holds most of the page's prose is a false alarm
  // ("content-with-sidebar-wrp", "field-label-hidden"), unless it names
  // comments, which can outweigh a short article.
  void MarkHints() {
    std::vector<int64_t> prose(n_, 0);
    for (const Block& b : blocks_)
      if (b.chars >= kMinGoodChars && b.link_density() < kMaxGoodLinkDensity) prose[b.owner] += b.chars;
    for (int i = n_ - 1; i > 0; --i)
      if (t_.node(i).parent >= 0) prose[t_.node(i).parent] += prose[i];
    const int64_t page = t_.body() >= 0 ? prose[t_.body()] : 0;
    text_.assign(n_, 0);
    for (const Block& b : blocks_) text_[b.owner] += b.chars;
    for (int i = n_ - 1; i > 0; --i)
      if (t_.node(i).parent >= 0) text_[t_.node(i).parent] += text_[i];
    for (int i = 0; i < n_; ++i) {
      const int p = t_.node(i).parent;
      neg_[i] = p >= 0 ? neg_[p] : -1;
      const Tag tag = t_.tag(i);
      if (tag == Tag::kText || tag == Tag::kHtml || tag == Tag::kBody) continue;
      const Hint h = HintOf(i);
      if (h == Hint::kPositive) pos_[i] = 1, neg_[i] = -1;
      else if (h == Hint::kNegative && (2 * prose[i] < page || IsComments(i))) neg_[i] = i;
      else if (h == Hint::kComments) neg_[i] = i;
    }
  }

  bool IsComments(int i) const {
    const std::string both = LowerAscii(std::string(t_.Attr(i, "class")) + " " + std::string(t_.Attr(i, "id")));
    for (std::string_view f : kCommentFragments)
      if (both.find(f) != std::string::npos) return true;
    return false;
  }

  bool Hidden(int i) const {
    if (t_.HasAttr(i, "hidden") || t_.Attr(i, "aria-hidden") == "true") return true;
    std::string_view style = t_.Attr(i, "style");
    if (style.empty()) return false;
    std::string s = LowerAscii(style);
    std::erase(s, ' ');
    return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
  }

  enum class Hint { kNone, kPositive, kNegative, kComments };
  Hint HintOf(int i) const {
    const Tag tag = t_.tag(i);
    const std::string_view itemprop = t_.Attr(i, "itemprop");
    if (itemprop == "articleBody" || itemprop == "reviewBody" || itemprop == "text") return Hint::kPositive;
    if (tag == Tag::kAside || tag == Tag::kFooter || tag == Tag::kHeader || tag == Tag::kFigcaption ||
        tag == Tag::kAddress)
      return Hint::kNegative;
    std::string_view role = t_.Attr(i, "role");
    if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary" ||
        role == "menu" || role == "dialog" || role == "alert")
      return Hint::kNegative;
    if (itemprop == "author" || itemprop == "datePublished" || itemprop == "dateModified" ||
        itemprop == "headline")
      return Hint::kNegative;
    if (itemprop == "comment") return Hint::kComments;
    std::string_view cls = t_.Attr(i, "class"), id = t_.Attr(i, "id");
    if (cls.empty() && id.empty()) return Hint::kNone;
    std::string both;
    both.reserve(cls.size() + id.size() + 1);
    both.append(cls).append(" ").append(id);
    if (IsContentHint(both)) return Hint::kPositive;
    // <article> and <main> are the page's own claim to be content; a
    // class on them ("post has-comments") does not overrule it.
    if (tag == Tag::kArticle || tag == Tag::kMain) return Hint::kNone;
    return IsBoilerplateHint(both) ? Hint::kNegative : Hint::kNone;
  }

  // The page's visible text as blocks, in document order.
  void BuildBlocks() {
    const int body = t_.body();
    const int end = t_.SubtreeEnd(body);
    bool brk = true, new_link = false;
    int cur_owner = -2;
    for (int i = body; i < end; ++i) {
      if (skip_[i]) continue;
      const Tag tag = t_.tag(i);
      if (tag != Tag::kText) {
        if (KindOf(tag) == Kind::kBreak) brk = true;
        if (tag == Tag::kA) new_link = true;
        continue;
      }
      std::string_view s = t_.Text(i);
      const int chars = CountChars(s);
      if (chars == 0) {
        if (!blocks_.empty() && !blocks_.back().text.empty() && blocks_.back().text.back() != ' ')
          blocks_.back().text.push_back(' ');
        continue;
      }
      if (brk || owner_[i] != cur_owner || blocks_.empty()) {
        if (!blocks_.empty()) TrimBack(&blocks_.back().text);
        blocks_.push_back(Block{owner_[i], i, 0, 0, 0, {}});
        cur_owner = owner_[i];
        brk = false;
      }
      Block& b = blocks_.back();
      AppendCollapsed(s, &b.text);
      b.chars += chars;
      if (in_link_[i]) b.link_chars += chars, b.links += new_link;
      new_link = false;
    }
    if (!blocks_.empty()) TrimBack(&blocks_.back().text);
  }

  // A teaser: a short paragraph after a linked headline, the two alone in
  // a small element (with perhaps an author and a date); lists of other
  // stories look like prose otherwise ("More from ...": headline, blurb).
  void MarkTeasers() {
    teaser_.assign(blocks_.size(), 0);
    std::vector<int> end(n_);
    for (int i = n_ - 1; i >= 0; --i) {
      end[i] = std::max(end[i], i + 1);
      const int p = t_.node(i).parent;
      if (p >= 0) end[p] = std::max(end[p], end[i]);
    }
    for (size_t i = 1; i < blocks_.size(); ++i) {
      const Block& b = blocks_[i];
      if (b.chars >= kTeaserMaxChars || b.link_density() > 0.3) continue;
      for (size_t back = 1; back <= 3 && back <= i; ++back) {
        const Block& h = blocks_[i - back];
        if (h.link_density() > 0.8 && h.chars < 200 && h.links == 1) {
          teaser_[i] = SmallCommonItem(h, b, end);
          break;
        }
        if (h.chars >= kShortBlock || IsHeading(t_.tag(h.owner))) break;
      }
    }
  }

  // True when an element a few levels above `b` holds `h` too and little
  // else: the two are one item of a list.
  bool SmallCommonItem(const Block& h, const Block& b, const std::vector<int>& end) const {
    int a = b.owner;
    for (int level = 0; level < 5 && a >= 0; ++level, a = t_.node(a).parent) {
      if (h.first < a || h.first >= end[a]) continue;
      return text_[a] <= h.chars + b.chars + kTeaserSlack;
    }
    return false;
  }

  bool Good(const Block& b) const {
    return neg_[b.first] < 0 && !teaser_[&b - blocks_.data()] && b.chars >= kMinGoodChars && b.link_density() < kMaxGoodLinkDensity &&
           !IsHeading(t_.tag(b.owner));
  }

  // Bottom-up sums of good and of all text per element.
  void Score() {
    good_.assign(n_, 0);
    all_.assign(n_, 0);
    for (const Block& b : blocks_) {
      all_[b.owner] += b.chars;
      if (Good(b)) good_[b.owner] += b.chars - b.link_chars;
    }
    for (int i = n_ - 1; i > 0; --i) {
      const int p = t_.node(i).parent;
      if (p < 0) continue;
      good_[p] += good_[i];
      all_[p] += all_[i];
    }
  }

  double ScoreOf(int i) const {
    double s = good_[i] - kBadTextWeight * double(all_[i] - good_[i]);
    if (s > 0 && (pos_[i] || t_.tag(i) == Tag::kArticle)) s *= 1.2;
    return s;
  }

  // The element with the best score; among equals the deepest.
  int Best() const {
    const int body = t_.body();
    const int end = t_.SubtreeEnd(body);
    int best = -1;
    double best_score = 0;
    for (int i = body; i < end; ++i) {
      if (skip_[i] || t_.tag(i) == Tag::kText || good_[i] < kMinArticleChars) continue;
      const double s = ScoreOf(i);
      if (s >= best_score) best = i, best_score = s;
    }
    return best;
  }

  // Document-order ranges [begin, end) whose blocks are the article: the
  // container, plus siblings that are nearly all prose.
  std::vector<std::pair<int, int>> Ranges(int c) const {
    std::vector<std::pair<int, int>> r;
    const int p = t_.node(c).parent;
    if (p < 0 || t_.tag(c) == Tag::kBody) return {{c, t_.SubtreeEnd(c)}};
    for (int s = t_.node(p).first_child; s >= 0; s = t_.node(s).next_sibling) {
      const int end = t_.SubtreeEnd(s);
      if (s == c) { r.push_back({s, end}); continue; }
      if (skip_[s] || t_.is_text(s) || neg_[s] >= 0) continue;
      if (good_[s] >= kMinSiblingGood && good_[s] >= kSiblingPurity * all_[s]) r.push_back({s, end});
    }
    return r;
  }

  std::string Emit(int c) const {
    std::string out;
    const std::string title = NormalizeForCompare(o_.title);
    const auto ranges = Ranges(c);
    size_t b = 0;
    int prev_owner = -1;
    for (auto [begin, end] : ranges) {
      bool stopped = false;
      for (; b < blocks_.size() && blocks_[b].first < begin; ++b) {}
      for (; b < blocks_.size() && blocks_[b].first < end; ++b) {
        const Block& k = blocks_[b];
        // Boilerplate hinted inside the range, not above it.
        if (neg_[k.first] >= begin) continue;
        if (stopped) {
          if (k.chars >= kShortBlock && k.link_density() < 0.3) stopped = false;
          else continue;
        }
        if (IsSectionStop(k.text) && k.chars < 2 * kShortBlock) {
          // A bare heading ("Похожие новости") heads a list that goes too;
          // "Read also: <title>" on one line goes alone.
          stopped = k.chars <= kStopHeadingChars;
          continue;
        }
        if (!Keep(k, title)) continue;
        const Tag ot = t_.tag(k.owner);
        const bool same_row = prev_owner >= 0 && (ot == Tag::kTd || ot == Tag::kTh) &&
                              t_.node(prev_owner).parent == t_.node(k.owner).parent;
        if (!out.empty()) out.push_back(same_row ? '\t' : '\n');
        out.append(k.text);
        prev_owner = k.owner;
      }
    }
    return out;
  }

  bool Keep(const Block& k, const std::string& title) const {
    const Tag ot = t_.tag(k.owner);
    if (ot == Tag::kH1) return false;  // the headline is the record's title, not its text
    if (k.link_density() > kMaxKeptLinkDensity) return false;
    if (k.chars >= kShortBlock) return true;
    const std::string norm = NormalizeForCompare(k.text);
    if (!title.empty() && (norm == title || (norm.size() > 20 && title.starts_with(norm)))) return false;
    for (std::string_view f : kFurniture)
      if (norm == f) return false;
    return !LooksLikeDateLine(k.text) && !LooksLikeByline(k.text);
  }

  const HtmlTree& t_;
  const MainTextOptions& o_;
  const int n_;
  std::vector<uint8_t> skip_, in_link_, pos_;
  std::vector<int> owner_, neg_;
  std::vector<int64_t> good_, all_;
  std::vector<Block> blocks_;
  std::vector<uint8_t> teaser_;
  std::vector<int64_t> text_;  // all block text per element
};

}  // namespace

bool IsBoilerplateHint(std::string_view class_and_id) {
  const std::string lower = LowerAscii(class_and_id);
  if (IsContentHint(lower)) return false;
  for (std::string_view f : kNegativeFragments)
    if (lower.find(f) != std::string::npos) return true;
  for (std::string_view w : kNegativeWords)
    if (MatchWord(lower, w)) return true;
  return false;
}

bool IsContentHint(std::string_view class_and_id) {
  const std::string lower = LowerAscii(class_and_id);
  for (std::string_view f : kPositiveFragments)
    if (lower.find(f) != std::string::npos) return true;
  return false;
}

bool IsSectionStop(std::string_view block_text) {
  const std::string norm = NormalizeForCompare(block_text);
  for (std::string_view s : kSectionStops) {
    if (!norm.starts_with(s)) continue;
    // "Related" must be the whole phrase or be followed by punctuation,
    // not the start of a sentence ("Related charges were filed...").
    if (norm.size() == s.size()) return true;
    const char next = norm[s.size()];
    if (next == ':' || next == ' ' || next == '.' || next == '-' || next == '>') {
      if (norm.size() - s.size() < 4 || next == ':' || s.size() > 8) return true;
    }
  }
  return false;
}

MainText FindMainText(const HtmlTree& tree, const MainTextOptions& options) {
  return Scorer(tree, options).Run();
}

}  // namespace newsmine::extract
