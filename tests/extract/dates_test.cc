#include "extract/dates.h"

#include <gtest/gtest.h>

namespace newsmine::extract {
namespace {

TEST(FindDateInText, ThreeLanguages) {
  struct Case { const char* text; const char* date; } cases[] = {
      {"Published July 5, 2024 at noon", "2024-07-05"},
      {"5 July 2024", "2024-07-05"},
      {"Nov. 19, 2019", "2019-11-19"},
      {"АСТАНА. 5 июля 2024 года.", "2024-07-05"},
      {"14 января 2023 г.", "2023-01-14"},
      {"2024 жылғы 5 шілде", "2024-07-05"},
      {"2024 ж. 12 қаңтарда", "2024-01-12"},
      {"05.07.2024", "2024-07-05"},
      {"2024-07-05", "2024-07-05"},
      {"39 cases in 2023", nullptr},
      {"32 июля 2024", nullptr},
  };
  for (const Case& c : cases) {
    auto d = FindDateInText(c.text);
    if (c.date) { ASSERT_TRUE(d) << c.text; EXPECT_EQ(*d, c.date) << c.text; }
    else EXPECT_FALSE(d) << c.text;
  }
}

TEST(ParseMachineDate, KeepsOffsetsOnly) {
  EXPECT_EQ(*ParseMachineDate("2024-07-05T09:30:00+05:00"), "2024-07-05T09:30:00+05:00");
  EXPECT_EQ(*ParseMachineDate("2024-07-05T09:30:00.123Z"), "2024-07-05T09:30:00Z");
  EXPECT_EQ(*ParseMachineDate("2024-07-05T09:30:00"), "2024-07-05");
  EXPECT_EQ(*ParseMachineDate("20240301"), "2024-03-01");
  EXPECT_FALSE(ParseMachineDate("2024-13-05"));
  EXPECT_FALSE(ParseMachineDate("soon"));
}

TEST(DateFromUrl, Shapes) {
  EXPECT_EQ(*DateFromUrl("https://a.kz/news/2024/07/05/slug"), "2024-07-05");
  EXPECT_EQ(*DateFromUrl("https://a.kz/2024-07-05-slug"), "2024-07-05");
  EXPECT_EQ(*DateFromUrl("https://a.kz/n/20240705/x"), "2024-07-05");
  EXPECT_FALSE(DateFromUrl("https://a.kz/news/471033-slug"));
}

TEST(LooksLikeDateLine, ShortStampsOnly) {
  EXPECT_TRUE(LooksLikeDateLine("5 июля 2024, 14:20"));
  EXPECT_TRUE(LooksLikeDateLine("Updated 3 hours ago"));
  EXPECT_FALSE(LooksLikeDateLine("On July 5, 2024 the police freed fourteen workers held at a brick factory near Talgar."));
}

}  // namespace
}  // namespace newsmine::extract
