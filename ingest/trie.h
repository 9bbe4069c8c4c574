// Trie: a character trie over UTF-32 strings with an integer payload per word.
//
// Build with Add(), then read-only (thread-safe). The root's children live in
// a flat table indexed by BMP code point, deeper edges in one hash map, so a
// lookup at a position that starts no word costs one array read.
#ifndef KGB_INGEST_TRIE_H_
#define KGB_INGEST_TRIE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kgb {

class Trie {
 public:
  Trie();

  // Adds `word` with `value` (>= 0); a second Add of the same word keeps the
  // first value. Empty words are ignored.
  void Add(std::u32string_view word, int32_t value);

  // Value of exactly `word`, or -1.
  int32_t Find(std::u32string_view word) const;

  // Calls f(length, value) for every word that starts at text[pos], shortest
  // first. Returns nothing; stop early by returning false from f.
  template <typename F>
  void ForEachPrefix(std::u32string_view text, size_t pos, F&& f) const {
    uint32_t node = 0;
    for (size_t i = pos; i < text.size(); ++i) {
      node = Child(node, text[i]);
      if (node == kNone) return;
      int32_t v = values_[node];
      if (v >= 0 && !f(i - pos + 1, v)) return;
    }
  }

  // Calls f(length, value) for every word w whose reverse ends at text[end]:
  // walks text[end - 1], text[end - 2], ... through the trie.
  template <typename F>
  void ForEachBackward(std::u32string_view text, size_t end, F&& f) const {
    uint32_t node = 0;
    for (size_t i = end; i > 0; --i) {
      node = Child(node, text[i - 1]);
      if (node == kNone) return;
      int32_t v = values_[node];
      if (v >= 0 && !f(end - i + 1, v)) return;
    }
  }

  // Longest word starting at text[pos]: its length (0 if none) and value.
  size_t LongestAt(std::u32string_view text, size_t pos, int32_t* value) const;

  size_t size() const { return words_; }

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  uint32_t Child(uint32_t node, char32_t c) const {
    if (node == 0) return c < 0x10000 ? root_[c] : Lookup(node, c);
    return Lookup(node, c);
  }
  uint32_t Lookup(uint32_t node, char32_t c) const {
    auto it = edges_.find((static_cast<uint64_t>(node) << 21) | c);
    return it == edges_.end() ? kNone : it->second;
  }

  std::vector<uint32_t> root_;                  // BMP child of the root
  std::unordered_map<uint64_t, uint32_t> edges_;  // (node << 21 | char) -> child
  std::vector<int32_t> values_;                 // per node; -1 = not a word end
  size_t words_ = 0;
};

// The same trie over reversed words: finds the words that end at a position.
class SuffixTrie {
 public:
  void Add(std::u32string_view word, int32_t value);
  // Calls f(length, value) for every word that ends right before text[end]
  // (i.e. occupies [end - length, end)), shortest first.
  template <typename F>
  void ForEachEndingAt(std::u32string_view text, size_t end, F&& f) const {
    rev_.ForEachBackward(text, end, f);
  }
  size_t LongestEndingAt(std::u32string_view text, size_t end, int32_t* value) const;

 private:
  Trie rev_;
};

}  // namespace kgb

#endif  // KGB_INGEST_TRIE_H_
