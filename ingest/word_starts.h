// A list of words searched for in a text in one pass. A bitmap of the words'
// first characters skips the positions where none can start, so a text is
// read once however long the list, instead of once per word.
//
// Occurrences come by position, then in the list's order; overlapping ones
// all come (as repeated std::u32string_view::find calls would give them).
// The words are views: what they view must outlive the list.
#ifndef KGB_INGEST_WORD_STARTS_H_
#define KGB_INGEST_WORD_STARTS_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "util/bmp_set.h"

namespace kgb {

class WordStarts {
 public:
  WordStarts() = default;  // no words
  explicit WordStarts(std::vector<std::u32string_view> words) : words_(std::move(words)) {
    for (std::u32string_view w : words_) {
      if (w.empty() || w[0] >= kBits) {
        all_ = true;  // no quick test for these
      } else {
        first_.Insert(w[0]);
      }
    }
  }
  template <size_t N>
  explicit WordStarts(const std::u32string_view (&words)[N])
      : WordStarts(std::vector<std::u32string_view>(words, words + N)) {}

  // True where some word of the list may start at t[i].
  bool MayStart(char32_t c) const { return all_ || first_.Contains(c); }

  // Calls f(pos, k) for every occurrence of words()[k] in t.
  template <typename F>
  void ForEach(std::u32string_view t, F&& f) const {
    const bool all = all_;  // (read once: the loop is a sentence long)
    for (size_t i = 0; i < t.size(); ++i) {
      const char32_t c = t[i];
      if (!all && !first_.Contains(c)) continue;
      for (size_t k = 0; k < words_.size(); ++k)
        if (At(t, i, words_[k])) f(i, k);
    }
  }

  // True if some word of the list starts at t[i] (i < t.size()).
  bool AnyAt(std::u32string_view t, size_t i) const {
    if (i >= t.size() || !MayStart(t[i])) return false;
    for (std::u32string_view w : words_)
      if (At(t, i, w)) return true;
    return false;
  }

  // True if some word of the list occurs in t.
  bool Contains(std::u32string_view t) const {
    for (size_t i = 0; i < t.size(); ++i)
      if (AnyAt(t, i)) return true;
    return false;
  }

  const std::vector<std::u32string_view>& words() const { return words_; }

 private:
  static bool At(std::u32string_view t, size_t i, std::u32string_view w) {
    return t.size() - i >= w.size() && t.compare(i, w.size(), w) == 0;
  }

  static constexpr char32_t kBits = 0x10000;
  std::vector<std::u32string_view> words_;
  BmpSet first_;  // first characters of the words
  bool all_ = false;
};

}  // namespace kgb

#endif  // KGB_INGEST_WORD_STARTS_H_
