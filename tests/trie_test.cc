// The character trie (ingest/trie.h): its lookups against a brute-force
// reading of the same word list, on a tiny table and on a generated list
// large enough to grow its tables (the paged root, the first-character
// bitset, the pair and triple filters, the edge hash).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "ingest/trie.h"
#include "ingest/word_starts.h"

namespace kgb {
namespace {

using Hits = std::vector<std::pair<size_t, int32_t>>;  // (length, value)

// Every word of `words` that starts at text[pos], shortest first (the
// first of equal words wins, as Trie::Add).
size_t Longest(const std::vector<std::u32string>& words) {
  size_t n = 0;
  for (const std::u32string& w : words) n = std::max(n, w.size());
  return n;
}

Hits PrefixesByHand(const std::vector<std::u32string>& words, std::u32string_view text, size_t pos) {
  Hits hits;
  for (size_t len = 1; len <= Longest(words) && pos + len <= text.size(); ++len)
    for (size_t i = 0; i < words.size(); ++i)
      if (text.substr(pos, len) == words[i]) {
        hits.emplace_back(len, static_cast<int32_t>(i));
        break;
      }
  return hits;
}

Hits EndingsByHand(const std::vector<std::u32string>& words, std::u32string_view text, size_t end) {
  Hits hits;
  for (size_t len = 1; len <= Longest(words) && len <= end; ++len)
    for (size_t i = 0; i < words.size(); ++i)
      if (text.substr(end - len, len) == words[i]) {
        hits.emplace_back(len, static_cast<int32_t>(i));
        break;
      }
  return hits;
}

void CheckAgainstHand(const std::vector<std::u32string>& words, const std::u32string& text, size_t reserve = 0) {
  Trie trie;
  trie.Reserve(reserve);
  SuffixTrie suffixes;
  for (size_t i = 0; i < words.size(); ++i) {
    trie.Add(words[i], static_cast<int32_t>(i));
    suffixes.Add(words[i], static_cast<int32_t>(i));
  }
  // A walk (every hit, shortest first) and its longest hit against the
  // hits by hand.
  auto check = [](const Hits& want, const auto& walk, const auto& longest) {
    Hits got;
    walk([&](size_t len, int32_t v) {
      got.emplace_back(len, v);
      return true;
    });
    CHECK(got == want);
    int32_t v = -1;
    size_t len = longest(&v);
    CHECK(len == (want.empty() ? 0 : want.back().first));
    if (!want.empty()) CHECK(v == want.back().second);
  };
  for (size_t pos = 0; pos <= text.size(); ++pos) {
    Hits want = PrefixesByHand(words, text, pos);
    INFO("prefixes at " << pos);
    check(want, [&](auto f) { trie.ForEachPrefix(text, pos, f); },
          [&](int32_t* v) { return trie.LongestAt(text, pos, v); });
    if (pos < text.size() && !want.empty()) CHECK(trie.MayStartWith(text[pos]));
    INFO("endings at " << pos);
    check(EndingsByHand(words, text, pos), [&](auto f) { suffixes.ForEachEndingAt(text, pos, f); },
          [&](int32_t* v) { return suffixes.LongestEndingAt(text, pos, v); });
  }
  for (size_t i = 0; i < words.size(); ++i) {
    int32_t first = static_cast<int32_t>(i);
    for (size_t k = 0; k < i; ++k)
      if (words[k] == words[i]) { first = static_cast<int32_t>(k); break; }
    CHECK(trie.Find(words[i]) == first);
  }
}

TEST_CASE("trie lookups agree with a reading by hand", "[ingest][trie]") {
  // Single characters, shared prefixes, a repeated word (the first value
  // stays), words added after longer words they start (高, 林致, 𠀁), and
  // characters beyond the BMP (𠀀 U+20000).
  const std::vector<std::u32string> words = {U"江",   U"江州",   U"江州市", U"州市", U"高新区", U"新区",
                                             U"江州", U"𠀀",     U"𠀀州",  U"林致远", U"志",   U"高",
                                             U"林致", U"𠀁江州", U"𠀁"};
  const std::u32string texts[] = {U"江州市高新区", U"林致远在江州高新区", U"𠀀州新区", U"", U"无", U"江",
                                  U"区新高州江", U"林致高𠀁江州𠀁", U"高"};
  for (const std::u32string& text : texts) CheckAgainstHand(words, text);
  Trie empty;
  int32_t v;
  CHECK(empty.LongestAt(U"江州", 0, &v) == 0);
  CHECK(!empty.MayStartWith(U'江'));
  CHECK(empty.Find(U"江") == -1);
}

TEST_CASE("trie lookups hold on a list that grows every table", "[ingest][trie]") {
  // 3000 words of two to four characters over a small alphabet: most pairs
  // of characters start a word, many do not.
  const std::u32string alphabet = U"江州高新区林致远华创科技公司园中心市县镇乡";
  std::vector<std::u32string> words;
  uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  for (int i = 0; i < 3000; ++i) {
    std::u32string w;
    size_t len = 2 + next() % 3;
    for (size_t k = 0; k < len; ++k) w.push_back(alphabet[next() % alphabet.size()]);
    words.push_back(w);
  }
  std::u32string text;
  for (int i = 0; i < 300; ++i) text.push_back(alphabet[next() % alphabet.size()]);
  CheckAgainstHand(words, text);
  // The same with the edge table sized ahead, too small and large enough.
  CheckAgainstHand(words, text, 1000);
  CheckAgainstHand(words, text, 10000);
}

TEST_CASE("word lists are searched in one pass, by position then list order", "[ingest][trie]") {
  // Overlapping words and words sharing a first character all come, as
  // repeated find calls would give them; a word beyond the BMP too.
  static const std::u32string_view kWords[] = {U"来到", U"来", U"到江州", U"江州", U"𠀀州"};
  const WordStarts starts(kWords);
  struct Row {
    std::u32string_view text;
    std::vector<std::pair<size_t, size_t>> want;  // (position, index into kWords)
  };
  const std::vector<Row> rows = {
      {U"", {}},
      {U"他们来到江州", {{2, 0}, {2, 1}, {3, 2}, {4, 3}}},
      {U"来来", {{0, 1}, {1, 1}}},
      {U"𠀀州与江", {{0, 4}}},
      {U"无此词", {}},
  };
  for (const Row& r : rows) {
    std::vector<std::pair<size_t, size_t>> got;
    starts.ForEach(r.text, [&](size_t pos, size_t k) { got.emplace_back(pos, k); });
    std::vector<std::pair<size_t, size_t>> by_hand;
    for (size_t pos = 0; pos < r.text.size(); ++pos)
      for (size_t k = 0; k < std::size(kWords); ++k)
        if (r.text.substr(pos, kWords[k].size()) == kWords[k]) by_hand.emplace_back(pos, k);
    CHECK(got == r.want);
    CHECK(got == by_hand);
    CHECK(starts.Contains(r.text) == !by_hand.empty());
    for (size_t pos = 0; pos <= r.text.size(); ++pos) {
      bool here = std::any_of(by_hand.begin(), by_hand.end(), [&](const auto& h) { return h.first == pos; });
      CHECK(starts.AnyAt(r.text, pos) == here);
    }
  }
  CHECK(!WordStarts().Contains(U"来到"));
  // The quick test: a list of BMP words rules out other first characters; a
  // word beyond the BMP turns the test off (every position is compared).
  static const std::u32string_view kBmp[] = {U"来到", U"江州"};
  const WordStarts bmp(kBmp);
  CHECK(bmp.MayStart(U'来'));
  CHECK(!bmp.MayStart(U'无'));
  CHECK(starts.MayStart(U'无'));
}

}  // namespace
}  // namespace kgb
