#include "extract/boilerplate.h"

#include <gtest/gtest.h>

namespace newsmine::extract {
namespace {

const std::string kPara1 = "The police said on Friday that fourteen people had been freed from a brick factory near Talgar.";
const std::string kPara2 = "Investigators found that the workers had their passports taken away and were locked up at night.";

std::string Main(const std::string& body, MainTextOptions o = {}) {
  HtmlTree t = HtmlTree::Parse("<html><body>" + body + "</body></html>");
  return FindMainText(t, o).text;
}

TEST(FindMainText, TableOfPages) {
  struct Case { const char* what; std::string body; std::string want; } cases[] = {
      {"paragraphs joined by newline", "<div><p>" + kPara1 + "</p><p>" + kPara2 + "</p></div>", kPara1 + "\n" + kPara2},
      {"comments dropped",
       "<article><p>" + kPara1 + "</p><p>" + kPara2 + "</p></article><div id=comments><p>" + kPara1 + " Really?</p></div>",
       kPara1 + "\n" + kPara2},
      {"headline dropped", "<div><h1>Workers freed</h1><p>" + kPara1 + "</p><p>" + kPara2 + "</p></div>",
       kPara1 + "\n" + kPara2},
      {"read-also line dropped",
       "<div><p>" + kPara1 + "</p><p>Читайте также: <a href=/x>Другая новость о полиции</a></p><p>" + kPara2 + "</p></div>",
       kPara1 + "\n" + kPara2},
      {"related heading and its list dropped",
       "<div><p>" + kPara1 + "</p><p>" + kPara2 + "</p><h3>Похожие новости</h3><ul><li><a href=/1>Первая новость на сайте о погоде</a></li>"
       "<li><a href=/2>Вторая новость на сайте о спорте</a></li></ul></div>",
       kPara1 + "\n" + kPara2},
      {"share bar dropped", "<div><p>" + kPara1 + "</p><div class=share-buttons>Share on Facebook</div><p>" + kPara2 + "</p></div>",
       kPara1 + "\n" + kPara2},
      {"table of figures kept",
       "<div><p>" + kPara1 + "</p><table><tr><td>2022</td><td>41</td></tr><tr><td>2023</td><td>52</td></tr></table><p>" + kPara2 + "</p></div>",
       kPara1 + "\n2022\t41\n2023\t52\n" + kPara2},
      {"br is a line", "<div><p>" + kPara1 + "<br>" + kPara2 + "</p></div>", kPara1 + "\n" + kPara2},
      {"hidden text dropped", "<div><p>" + kPara1 + "</p><p style='display: none'>secret</p><p>" + kPara2 + "</p></div>",
       kPara1 + "\n" + kPara2},
      {"no article", "<ul><li><a href=/1>One</a></li><li><a href=/2>Two</a></li></ul>", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Main(c.body), c.want) << c.what;
}

TEST(FindMainText, JsonLdBodyWinsOverAnEmptyShell) {
  HtmlTree t = HtmlTree::Parse("<body><div id=app><p>Loading…</p></div></body>");
  MainText m = FindMainText(t, {.json_ld_body = kPara1 + "\n" + kPara2});
  EXPECT_EQ(m.method, "json-ld");
  EXPECT_EQ(m.text, kPara1 + "\n" + kPara2);
}

TEST(Hints, ClassesAndIds) {
  EXPECT_TRUE(IsBoilerplateHint("related-news"));
  EXPECT_TRUE(IsBoilerplateHint("ad top"));
  EXPECT_FALSE(IsBoilerplateHint("head"));
  EXPECT_FALSE(IsBoilerplateHint("article-body share-enabled"));  // content hint wins
  EXPECT_TRUE(IsContentHint("entry-content"));
}

TEST(Hints, SectionStopsInThreeLanguages) {
  EXPECT_TRUE(IsSectionStop("Читайте также:"));
  EXPECT_TRUE(IsSectionStop("Оқи отырыңыз"));
  EXPECT_TRUE(IsSectionStop("Похожие новости"));
  EXPECT_TRUE(IsSectionStop("Read also: something"));
  EXPECT_FALSE(IsSectionStop("Related charges were filed against the owners of the factory."));
}

}  // namespace
}  // namespace newsmine::extract
