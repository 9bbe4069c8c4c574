// Wording of messages to users: did-you-mean suggestions for mistyped words
// (subcommands, query commands, options) and counted nouns that agree in
// number ("1 document", "2 documents").
#ifndef KGB_UTIL_MESSAGES_H_
#define KGB_UTIL_MESSAGES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgb {

// Optimal string alignment distance over bytes: the Levenshtein distance
// with adjacent transpositions counted as one edit ("biuld" -> "build" is 1).
size_t TypoDistance(std::string_view a, std::string_view b);

// The candidate the user most likely meant by `word`, or "" when none is
// close enough. A candidate is close when its distance to `word` (ignoring
// ASCII case) is at most 1 for words of up to 3 bytes, 2 up to 6 bytes and 3
// beyond; the closest wins, ties go to the earlier candidate. When nothing
// is that close, a `word` of two or more bytes that begins exactly one
// candidate ("neigh" -> "neighbors") is taken as an abbreviation of it.
//   {"biuld", {build, query}} -> "build"    {"neighbours", ...} -> "neighbors"
//   {"frobnicate", ...} -> ""
std::string ClosestWord(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'WORD'?" when ClosestWord finds one, else "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

// `n` and the noun in the matching number: CountNoun(1, "document") is
// "1 document", CountNoun(2, "document") is "2 documents"; `plural` is used
// instead of singular + "s" when given ("1 entity", "3 entities").
std::string CountNoun(uint64_t n, std::string_view singular, std::string_view plural = {});

}  // namespace kgb

#endif  // KGB_UTIL_MESSAGES_H_
