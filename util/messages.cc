#include "util/messages.h"

#include <algorithm>
#include <cctype>

#include "util/utf8.h"

namespace kgb {

size_t TypoDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  // Three rows: i-2, i-1, i (the transposition looks two rows back).
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::string ClosestWord(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty()) return "";
  const std::string w = AsciiLower(word);
  const size_t limit = w.size() <= 3 ? 1 : w.size() <= 6 ? 2 : 3;
  const std::string* best = nullptr;
  size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    size_t d = TypoDistance(w, AsciiLower(c));
    if (d < best_distance) {
      best_distance = d;
      best = &c;
    }
  }
  if (best) return *best;
  if (w.size() < 2) return "";
  const std::string* prefix_of = nullptr;
  for (const std::string& c : candidates) {
    if (c.size() > w.size() && AsciiLower(c).compare(0, w.size(), w) == 0) {
      if (prefix_of) return "";  // several: no guess
      prefix_of = &c;
    }
  }
  return prefix_of ? *prefix_of : "";
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string c = ClosestWord(word, candidates);
  return c.empty() ? "" : "; did you mean '" + c + "'?";
}

std::string CountNoun(uint64_t n, std::string_view singular, std::string_view plural) {
  std::string out = std::to_string(n) + " ";
  if (n == 1) return out.append(singular);
  if (!plural.empty()) return out.append(plural);
  return out.append(singular).append("s");
}

}  // namespace kgb
