// Trie: a character trie over UTF-32 strings with an integer payload per word.
//
// Build with Add(), then read-only (thread-safe). The root's children live in
// a paged table indexed by BMP code point, deeper edges in one open-addressing
// hash table (one multiply and, mostly, one probe per step; an edge holds its
// child's value, so a step is one read), and filters over the words' first
// two and three characters come before either: a lookup at a position that
// starts no word, or no word longer than one or two characters, costs reads
// of small bitsets.
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
  // Sizes the edge table for about `edges` edges (characters past the first
  // of the words to come), so that a long list is added without regrowing it.
  void Reserve(size_t edges);

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
    const char32_t c2 = pos + 2 < text.size() ? text[pos + 2] : kNoChar;
    if (!Second(c0, c1, c2, &node, [&](int32_t v) { return f(size_t{2}, v); })) return;
    for (size_t i = pos + 2; i < text.size(); ++i) {
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
    const char32_t c2 = end >= 3 ? text[end - 3] : kNoChar;
    if (!Second(c0, c1, c2, &node, [&](int32_t v) { return f(size_t{2}, v); })) return;
    for (size_t i = end - 2; i > 0; --i) {
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
  // A one-hash Bloom filter over 64-bit keys, at least 16 bits per key
  // (about 6% false positives), rebuilt from the kept keys as it grows.
  class KeyFilter {
   public:
    void Add(uint64_t key);
    bool MayContain(uint64_t key) const {
      size_t b = Bit(key);
      return (bits_[b >> 6] >> (b & 63)) & 1;
    }

   private:
    size_t Bit(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
    std::vector<uint64_t> bits_ = std::vector<uint64_t>(1, 0);
    int shift_ = 58;              // 64 - log2(bits)
    std::vector<uint64_t> keys_;  // the distinct keys, to rebuild the bits
  };
  static uint64_t PairKey(char32_t c0, char32_t c1) { return (static_cast<uint64_t>(c0) << 21) | c1; }
  static uint64_t TripleKey(char32_t c0, char32_t c1, char32_t c2) { return (PairKey(c0, c1) << 21) | c2; }

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
      if (c1 == kNoChar || !pairs_.MayContain(PairKey(c0, c1))) {  // no longer word: c0 alone, if at all
        if (single_.Contains(c0)) g(RootAt(c0).value);
        return false;
      }
      const RootEntry& r = RootAt(c0);
      *node = r.child;
      v = r.value;
    } else {
      const Edge* e = Lookup(0, c0);
      if (!e) return false;
      if (c1 == kNoChar || !pairs_.MayContain(PairKey(c0, c1))) {
        if (e->value >= 0) g(e->value);
        return false;
      }
      *node = e->child;
      v = e->value;
    }
    return v < 0 || g(v);
  }
  // The second step, from c0's node by c1 with c2 next: the same, with the
  // filter over the words' first three characters before the edge table.
  // When no word longer than two starts with c0 c1 c2, the edge is read only
  // if c0 c1 may be a word itself.
  template <typename G>
  bool Second(char32_t c0, char32_t c1, char32_t c2, uint32_t* node, G&& g) const {
    if (c2 == kNoChar || !triples_.MayContain(TripleKey(c0, c1, c2))) {
      if (pair_words_.MayContain(PairKey(c0, c1)))
        if (const Edge* e = Lookup(*node, c1); e && e->value >= 0) g(e->value);
      return false;
    }
    const Edge* e = Lookup(*node, c1);
    if (!e) return false;
    *node = e->child;
    return e->value < 0 || g(e->value);
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
  void Rehash(size_t size);  // moves the edges into a table of `size` (a power of two)
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
  // Filters over the words' first two and three characters, and over the
  // words of two: false means none, and saves a probe of the (large,
  // cache-missing) edge table at most positions of a text.
  KeyFilter pairs_;
  KeyFilter triples_;
  KeyFilter pair_words_;
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
