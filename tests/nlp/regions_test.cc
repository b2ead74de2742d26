// region facts: all 20 first-level units in every language and in the
// case forms news uses; towns map to their unit; "Almaty" the city and the
// region (records.md "region", "First-level units of Kazakhstan").
#include <gtest/gtest.h>

#include "tests/nlp/nlp_testing.h"

namespace newsmine::nlp {
namespace {

std::vector<std::string> Codes(const std::string& text, Lang lang = Lang::kUnknown) {
  std::vector<std::string> out;
  for (const Fact& f : testing::OfType(testing::FactsOf(text, lang), FactType::kRegion)) out.push_back(f.code);
  return out;
}

struct Unit {
  const char* code;
  std::vector<std::string> en, ru, kk;  // forms as written in running text
};

// Every unit, in each language, in the forms a sentence uses: nominative,
// locative and genitive (Russian), locative, ablative and genitive
// (Kazakh), Latin Kazakh, and former names.
const std::vector<Unit>& Units() {
  static const std::vector<Unit> units = {
      {"KZ-10", {"Abai Region", "Abay region", "Semey", "Semipalatinsk"}, {"Абайской области", "в Семее", "области Абай"}, {"Абай облысында", "Семейде", "Abai oblysy"}},
      {"KZ-11", {"Akmola Region", "Aqmola region", "Kokshetau"}, {"Акмолинской области", "в Кокшетау"}, {"Ақмола облысының", "Көкшетауда"}},
      {"KZ-15", {"Aktobe Region", "Aqtobe", "Aktobe"}, {"Актюбинской области", "в Актобе"}, {"Ақтөбе облысында", "Ақтөбеде"}},
      {"KZ-19", {"Almaty Region", "Almaty oblysy", "Talgar", "Konaev"}, {"Алматинской области", "в Талгаре", "Конаеве"}, {"Алматы облысында", "Қонаевта"}},
      {"KZ-23", {"Atyrau Region", "Atyrau"}, {"Атырауской области", "в Атырау"}, {"Атырау облысы", "Атырауда"}},
      {"KZ-27", {"West Kazakhstan Region", "Uralsk", "WKO"}, {"Западно-Казахстанской области", "в ЗКО", "Уральске"}, {"Батыс Қазақстан облысында", "Оралда"}},
      {"KZ-31", {"Jambyl Region", "Zhambyl region", "Taraz"}, {"Жамбылской области", "в Таразе"}, {"Жамбыл облысында", "Таразда"}},
      {"KZ-33", {"Jetisu Region", "Zhetysu region", "Taldykorgan"}, {"области Жетісу", "Талдыкоргане"}, {"Жетісу облысында", "Талдықорғанда"}},
      {"KZ-35", {"Karaganda Region", "Qaraganda", "Temirtau"}, {"Карагандинской области", "в Караганде", "Темиртау"}, {"Қарағанды облысының", "Теміртауда"}},
      {"KZ-39", {"Kostanay Region", "Kostanay", "Rudny"}, {"Костанайской области", "в Костанае"}, {"Қостанай облысында", "Қостанайда"}},
      {"KZ-43", {"Kyzylorda Region", "Kyzylorda", "Baikonur"}, {"Кызылординской области", "в Кызылорде"}, {"Қызылорда облысында", "Қызылордада"}},
      {"KZ-47", {"Mangystau Region", "Aktau", "Zhanaozen"}, {"Мангистауской области", "в Актау", "Жанаозене"}, {"Маңғыстау облысында", "Жаңаөзенде"}},
      {"KZ-55", {"Pavlodar Region", "Pavlodar", "Ekibastuz"}, {"Павлодарской области", "в Павлодаре", "Экибастузе"}, {"Павлодар облысында", "Екібастұзда"}},
      {"KZ-59", {"North Kazakhstan Region", "Petropavl", "Petropavlovsk"}, {"Северо-Казахстанской области", "в СКО", "Петропавловске"}, {"Солтүстік Қазақстан облысында", "Петропавлда"}},
      {"KZ-61", {"Turkistan Region", "Turkestan region", "South Kazakhstan Region"}, {"Туркестанской области", "Южно-Казахстанской области"}, {"Түркістан облысында", "Türkıstan oblysy"}},
      {"KZ-62", {"Ulytau Region", "Zhezkazgan", "Satpayev city"}, {"области Ұлытау", "в Жезказгане"}, {"Ұлытау облысында", "Жезқазғанда"}},
      {"KZ-63", {"East Kazakhstan Region", "Ust-Kamenogorsk", "Oskemen"}, {"Восточно-Казахстанской области", "в ВКО", "Усть-Каменогорске"}, {"Шығыс Қазақстан облысында", "Өскеменде", "ШҚО-да"}},
      {"KZ-71", {"Astana", "Nur-Sultan", "Astana's"}, {"в Астане", "Астаны", "Нур-Султане"}, {"Астанада", "Астананың", "Нұр-Сұлтанда", "Astanada"}},
      {"KZ-75", {"Almaty", "Alma-Ata", "Almaty city"}, {"в Алматы", "Алма-Ате"}, {"Алматыда", "Алматы қаласында", "Almatyda"}},
      {"KZ-79", {"Shymkent", "Chimkent"}, {"в Шымкенте", "Шымкента"}, {"Шымкентте", "Şymkent"}},
  };
  return units;
}

// A sentence of the form's own language around it.
std::string InSentence(const std::string& form, Lang lang) {
  if (lang == Lang::kEn) return "Police reported the case in " + form + " yesterday.";
  if (lang == Lang::kRu) return "Полиция сообщила о случае " + form + " вчера.";
  if (static_cast<unsigned char>(form[0]) < 0x80) return "Polısıa " + form + " bolğan oqiğa turaly habarlady.";
  return "Полиция " + form + " болған оқиға туралы хабарлады.";
}

TEST(RegionsTest, EveryUnitInEveryLanguage) {
  ASSERT_EQ(Units().size(), 20u);
  for (const Unit& u : Units()) {
    for (auto [forms, lang] : {std::pair{&u.en, Lang::kEn}, std::pair{&u.ru, Lang::kRu}, std::pair{&u.kk, Lang::kKk}}) {
      for (const std::string& form : *forms) {
        EXPECT_EQ(Codes(InSentence(form, lang), lang), std::vector<std::string>{u.code}) << form;
      }
    }
  }
}

TEST(RegionsTest, Spec_AlmatyIsTheCityUnlessTheWordsSayRegion) {
  EXPECT_EQ(Codes("Police in Almaty detained a group."), std::vector<std::string>{"KZ-75"});
  EXPECT_EQ(Codes("Police in the Almaty region detained a group."), std::vector<std::string>{"KZ-19"});
  EXPECT_EQ(Codes("Cases were opened in Almaty city and the Aktobe, Almaty, Jambyl regions."),
            (std::vector<std::string>{"KZ-75", "KZ-15", "KZ-19", "KZ-31"}));
}

TEST(RegionsTest, Spec_RussianAdjectivesInAListOfRegions) {
  EXPECT_EQ(Codes("Дела возбуждены в Алматинской, Актюбинской и Жамбылской областях.", Lang::kRu),
            (std::vector<std::string>{"KZ-19", "KZ-15", "KZ-31"}));
  EXPECT_EQ(Codes("Алматинская полиция задержала подозреваемых.", Lang::kRu), std::vector<std::string>{"KZ-75"});
}

// "Abai" alone is a poet, a street, a district: the region only in a list
// of regions (kz_places.tsv kind `list`).
TEST(RegionsTest, Spec_ListOnlyNamesInAListOfRegions) {
  EXPECT_EQ(Codes("Most cases were recorded in the Abai and Jetisu regions.", Lang::kEn),
            (std::vector<std::string>{"KZ-10", "KZ-33"}));
  EXPECT_EQ(Codes("Абай, Жетісу және Ұлытау облыстарында тексеру жүргізілді.", Lang::kKk),
            (std::vector<std::string>{"KZ-10", "KZ-33", "KZ-62"}));
  EXPECT_TRUE(Codes("A monument to Abai stands on Abai Avenue.", Lang::kEn).empty());
}

TEST(RegionsTest, Spec_TownsMapToTheirUnitAndKeepThePlaceAsWritten) {
  const auto g = testing::OfType(testing::FactsOf("A girl from Taraz was sold."), FactType::kRegion);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].code, "KZ-31");
  EXPECT_EQ(g[0].name, "Jambyl Region");
  EXPECT_EQ(g[0].place, "Taraz");
}

TEST(RegionsTest, Spec_FormerNamesMapToTheUnitOfToday) {
  EXPECT_EQ(Codes("He lived in Semipalatinsk."), std::vector<std::string>{"KZ-10"});
  EXPECT_EQ(Codes("Она жила в Талдыкоргане."), std::vector<std::string>{"KZ-33"});
  EXPECT_EQ(Codes("He moved to Zhezkazgan."), std::vector<std::string>{"KZ-62"});
}

// Russian news keeps the Kazakh letters of a place name and adds a Russian
// ending; a district of Shymkent is the city (corpora/articles ru24).
TEST(RegionsTest, KazakhSpellingsInRussianText) {
  EXPECT_EQ(Codes("Детей привозили из Сарыағаша.", Lang::kRu), std::vector<std::string>{"KZ-61"});
  EXPECT_EQ(Codes("Она жила в Талғаре.", Lang::kRu), std::vector<std::string>{"KZ-19"});
  EXPECT_EQ(Codes("Полиция задержала их в районе Қаратау.", Lang::kRu), std::vector<std::string>{"KZ-79"});
}

TEST(RegionsTest, CommonWordsAreNoPlaces) {
  EXPECT_TRUE(Codes("Он выступил за права семей и оралманов.").empty());
  EXPECT_EQ(Codes("Ол Семейде тұрады."), std::vector<std::string>{"KZ-10"});  // Kazakh "Семей" is the town
}

}  // namespace
}  // namespace newsmine::nlp
