// Long documents read in sections (ExtractOptions::max_doc_bytes,
// ingest/sections.h), and the compact sentence layout (original text kept once
// as UTF-8, the character map only where normalization changes the count).
#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "ingest/layout.h"
#include "ingest/pipeline.h"
#include "ingest/sections.h"

namespace kgb {
namespace {

std::vector<std::string> Pieces(const std::string& text, const std::vector<size_t>& starts) {
  std::vector<std::string> out;
  for (size_t i = 0; i < starts.size(); ++i)
    out.push_back(text.substr(starts[i], (i + 1 < starts.size() ? starts[i + 1] : text.size()) - starts[i]));
  return out;
}

TEST_CASE("sections are cut at blank lines, else at line breaks, else between characters", "[scale][sections]") {
  struct Case {
    std::string text;
    size_t max;
    std::vector<std::string> pieces;
  };
  const Case cases[] = {
      {"short", 100, {"short"}},
      {"aaaa\n\nbbbb\n\ncccc\n", 12, {"aaaa\n\nbbbb\n\n", "cccc\n"}},
      {"aaaa\n\nbbbb\ncc\n", 12, {"aaaa\n\nbbbb\n", "cc\n"}},  // the blank line is in the first half: a line break
      {"aaaa\n \t\nbbbbbb", 9, {"aaaa\n \t\n", "bbbbbb"}},   // a line of spaces is blank
      {"aaaaaaaaaa", 4, {"aaaa", "aaaa", "aa"}},
      {"江州高新区林致远", 7, {"江州", "高新", "区林", "致远"}},  // never inside a character
      {"江州", 2, {"江", "州"}},                                 // a character over the limit stays whole
  };
  for (const Case& c : cases) {
    INFO(c.text << " / " << c.max);
    CHECK(Pieces(c.text, SectionStarts(c.text, c.max)) == c.pieces);
  }
}

TEST_CASE("a slice keeps offsets into the original input", "[scale][sections]") {
  DecodedText t;
  REQUIRE(DecodeText("\xEF\xBB\xBF" "江州\n\n高新区", "bom", &t).ok());  // UTF-8 with BOM: shifted by 3
  size_t cut = SectionStarts(t.text, 8)[1];
  DecodedText s = SliceDecoded(t, cut, t.text.size());
  CHECK(s.text == "高新区");
  CHECK(s.OrigOffset(0) == t.OrigOffset(cut));
  CHECK(s.OrigOffset(s.text.size()) == t.OrigOffset(t.text.size()));
}

TEST_CASE("offsets of decoded text are kept as runs and read back byte by byte", "[scale][decode]") {
  struct Case {
    std::string bytes;
    std::vector<uint64_t> offsets;  // OrigOffset(i) for i = 0 .. text.size()
  };
  const Case cases[] = {
      // UTF-16LE with BOM: 江 (2 bytes -> 3), a (2 -> 1), 州 (2 -> 3)
      {std::string("\xFF\xFE\x5F\x6C\x61\x00\xDE\x5D", 8), {2, 2, 2, 4, 6, 6, 6, 8}},
      // damaged UTF-8: 江州高, a bad byte (-> U+FFFD, 3 bytes), a
      {"江州高\xFF" "a", {0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9, 10, 11}},
      // a NUL byte dropped: the run breaks
      {std::string("ab\0c", 4), {0, 1, 3, 4}},
  };
  for (const Case& c : cases) {
    DecodedText t;
    REQUIRE(DecodeText(c.bytes, "case", &t).ok());
    REQUIRE(t.text.size() + 1 == c.offsets.size());
    CHECK(!t.runs.empty());
    size_t hint = 0;
    for (size_t i = 0; i <= t.text.size(); ++i) {
      INFO(i);
      CHECK(t.OrigOffset(i) == c.offsets[i]);
      CHECK(t.OrigOffset(i, &hint) == c.offsets[i]);
    }
    for (size_t i = t.text.size() + 1; i-- > 0;) CHECK(t.OrigOffset(i, &hint) == c.offsets[i]);  // backwards
    // Every slice at character boundaries keeps the same offsets.
    for (size_t b = 0; b <= t.text.size(); ++b) {
      if (b < t.text.size() && (static_cast<unsigned char>(t.text[b]) & 0xC0) == 0x80) continue;
      DecodedText s = SliceDecoded(t, b, t.text.size());
      for (size_t i = 0; i <= s.text.size(); ++i) CHECK(s.OrigOffset(i) == c.offsets[b + i]);
    }
  }
}

// An article that names everything it relates (no bare 高新区, explicit
// year): its records do not depend on the other articles of the page.
std::string Article(const std::string& zone, const std::string& boss, const std::string& company,
                    const std::string& guest) {
  return "本报讯 2024年5月9日，" + zone + "党工委书记" + boss + "会见了" + company + "董事长" + guest +
         "一行。\n\n" + boss + "指出，" + zone + "将全力支持" + company + "发展。\n\n";
}

using Triple = std::tuple<int, std::string, std::string, uint64_t, uint64_t>;

std::set<Triple> Relations(const DocumentRecords& r) {
  std::set<Triple> out;
  for (const RelationRecord& x : r.relations)
    out.insert({static_cast<int>(x.type), x.head, x.tail, x.evidence.start, x.evidence.end});
  return out;
}

std::set<std::pair<int, std::string>> Entities(const DocumentRecords& r) {
  std::set<std::pair<int, std::string>> out;
  for (const EntityRecord& e : r.entities) out.insert({static_cast<int>(e.type), e.name});
  return out;
}

TEST_CASE("a document over max_doc_bytes is read in sections with the same records", "[scale][sections]") {
  std::string doc;
  doc += Article("江州高新区", "林致远", "华创科技有限公司", "陈立新");
  doc += Article("云岭经开区", "周文斌", "恒远控股集团有限公司", "韩立");
  doc += Article("青岚综保区", "钱峰", "博瑞生物医药有限公司", "卫东");
  std::unique_ptr<Extractor> whole, parts;
  ExtractOptions o;
  o.max_doc_bytes = 0;
  REQUIRE(Extractor::Create(nullptr, o, &whole).ok());
  o.max_doc_bytes = doc.size() / 3 + 8;  // about one article a section
  REQUIRE(Extractor::Create(nullptr, o, &parts).ok());

  DocumentRecords a, b;
  DocumentStats sa, sb;
  REQUIRE(whole->Process("page.txt", doc, &a, &sa).ok());
  REQUIRE(parts->Process("page.txt", doc, &b, &sb).ok());
  CHECK(sb.articles >= 3);
  CHECK(sa.bytes == doc.size());
  CHECK(sb.bytes == doc.size());
  CHECK(sa.sentences == sb.sentences);
  CHECK(!Relations(a).empty());
  CHECK(Relations(a) == Relations(b));
  CHECK(Entities(a) == Entities(b));
  // Evidence offsets point into the whole document, not into a section (the
  // sentence drops the space after 本报讯).
  for (const RelationRecord& r : b.relations) {
    INFO(r.evidence.sentence);
    std::string span = doc.substr(r.evidence.start, r.evidence.end - r.evidence.start);
    span.erase(std::remove(span.begin(), span.end(), ' '), span.end());
    CHECK(span == r.evidence.sentence);
  }
}

TEST_CASE("sentences keep the original text and map characters only when normalization changes their count",
          "[scale][layout]") {
  std::shared_ptr<const Lexicon> lex;
  Status s;
  lex = Lexicon::Embedded(&s);
  REQUIRE(s.ok());
  struct Case {
    std::string text;
    bool mapped;        // a character map is kept
    std::string first;  // the original of the first two characters
  };
  const Case cases[] = {
      {"江州高新区林致远会见陈立新。", false, "江州"},
      {"ＡＢＣ公司（江州）签约。", false, "ＡＢ"},  // full-width forms: one character for one
      {"江州㈱公司签约。", true, "江州"},          // ㈱ -> (株): three for one
      {"㈱江州公司签约。", true, "㈱"},            // (株 both come from ㈱
  };
  for (const Case& c : cases) {
    INFO(c.text);
    DecodedText t;
    REQUIRE(DecodeText(c.text, "case", &t).ok());
    Page page;
    SegmentPage(t, *lex, &page);
    REQUIRE(page.sentences.size() == 1);
    const Sentence& sen = page.sentences[0];
    CHECK(sen.Display() == c.text);
    CHECK(sen.src.empty() == !c.mapped);
    CHECK(sen.OrigSpan(0, sen.text.size()) == c.text);
    CHECK(sen.OrigSpan(0, 2) == c.first);
  }
}

}  // namespace
}  // namespace kgb
