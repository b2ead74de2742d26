#include "extract/html_tree.h"

#include <gtest/gtest.h>

#include <chrono>

namespace newsmine::extract {
namespace {

TEST(HtmlTree, PreOrderWithParentsFirst) {
  HtmlTree t = HtmlTree::Parse("<p class=x>Hello <b>big</b> world</p>");
  ASSERT_GE(t.body(), 0);
  for (int i = 1; i < t.size(); ++i) EXPECT_LT(t.node(i).parent, i);
  int p = -1;
  for (int i = 0; i < t.size(); ++i) if (t.tag(i) == Tag::kP) p = i;
  ASSERT_GE(p, 0);
  EXPECT_EQ(t.Attr(p, "class"), "x");
  EXPECT_EQ(t.SubtreeText(p), "Hello big world");
  EXPECT_EQ(t.SubtreeEnd(p), t.size());
}

TEST(HtmlTree, EntitiesDecodedAndSvgTitleIsNotTitle) {
  HtmlTree t = HtmlTree::Parse("<title>A &amp; B</title><svg><title>icon</title></svg>");
  int titles = 0;
  for (int i = 0; i < t.size(); ++i) titles += t.tag(i) == Tag::kTitle;
  EXPECT_EQ(titles, 1);
  for (int i = 0; i < t.size(); ++i) {
    if (t.tag(i) == Tag::kTitle) {
      EXPECT_EQ(t.SubtreeText(i), "A & B");
    }
  }
}

// Issue 4: 100,000 nested divs neither overflow the stack nor take
// quadratic time (Gumbo alone takes ~30 s on this page).
TEST(HtmlTree, Issue4_HundredThousandNestedDivsAreLinear) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  const auto start = std::chrono::steady_clock::now();
  HtmlTree t = HtmlTree::Parse(html);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 5.0);
  bool found = false;
  for (int i = 0; i < t.size(); ++i) found |= t.is_text(i) && t.Text(i) == "deep text";
  EXPECT_TRUE(found);
}

TEST(FlattenDeepNesting, TableOfCases) {
  struct Case { std::string in; int depth; bool changed; std::string out; } cases[] = {
      {"<div><div>x</div></div>", 5, false, ""},
      {"<div><div><div>x</div></div></div>", 2, true, "<div><div>x</div></div>"},
      {"<p>a<p>b<p>c", 1, false, ""},  // implied ends do not count
      {"<script><div><div><div></script>", 1, false, ""},
      {"<!-- <div><div><div> -->", 1, false, ""},
  };
  for (const Case& c : cases) {
    bool changed = false;
    EXPECT_EQ(FlattenDeepNesting(c.in, c.depth, &changed), c.out) << c.in;
    EXPECT_EQ(changed, c.changed) << c.in;
  }
}

TEST(HtmlTree, GarbageNeverCrashes) {
  for (std::string s : {std::string(""), std::string("<"), std::string("</div></div>"),
                        std::string("\0\x01\xff<a", 5), std::string(10000, '<')}) {
    HtmlTree t = HtmlTree::Parse(s);
    EXPECT_GE(t.size(), 1);
  }
}

}  // namespace
}  // namespace newsmine::extract
