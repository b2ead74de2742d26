#include "base/record.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace newsmine {
namespace {

using nlohmann::json;

TEST(RecordTest, Spec_IdIsFirst8BytesOfSha256OfCanonicalUrl) {
  // sha256("https://orda.kz/a") = 5d9c...; the id is its first 16 hex digits.
  const std::string id = ArticleId("https://orda.kz/a");
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(ArticleId(""), "e3b0c44298fc1c14");  // sha256 of the empty string
}

TEST(RecordTest, Spec_ArticleHasEveryField) {
  Article a;
  a.url = "x.txt";
  a.text = "Текст";
  json j = json::parse(ArticleToJson(a));
  for (const char* k : {"id", "url", "final_url", "canonical_url", "site", "fetched_at", "published",
                        "title", "authors", "lang", "text", "facts", "pipeline"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  EXPECT_TRUE(j["fetched_at"].is_null());
  EXPECT_TRUE(j["published"].is_null());
  EXPECT_TRUE(j["pipeline"].contains("rules"));
}

TEST(RecordTest, Spec_FactsCarryOnlyTheirTypesFields) {
  Fact f;
  f.type = FactType::kCaseCount;
  f.span = {3, 9};
  f.value = 39;
  f.qualifier = "exact";
  f.unit = "case";
  f.period = Period();
  f.period->year = 2021;
  f.sentence = "s";
  f.rule = "en.case_count.case";
  json j = json::parse(FactToJson(f));
  EXPECT_EQ(j["type"], "case_count");
  EXPECT_EQ(j["span"], json::array({3, 9}));
  EXPECT_EQ(j["period"]["year"], 2021);
  EXPECT_FALSE(j.contains("code"));
  EXPECT_FALSE(j.contains("max"));

  Fact age;
  age.type = FactType::kVictimAge;
  age.min_age = 31;
  j = json::parse(FactToJson(age));
  EXPECT_EQ(j["min"], 31);
  EXPECT_TRUE(j["max"].is_null());  // "over 30": an open range
}

TEST(RecordTest, ParseReadsWhatItWrote) {
  Article a;
  a.url = "https://orda.kz/x";
  a.published = "2024-07-05";
  a.authors = {"A. B."};
  a.text = "Алматы";
  Result<Article> b = ParseArticleJson(ArticleToJson(a));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->url, a.url);
  EXPECT_EQ(b->published, a.published);
  EXPECT_EQ(b->authors, a.authors);
  EXPECT_EQ(b->text, a.text);
}

TEST(RecordTest, ParseRejectsBadInputWithAReason) {
  EXPECT_EQ(ParseArticleJson("{not json").status().message(), "not valid JSON");
  EXPECT_EQ(ParseArticleJson("[1,2]").status().message(), "not a JSON object");
  EXPECT_EQ(ParseArticleJson(R"({"text": 5})").status().message(), "field 'text' is not a string");
  EXPECT_TRUE(ParseArticleJson(R"({"text": "x", "extra": [1]})").ok());
}

TEST(RecordTest, InvalidUtf8IsReplacedNotLost) {
  Article a;
  a.text = "ok \xFF end";
  const std::string line = ArticleToJson(a);
  EXPECT_NE(line.find("ok"), std::string::npos);
  EXPECT_NE(line.find("end"), std::string::npos);
}

}  // namespace
}  // namespace newsmine
