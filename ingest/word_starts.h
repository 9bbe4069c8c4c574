// A fixed list of words searched for in a sentence in one pass. A bitmap of
// the words' first characters skips the positions where none can start, so
// a sentence is read once however long the list, instead of once per word.
//
// Occurrences come by position, then in the list's order; overlapping ones
// all come (as repeated std::u32string_view::find calls would give them).
#ifndef KGB_INGEST_WORD_STARTS_H_
#define KGB_INGEST_WORD_STARTS_H_

#include <bitset>
#include <cstddef>
#include <string_view>
#include <vector>

namespace kgb {

class WordStarts {
 public:
  template <size_t N>
  explicit WordStarts(const std::u32string_view (&words)[N]) : words_(words, words + N) {
    for (std::u32string_view w : words_) {
      if (w.empty() || w[0] >= kBits) {
        all_ = true;  // no quick test for these
      } else {
        first_[w[0]] = true;
      }
    }
  }

  // True where some word of the list may start at t[i].
  bool MayStart(char32_t c) const { return all_ || (c < kBits && first_[c]); }

  // Calls f(pos, k) for every occurrence of words()[k] in t.
  template <typename F>
  void ForEach(std::u32string_view t, F&& f) const {
    for (size_t i = 0; i < t.size(); ++i) {
      if (!MayStart(t[i])) continue;
      for (size_t k = 0; k < words_.size(); ++k) {
        std::u32string_view w = words_[k];
        if (t.size() - i >= w.size() && t.compare(i, w.size(), w) == 0) f(i, k);
      }
    }
  }

  const std::vector<std::u32string_view>& words() const { return words_; }

 private:
  static constexpr char32_t kBits = 0x10000;
  std::vector<std::u32string_view> words_;
  std::bitset<kBits> first_;
  bool all_ = false;
};

}  // namespace kgb

#endif  // KGB_INGEST_WORD_STARTS_H_
