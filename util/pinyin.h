// Pinyin of Chinese text, from ICU's Han-Latin transliterator with tone marks
// removed: "林志远" -> "lin zhi yuan". Thread-safe (one transliterator per
// thread).
#ifndef KGB_UTIL_PINYIN_H_
#define KGB_UTIL_PINYIN_H_

#include <string>
#include <string_view>

namespace kgb {

// Lower-case toneless pinyin, syllables separated by single spaces; non-Han
// characters are kept (Latin letters lower-cased). Returns "" if ICU's
// transliterator is unavailable.
std::string Pinyin(std::string_view utf8);

// Pinyin without spaces ("linzhiyuan"), for matching typed queries.
std::string PinyinCompact(std::string_view utf8);

}  // namespace kgb

#endif  // KGB_UTIL_PINYIN_H_
