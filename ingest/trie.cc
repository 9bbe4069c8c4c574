#include "ingest/trie.h"

#include <algorithm>

namespace kgb {

Trie::Trie()
    : root_index_(256, 0), root_pages_(256), edges_(16, Edge{kEmptyKey, 0, -1}), mask_(15),
      shift_(60), values_(1, -1) {}

void Trie::KeyFilter::Add(uint64_t key) {
  keys_.push_back(key);
  if (keys_.size() * 16 > bits_.size() * 64) {  // grow: keep >= 16 bits per key
    bits_.assign(bits_.size() * 2, 0);
    --shift_;
    for (uint64_t k : keys_) {
      size_t b = Bit(k);
      bits_[b >> 6] |= uint64_t{1} << (b & 63);
    }
    return;
  }
  size_t b = Bit(key);
  bits_[b >> 6] |= uint64_t{1} << (b & 63);
}

void Trie::Reserve(size_t edges) {
  size_t size = edges_.size();
  while (edges * 4 > size * 3) size *= 2;
  if (size > edges_.size()) Rehash(size);
}

void Trie::Rehash(size_t size) {
  std::vector<Edge> old(size, Edge{kEmptyKey, 0, -1});
  old.swap(edges_);
  mask_ = edges_.size() - 1;
  shift_ = 64;
  for (size_t n = edges_.size(); n > 1; n >>= 1) --shift_;
  num_edges_ = 0;
  for (const Edge& e : old)
    if (e.key != kEmptyKey) Insert(e.key, e.child, e.value);
}

void Trie::Insert(uint64_t key, uint32_t child, int32_t value) {
  if ((num_edges_ + 1) * 4 > edges_.size() * 3) {  // grow: keep the load at most 3/4
    Rehash(edges_.size() * 2);
  }
  size_t i = Slot(key);
  while (edges_[i].key != kEmptyKey) i = (i + 1) & mask_;
  edges_[i] = Edge{key, child, value};
  ++num_edges_;
}

void Trie::SetValue(uint32_t parent, char32_t c, uint32_t node, int32_t value) {
  values_[node] = value;
  if (parent == 0 && c < 0x10000) {
    root_pages_[size_t{root_index_[c >> 8]} * 256 + (c & 0xFF)].value = value;
    single_.Insert(c);
    return;
  }
  const uint64_t key = Key(parent, c);
  for (size_t i = Slot(key);; i = (i + 1) & mask_) {
    if (edges_[i].key == key) {
      edges_[i].value = value;
      return;
    }
  }
}

void Trie::Add(std::u32string_view word, int32_t value) {
  if (word.empty()) return;
  uint32_t node = 0, parent = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const char32_t c = word[i];
    parent = node;
    uint32_t next = Child(node, c);
    if (next == kNone) {
      if (i == 1) pairs_.Add(PairKey(word[0], c));  // a new node at depth 2: a new pair
      if (i == 2) triples_.Add(TripleKey(word[0], word[1], c));
      next = static_cast<uint32_t>(values_.size());
      values_.push_back(-1);
      if (node == 0 && c < 0x10000) {
        uint16_t& page = root_index_[c >> 8];
        if (page == 0) {
          page = static_cast<uint16_t>(root_pages_.size() / 256);
          root_pages_.resize(root_pages_.size() + 256);
        }
        root_pages_[size_t{page} * 256 + (c & 0xFF)].child = next;
        first_.Insert(c);
      } else {
        Insert(Key(node, c), next, -1);
      }
    }
    node = next;
  }
  if (values_[node] < 0) {
    SetValue(parent, word.back(), node, value);
    if (word.size() == 2) pair_words_.Add(PairKey(word[0], word[1]));
    ++words_;
    max_length_ = std::max(max_length_, word.size());
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

size_t Trie::LongestFrom(std::u32string_view text, size_t pos, int32_t* value) const {
  size_t best = 0;
  ForEachPrefix(text, pos, [&](size_t len, int32_t v) {
    best = len;
    *value = v;
    return true;
  });
  return best;
}

}  // namespace kgb
