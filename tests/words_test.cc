// Table-driven tests of the word layer (ingest/words.h): an invented sentence
// of the genre and its segmentation, dumped as "word/tag" separated by spaces.
// The dictionary is Jieba's (Debian python3-jieba) plus data/words/.
#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

#include "ingest/layout.h"
#include "ingest/lexicon.h"
#include "ingest/recognize.h"
#include "ingest/words.h"
#include "util/normalize.h"

namespace kgb {
namespace {

const WordSegmenter& Seg() {
  Status s;
  static std::shared_ptr<const WordSegmenter> seg = WordSegmenter::Embedded(&s);
  REQUIRE(s.ok());
  REQUIRE(seg);
  return *seg;
}

// "word/tag word/tag ...", after checking that the words tile the text.
std::string Dump(const std::u32string& text) {
  std::vector<Word> words;
  Seg().Segment(text, &words);
  std::string out;
  uint32_t at = 0;
  for (const Word& w : words) {
    CHECK(w.begin == at);
    CHECK(w.end > w.begin);
    at = w.end;
    if (!out.empty()) out += ' ';
    out += ToUtf8(std::u32string_view(text).substr(w.begin, w.size()));
    out += '/';
    out += PosTagName(w.tag);
  }
  CHECK(at == text.size());
  return out;
}

TEST_CASE("sentences are segmented into tagged words", "[words]") {
  struct Case {
    const char* text;
    const char* want;
  };
  const Case cases[] = {
      {"江州高新区管委会主任会见了客人。", "江州/ns 高新区/n 管委会/n 主任/b 会见/n 了/ul 客人/n 。/w"},
      {"华创科技有限公司在江州高新区签约落户。", "华创/x 科技/n 有限公司/n 在/p 江州/ns 高新区/n 签约/v 落户/v 。/w"},
      {"林致远副市长一行到园区调研。", "林/ng 致远/a 副市长/n 一行/m 到/v 园区/n 调研/vn 。/w"},
      {"项目总投资3.5亿元，占地120亩。", "项目/n 总/b 投资/vn 3.5/m 亿元/m ,/w 占地/v 120/m 亩/q 。/w"},
      {"5G基站和AI芯片项目开工。", "5G/eng 基站/n 和/c AI/eng 芯片/n 项目/n 开工/v 。/w"},
      {"数字经济和智能制造是营商环境的重点。", "数字经济/n 和/c 智能制造/n 是/v 营商环境/n 的/uj 重点/n 。/w"},
      {"区委书记冯晓岚主持会议。", "区委书记/n 冯晓岚/x 主持会议/n 。/w"},
      {"睿泰铭科新材料项目落户滨江新区。", "睿/nrt 泰铭科/x 新/a 材料/n 项目/n 落户/v 滨江/ns 新区/ns 。/w"},
      {"增长12.5%，达到1,200家，分别为3，5。", "增长/v 12.5%/m ,/w 达到/v 1,200/m 家/q ,/w 分别/d 为/p 3/m ,/w 5/m 。/w"},
      {"台積電在江州設廠。", "台积/x 电/n 在/p 江州/ns 设厂/n 。/w"},
      {"ＡＢＣ公司", "ABC/eng 公司/n"},
      {"", ""},
      {"。", "。/w"},
      {"𠀀𠀁江州", "𠀀𠀁/x 江州/ns"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Dump(Normalizer::Get().Normalize32(c.text)) == c.want);
  }
}

TEST_CASE("words carry offsets and whether the dictionary knows them", "[words]") {
  const std::u32string text = Normalizer::Get().Normalize32("区委书记冯晓岚主持会议");
  std::vector<Word> words;
  Seg().Segment(text, &words);
  REQUIRE(words.size() == 3);
  CHECK(words[0] == Word{0, 4, PosTag::kN, true});
  CHECK(words[1] == Word{4, 7, PosTag::kX, false});  // an unseen name, joined by the HMM
  CHECK(words[2] == Word{7, 11, PosTag::kN, true});
  // An ASCII run is one unit: no dictionary word starts inside it.
  Seg().Segment(U"XB超", &words);
  REQUIRE(!words.empty());
  CHECK(words[0].end == 2);
}

TEST_CASE("dictionary lookups and tag classes", "[words]") {
  struct Case {
    const char* word;
    bool found;
    PosTag tag;
  };
  const Case cases[] = {
      {"签约", true, PosTag::kV},      {"江州", true, PosTag::kNs},      {"高新区", true, PosTag::kN},  // additions.txt
      {"亩", true, PosTag::kQ},        {"冯晓岚", false, PosTag::kX},   {"", false, PosTag::kX},
  };
  for (const Case& c : cases) {
    INFO(c.word);
    PosTag tag = PosTag::kX;
    uint32_t freq = 0;
    CHECK(Seg().Lookup(ToUtf32(c.word), &tag, &freq) == c.found);
    if (c.found) {
      CHECK(tag == c.tag);
      CHECK(freq > 0);
    }
  }
  CHECK(IsVerb(PosTag::kVn));
  CHECK(!IsVerb(PosTag::kN));
  CHECK(IsPersonName(PosTag::kNrfg));
  CHECK(IsPlace(PosTag::kNs));
  CHECK(IsOrganization(PosTag::kNt));
  CHECK(IsMeasureWord(PosTag::kQ));
  CHECK(IsNumeral(PosTag::kMq));
  CHECK(IsNoun(PosTag::kNz));
  CHECK(IsPunct(PosTag::kW));
  for (int i = 0; i < static_cast<int>(PosTag::kCount); ++i) {
    PosTag back;
    REQUIRE(ParsePosTag(PosTagName(static_cast<PosTag>(i)), &back));
    CHECK(static_cast<int>(back) == i);
  }
  PosTag t;
  CHECK(!ParsePosTag("zz", &t));
}

// A source blob (data/words/jieba_convert.py's format) over a few words,
// with a uniform HMM that never joins characters.
std::string SourceBlob(const std::vector<std::tuple<std::string, uint32_t, std::string>>& entries) {
  auto u32 = [](std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); };
  auto f32 = [](std::string* out, float v) { out->append(reinterpret_cast<const char*>(&v), 4); };
  std::string text, tags_text, out = "KGBWORD1";
  std::vector<std::string> tags;
  for (const auto& e : entries) {
    text += std::get<0>(e) + "\n";
    if (std::find(tags.begin(), tags.end(), std::get<2>(e)) == tags.end()) tags.push_back(std::get<2>(e));
  }
  for (const std::string& t : tags) tags_text += t + "\n";
  u32(&out, static_cast<uint32_t>(entries.size()));
  u32(&out, static_cast<uint32_t>(text.size()));
  out += text;
  for (const auto& e : entries) u32(&out, std::get<1>(e));
  for (const auto& e : entries)
    out.push_back(static_cast<char>(std::find(tags.begin(), tags.end(), std::get<2>(e)) - tags.begin()));
  u32(&out, static_cast<uint32_t>(tags.size()));
  u32(&out, static_cast<uint32_t>(tags_text.size()));
  out += tags_text;
  for (float v : {-1e30f, -1e30f, -1e30f, 0.0f}) f32(&out, v);  // start: always S
  for (int i = 0; i < 16; ++i) f32(&out, i % 4 == 3 ? 0.0f : -1e30f);  // S -> S only
  u32(&out, 0);                                                  // no emissions
  return out;
}

TEST_CASE("a segmenter built from a small word list", "[words]") {
  std::unique_ptr<WordSegmenter> seg;
  const std::string blob = SourceBlob({{"江州", 100, "ns"},
                                       {"高新区", 100, "n"},
                                       {"江州高", 1, "nz"},
                                       {"管委會", 50, "n"},   // Traditional: normalized on load
                                       {"江州", 5, "v"},      // a second entry: the first wins
                                       {"主任", 80, "n"}});
  REQUIRE(WordSegmenter::FromBlob(blob, "small", &seg).ok());
  CHECK(seg->size() == 5);
  PosTag tag;
  uint32_t freq;
  REQUIRE(seg->Lookup(U"江州", &tag, &freq));
  CHECK(tag == PosTag::kNs);
  CHECK(freq == 100);
  CHECK(seg->Lookup(U"管委会", nullptr, nullptr));
  CHECK(!seg->Lookup(U"江", nullptr, nullptr));
  std::vector<Word> words;
  seg->Segment(U"江州高新区管委会主任", &words);
  REQUIRE(words.size() == 4);
  CHECK(words[0] == Word{0, 2, PosTag::kNs, true});   // 江州|高新区 beats 江州高|新|区
  CHECK(words[1] == Word{2, 5, PosTag::kN, true});
  CHECK(words[2] == Word{5, 8, PosTag::kN, true});
  CHECK(words[3] == Word{8, 10, PosTag::kN, true});
  // Compiling gives the same segmenter, used in place.
  std::string compiled;
  REQUIRE(WordSegmenter::Compile(blob, "small", &compiled).ok());
  std::unique_ptr<WordSegmenter> mapped;
  REQUIRE(WordSegmenter::FromBlob(compiled, "small.compiled", &mapped).ok());
  std::vector<Word> again;
  mapped->Segment(U"江州高新区管委会主任", &again);
  CHECK(again == words);
}

TEST_CASE("a sentence's words are made on the first read", "[words]") {
  Sentence s;
  s.text = U"江州高新区管委会主任出席";
  s.words.push_back(Word{0, 1, PosTag::kX, false});  // a previous sentence's words
  s.SegmentOnDemand(&Seg());
  CHECK(!s.Segmented());
  std::vector<Word> eager;
  Seg().Segment(s.text, &eager);
  CHECK(s.Words() == eager);
  CHECK(s.Segmented());
  CHECK(s.Words() == eager);  // made once
  s.SegmentOnDemand(nullptr);  // no word layer
  CHECK(s.Words().empty());
}

// Recognition reads the words only where a rule needs them, so a sentence
// that names nothing is not segmented; and what it finds is the same whether
// the words were made before recognition or on demand.
TEST_CASE("recognition asks for the word layer only where a rule reads it", "[words]") {
  Status st;
  std::shared_ptr<const Lexicon> lex = Lexicon::Embedded(&st);
  REQUIRE(lex);
  const Recognizer rec(*lex);
  const std::tuple<const char*, bool> rows[] = {
      {"今年的天气很好，大家都很高兴。", false},
      {"会议讨论了明年的工作计划和预算安排。", false},
      {"管委会主任林致远出席会议。", true},             // a name after a title
      {"马立新会见了来访的客人。", true},               // a name before an action word
      {"钱峰、卫东、韩立等参加会见。", true},           // a list of names
      {"远望科技有限公司在江州高新区投资建厂。", true},  // a body by its suffix
      // The text rules these out before any word is asked for: a list whose
      // second item starts with no surname, a title with no 一行 or 等 after
      // it, a county's bare name not after a verb of going.
      {"包括钢铁、汽车、电子等行业。", false},
      {"高度重视主任的意见。", false},
      {"这座玉山很高。", false},
  };
  for (const auto& [text, segmented] : rows) {
    INFO(text);
    Sentence lazy;
    lazy.text = ToUtf32(text);
    lazy.SegmentOnDemand(&Seg());
    std::vector<Mention> found;
    rec.Find(lazy, &found);
    CHECK(lazy.Segmented() == segmented);
    CHECK(found.empty() == !segmented);
    Sentence eager;
    eager.text = lazy.text;
    Seg().Segment(eager.text, &eager.words);
    std::vector<Mention> want;
    rec.Find(eager, &want);
    REQUIRE(found.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      CHECK(found[i].begin == want[i].begin);
      CHECK(found[i].end == want[i].end);
      CHECK(found[i].type == want[i].type);
      CHECK(found[i].name == want[i].name);
    }
  }
}

TEST_CASE("a malformed word blob is an error naming it", "[words]") {
  std::string truncated = SourceBlob({{"江州", 100, "ns"}});
  truncated.resize(truncated.size() - 3);
  const std::string blobs[] = {"", "KGBWORD2", "KGBWORD1", std::string("KGBWORD1\x05\0\0\0\x10\0\0\0abc", 16),
                               truncated, SourceBlob({{"江州", 100, "zz"}})};
  for (const std::string& b : blobs) {
    std::unique_ptr<WordSegmenter> seg;
    Status s = WordSegmenter::FromBlob(b, "test.bin", &seg);
    CHECK(!s.ok());
    CHECK(s.message().find("test.bin") != std::string::npos);
    CHECK(!seg);
  }
}

}  // namespace
}  // namespace kgb
