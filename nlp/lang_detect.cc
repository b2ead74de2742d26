#include "nlp/lang_detect.h"

#include <array>
#include <string>

#include "nlp/normalize.h"
#include "nlp/tokenizer.h"

namespace newsmine::nlp {
namespace {

bool IsCyrillic(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }
bool IsLatin(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F);
}

bool IsKazakhCyrillic(char32_t c) {
  switch (c) {
    case U'ә': case U'ғ': case U'қ': case U'ң': case U'ө': case U'ұ':
    case U'ү': case U'һ': case U'і':
      return true;
    default:
      return false;
  }
}

bool IsKazakhLatin(char32_t c) {
  switch (c) {
    case U'ä': case U'ğ': case U'ñ': case U'ş': case U'ū': case U'ı':
    case U'ǵ': case U'ń': case U'ý': case U'ú': case U'ó': case U'á':
    case U'ö': case U'ü':
      return true;
    default:
      return false;
  }
}

// Frequent Kazakh words in Latin script that English never has: they catch
// Latin Kazakh written without special letters ("Qazaqstan men Resei").
constexpr std::array<std::u32string_view, 11> kKazakhLatinWords = {
    U"jäne", U"oblysy", U"boiynsha", U"boiynşa", U"qazaqstan", U"jyly",
    U"bolyp", U"turaly", U"qala", U"jasy", U"eken"};

int KazakhLatinWordVotes(std::u32string_view text) {
  // Words are folded into a small buffer: none of the list is longer, and
  // a longer word cannot be one of them.
  constexpr size_t kLongest = 9;
  char32_t word[kLongest];
  size_t len = 0;  // kLongest + 1: too long to be one
  int votes = 0;
  auto flush = [&] {
    if (len >= 4 && len <= kLongest) {
      const std::u32string_view w(word, len);
      for (auto k : kKazakhLatinWords) votes += (w == k);
    }
    len = 0;
  };
  for (char32_t c : text) {
    if (!IsWordChar(c)) {
      flush();
    } else if (len < kLongest) {
      word[len++] = FoldCharFast(c);
    } else {
      len = kLongest + 1;
    }
  }
  flush();
  return votes;
}

}  // namespace

LangGuess DetectLanguage(std::u32string_view text) {
  size_t cyr = 0, kk_cyr = 0, lat = 0, kk_lat = 0;
  for (char32_t c : text) {
    const char32_t f = FoldCharFast(c);
    if (IsCyrillic(f)) {
      ++cyr;
      kk_cyr += IsKazakhCyrillic(f);
    } else if (IsLatin(f)) {
      ++lat;
      kk_lat += IsKazakhLatin(f);
    }
  }
  LangGuess g;
  const size_t letters = cyr + lat;
  if (letters == 0) return g;
  g.reliable = letters >= 20;
  if (cyr >= lat) {
    // Kazakh letters are about 8% of Kazakh text; 3% allows for a Russian
    // text that quotes a Kazakh name or two.
    g.lang = kk_cyr * 100 >= 3 * cyr ? Lang::kKk : Lang::kRu;
    g.confidence = static_cast<double>(cyr) / letters;
    return g;
  }
  const int words = KazakhLatinWordVotes(text);
  const bool kazakh = kk_lat * 100 >= lat || words * 200 >= static_cast<int>(lat);
  g.lang = kazakh ? Lang::kKk : Lang::kEn;
  g.confidence = static_cast<double>(lat) / letters;
  return g;
}

}  // namespace newsmine::nlp
