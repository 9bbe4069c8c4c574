#include "util/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "util/utf8.h"

namespace kgb {
namespace {

constexpr char32_t kMultiFlag = 0x80000000u;
constexpr char32_t kDelete = 0xFFFFFFFFu;

bool IsZeroWidth(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

std::u32string FromUnicodeString(const icu::UnicodeString& u) {
  std::u32string out;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

}  // namespace

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

std::u32string ToUtf32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len;
    out.push_back(DecodeUtf8(s, i, &len));
    i += len;
  }
  return out;
}

const Normalizer& Normalizer::Get() {
  static const Normalizer* instance = new Normalizer();
  return *instance;
}

Normalizer::Normalizer() : single_(0x10000) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  std::unique_ptr<icu::Transliterator> t2s;
  if (U_SUCCESS(err)) {
    UErrorCode terr = U_ZERO_ERROR;
    t2s.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, terr));
    if (U_FAILURE(terr)) t2s.reset();
  }
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    single_[cp] = cp;
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (IsZeroWidth(cp)) { single_[cp] = kDelete; continue; }
    if (cp < 0x80) continue;
    if (!nfkc) continue;
    icu::UnicodeString u(static_cast<UChar32>(cp));
    UErrorCode e = U_ZERO_ERROR;
    if (nfkc->isNormalized(u, e) && U_SUCCESS(e)) continue;
    e = U_ZERO_ERROR;
    icu::UnicodeString n = nfkc->normalize(u, e);
    if (U_FAILURE(e)) continue;
    std::u32string r = FromUnicodeString(n);
    if (r.size() == 1) {
      single_[cp] = r[0];
    } else if (r.empty()) {
      single_[cp] = kDelete;
    } else {
      single_[cp] = kMultiFlag | static_cast<char32_t>(multi_.size());
      multi_.push_back(r);
    }
  }
  // Traditional -> Simplified over the Han blocks, one call per block; the
  // transliterator maps these characters one to one, which is checked.
  if (t2s) {
    const std::pair<char32_t, char32_t> blocks[] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
    for (auto [lo, hi] : blocks) {
      icu::UnicodeString all;
      std::u32string src;
      for (char32_t cp = lo; cp <= hi; ++cp) {
        char32_t s = single_[cp];
        if (s & kMultiFlag || s == kDelete) continue;
        src.push_back(cp);
        all.append(static_cast<UChar32>(s));
      }
      icu::UnicodeString conv = all;
      t2s->transliterate(conv);
      std::u32string out = FromUnicodeString(conv);
      if (out.size() == src.size()) {
        for (size_t i = 0; i < src.size(); ++i) single_[src[i]] = out[i];
      } else {
        for (char32_t cp : src) {
          icu::UnicodeString one(static_cast<UChar32>(single_[cp]));
          t2s->transliterate(one);
          std::u32string r = FromUnicodeString(one);
          if (r.size() == 1) single_[cp] = r[0];
        }
      }
    }
  }
}

bool Normalizer::IsIdentity(char32_t cp) const { return cp >= 0x10000 || single_[cp] == cp; }

void Normalizer::Append(char32_t cp, std::u32string* out) const {
  if (cp >= 0x10000) { out->push_back(cp); return; }
  char32_t s = single_[cp];
  if (s == kDelete) return;
  if (s & kMultiFlag) { out->append(multi_[s & ~kMultiFlag]); return; }
  out->push_back(s);
}

std::u32string Normalizer::Normalize32(std::string_view utf8) const {
  std::u32string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    size_t len;
    char32_t cp = DecodeUtf8(utf8, i, &len);
    i += len;
    Append(cp, &out);
  }
  return out;
}

std::string Normalizer::Normalize(std::string_view utf8) const { return ToUtf8(Normalize32(utf8)); }

}  // namespace kgb
