#include "util/pinyin.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>

#include "util/utf8.h"

namespace kgb {
namespace {

icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t;
  thread_local bool tried = false;
  if (!tried) {
    tried = true;
    UErrorCode err = U_ZERO_ERROR;
    t.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, err));
    if (U_FAILURE(err)) t.reset();
  }
  return t.get();
}

}  // namespace

std::string Pinyin(std::string_view utf8) {
  icu::Transliterator* t = ThreadTransliterator();
  if (!t) return "";
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  t->transliterate(u);
  std::string raw;
  u.toUTF8String(raw);
  // Collapse runs of spaces; Han-Latin separates syllables with one space.
  std::string out;
  for (char c : raw) {
    if (c == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string PinyinCompact(std::string_view utf8) {
  std::string p = Pinyin(utf8);
  std::string out;
  for (char c : p)
    if (c != ' ' && c != '\'') out.push_back(c);
  return out;
}

std::string PinyinCache::Compact(std::string_view name, bool* han) {
  std::string out;
  bool any = false;
  for (size_t i = 0; i < name.size();) {
    size_t len;
    char32_t c = DecodeUtf8(name, i, &len);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
      else if (c != ' ' && c != '\'') out.push_back(static_cast<char>(c));
    } else {
      auto it = memo_.find(c);
      if (it == memo_.end()) it = memo_.emplace(c, PinyinCompact(name.substr(i, len))).first;
      out += it->second;
      any = any || !it->second.empty();
    }
    i += len;
  }
  if (han) *han = any;
  return out;
}

}  // namespace kgb
