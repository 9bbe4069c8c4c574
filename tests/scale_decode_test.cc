// The one-pass UTF-8 check of DecodeText (the fast path of every page).
#include <string>

#include <catch2/catch.hpp>

#include "ingest/decode.h"
#include "util/utf8.h"

namespace kgb {
namespace {

TEST_CASE("clean UTF-8 is taken as is; anything else never comes out as raw bytes", "[scale][decode]") {
  struct Case {
    std::string bytes;
    bool clean;  // well-formed UTF-8 without NUL
  };
  const Case cases[] = {
      {"plain ascii text", true},
      {"青岚高新区会见", true},
      {"mixed 中文 and é and \xF0\x9F\x98\x80 (U+1F600)", true},
      {"\xF4\x8F\xBF\xBF max U+10FFFF", true},
      {"\xEF\xBF\xBD replacement char", true},
      {"overlong \xE0\x80\xAF slash", false},
      {"overlong \xC0\xAF two", false},
      {"surrogate \xED\xA0\x80 here", false},
      {"past max \xF4\x90\x80\x80 here", false},
      {"overlong four \xF0\x80\x80\xAF", false},
      {"stray continuation \x80 byte", false},
      {"truncated at end \xE4\xB8", false},
      {"truncated four \xF0\x9F\x98", false},
      {std::string("nul \0 inside", 12), false},
      {"lead F5 \xF5\x80\x80\x80 byte", false},
  };
  for (const Case& c : cases) {
    INFO(c.bytes);
    DecodedText t;
    Status s = DecodeText(c.bytes, "case", &t);
    if (c.clean) {
      REQUIRE(s.ok());
      CHECK(t.encoding == Encoding::kUtf8);
      CHECK(t.text == c.bytes);
      CHECK(t.runs.empty());
    } else if (s.ok()) {
      CHECK(IsValidUtf8(t.text));
      CHECK(t.text != c.bytes);
      CHECK(t.OrigOffset(t.text.size()) == c.bytes.size());
    }
  }
}

}  // namespace
}  // namespace kgb
