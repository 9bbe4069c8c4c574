// Traditional -> Simplified Chinese for matching, behind one interface with
// two implementations:
//
//   kIcu     ICU's Traditional-Simplified transliterator, one character at a
//            time without context: 乾 is always 干, 著 always 着, 瞭 always 了,
//            also inside Simplified words (乾隆, 著名, 瞭望, 俱乐部 -> 具乐部).
//   kOpenCC  OpenCC's t2s conversion (Debian libopencc-dev; its dictionaries
//            come with libopencc1.1 and are embedded at build time): at each
//            position the longest phrase of TSPhrases that starts there is
//            replaced by its Simplified form, every other character by
//            TSCharacters' first choice. Phrase-aware where the dictionaries
//            know the phrase (乾隆 and 乾坤 stay, 乾淨 -> 干净; 瞭解 -> 了解 but
//            瞭望 stays; 答覆 -> 答复); a character that is also Simplified
//            keeps its form (著名, 俱乐部, 大阪). One addition to t2s: 著,
//            which t2s never changes, follows OpenCC's Taiwan variant rule
//            (TWVariantsRev, TWVariantsRevPhrases): the particle 着 (隨著 ->
//            随着) except in the phrases that rule lists (著名, 顯著 and its
//            Simplified spelling 显著, 名著, 著作, ...). Otherwise exactly what
//            OpenCC's own converter returns with t2s.json, without its UTF-8
//            round trip and over a hundred times faster (tests compare the
//            two).
//
// The default (Default()) is kOpenCC when kgb is built with OpenCC (CMake
// option KGB_T2S: auto, opencc or icu) and kIcu otherwise; docs/design.md
// records the comparison that chose it.
//
// Contract of every implementation:
//   - Length-preserving per character: Convert() replaces text[i] by the
//     Simplified form of text[i] in its context and never inserts, deletes or
//     reorders characters, so an offset into the converted text is the same
//     offset into its input (the layout stage's Sentence::src map and every
//     mention's evidence survive unchanged). Dictionary entries whose
//     Simplified form has another length are left out on loading (t2s has
//     none; the Taiwan phrase dictionary of tw2sp would, 計程車 -> 出租车 is
//     fine but 沙烏地阿拉伯 -> 沙特阿拉伯 is not, which is one reason it is
//     not used).
//   - Only Han characters change; punctuation, spaces, Latin letters and
//     digits pass through.
//   - Simplified text passes through almost unchanged (characters that
//     exist in both scripts are what the implementations differ on).
//   - Char(c) is the context-free form of c: Convert() of a one-character
//     text.
//
// Built once (Create), then immutable and thread-safe.
#ifndef KGB_UTIL_T2S_H_
#define KGB_UTIL_T2S_H_

#include <memory>
#include <string>
#include <string_view>

#include "util/status.h"

namespace kgb {

enum class ScriptConverterKind { kIcu, kOpenCC };

class ScriptConverter {
 public:
  virtual ~ScriptConverter() = default;

  // Builds a converter of `kind`. Fails if kgb was built without OpenCC and
  // kOpenCC is asked for, or if a dictionary does not load.
  static Status Create(ScriptConverterKind kind, std::unique_ptr<const ScriptConverter>* out);
  // The kind the normalizer uses (util/normalize.h).
  static ScriptConverterKind Default();
  // Whether Create(kind) can succeed in this build.
  static bool Available(ScriptConverterKind kind);
  // "icu" or "opencc"; ParseKind accepts the same names.
  static std::string_view KindName(ScriptConverterKind kind);
  static bool ParseKind(std::string_view name, ScriptConverterKind* kind);

  virtual ScriptConverterKind kind() const = 0;
  // The Simplified form of `c` without context.
  virtual char32_t Char(char32_t c) const = 0;
  // Converts text[0, n) in place (see the contract above).
  virtual void Convert(char32_t* text, size_t n) const = 0;
  void Convert(std::u32string* text) const { Convert(text->data(), text->size()); }
};

// OpenCC's own t2s configuration (its t2s.json with the dictionaries it
// names), for checking the tabulated converter against OpenCC's library:
// opencc::Config().NewFromString(kOpenCCLibraryT2s, DICT_DIR "/").
inline constexpr const char* kOpenCCLibraryT2s = R"({"name": "t2s",
  "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "TSPhrases.ocd2"}},
  "conversion_chain": [{"dict": {"type": "group", "dicts": [
    {"type": "ocd2", "file": "TSPhrases.ocd2"}, {"type": "ocd2", "file": "TSCharacters.ocd2"}]}}]})";

}  // namespace kgb

#endif  // KGB_UTIL_T2S_H_
