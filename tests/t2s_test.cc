// Traditional -> Simplified converters (util/t2s.h): invented sentences of
// the genre, what each converter makes of them, and offsets kept through the
// layout stage.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "ingest/decode.h"
#include "ingest/layout.h"
#include "ingest/lexicon.h"
#include "util/normalize.h"
#include "util/t2s.h"

#ifdef KGB_TEST_OPENCC_DICT_DIR
#include <opencc/Config.hpp>
#include <opencc/Converter.hpp>
#endif

namespace kgb {
namespace {

std::string Convert(const ScriptConverter& c, const std::string& in) {
  std::u32string t = ToUtf32(in);
  const size_t n = t.size();
  c.Convert(&t);
  REQUIRE(t.size() == n);  // length-preserving
  return ToUtf8(t);
}

const ScriptConverter& Get(ScriptConverterKind kind) {
  static std::unique_ptr<const ScriptConverter> conv[2];
  auto& c = conv[kind == ScriptConverterKind::kOpenCC ? 1 : 0];
  if (!c) {
    Status s = ScriptConverter::Create(kind, &c);
    INFO(s.message());
    REQUIRE(s.ok());
  }
  return *c;
}

struct Row {
  const char* in;
  const char* icu;     // ICU, character by character
  const char* opencc;  // OpenCC t2s, phrase-aware
};

// Where the two agree the row says so twice; where they differ the row shows
// what phrase context changes.
const Row kRows[] = {
    // Plain Traditional text of the genre: the same either way.
    {"江州高新區管委會主任林致遠會見華創科技有限公司董事長一行",
     "江州高新区管委会主任林致远会见华创科技有限公司董事长一行",
     "江州高新区管委会主任林致远会见华创科技有限公司董事长一行"},
    {"雙方就項目落戶簽訂合作協議，總投資5億元", "双方就项目落户签订合作协议，总投资5亿元", "双方就项目落户签订合作协议，总投资5亿元"},
    {"發展後勁足，裡外齊發力", "发展后劲足，里外齐发力", "发展后劲足，里外齐发力"},
    {"倉庫保持乾淨", "仓库保持干净", "仓库保持干净"},
    {"雙方充分瞭解彼此需求", "双方充分了解彼此需求", "双方充分了解彼此需求"},
    {"藉此機會簽約", "借此机会签约", "借此机会签约"},
    // Phrases: 乾 of 乾隆 and 乾坤 is not 干, 瞭望 is not 了望.
    {"古鎮始建於乾隆年間", "古镇始建于干隆年间", "古镇始建于乾隆年间"},
    {"扭轉乾坤", "扭转干坤", "扭转乾坤"},
    {"登上瞭望塔", "登上了望塔", "登上瞭望塔"},
    {"書面答覆企業訴求", "书面答覆企业诉求", "书面答复企业诉求"},
    // Characters that are Simplified too keep their form under OpenCC.
    {"著名企業家俱樂部", "着名企业家具乐部", "著名企业家俱乐部"},
    {"大阪客商", "大坂客商", "大阪客商"},
    // 著: the particle 着, or 著 in the phrases of OpenCC's Taiwan rule,
    // whichever script they are written in.
    {"隨著項目推進，合作成效顯著", "随着项目推进，合作成效显着", "随着项目推进，合作成效显著"},
    {"合作成效显著，双方保持著密切联系", "合作成效显着，双方保持着密切联系", "合作成效显著，双方保持着密切联系"},
    // Simplified text passes through.
    {"江州高新区管委会主任林致远会见华创科技有限公司董事长", "江州高新区管委会主任林致远会见华创科技有限公司董事长",
     "江州高新区管委会主任林致远会见华创科技有限公司董事长"},
    // Punctuation, Latin letters and digits are never touched.
    {"「５Ｇ」ABC-12，《規劃》", "「５Ｇ」ABC-12，《规划》", "「５Ｇ」ABC-12，《规划》"},
    {"", "", ""},
};

TEST_CASE("t2s: ICU converts character by character", "[t2s]") {
  const ScriptConverter& icu = Get(ScriptConverterKind::kIcu);
  CHECK(icu.kind() == ScriptConverterKind::kIcu);
  for (const Row& r : kRows) {
    INFO(r.in);
    CHECK(Convert(icu, r.in) == r.icu);
  }
}

TEST_CASE("t2s: OpenCC converts with phrase context", "[t2s]") {
  if (!ScriptConverter::Available(ScriptConverterKind::kOpenCC)) {
    // Built without OpenCC: asking for it is an error, not a crash.
    std::unique_ptr<const ScriptConverter> c;
    CHECK_FALSE(ScriptConverter::Create(ScriptConverterKind::kOpenCC, &c).ok());
    CHECK(ScriptConverter::Default() == ScriptConverterKind::kIcu);
    return;
  }
  const ScriptConverter& occ = Get(ScriptConverterKind::kOpenCC);
  CHECK(occ.kind() == ScriptConverterKind::kOpenCC);
  for (const Row& r : kRows) {
    INFO(r.in);
    CHECK(Convert(occ, r.in) == r.opencc);
  }
}

TEST_CASE("t2s: one character alone is converted as Char() says, only Han characters change", "[t2s]") {
  for (ScriptConverterKind kind : {ScriptConverterKind::kIcu, ScriptConverterKind::kOpenCC}) {
    if (!ScriptConverter::Available(kind)) continue;
    const ScriptConverter& c = Get(kind);
    INFO(ScriptConverter::KindName(kind));
    size_t changed = 0;
    for (char32_t cp = 0x20; cp < 0x10000; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      char32_t one = cp;
      c.Convert(&one, 1);
      REQUIRE(one == c.Char(cp));
      if (one != cp) {
        ++changed;
        REQUIRE(cp >= 0x2E80);
      }
    }
    CHECK(changed > 2000);  // the Traditional characters of the BMP
    CHECK(c.Char(U'會') == U'会');
    CHECK(c.Char(U'会') == U'会');
  }
}

TEST_CASE("t2s: kind names", "[t2s]") {
  ScriptConverterKind k;
  REQUIRE(ScriptConverter::ParseKind("opencc", &k));
  CHECK(k == ScriptConverterKind::kOpenCC);
  REQUIRE(ScriptConverter::ParseKind(ScriptConverter::KindName(ScriptConverterKind::kIcu), &k));
  CHECK(k == ScriptConverterKind::kIcu);
  CHECK_FALSE(ScriptConverter::ParseKind("t2s", &k));
  CHECK(ScriptConverter::Available(ScriptConverterKind::kIcu));
  CHECK(Normalizer::Get().converter().kind() == ScriptConverter::Default());
}

#ifdef KGB_TEST_OPENCC_DICT_DIR
// The tabulated converter returns what OpenCC's own converter returns with
// its t2s configuration (the same dictionaries, read from the system), 著
// aside (util/t2s.h).
TEST_CASE("t2s: the OpenCC converter agrees with OpenCC's library", "[t2s]") {
  opencc::Config config;
  opencc::ConverterPtr lib = config.NewFromString(kOpenCCLibraryT2s, KGB_TEST_OPENCC_DICT_DIR "/");
  const ScriptConverter& occ = Get(ScriptConverterKind::kOpenCC);
  for (const Row& r : kRows) {
    if (std::string(r.in).find("著") != std::string::npos) continue;
    INFO(r.in);
    CHECK(Convert(occ, r.in) == lib->Convert(r.in));
  }
  // Every Traditional character of the BMP in one text, and some phrases.
  std::string all;
  for (char32_t cp = 0x3400; cp < 0xA000; ++cp)
    if (occ.Char(cp) != cp && cp != U'著') all += ToUtf8(std::u32string(1, cp));
  all += "乾隆乾坤瞭望瞭解答覆反覆藉口憑藉";
  CHECK(Convert(occ, all) == lib->Convert(all));
}
#endif

// Sentences keep their original characters and byte ranges while their text
// is converted with phrase context.
TEST_CASE("t2s: offsets survive the conversion of a sentence", "[t2s][ingest]") {
  Status st;
  std::shared_ptr<const Lexicon> lex = Lexicon::Embedded(&st);
  REQUIRE(lex);
  const std::string page = "古鎮始建於乾隆年間。華創科技有限公司負責人林致遠表示，倉庫保持乾淨。\n";
  DecodedText d;
  REQUIRE(DecodeText(page, "t.txt", &d).ok());
  Page p;
  SegmentPage(d, *lex, &p);
  REQUIRE(p.sentences.size() >= 2);
  const Sentence* qianlong = nullptr;
  const Sentence* store = nullptr;
  for (const Sentence& s : p.sentences) {
    std::string t = ToUtf8(s.text);
    if (t.find("年间") != std::string::npos) qianlong = &s;
    if (t.find("仓库") != std::string::npos) store = &s;
  }
  REQUIRE(qianlong);
  REQUIRE(store);
  for (const Sentence* s : {qianlong, store}) {
    // The sentence's bytes in the input are its original characters.
    REQUIRE(s->orig_end <= page.size());
    CHECK(page.substr(s->orig_begin, s->orig_end - s->orig_begin) == s->Display());
  }
  const std::string want = Normalizer::Get().converter().kind() == ScriptConverterKind::kOpenCC ? "乾隆" : "干隆";
  const std::u32string text = qianlong->text;
  const size_t at = text.find(ToUtf32(want));
  REQUIRE(at != std::u32string::npos);
  CHECK(qianlong->OrigSpan(at, at + 4) == "乾隆年間");
  const size_t clean = store->text.find(U"干净");
  REQUIRE(clean != std::u32string::npos);
  CHECK(store->OrigSpan(clean, clean + 2) == "乾淨");
  CHECK(store->OrigSpan(0, 2) == "華創");
}

TEST_CASE("t2s: lexicon words and text are normalized alike", "[t2s]") {
  const Normalizer& n = Normalizer::Get();
  // A word alone and the same word inside a sentence come out the same.
  for (const char* w : {"乾隆", "瞭望", "乾淨", "高新區", "著名"}) {
    INFO(w);
    const std::u32string word = n.Normalize32(w);
    const std::u32string sentence = n.Normalize32(std::string("今天") + w + "。");
    CHECK(sentence.find(word) != std::u32string::npos);
  }
}

}  // namespace
}  // namespace kgb
