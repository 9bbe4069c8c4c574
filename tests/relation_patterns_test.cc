// The declarative relation patterns (ingest/patterns.h): the compiler's
// errors, the matcher's elements on hand-made mentions, and one row per entry
// of data/lexicon/relation_patterns.txt run through the whole extractor (the
// construction yields its relation; a near miss does not). Every name is
// invented.
#include <catch2/catch.hpp>

#include "extract_util.h"
#include "ingest/layout.h"
#include "ingest/lexicon.h"
#include "ingest/patterns.h"
#include "ingest/recognize.h"
#include "ingest/words.h"
#include "util/normalize.h"
#include "util/utf8.h"

namespace kgb {
namespace {

const Lexicon& Lex() {
  static std::shared_ptr<const Lexicon> lex = [] {
    Status s;
    auto l = Lexicon::Embedded(&s);
    if (!l) throw std::runtime_error(s.ToString());
    return l;
  }();
  return *lex;
}

TEST_CASE("relation pattern compiler rejects malformed lines", "[relation_patterns]") {
  const std::pair<const char*, const char*> rows[] = {
      {"x\tmet_with(A,B)", "expected name<TAB>relation(A,B)<TAB>elements"},
      {"x\tmeets(A,B)\t{official:A} {official:B}", "unknown relation \"meets\""},
      {"x\tmet_with(A,C)\t{official:A} {official:B}", "arguments must be (A,B) or (B,A)"},
      {"x\tmet_with(A,B)\t{official:A} {person:B}", "unknown entity type \"person\""},
      {"x\tmet_with(A,B)\t{official:A} 向", "capture B is missing"},
      {"x\tmet_with(A,B)\t{official:A} {official:A} {official:B}", "capture A appears twice"},
      {"x\tmet_with(A,B)\t{official:A} {official:B}?", "cannot be optional"},
      {"x\tmet_with(A,B)\t{official:A} (介绍|汇报 {official:B}", "unbalanced ("},
      {"x\tmet_with(A,B)\t{official:A} (介绍||汇报) {official:B}", "empty alternative"},
      {"x\tmet_with(A,B)\t{official:A}向{official:B}", "stray '}'"},
      {"x\tmet_with(A,B)\t{official:A} {title:B}", "{title} takes no capture"},
      {"x\tmet_with(A,B)\t{official:X} {official:B}", "capture must be A or B"},
      {"x\tmet_with(A,B)\t{official:A} [zzz] {official:B}", "unknown word tag \"zzz\""},
      {"x\tmet_with(A,B)\t{official:A} [v {official:B}", "unbalanced ["},
  };
  for (auto [line, what] : rows) {
    RelationPattern p;
    Status s = CompileRelationPattern(line, &p);
    INFO("line: " << line << "\nstatus: " << s.ToString());
    CHECK_FALSE(s.ok());
    CHECK(s.message().find(what) != std::string::npos);
  }
}

TEST_CASE("a malformed pattern line names the file and line", "[relation_patterns]") {
  Lexicon lex;
  Status ok = lex.Parse("relation_patterns.txt",
                        "# a comment\n\nbriefing\tmet_with(A,B)\t{official:A} 向 {official:B} 介绍\n");
  REQUIRE(ok.ok());
  REQUIRE(lex.relation_patterns.size() == 1);
  CHECK(lex.relation_patterns[0].name == "briefing");
  CHECK(lex.relation_patterns[0].elements.size() == 4);

  Status bad = lex.Parse("relation_patterns.txt", "# a comment\n\nok\tmet_with(A,B)\t{official:A} {official:B}\n"
                                                  "bad\tmet_with(A,B)\t{official:A}\n");
  CHECK_FALSE(bad.ok());
  CHECK(bad.message().find("relation_patterns.txt: line 4") != std::string::npos);
}

struct M {
  EntityType type;
  const char* name;
  RefKind ref = RefKind::kNone;
};

struct MatchRow {
  const char* pattern;
  const char* text;
  std::vector<M> mentions;        // found in the text by name, left to right
  std::vector<std::string> want;  // "rel(head,tail)"
};

std::vector<std::string> Run(const MatchRow& row) {
  RelationPattern p;
  Status s = CompileRelationPattern(row.pattern, &p);
  if (!s.ok()) throw std::runtime_error(s.ToString());
  Sentence sentence;
  sentence.text = ToUtf32(row.text);
  std::shared_ptr<const WordSegmenter> seg = WordSegmenter::Embedded(&s);
  if (!seg) throw std::runtime_error(s.ToString());
  seg->Segment(sentence.text, &sentence.words);
  const std::u32string& text = sentence.text;
  std::vector<Mention> ms;
  size_t from = 0;
  for (const M& m : row.mentions) {
    std::u32string n = ToUtf32(m.name);
    size_t at = text.find(n, from);
    if (at == std::u32string::npos) throw std::runtime_error(std::string("no mention ") + m.name);
    Mention x;
    x.begin = static_cast<uint32_t>(at);
    x.end = static_cast<uint32_t>(at + n.size());
    x.type = m.type;
    x.name = m.name;
    x.ref = m.ref;
    ms.push_back(x);
    from = x.end;
  }
  std::vector<std::string> out;
  for (const PatternMatch& r : MatchRelationPatterns({p}, Lex(), sentence, ms))
    out.push_back(std::string(RelationTypeName(r.type)) + "(" + ms[r.head].name + "," + ms[r.tail].name + ")");
  return out;
}

TEST_CASE("relation pattern elements: mentions, titles, literals, alternatives, options", "[relation_patterns]") {
  const char* kBrief = "t\tmet_with(A,B)\t{official:A} 向 {title}? {official:B} 一行? (详细|简要)? (介绍|汇报)";
  const EntityType kO = EntityType::kOfficial;
  const MatchRow rows[] = {
      {kBrief, "林致远向孙海介绍情况", {{kO, "林致远"}, {kO, "孙海"}}, {"met_with(林致远,孙海)"}},
      // Every optional element present, the second alternative taken.
      {kBrief, "林致远向副区长孙海一行简要汇报", {{kO, "林致远"}, {kO, "孙海"}}, {"met_with(林致远,孙海)"}},
      // No alternative of the last element.
      {kBrief, "林致远向孙海致辞", {{kO, "林致远"}, {kO, "孙海"}}, {}},
      // A gap that no element covers.
      {kBrief, "林致远向全体孙海介绍", {{kO, "林致远"}, {kO, "孙海"}}, {}},
      // Wrong type, and a mention that is a reference, not a name.
      {kBrief, "林致远向孙海介绍", {{EntityType::kOrganization, "林致远"}, {kO, "孙海"}}, {}},
      {kBrief, "林致远向孙海介绍", {{kO, "林致远", RefKind::kCompany}, {kO, "孙海"}}, {}},
      // (B,A): the second capture is the head; a union of types.
      {"t\tlocated_in(B,A)\t{park|location:A} 内的 {organization:B}",
       "江州高新区内的华创公司",
       {{EntityType::kPark, "江州高新区"}, {EntityType::kOrganization, "华创公司"}},
       {"located_in(华创公司,江州高新区)"}},
      // A pattern that opens with a literal; {party} without a capture.
      {"t\tvisited(A,B)\t陪同 {party}? {official:A} 考察 {park:B}",
       "邵兵陪同华创公司何立考察江州高新区",
       {{kO, "邵兵"}, {EntityType::kOrganization, "华创公司"}, {kO, "何立"}, {EntityType::kPark, "江州高新区"}},
       {"visited(何立,江州高新区)"}},
      // A word of the word layer by its tag: 考察 is a verb, 园区 is not.
      {"t\tvisited(A,B)\t{official:A} [v] {park:B}", "何立考察江州高新区",
       {{kO, "何立"}, {EntityType::kPark, "江州高新区"}}, {"visited(何立,江州高新区)"}},
      {"t\tvisited(A,B)\t{official:A} [v] {park:B}", "何立园区江州高新区",
       {{kO, "何立"}, {EntityType::kPark, "江州高新区"}}, {}},
  };
  for (const MatchRow& row : rows) {
    INFO("pattern: " << row.pattern << "\ntext: " << row.text);
    CHECK(Run(row) == row.want);
  }
}

// One row per entry of data/lexicon/relation_patterns.txt, end to end.
using testing::Check;
using testing::Row;

TEST_CASE("relation pattern entries", "[relation_patterns][patterns]") {
  const Row rows[] = {
      // briefing
      {"华创科技有限公司董事长周文斌向副区长林致远一行汇报了项目进展。", {"met_with(周文斌,林致远)"}, {}},
      {"华创科技有限公司董事长周文斌向副区长林致远赠送了纪念品。", {}, {"met_with(周文斌,林致远)"}},
      // accompany, accompanied_visit
      {"江州市副市长邵兵陪同省商务厅厅长何立考察江州高新区。",
       {"met_with(邵兵,何立)", "visited(何立,江州高新区)"}, {}},
      {"邵兵陪同何立一行调研了远望物流产业园项目。", {"met_with(邵兵,何立)", "visited(何立,远望物流产业园项目)"}, {}},
      {"邵兵陪同何立出席远望物流产业园项目开工仪式。", {}, {"visited(何立,远望物流产业园项目)"}},
      {"邵兵陪同客人考察后，何立发表讲话。", {}, {"met_with(邵兵,何立)"}},
      // within
      {"江州高新区内的华创科技有限公司加快发展。", {"located_in(华创科技有限公司,江州高新区)"}, {}},
      {"江州高新区和华创科技有限公司共同举办活动。", {}, {"located_in(华创科技有限公司,江州高新区)"}},
      // report
      {"区长林致远听取了华创科技有限公司董事长周文斌的汇报。", {"met_with(林致远,周文斌)"}, {}},
      {"区长林致远听取了华创科技有限公司董事长周文斌的建议。", {}, {"met_with(林致远,周文斌)"}},
      {"区长林致远听取华创科技有限公司董事长周文斌工作汇报。", {"met_with(林致远,周文斌)"}, {}},
  };
  for (const Row& row : rows) Check(row);
}

// A word element in a data entry reaches the words through the whole
// extractor (which otherwise drops a sentence's words after recognition).
TEST_CASE("a pattern with a word element works end to end", "[relation_patterns]") {
  auto lex = std::make_shared<Lexicon>(Lex());
  RelationPattern p;
  REQUIRE(CompileRelationPattern("toured\tvisited(A,B)\t{official:A} 一行 [v] 了 {organization:B}", &p).ok());
  lex->relation_patterns.push_back(p);
  ExtractOptions opts;
  std::unique_ptr<Extractor> ex;
  REQUIRE(Extractor::Create(lex, opts, &ex).ok());
  DocumentRecords r;
  const std::string text = "管委会主任林致远一行巡视了华创科技有限公司。";
  REQUIRE(ex->Process(std::string("t.txt"), text, &r).ok());
  bool found = false;
  for (const RelationRecord& rel : r.relations)
    found |= rel.type == RelationType::kVisited && rel.head == "林致远" && rel.tail == "华创科技有限公司";
  CHECK(found);
}

}  // namespace
}  // namespace kgb
