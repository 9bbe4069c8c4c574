#include "ingest/trie.h"

#include <algorithm>

namespace kgb {

Trie::Trie() : root_(0x10000, kNone), values_(1, -1) {}

void Trie::Add(std::u32string_view word, int32_t value) {
  if (word.empty()) return;
  uint32_t node = 0;
  for (char32_t c : word) {
    uint32_t next = Child(node, c);
    if (next == kNone) {
      next = static_cast<uint32_t>(values_.size());
      values_.push_back(-1);
      if (node == 0 && c < 0x10000) {
        root_[c] = next;
      } else {
        edges_.emplace((static_cast<uint64_t>(node) << 21) | c, next);
      }
    }
    node = next;
  }
  if (values_[node] < 0) {
    values_[node] = value;
    ++words_;
  }
}

int32_t Trie::Find(std::u32string_view word) const {
  if (word.empty()) return -1;
  uint32_t node = 0;
  for (char32_t c : word) {
    node = Child(node, c);
    if (node == kNone) return -1;
  }
  return values_[node];
}

size_t Trie::LongestAt(std::u32string_view text, size_t pos, int32_t* value) const {
  size_t best = 0;
  ForEachPrefix(text, pos, [&](size_t len, int32_t v) {
    best = len;
    *value = v;
    return true;
  });
  return best;
}

void SuffixTrie::Add(std::u32string_view word, int32_t value) {
  std::u32string r(word.rbegin(), word.rend());
  rev_.Add(r, value);
}

size_t SuffixTrie::LongestEndingAt(std::u32string_view text, size_t end, int32_t* value) const {
  size_t best = 0;
  ForEachEndingAt(text, end, [&](size_t len, int32_t v) {
    best = len;
    *value = v;
    return true;
  });
  return best;
}

}  // namespace kgb
