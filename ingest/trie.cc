#include "ingest/trie.h"

#include <algorithm>

namespace kgb {

Trie::Trie() : root_(0x10000, kNone), edges_(16, Edge{kEmptyKey, 0}), mask_(15), shift_(60), values_(1, -1) {}

void Trie::Insert(uint64_t key, uint32_t child) {
  if ((num_edges_ + 1) * 2 > edges_.size()) {  // grow: keep the load at most 1/2
    std::vector<Edge> old(edges_.size() * 2, Edge{kEmptyKey, 0});
    old.swap(edges_);
    mask_ = edges_.size() - 1;
    --shift_;
    num_edges_ = 0;
    for (const Edge& e : old)
      if (e.key != kEmptyKey) Insert(e.key, e.child);
  }
  size_t i = Slot(key);
  while (edges_[i].key != kEmptyKey) i = (i + 1) & mask_;
  edges_[i] = Edge{key, child};
  ++num_edges_;
}

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
        Insert(Key(node, c), next);
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

void SuffixTrie::Add(std::u32string_view word, int32_t value) {
  std::u32string r(word.rbegin(), word.rend());
  rev_.Add(r, value);
}

}  // namespace kgb
