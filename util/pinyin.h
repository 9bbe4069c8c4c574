// Pinyin of Chinese text, from ICU's Han-Latin transliterator with tone marks
// removed: "林致远" -> "lin zhi yuan". Thread-safe (one transliterator per
// thread).
#ifndef KGB_UTIL_PINYIN_H_
#define KGB_UTIL_PINYIN_H_

#include <string>
#include <string_view>
#include <unordered_map>

namespace kgb {

// Lower-case toneless pinyin, syllables separated by single spaces; non-Han
// characters are kept (Latin letters lower-cased). Returns "" if ICU's
// transliterator is unavailable.
std::string Pinyin(std::string_view utf8);

// Pinyin without spaces ("linzhiyuan"), for matching typed queries.
std::string PinyinCompact(std::string_view utf8);

// PinyinCompact of many names, with one ICU call per distinct character
// (for indexes and exports over a whole graph). ASCII is lower-cased, spaces
// and apostrophes dropped. Not thread-safe: one cache per user.
class PinyinCache {
 public:
  // *han, when given, says whether any character had a reading.
  std::string Compact(std::string_view name, bool* han = nullptr);

 private:
  std::unordered_map<char32_t, std::string> memo_;
};

}  // namespace kgb

#endif  // KGB_UTIL_PINYIN_H_
