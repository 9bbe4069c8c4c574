#include "util/t2s.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <utility>
#include <vector>

namespace kgb {

#ifdef KGB_HAVE_OPENCC
// util/t2s_opencc.cc
Status CreateOpenCCConverter(std::unique_ptr<const ScriptConverter>* out);
#endif

namespace {

// ICU's Traditional-Simplified transliterator, tabulated over the Han blocks
// of the BMP (one call per block; the transliterator maps these characters
// one to one, which is checked).
class IcuConverter : public ScriptConverter {
 public:
  Status Init() {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t2s(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, err));
    if (U_FAILURE(err) || !t2s) return Status::Unsupported(std::string("ICU Traditional-Simplified: ") + u_errorName(err));
    table_.resize(0x10000);
    for (char32_t c = 0; c < 0x10000; ++c) table_[c] = static_cast<char16_t>(c);
    const std::pair<char32_t, char32_t> blocks[] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
    for (auto [lo, hi] : blocks) {
      icu::UnicodeString all;
      for (char32_t c = lo; c <= hi; ++c) all.append(static_cast<UChar>(c));
      t2s->transliterate(all);
      if (all.length() == static_cast<int32_t>(hi - lo + 1) && all.countChar32() == all.length()) {
        for (char32_t c = lo; c <= hi; ++c) table_[c] = all.charAt(static_cast<int32_t>(c - lo));
        continue;
      }
      for (char32_t c = lo; c <= hi; ++c) {
        icu::UnicodeString one(static_cast<UChar>(c));
        t2s->transliterate(one);
        if (one.length() == 1) table_[c] = one.charAt(0);
      }
    }
    return Status::OK();
  }

  ScriptConverterKind kind() const override { return ScriptConverterKind::kIcu; }
  char32_t Char(char32_t c) const override { return c < 0x10000 ? table_[c] : c; }
  void Convert(char32_t* text, size_t n) const override {
    for (size_t i = 0; i < n; ++i) text[i] = Char(text[i]);
  }

 private:
  std::vector<char16_t> table_;
};

}  // namespace

Status ScriptConverter::Create(ScriptConverterKind kind, std::unique_ptr<const ScriptConverter>* out) {
  if (kind == ScriptConverterKind::kOpenCC) {
#ifdef KGB_HAVE_OPENCC
    return CreateOpenCCConverter(out);
#else
    return Status::Unsupported("kgb was built without OpenCC (install libopencc-dev, then run cmake again)");
#endif
  }
  auto icu = std::make_unique<IcuConverter>();
  KGB_RETURN_IF_ERROR(icu->Init());
  *out = std::move(icu);
  return Status::OK();
}

ScriptConverterKind ScriptConverter::Default() {
#ifdef KGB_T2S_DEFAULT_OPENCC
  return ScriptConverterKind::kOpenCC;
#else
  return ScriptConverterKind::kIcu;
#endif
}

bool ScriptConverter::Available(ScriptConverterKind kind) {
#ifdef KGB_HAVE_OPENCC
  return true;
#else
  return kind == ScriptConverterKind::kIcu;
#endif
}

std::string_view ScriptConverter::KindName(ScriptConverterKind kind) {
  return kind == ScriptConverterKind::kOpenCC ? "opencc" : "icu";
}

bool ScriptConverter::ParseKind(std::string_view name, ScriptConverterKind* kind) {
  if (name == "icu") { *kind = ScriptConverterKind::kIcu; return true; }
  if (name == "opencc") { *kind = ScriptConverterKind::kOpenCC; return true; }
  return false;
}

}  // namespace kgb
