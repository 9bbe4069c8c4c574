// Small UTF-8 helpers shared by every layer. All functions are total: invalid
// bytes decode as U+FFFD with a length of one byte, so callers never loop
// forever on malformed input.
#ifndef KGB_UTIL_UTF8_H_
#define KGB_UTIL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgb {

// Decodes the code point at s[i]; stores its byte length in *len (>= 1).
char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len);

// Writes the UTF-8 encoding of cp at out (room for 4 bytes); returns its length.
inline size_t EncodeUtf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Appends the UTF-8 encoding of cp to *out.
void AppendUtf8(char32_t cp, std::string* out);

// True for a byte that continues a UTF-8 sequence (no character starts there).
inline bool IsUtf8Continuation(char b) { return (static_cast<unsigned char>(b) & 0xC0) == 0x80; }

// Byte length of the UTF-8 sequence that starts with lead byte b (1 for
// continuation or invalid bytes).
inline size_t Utf8SeqLen(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b >> 5) == 0x6) return 2;
  if ((b >> 4) == 0xE) return 3;
  if ((b >> 3) == 0x1E) return 4;
  return 1;
}

// True when s is well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF).
bool IsValidUtf8(std::string_view s);

// s with every byte that does not start a well-formed sequence replaced by
// U+FFFD (s itself when it is valid).
std::string ScrubUtf8(std::string_view s);

// Number of code points in s.
size_t CountChars(std::string_view s);

// Display width for terminals: East Asian wide and full-width characters count
// two columns, everything else one.
size_t DisplayWidth(std::string_view s);

// True for CJK unified ideographs (the BMP block and extension A).
inline bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

// Removes ASCII and ideographic white space from both ends.
std::string_view Trim(std::string_view s);

// The string with ASCII letters lower-cased (other bytes unchanged).
std::string AsciiLower(std::string_view s);

// The fields of `s` between the separators (empty fields kept).
std::vector<std::string_view> SplitOn(std::string_view s, char sep);

}  // namespace kgb

#endif  // KGB_UTIL_UTF8_H_
