#include "nlp/lang_detect.h"

#include <gtest/gtest.h>

#include "base/text.h"

namespace newsmine::nlp {
namespace {

Lang Detect(const std::string& s) { return DetectLanguage(DecodeUtf8(s)).lang; }

TEST(LangDetectTest, TellsTheThreeLanguagesApart) {
  EXPECT_EQ(Detect("Police in Almaty detained eight people suspected of human trafficking."), Lang::kEn);
  EXPECT_EQ(Detect("Полиция Алматы задержала восемь человек по подозрению в торговле людьми."), Lang::kRu);
  EXPECT_EQ(Detect("Алматы полициясы адам саудасына күдікті сегіз адамды ұстады."), Lang::kKk);
}

TEST(LangDetectTest, KazakhInBothLatinAlphabets) {
  EXPECT_EQ(Detect("Almaty polisiasy adam saudasyna küdıktı segız adamdy ūstady."), Lang::kKk);
  EXPECT_EQ(Detect("Almaty polısıasy adam saýdasyna kúdikti segiz adamdy ustady."), Lang::kKk);
  EXPECT_EQ(Detect("Qazaqstan men Resei arasyndaǵy kelisim boiynsha jumys isteidi jäne oblysy"), Lang::kKk);
}

TEST(LangDetectTest, RussianQuotingAKazakhNameStaysRussian) {
  EXPECT_EQ(Detect("Как сообщил департамент полиции, в Қарағанды задержаны подозреваемые в "
                   "организации притона, где эксплуатировали девушек из соседних областей."),
            Lang::kRu);
}

TEST(LangDetectTest, SaysHowSureItIs) {
  const LangGuess g = DetectLanguage(DecodeUtf8("Полиция задержала восемь человек."));
  EXPECT_TRUE(g.reliable);
  EXPECT_GT(g.confidence, 0.9);
  EXPECT_FALSE(DetectLanguage(DecodeUtf8("123")).reliable);
}

}  // namespace
}  // namespace newsmine::nlp
