// Character normalization for matching: NFKC (full-width forms to ASCII,
// compatibility characters), Traditional to Simplified Chinese, zero-width
// characters removed. The mapping is per character, so every normalized
// character knows the original character it came from.
//
// Built once from ICU (the NFKC normalizer and the Traditional-Simplified
// transliterator) into a flat table; immutable and thread-safe afterwards.
#ifndef KGB_UTIL_NORMALIZE_H_
#define KGB_UTIL_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace kgb {

class Normalizer {
 public:
  // The process-wide instance (built on first use).
  static const Normalizer& Get();

  // Appends the normalization of `cp` to *out (possibly nothing, possibly
  // several characters).
  void Append(char32_t cp, std::u32string* out) const;
  // Normalizes a whole UTF-8 string.
  std::u32string Normalize32(std::string_view utf8) const;
  std::string Normalize(std::string_view utf8) const;

  // True if `cp` normalizes to itself.
  bool IsIdentity(char32_t cp) const;

 private:
  Normalizer();
  // For BMP code points: the single replacement code point, or kMulti with
  // the index of a longer replacement in multi_ (kDelete: removed).
  std::vector<char32_t> single_;
  std::vector<std::u32string> multi_;
};

// UTF-32 <-> UTF-8 helpers used with normalized text.
std::string ToUtf8(std::u32string_view s);
std::u32string ToUtf32(std::string_view s);

}  // namespace kgb

#endif  // KGB_UTIL_NORMALIZE_H_
