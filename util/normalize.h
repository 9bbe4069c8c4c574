// Character normalization for matching: NFKC (full-width forms to ASCII,
// compatibility characters), Traditional to Simplified Chinese, zero-width
// characters removed. NFKC and the removal are per character, so every
// normalized character knows the original character it came from; the
// Traditional -> Simplified step is the default converter of util/t2s.h
// (OpenCC's phrase-aware t2s, or ICU's per-character transliterator), which
// is length-preserving, so it keeps that correspondence.
//
// Two ways to use it:
//   - Per character, without context (Append): line classification, search
//     keys.
//   - Over a run of text with phrase context (Normalize32, or AppendCompat
//     for each character followed by ToSimplified over the run): sentences,
//     lexicon entries, dictionary words. Text and the words matched against
//     it must be normalized the same way, so both use this.
//
// Built once from ICU (the NFKC normalizer) and the converter into flat
// tables; immutable and thread-safe afterwards.
#ifndef KGB_UTIL_NORMALIZE_H_
#define KGB_UTIL_NORMALIZE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/bmp_set.h"
#include "util/status.h"
#include "util/t2s.h"

namespace kgb {

class Normalizer {
 public:
  // The process-wide instance (built on first use).
  static const Normalizer& Get();

  // Appends the normalization of `cp` to *out (possibly nothing, possibly
  // several characters), Traditional characters converted without context.
  void Append(char32_t cp, std::u32string* out) const {
    if (cp < 0x10000) {
      if (single_same_.Contains(cp)) { out->push_back(cp); return; }  // itself, nearly always
      const char32_t s = single_[cp];
      if (!(s & kMultiFlag)) { out->push_back(s); return; }  // one character
    }
    AppendSlow(cp, out);
  }
  // Appends NFKC of `cp` without the zero-width characters, Traditional
  // characters left as they are: ToSimplified converts them afterwards.
  void AppendCompat(char32_t cp, std::u32string* out) const {
    if (cp >= 0x10000 || compat_same_.Contains(cp)) { out->push_back(cp); return; }
    const char32_t s = compat_[cp];
    if (!(s & kMultiFlag)) { out->push_back(s); return; }
    AppendCompatSlow(cp, out);
  }
  // Converts (*text)[from, end) from Traditional to Simplified in place, with
  // phrase context; the length does not change.
  void ToSimplified(std::u32string* text, size_t from = 0) const;
  // Normalizes a whole UTF-8 string (with phrase context).
  std::u32string Normalize32(std::string_view utf8) const;
  std::string Normalize(std::string_view utf8) const;

  // The Traditional -> Simplified converter in use.
  const ScriptConverter& converter() const { return *t2s_; }

  // True if `cp` normalizes to itself.
  bool IsIdentity(char32_t cp) const;

 private:
  // Table entries: kMultiFlag | index into multi_ (or compat_multi_), or
  // kDelete (which has the flag too).
  static constexpr char32_t kMultiFlag = 0x80000000u;
  static constexpr char32_t kDelete = 0xFFFFFFFFu;

  Normalizer();
  void AppendSlow(char32_t cp, std::u32string* out) const;
  void AppendCompatSlow(char32_t cp, std::u32string* out) const;
  // For BMP code points: the single replacement code point, or kMulti with
  // the index of a longer replacement in multi_ (kDelete: removed).
  std::vector<char32_t> single_;
  std::vector<std::u32string> multi_;
  // The same for NFKC alone (Traditional characters kept).
  std::vector<char32_t> compat_;
  std::vector<std::u32string> compat_multi_;
  // BMP code points that single_ (compat_) maps to themselves: 8 KB each,
  // read before the 256 KB tables, which a text then hardly touches.
  BmpSet single_same_, compat_same_;
  std::unique_ptr<const ScriptConverter> t2s_;
};

// UTF-32 <-> UTF-8 helpers used with normalized text.
std::string ToUtf8(std::u32string_view s);
std::u32string ToUtf32(std::string_view s);

}  // namespace kgb

#endif  // KGB_UTIL_NORMALIZE_H_
