// Boilerplate removal: which part of a page is the article, as text.
//
// The page is cut into blocks (the text between paragraph, heading, list,
// table-row and line-break boundaries). Each block is "good" when it reads
// like article prose: long enough, few of its characters inside links, not
// under an element whose class, id or role says comments, sharing, related
// news, navigation or ads (hints.h lists them in English, Russian and
// Kazakh). Every element is scored by the good text it holds minus a share
// of the other text; the best one is the article's container. Siblings that
// are almost all good text join it (articles split around an ad or a
// photo). Inside, blocks are dropped that are headline, byline or date,
// "read also" lines and the lists after them, link lists and share bars.
// JSON-LD `articleBody` is a second opinion: it wins when the page's own
// choice is much shorter.
//
// Example:
//   HtmlTree tree = HtmlTree::Parse(html);
//   MainText m = FindMainText(tree, {.title = "Headline"});
//   std::cout << m.text;  // paragraphs joined by "\n"
//
// Thread safety: pure function of its arguments.
#ifndef NEWSMINE_EXTRACT_BOILERPLATE_H_
#define NEWSMINE_EXTRACT_BOILERPLATE_H_

#include <string>

#include "extract/html_tree.h"

namespace newsmine::extract {

struct MainTextOptions {
  std::string title;         // the headline, dropped from the body when repeated there
  std::string json_ld_body;  // JSON-LD articleBody, "" if the page has none
};

struct MainText {
  std::string text;       // paragraphs joined by "\n"; "" when the page has no article
  int container = -1;     // node index of the chosen container, -1 if none
  std::string method;     // "scored", "json-ld" or "none": how the text was found
};

MainText FindMainText(const HtmlTree& tree, const MainTextOptions& options);

// True when a class/id/role string names boilerplate ("share-buttons",
// "related_news", "comments"); exposed for tests.
bool IsBoilerplateHint(std::string_view class_and_id);
// True when a class/id string names an article body ("article-body",
// "entry-content", "itemprop=articleBody").
bool IsContentHint(std::string_view class_and_id);
// True when a short block is a "read also" or "related news" heading:
// "Читайте также:", "Похожие новости", "Оқи отырыңыз", "Read more".
bool IsSectionStop(std::string_view block_text);

}  // namespace newsmine::extract

#endif  // NEWSMINE_EXTRACT_BOILERPLATE_H_
