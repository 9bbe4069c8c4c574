// Trie: a character trie over UTF-32 strings with an integer payload per word.
//
// Build with Add(), then read-only (thread-safe). The root's children live in
// a paged table indexed by BMP code point, deeper edges in one open-addressing
// hash table (one multiply and, mostly, one probe per step; an edge holds its
// child's value, so a step is one read), and a filter over the words' first
// two characters comes before either: a lookup at a position that starts no
// word, or no word longer than one character, costs reads of small bitsets.
#ifndef KGB_INGEST_TRIE_H_
#define KGB_INGEST_TRIE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/bmp_set.h"

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
    if (pos >= text.size()) return;
    const char32_t c0 = text[pos];
    const char32_t c1 = pos + 1 < text.size() ? text[pos + 1] : kNoChar;
    uint32_t node;
    if (!First(c0, c1, &node, [&](int32_t v) { return f(size_t{1}, v); })) return;
    for (size_t i = pos + 1; i < text.size(); ++i) {
      const Edge* e = Lookup(node, text[i]);
      if (!e) return;
      node = e->child;
      if (e->value >= 0 && !f(i - pos + 1, e->value)) return;
    }
  }

  // Calls f(length, value) for every word w whose reverse ends at text[end]:
  // walks text[end - 1], text[end - 2], ... through the trie.
  template <typename F>
  void ForEachBackward(std::u32string_view text, size_t end, F&& f) const {
    if (end == 0 || end > text.size()) return;
    const char32_t c0 = text[end - 1];
    const char32_t c1 = end >= 2 ? text[end - 2] : kNoChar;
    uint32_t node;
    if (!First(c0, c1, &node, [&](int32_t v) { return f(size_t{1}, v); })) return;
    for (size_t i = end - 1; i > 0; --i) {
      const Edge* e = Lookup(node, text[i - 1]);
      if (!e) return;
      node = e->child;
      if (e->value >= 0 && !f(end - i + 1, e->value)) return;
    }
  }

  // False when no word starts with c (a read of a small table): a quick
  // test before the work that only a word starting at c could need.
  bool MayStartWith(char32_t c) const { return c >= 0x10000 || first_.Contains(c); }

  // Longest word starting at text[pos]: its length (0 if none) and value.
  // Inline: recognition calls it at nearly every character, and most calls
  // end at the first step.
  size_t LongestAt(std::u32string_view text, size_t pos, int32_t* value) const {
    if (pos >= text.size() || !MayStartWith(text[pos])) return 0;
    return LongestFrom(text, pos, value);
  }

  size_t size() const { return words_; }
  // Length of the longest word (0 when empty).
  size_t max_length() const { return max_length_; }

 private:
  // LongestAt past the quick test (out of line, so that the test inlines).
  size_t LongestFrom(std::u32string_view text, size_t pos, int32_t* value) const;

  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  // A filter over the words' first two characters (as walked): false means
  // no word starts with c0 c1, and saves the second step's probe of the
  // (large, cache-missing) edge table at most positions of a text.
  size_t PairBit(char32_t c0, char32_t c1) const {
    return static_cast<size_t>((((static_cast<uint64_t>(c0) << 21) | c1) * 0x9E3779B97F4A7C15ull) >> pair_shift_);
  }
  bool MayHavePair(char32_t c0, char32_t c1) const {
    size_t b = PairBit(c0, c1);
    return (pair_bits_[b >> 6] >> (b & 63)) & 1;
  }
  void AddPair(char32_t c0, char32_t c1);

  // The root's BMP children, in pages of 256 code points: a page that no
  // word starts in is the shared empty page 0, so a trie of few words costs
  // a few kilobytes and its root stays in the cache. An entry holds the
  // child's value too (one read for the first step).
  struct RootEntry {
    uint32_t child = kNone;
    int32_t value = -1;
  };
  const RootEntry& RootAt(char32_t c) const { return root_pages_[size_t{root_index_[c >> 8]} * 256 + (c & 0xFF)]; }
  // The first step, from the root by c0 with c1 next (kNoChar: none):
  // false if no word longer than one character starts with c0 c1 (and f was
  // called if c0 is a word); else *node is c0's node, and f(value) was called
  // if c0 is a word (its false result also returns false). The pair filter
  // and the one-character bitset come before the root entry: they reject
  // most positions of a text, and the entry is the likelier cache miss.
  template <typename G>
  bool First(char32_t c0, char32_t c1, uint32_t* node, G&& g) const {
    int32_t v;
    if (c0 < 0x10000) {
      if (!first_.Contains(c0)) return false;
      if (c1 == kNoChar || !MayHavePair(c0, c1)) {  // no longer word: c0 alone, if at all
        if (single_.Contains(c0)) g(RootAt(c0).value);
        return false;
      }
      const RootEntry& r = RootAt(c0);
      *node = r.child;
      v = r.value;
    } else {
      const Edge* e = Lookup(0, c0);
      if (!e) return false;
      if (c1 == kNoChar || !MayHavePair(c0, c1)) {
        if (e->value >= 0) g(e->value);
        return false;
      }
      *node = e->child;
      v = e->value;
    }
    return v < 0 || g(v);
  }
  uint32_t Child(uint32_t node, char32_t c) const {
    if (node == 0 && c < 0x10000) return RootAt(c).child;
    const Edge* e = Lookup(node, c);
    return e ? e->child : kNone;
  }
  static uint64_t Key(uint32_t node, char32_t c) { return (static_cast<uint64_t>(node) << 21) | c; }
  size_t Slot(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  struct Edge {
    uint64_t key;    // (node << 21 | char), or kEmptyKey
    uint32_t child;
    int32_t value;   // the child's value (values_[child]): read with the edge
  };
  // The edge from `node` by c (not from the root by a BMP character), or null.
  const Edge* Lookup(uint32_t node, char32_t c) const {
    const uint64_t key = Key(node, c);
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      const Edge& e = edges_[i];
      if (e.key == key) return &e;
      if (e.key == kEmptyKey) return nullptr;
    }
  }
  void Insert(uint64_t key, uint32_t child, int32_t value);
  // Sets the value of the node reached from `parent` by c, in values_ and
  // where the walks read it (the root entry or the edge).
  void SetValue(uint32_t parent, char32_t c, uint32_t node, int32_t value);
  static constexpr char32_t kNoChar = 0xFFFFFFFFu;  // no character (past the text)
  static constexpr uint64_t kEmptyKey = ~0ull;  // no node reaches 2^43

  std::vector<uint16_t> root_index_;   // BMP page (c >> 8) -> index into root_pages_ (0: empty)
  std::vector<RootEntry> root_pages_;  // 256 entries per page; page 0 stays empty
  BmpSet first_;                       // BMP characters that start a word
  BmpSet single_;                      // BMP characters that are a word
  std::vector<Edge> edges_;     // open addressing, linear probing, load <= 3/4
  size_t mask_ = 0;             // edges_.size() - 1 (a power of two)
  int shift_ = 64;              // 64 - log2(edges_.size())
  size_t num_edges_ = 0;
  std::vector<int32_t> values_;                 // per node; -1 = not a word end
  std::vector<uint64_t> pair_bits_;             // the pair filter, >= 16 bits per pair
  int pair_shift_ = 64;                         // 64 - log2(bits)
  std::vector<std::pair<char32_t, char32_t>> pairs_;  // the distinct pairs, to rebuild the filter
  size_t words_ = 0;
  size_t max_length_ = 0;
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
  size_t LongestEndingAt(std::u32string_view text, size_t end, int32_t* value) const {
    if (end == 0 || end > text.size() || !rev_.MayStartWith(text[end - 1])) return 0;  // the quick test
    size_t best = 0;
    ForEachEndingAt(text, end, [&](size_t len, int32_t v) {
      best = len;
      *value = v;
      return true;
    });
    return best;
  }

 private:
  Trie rev_;
};

}  // namespace kgb

#endif  // KGB_INGEST_TRIE_H_
