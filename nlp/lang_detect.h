// Language identification for en / ru / kk (internal to nlp).
//
// Script decides first (Cyrillic or Latin); then letters only Kazakh uses
// decide Kazakh: Cyrillic ә ғ қ ң ө ұ ү һ і, 2021 Latin ä ğ ñ ş ū ı and
// 2018 Latin ǵ ń ý ú ó á, together with Latin Kazakh function words
// ("jäne", "men", "oblysy", "boiynşa"). A paragraph is enough.
#ifndef NEWSMINE_NLP_LANG_DETECT_H_
#define NEWSMINE_NLP_LANG_DETECT_H_

#include <string_view>

#include "base/text.h"

namespace newsmine::nlp {

struct LangGuess {
  Lang lang = Lang::kUnknown;
  double confidence = 0;  // 0..1: share of the script's letters
  bool reliable = false;  // enough letters to trust it
};

LangGuess DetectLanguage(std::u32string_view text);

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_LANG_DETECT_H_
