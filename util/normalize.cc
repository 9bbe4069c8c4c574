#include "util/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <memory>

#include "util/utf8.h"

namespace kgb {
namespace {

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
  // Written in place, without a size check per byte: names and evidence
  // are converted in every sentence.
  std::string out(s.size() * 4, '\0');
  size_t n = 0;
  for (char32_t cp : s) n += EncodeUtf8(cp, out.data() + n);
  out.resize(n);
  return out;
}

std::u32string ToUtf32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const unsigned char* u = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = u[i];
    if (b < 0x80) {  // ASCII and well-formed three-byte characters here; the rest as DecodeUtf8 reads it
      out.push_back(b);
      ++i;
    } else if (b >= 0xE1 && b <= 0xEF && b != 0xED && i + 3 <= s.size() && (u[i + 1] & 0xC0) == 0x80 &&
               (u[i + 2] & 0xC0) == 0x80) {
      out.push_back((static_cast<char32_t>(b & 0x0F) << 12) | (static_cast<char32_t>(u[i + 1] & 0x3F) << 6) |
                    (u[i + 2] & 0x3F));
      i += 3;
    } else {
      size_t len;
      out.push_back(DecodeUtf8(s, i, &len));
      i += len;
    }
  }
  return out;
}

const Normalizer& Normalizer::Get() {
  static const Normalizer* instance = new Normalizer();
  return *instance;
}

Normalizer::Normalizer() : single_(0x10000), compat_(0x10000) {
  // The default converter; ICU's if that fails (it cannot with the
  // dictionaries embedded at build time, short of a broken build).
  if (!ScriptConverter::Create(ScriptConverter::Default(), &t2s_).ok() || !t2s_) {
    t2s_.reset();
    ScriptConverter::Create(ScriptConverterKind::kIcu, &t2s_);
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) nfkc = nullptr;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    compat_[cp] = cp;
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (IsZeroWidth(cp)) { compat_[cp] = kDelete; continue; }
    if (cp < 0x80) continue;
    if (!nfkc) continue;
    if (nfkc->isInert(static_cast<UChar32>(cp))) continue;  // unchanged by NFKC (a table read; most code points)
    icu::UnicodeString u(static_cast<UChar32>(cp));
    UErrorCode e = U_ZERO_ERROR;
    if (nfkc->isNormalized(u, e) && U_SUCCESS(e)) continue;
    e = U_ZERO_ERROR;
    icu::UnicodeString n = nfkc->normalize(u, e);
    if (U_FAILURE(e)) continue;
    std::u32string r = FromUnicodeString(n);
    if (r.size() == 1) {
      compat_[cp] = r[0];
    } else if (r.empty()) {
      compat_[cp] = kDelete;
    } else {
      compat_[cp] = kMultiFlag | static_cast<char32_t>(compat_multi_.size());
      compat_multi_.push_back(r);
    }
  }
  // NFKC, then the converter's context-free form of a single character
  // (several characters from NFKC are left as NFKC made them).
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    char32_t c = compat_[cp];
    if (c == kDelete) {
      single_[cp] = kDelete;
    } else if (c & kMultiFlag) {
      single_[cp] = kMultiFlag | static_cast<char32_t>(multi_.size());
      multi_.push_back(compat_multi_[c & ~kMultiFlag]);
    } else {
      single_[cp] = t2s_ ? t2s_->Char(c) : c;
    }
  }
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (single_[cp] == cp) single_same_.Insert(cp);
    if (compat_[cp] == cp) compat_same_.Insert(cp);
  }
}

bool Normalizer::IsIdentity(char32_t cp) const { return cp >= 0x10000 || single_[cp] == cp; }

void Normalizer::AppendSlow(char32_t cp, std::u32string* out) const {
  if (cp >= 0x10000) { out->push_back(t2s_ ? t2s_->Char(cp) : cp); return; }
  char32_t s = single_[cp];
  if (s == kDelete) return;
  out->append(multi_[s & ~kMultiFlag]);
}

void Normalizer::AppendCompatSlow(char32_t cp, std::u32string* out) const {
  char32_t s = compat_[cp];
  if (s == kDelete) return;
  out->append(compat_multi_[s & ~kMultiFlag]);
}

void Normalizer::ToSimplified(std::u32string* text, size_t from) const {
  if (t2s_ && from < text->size()) t2s_->Convert(text->data() + from, text->size() - from);
}

std::u32string Normalizer::Normalize32(std::string_view utf8) const {
  std::u32string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    size_t len;
    char32_t cp = DecodeUtf8(utf8, i, &len);
    i += len;
    AppendCompat(cp, &out);
  }
  ToSimplified(&out);
  return out;
}

std::string Normalizer::Normalize(std::string_view utf8) const { return ToUtf8(Normalize32(utf8)); }

}  // namespace kgb
