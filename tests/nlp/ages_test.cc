// victim_age: explicit ages, ranges, open ranges, categories; ages of
// suspects are not victim ages (records.md "victim_age").
#include <gtest/gtest.h>

#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

const std::string kTopic = " Human trafficking / торговля людьми / адам саудасы.";

// Sorted and unique: victim ages are a set per article (records.md "Scoring").
std::vector<std::string> AgeKeys(const std::string& text, Lang lang) {
  auto keys = testing::Keys(testing::OfType(testing::FactsOf(text + kTopic, lang), FactType::kVictimAge));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

struct Case {
  Lang lang;
  std::string text;
  std::vector<std::string> keys;
};

class AgesTest : public ::testing::TestWithParam<Case> {};

TEST_P(AgesTest, Keys) { EXPECT_EQ(AgeKeys(GetParam().text, GetParam().lang), GetParam().keys) << GetParam().text; }

constexpr Lang en = Lang::kEn, ru = Lang::kRu, kk = Lang::kKk;

INSTANTIATE_TEST_SUITE_P(
    All, AgesTest,
    ::testing::Values(
        Case{en, "A 17-year-old girl was sold.", {"victim_age 17-17"}},
        Case{en, "An 18-year old woman was trafficked to Russia.", {"victim_age 18-18"}},
        Case{en, "Girls aged 14 to 17 were recruited.", {"victim_age 14-17"}},
        Case{en, "Two girls aged 16 and 17 were taken off a flight.", {"victim_age 16-16", "victim_age 17-17"}},
        Case{en, "More and more victims are women over 40.", {"victim_age 41-null"}},
        Case{en, "A 41-year-old suspect was detained.", {}},
        Case{en, "Traffickers targeted young women in their teens and 20s.", {"victim_age 13-29"}},
        Case{en, "Newborn babies were sold.", {"victim_age 0-0"}},
        Case{en, "Police rescued minors.", {"victim_age 0-17"}},
        Case{ru, "17-летняя девушка была продана.", {"victim_age 17-17"}},
        Case{ru, "Пострадавшим девушкам в возрасте от 14 до 17 лет помогли.", {"victim_age 14-17"}},
        Case{ru, "Продавали новорожденных детей.", {"victim_age 0-0", "victim_age 0-17"}},
        Case{ru, "Среди пострадавших несовершеннолетние.", {"victim_age 0-17"}},
        Case{kk, "16 жастағы қыз құтқарылды.", {"victim_age 16-16"}},
        Case{kk, "Кәмелетке толмағандар қанауға түсті.", {"victim_age 0-17"}},
        Case{kk, "Нәресте сатылды.", {"victim_age 0-0"}}));

// Found on news-style articles written for the project (corpora/articles
// en15-20, ru15-20, kk15-20).
INSTANTIATE_TEST_SUITE_P(
    FreshArticles, AgesTest,
    ::testing::Values(
        // Kazakh opens an age range on the age word: "10 жастан 14 жасқа дейін".
        Case{kk, "10 жастан 14 жасқа дейінгі 6 бала қайыр сұрауға мәжбүрленген.", {"victim_age 0-17", "victim_age 10-14"}},
        Case{kk, "Qaiyrşylyqqa mäjbürlengen balalardyñ jasy 10 jastan 14 jasqa deiın.",
             {"victim_age 0-17", "victim_age 10-14"}},
        // The people counted right after an age are whose it is.
        Case{kk, "Tergeu mälımetınşe, küdıktıler 10 jastan 14 jasqa deiıngı 8 balany qaiyr sūratqan.",
             {"victim_age 0-17", "victim_age 10-14"}},
        // "Two of them are 19" after a count of suspects.
        Case{kk, "Küdıktılerdıñ 5-ı qamauğa alyndy. Olardyñ ekeuı 19 jasta.", {}},
        Case{en, "The victims ranged in age from 16 to 58.", {"victim_age 16-58"}},
        // An age set off by commas: a victim by first name, an official in full.
        Case{en, "Yerlan, 37, left his village with a debt he could not pay.", {"victim_age 37-37"}},
        Case{en, "Police detained 35 suspects, said Sultan Ismailov, 52, who heads the department.", {}},
        // "года" closes an age clause as "лет" does; a range after people is their ages.
        Case{ru, "Потерпевшим от 23 до 51 года.", {"victim_age 23-51"}},
        // An age in apposition to a perpetrator is the perpetrator's.
        Case{en, "Their leader, a 45-year-old woman, had sent at least 30 people abroad.", {}},
        Case{ru, "Организатор – 45-летняя жительница Тараза – задержан.", {}},
        Case{ru, "Когда ее завербовали, ей было 24 года.", {"victim_age 24-24"}},
        Case{ru, "Жертвами становятся женщины 18–35 лет из сельской местности.", {"victim_age 18-35"}},
        Case{ru, "Жертвы трудового рабства – чаще всего мужчины 30–50 лет из сельской местности.", {"victim_age 30-50"}}));

// Found on the second round of unseen articles (corpora/articles en21-25,
// ru21-25, kk21-25).
INSTANTIATE_TEST_SUITE_P(
    SecondRound, AgesTest,
    ::testing::Values(
        // The age a victim had when recruited.
        Case{en, "Madina was 17 when she was recruited in Semey through a post on Instagram.", {"victim_age 17-17"}},
        Case{en, "One girl was 15 when she was recruited by a woman who ran a modelling agency.", {"victim_age 15-15"}},
        // A prison term is no age, whatever word for years follows it.
        Case{ru, "Суд приговорил её к 9 годам, её сообщник – житель Астаны – получил 7 лет.", {}},
        Case{en, "His son and a foreman received five years each.", {}},
        // A range opened by "от" right after the people is their ages.
        Case{ru, "Чаще всего это женщины от 20 до 35 лет из небольших городов.", {"victim_age 20-35"}},
        // The object of "taking" is the victim, though "suspected" stands before.
        Case{en, "Police detained two men suspected of taking a 24-year-old woman to India to sell her kidney.",
             {"victim_age 24-24"}},
        // Listed ages of people just counted as suspects are theirs.
        Case{ru, "Задержаны трое взрослых – 45-летняя женщина и двое её сыновей 24 и 26 лет.", {}},
        // The other parties of a sale: the mother who sold, the buyer, the driver.
        Case{en, "A woman agreed to buy the baby from her 19-year-old mother for 2 million tenge.", {"victim_age 0-0"}},
        Case{ru, "27-летняя мать ребёнка договорилась со своей знакомой о продаже младенца.", {"victim_age 0-0", "victim_age 0-17"}},
        Case{ru, "Водитель микроавтобуса, 33-летний гражданин Казахстана, вывез рабочих в Россию.", {}},
        // Kazakh Latin "under age" with the -тік form.
        Case{kk, "Jäbırlenuşı dep 176 adam tanylğan, onyñ ışınde kämelettık jasqa tolmağan 33 bala bar.",
             {"victim_age 0-17"}}));

// Found on the third round of unseen articles (corpora/articles en26-29,
// ru26-29, kk26-29).
INSTANTIATE_TEST_SUITE_P(
    ThirdRound, AgesTest,
    ::testing::Values(
        // The youngest of a group gives an age.
        Case{en, "Eleven women, the youngest 17, were freed from two rented flats.", {"victim_age 17-17"}},
        Case{en, "The men, the youngest of them 19, had been forced to work on a farm.", {"victim_age 19-19"}},
        // Of two listed ages only the last carries the word for years.
        Case{kk, "26 jäne 30 jastağy jıgıtter 5 ai boiy aqysyz jūmys ıstegen.", {"victim_age 26-26", "victim_age 30-30"}},
        Case{kk, "26 және 30 жастағы жігіттер ақысыз жұмыс істеген.", {"victim_age 26-26", "victim_age 30-30"}},
        // A couple in these stories is the accused pair: their ages are no victims'.
        Case{en, "The couple, aged 35 and 39, also planned to move two of the trafficked boys on.", {}}));

}  // namespace
}  // namespace newsmine::nlp
