// The OpenCC implementation of util/t2s.h: OpenCC's t2s dictionaries
// (TSPhrases, TSCharacters) and the 著 entries of its Taiwan variant
// dictionaries (TWVariantsRev, TWVariantsRevPhrases), embedded at build time
// (util/opencc_dicts.cc.in), read through OpenCC's own reader and tabulated
// over UTF-32.
#include <opencc/DictEntry.hpp>
#include <opencc/Exception.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <vector>

#include "util/bmp_set.h"
#include "util/normalize.h"
#include "util/t2s.h"

namespace kgb {

// util/opencc_dicts.cc (generated)
std::string_view EmbeddedOpenCCPhrases();
std::string_view EmbeddedOpenCCCharacters();
std::string_view EmbeddedOpenCCTaiwanPhrases();
std::string_view EmbeddedOpenCCTaiwanCharacters();

namespace {

const std::u32string kZhu = U"著";

// Han characters only: the contract lets nothing else change.
bool IsHan(char32_t c) { return c >= 0x2E80 && !(c >= 0xFF00 && c <= 0xFFEF); }

bool AllHan(const std::u32string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char32_t c) { return IsHan(c); });
}

// Reads an .ocd2 dictionary from memory into (Traditional, Simplified)
// pairs, the Simplified form being OpenCC's default (first) value.
Status ReadDict(std::string_view blob, const char* name, std::vector<std::pair<std::u32string, std::u32string>>* out) {
  FILE* fp = fmemopen(const_cast<char*>(blob.data()), blob.size(), "rb");
  if (!fp) return Status::IOError(std::string("OpenCC dictionary ") + name + ": cannot open the embedded copy");
  try {
    opencc::MarisaDictPtr dict = opencc::MarisaDict::NewFromFile(fp);
    std::fclose(fp);
    fp = nullptr;
    for (const auto& entry : *dict->GetLexicon())
      out->emplace_back(ToUtf32(entry->Key()), ToUtf32(entry->GetDefault()));
  } catch (const std::exception& e) {
    if (fp) std::fclose(fp);
    return Status::Corrupt(std::string("OpenCC dictionary ") + name + ": " + e.what());
  }
  if (out->empty()) return Status::Corrupt(std::string("OpenCC dictionary ") + name + ": empty");
  return Status::OK();
}

class OpenCCConverter : public ScriptConverter {
 public:
  Status Init() {
    std::vector<std::pair<std::u32string, std::u32string>> chars, phrases;
    KGB_RETURN_IF_ERROR(ReadDict(EmbeddedOpenCCCharacters(), "TSCharacters", &chars));
    KGB_RETURN_IF_ERROR(ReadDict(EmbeddedOpenCCPhrases(), "TSPhrases", &phrases));
    // 著 is both the Traditional particle 着 (隨著, 有著) and the Simplified
    // 著 of 著名 and 显著; t2s keeps it as 著 everywhere. OpenCC's Taiwan
    // variant dictionaries carry the rule that resolves it: 著 -> 着, except
    // in the phrases listed (著名, 顯著, 名著, ...), taken here in both their
    // Traditional and their Simplified spelling. Only the entries of 著: the
    // others of those dictionaries map Simplified characters to variants
    // (么 -> 幺, 抬 -> 擡) that t2s does not map back.
    std::vector<std::pair<std::u32string, std::u32string>> tw_chars, tw_phrases;
    KGB_RETURN_IF_ERROR(ReadDict(EmbeddedOpenCCTaiwanCharacters(), "TWVariantsRev", &tw_chars));
    KGB_RETURN_IF_ERROR(ReadDict(EmbeddedOpenCCTaiwanPhrases(), "TWVariantsRevPhrases", &tw_phrases));
    for (const auto& [k, v] : tw_chars)
      if (k == kZhu) chars.emplace_back(k, v);
    std::vector<std::pair<std::u32string, std::u32string>> zhu;
    for (const auto& [k, v] : tw_phrases)
      if (k.size() > 1 && k.find(kZhu[0]) != std::u32string::npos) zhu.emplace_back(k, k);
    bmp_.resize(0x10000);
    for (char32_t c = 0; c < 0x10000; ++c) bmp_[c] = c;
    for (auto& [k, v] : chars) {
      if (k.size() != 1 || v.size() != 1 || !AllHan(k) || !AllHan(v)) continue;  // length-preserving, Han only
      if (k[0] < 0x10000) bmp_[k[0]] = v[0];
      else astral_[k[0]] = v[0];
    }
    // The 著 phrases: Traditional characters converted, 著 kept; the same
    // for their Simplified spelling.
    for (auto& [k, v] : zhu) {
      for (char32_t& c : v)
        if (c != kZhu[0]) c = Char(c);
      phrases.emplace_back(k, v);
      std::u32string simplified = v;
      if (simplified != k) phrases.emplace_back(std::move(simplified), v);
    }
    for (auto& [k, v] : phrases) {
      if (k.size() != v.size() || !AllHan(k) || !AllHan(v)) continue;
      starts_.Insert(k[0]);
      phrases_[k[0]].push_back({std::move(k), std::move(v)});
    }
    // The characters Convert must look at: those that change or start a
    // phrase (a few thousand; the rest of a Simplified text is skipped by a
    // read of this 8 KB bitset instead of the 256 KB table).
    for (char32_t c = 0; c < 0x10000; ++c)
      if (bmp_[c] != c || starts_.Contains(c)) active_.Insert(c);
    // Longest first: the first phrase that matches is the longest match.
    for (auto& [c, list] : phrases_)
      std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) { return a.key.size() > b.key.size(); });
    return Status::OK();
  }

  ScriptConverterKind kind() const override { return ScriptConverterKind::kOpenCC; }

  char32_t Char(char32_t c) const override {
    if (c < 0x10000) return bmp_[c];
    auto it = astral_.find(c);
    return it == astral_.end() ? c : it->second;
  }

  void Convert(char32_t* text, size_t n) const override {
    for (size_t i = 0; i < n;) {
      const char32_t c = text[i];
      if (c < 0x10000 && !active_.Contains(c)) {
        ++i;
        continue;
      }
      if (c >= 0x10000 || starts_.Contains(c)) {
        if (const Phrase* p = Match(text + i, n - i)) {
          std::copy(p->value.begin(), p->value.end(), text + i);
          i += p->key.size();
          continue;
        }
      }
      text[i++] = Char(c);
    }
  }

 private:
  struct Phrase {
    std::u32string key, value;
  };

  const Phrase* Match(const char32_t* s, size_t n) const {
    auto it = phrases_.find(s[0]);
    if (it == phrases_.end()) return nullptr;
    for (const Phrase& p : it->second)
      if (p.key.size() <= n && std::equal(p.key.begin(), p.key.end(), s)) return &p;
    return nullptr;
  }

  std::vector<char32_t> bmp_;                           // TSCharacters over the BMP
  std::unordered_map<char32_t, char32_t> astral_;       // and beyond it
  BmpSet starts_;                                       // BMP characters that start a phrase
  BmpSet active_;                                       // BMP characters that change or start a phrase
  std::unordered_map<char32_t, std::vector<Phrase>> phrases_;  // TSPhrases by first character
};

}  // namespace

Status CreateOpenCCConverter(std::unique_ptr<const ScriptConverter>* out) {
  auto conv = std::make_unique<OpenCCConverter>();
  KGB_RETURN_IF_ERROR(conv->Init());
  *out = std::move(conv);
  return Status::OK();
}

}  // namespace kgb
