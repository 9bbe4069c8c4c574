// UTF-8 <-> UTF-32 conversion (util/normalize.h ToUtf8 / ToUtf32): their
// in-place fast paths against the character-by-character reference
// (util/utf8.h DecodeUtf8 / AppendUtf8), on every length of sequence, the
// edges of the three-byte range and damaged input.
#include <catch2/catch.hpp>

#include <string>

#include "util/normalize.h"
#include "util/utf8.h"

namespace kgb {
namespace {

std::u32string DecodeByHand(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    out.push_back(DecodeUtf8(s, i, &len));
    i += len;
  }
  return out;
}

std::string EncodeByHand(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

TEST_CASE("UTF-8 conversions agree with the reference codec", "[utf8]") {
  const std::string texts[] = {
      "",
      "ASCII 123",
      "\xC2\xA9 \xC3\xA9",                     // two-byte characters
      "江州高新区管委会",                      // three-byte (CJK)
      "\xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBD",  // U+0800, U+D7FF, U+E000, U+FFFD
      "\xF0\xA0\x80\x80州",                    // beyond the BMP
      "\xE0\x80\x80",                          // overlong
      "\xED\xA0\x80",                          // a surrogate
      "\xE6\xB1",                              // truncated at the end
      "\xE6\x41\x42",                          // a lead byte without continuations
      "\x80\xBF\xFF\xFE",                      // stray bytes
  };
  for (const std::string& t : texts) {
    INFO(t);
    const std::u32string want = DecodeByHand(t);
    CHECK(ToUtf32(t) == want);
    CHECK(ToUtf8(want) == EncodeByHand(want));
  }
  const std::u32string odd = {U'a', 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF};
  CHECK(ToUtf8(odd) == EncodeByHand(odd));
  CHECK(ToUtf32(ToUtf8(odd)) == odd);
}

}  // namespace
}  // namespace kgb
