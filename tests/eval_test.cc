// kgb eval: the scoring library against tiny invented gold and graphs
// (tests/fixtures/eval). The expected figures of the fixture graphs were
// computed with the reference scorer (kgscore) on the same files.
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "eval/gold.h"
#include "eval/pyjson.h"
#include "eval/score.h"
#include "graph/types.h"
#include "test_paths.h"
#include "util/file_io.h"

namespace kgb {
namespace eval {
namespace {

const std::string kEvalDir = std::string(KGB_FIXTURES_DIR) + "/eval";

// "official 2/0/0 park 1/1/0 | holds_position 1/1/1": the non-zero rows.
std::string Dump(const EvalResult& r) {
  std::string out;
  auto row = [&](const char* name, const Counts& c) {
    if (!c.tp && !c.fp && !c.fn) return;
    if (!out.empty() && out.back() != ' ') out += " ";
    out += std::string(name) + " " + std::to_string(c.tp) + "/" + std::to_string(c.fp) + "/" + std::to_string(c.fn);
  };
  for (int t = 0; t < kNumEntityTypes; ++t) row(kEntityTypes[t], r.entities[t]);
  out += " |";
  for (int t = 0; t < kNumRelationTypes; ++t) row(kRelationTypes[t], r.relations[t]);
  return out;
}

std::vector<std::string> Lines(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(FormatFinding(f));
  return out;
}

Gold FixtureGold() {
  Gold gold;
  Status s = LoadGold({kEvalDir + "/gold"}, &gold);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return gold;
}

Status ScoreInline(const std::string& gold_json, const std::string& graph_json, EvalResult* r) {
  Gold gold;
  KGB_RETURN_IF_ERROR(ParseGold({GoldText{"gold.json", gold_json}}, &gold));
  return ScoreGraph(graph_json, "graph.json", gold, r);
}

TEST_CASE("NormalizeName: NFKC, then no white space", "[eval]") {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"云溪（国家）高新区", "云溪(国家)高新区"},  // full-width parentheses
      {"林　晓岚", "林晓岚"},                     // ideographic space
      {" 云溪\t市\n", "云溪市"},
      {"ＡＢ１２", "AB12"},          // full-width letters and digits
      {"a\u00A0b\u2009c", "abc"},    // no-break and thin space
      {"ｶﾞ", "ガ"},                   // half-width katakana composes
      {"a\u200Bb", "a\u200Bb"},      // zero-width space is not white space in Python
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(NormalizeName(c.in) == c.out);
  }
}

TEST_CASE("PyStr and PyFloatRepr read values as Python's str() does", "[eval]") {
  struct Case {
    const char* json;
    const char* str;
  } cases[] = {
      {"\"n1\"", "n1"},   {"null", "None"},     {"true", "True"},          {"false", "False"},
      {"12", "12"},       {"-3", "-3"},         {"2.0", "2.0"},            {"0.5", "0.5"},
      {"1e-05", "1e-05"}, {"0.0001", "0.0001"}, {"1e16", "1e+16"},         {"1e15", "1000000000000000.0"},
      {"-0.0", "-0.0"},   {"123.456", "123.456"}, {"1.5e300", "1.5e+300"}, {"[1, \"a\"]", "[1, 'a']"},
      {"{\"k\": null}", "{'k': None}"},
  };
  for (const Case& c : cases) {
    INFO(c.json);
    rapidjson::Document doc;
    REQUIRE(ParseJson(c.json, "value", &doc).ok());
    CHECK(PyStr(doc) == c.str);
  }
  CHECK(PyFloatRepr(1.0 / 3) == "0.3333333333333333");
  CHECK(PyFloatRepr(2.0 / 3) == "0.6666666666666666");
  CHECK(PyFloatRepr(0.0) == "0.0");
  CHECK(PyFloatRepr(1.0) == "1.0");
}

TEST_CASE("PyTruthy and GetMember follow Python's dict and bool", "[eval]") {
  rapidjson::Document doc;
  REQUIRE(ParseJson(R"({"a": 0, "b": "", "c": [], "d": {}, "e": null, "f": 2, "g": "x", "h": [0], "a": true})",
                    "value", &doc)
              .ok());
  CHECK(PyTruthy(*GetMember(doc, "a")));  // the last "a" wins
  for (const char* falsy : {"b", "c", "d", "e"}) CHECK_FALSE(PyTruthy(*GetMember(doc, falsy)));
  for (const char* truthy : {"f", "g", "h"}) CHECK(PyTruthy(*GetMember(doc, truthy)));
  CHECK(GetMember(doc, "zz") == nullptr);
  CHECK(GetMember(*GetMember(doc, "f"), "a") == nullptr);  // not an object
}

TEST_CASE("The scored types are the graph's types", "[eval]") {
  for (int t = 0; t < kNumEntityTypes; ++t) {
    EntityType parsed;
    CHECK(ParseEntityType(kEntityTypes[t], &parsed));
    CHECK(static_cast<int>(parsed) == t);
  }
  for (int t = 0; t < kNumRelationTypes; ++t) {
    RelationType parsed;
    CHECK(ParseRelationType(kRelationTypes[t], &parsed));
    CHECK(static_cast<int>(parsed) == t);
    CHECK(IsSymmetricRelation(t) == IsSymmetric(parsed));
  }
}

TEST_CASE("Gold folders: *.json files in name order, merged across files", "[eval]") {
  std::vector<std::string> files;
  REQUIRE(ListGoldFiles({kEvalDir + "/gold"}, &files).ok());
  REQUIRE(files.size() == 2);  // README.md is skipped
  CHECK(files[0] == kEvalDir + "/gold/a.json");
  CHECK(files[1] == kEvalDir + "/gold/b.json");

  Gold gold = FixtureGold();
  std::vector<std::string> names;
  int required = 0;
  for (const GoldEntity& e : gold.entities) {
    names.push_back(std::string(kEntityTypes[e.type]) + ":" + e.name + (e.optional ? "?" : ""));
    required += !e.optional;
  }
  // 15 annotations, 5 of them merged into entities of a.json: 苏明哲 and
  // 云溪市 by name, 云溪高新技术产业开发区 and 青禾装备 through an alias,
  // 林晓岚 (optional in b.json, required in a.json, so required).
  CHECK(names == std::vector<std::string>{
                     "official:林晓岚", "park:云溪高新区", "organization:青禾智能装备有限公司",
                     "location:云溪市", "project:星港物流枢纽项目", "organization:招商服务中心?",
                     "official:韩立冬?", "official:苏明哲", "organization:北辰数据科技有限公司",
                     "project:春雨计划?"});
  CHECK(required == 7);
  const GoldEntity& park = gold.entities[1];
  CHECK(park.names == std::set<std::string>{"云溪高新区", "云溪高新技术产业开发区"});
  CHECK(park.keys.count("云溪(国家)高新区") == 1);  // alias, normalized
  CHECK(park.names.count("云溪(国家)高新区") == 0);

  // 11 relation annotations: met_with(林晓岚, 苏明哲) twice (once reversed)
  // is one, located_in(青禾, 云溪高新区) is required in a.json and optional
  // in b.json, so required.
  REQUIRE(gold.relations.size() == 9);
  int required_relations = 0;
  for (const GoldRelation& r : gold.relations) required_relations += !r.optional;
  CHECK(required_relations == 7);
}

TEST_CASE("Gold errors name the file and the problem", "[eval]") {
  struct Case {
    const char* gold;
    const char* error;
  } cases[] = {
      {R"({"entities": [{"name": "甲", "type": "person"}]})", "unknown entity type 'person'"},
      {R"({"entities": [{"name": "甲", "type": "official"}],
           "relations": [{"type": "knows", "head": "甲", "tail": "甲"}]})",
       "unknown relation type 'knows'"},
      {R"({"entities": [{"name": "甲", "type": "official"}],
           "relations": [{"type": "met_with", "head": "甲", "tail": "乙"}]})",
       "relation end '乙' is not an entity of the file"},
      {R"({"relations": []})", "\"entities\" must be a list"},
      {R"({"entities": [{"type": "official"}]})", "entity 0 has no \"name\""},
      {R"({"entities": [{"name": "甲", "type": "official", "aliases": "甲某"}]})", "must be a list of names"},
      {"{\"entities\": [\n  {\"name\": \"甲\",]}", "gold.json: line 2"},
      {"[]", "a gold file is a JSON object"},
  };
  for (const Case& c : cases) {
    INFO(c.gold);
    Gold gold;
    Status s = ParseGold({GoldText{"gold.json", c.gold}}, &gold);
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.message(), Catch::Contains("gold.json") && Catch::Contains(c.error));
  }
  Gold gold;
  CHECK(LoadGold({kEvalDir + "/no-such-folder"}, &gold).code() == Status::Code::kNotFound);
  CHECK(ParseGold({}, &gold).code() == Status::Code::kNotFound);
}

// Each fixture graph exercises some rules; figures and lists from kgscore.
TEST_CASE("Fixture graphs score as kgscore scores them", "[eval]") {
  struct Case {
    const char* graph;
    const char* dump;
    const char* summary;
    std::vector<std::string> misses;  // only checked when non-empty
    std::vector<std::string> false_positives;
  } cases[] = {
      {"perfect.json",  // symmetric edges stored in the other direction still match
       "official 2/0/0 organization 2/0/0 park 1/0/0 project 1/0/0 location 1/0/0 | holds_position 2/0/0 "
       "met_with 1/0/0 signed_agreement 1/0/0 located_in 2/0/0 visited 1/0/0",
       "entity F1 1.000  relation F1 1.000", {}, {}},
      {"empty.json",  // required entities and relations only; ends of symmetric ones in kgscore's order
       "official 0/0/2 organization 0/0/2 park 0/0/1 project 0/0/1 location 0/0/1 | holds_position 0/0/2 "
       "met_with 0/0/1 signed_agreement 0/0/1 located_in 0/0/2 visited 0/0/1",
       "entity F1 0.000  relation F1 0.000",
       {"entity  official      林晓岚", "entity  park          云溪高新区",
        "entity  organization  青禾智能装备有限公司", "entity  location      云溪市",
        "entity  project       星港物流枢纽项目", "entity  official      苏明哲",
        "entity  organization  北辰数据科技有限公司", "edge    holds_position    林晓岚 -> 云溪高新区",
        "edge    visited           林晓岚 -> 青禾智能装备有限公司",
        "edge    located_in        青禾智能装备有限公司 -> 云溪高新区",
        "edge    located_in        星港物流枢纽项目 -> 云溪市", "edge    met_with          林晓岚 -> 苏明哲",
        "edge    signed_agreement  北辰数据科技有限公司 -> 云溪高新区",
        "edge    holds_position    苏明哲 -> 北辰数据科技有限公司"},
       {}},
      {"names.json",  // label = gold alias after NFKC and spaces; node alias = gold name; not alias = alias
       "official 2/1/0 organization 1/2/1 park 1/1/0 project 0/0/1 location 0/0/1 | holds_position 0/0/2 "
       "met_with 0/0/1 signed_agreement 0/0/1 located_in 0/0/2 visited 0/0/1",
       "entity F1 0.533  relation F1 0.000",
       {"entity  location      云溪市", "entity  project       星港物流枢纽项目",
        "entity  organization  北辰数据科技有限公司", "edge    holds_position    林晓岚 -> 云溪高新区",
        "edge    visited           林晓岚 -> 青禾智能装备有限公司",
        "edge    located_in        青禾智能装备有限公司 -> 云溪高新区",
        "edge    located_in        星港物流枢纽项目 -> 云溪市", "edge    met_with          林晓岚 -> 苏明哲",
        "edge    signed_agreement  北辰数据科技有限公司 -> 云溪高新区",
        "edge    holds_position    苏明哲 -> 北辰数据科技有限公司"},
       {"entity  park          云溪园区", "entity  official      None", "entity  organization  北辰公司",
        "entity  organization  云溪市"}},
      {"duplicates.json",  // second nodes (also across merged files); optional entities ignored
       "official 0/0/2 organization 1/1/1 park 1/1/0 project 0/0/1 location 0/0/1 | holds_position 0/0/2 "
       "met_with 0/0/1 signed_agreement 0/0/1 located_in 0/0/2 visited 0/0/1",
       "entity F1 0.364  relation F1 0.000", {},
       {"entity  organization  青禾装备  (second node for 青禾智能装备有限公司)",
        "entity  park          云溪高新区  (second node for 云溪高新区)"}},
      {"edges.json",  // duplicates, reversed, optional ends and relations, unmatched and missing ends
       "official 2/0/0 organization 2/2/0 park 1/0/0 project 1/0/0 location 1/0/0 | holds_position 1/1/1 "
       "met_with 1/0/0 signed_agreement 1/0/0 located_in 1/3/1 visited 1/0/0",
       "entity F1 0.875  relation F1 0.625",
       {"edge    located_in        青禾智能装备有限公司 -> 云溪高新区",
        "edge    holds_position    苏明哲 -> 北辰数据科技有限公司"},
       {"entity  organization  无名公司", "entity  organization  青禾装备  (second node for 青禾智能装备有限公司)",
        "edge    holds_position    云溪高新区 -> 林晓岚", "edge    located_in        无名公司 -> 云溪高新区",
        "edge    located_in        青禾智能装备有限公司 -> n99", "edge    located_in        None -> 云溪高新区"}},
      {"lenient.json",  // numeric and null ids, repeated ids and keys, no format header
       "official 2/0/0 organization 1/0/1 park 1/0/0 project 1/0/0 location 0/0/1 | holds_position 1/0/1 "
       "met_with 1/0/0 signed_agreement 0/0/1 located_in 1/0/1 visited 0/0/1",
       "entity F1 0.833  relation F1 0.600", {}, {}},
  };
  Gold gold = FixtureGold();
  for (const Case& c : cases) {
    INFO(c.graph);
    std::string path = kEvalDir + "/graphs/" + c.graph, text;
    REQUIRE(ReadFile(path, &text).ok());
    EvalResult r;
    Status s = ScoreGraph(text, path, gold, &r);
    INFO(s.ToString());
    REQUIRE(s.ok());
    CHECK(Dump(r) == c.dump);
    CHECK(SummaryLine(r) == c.summary);
    if (!c.misses.empty()) CHECK(Lines(r.misses) == c.misses);
    if (!c.false_positives.empty()) CHECK(Lines(r.false_positives) == c.false_positives);
    if (std::string(c.graph) == "perfect.json" || std::string(c.graph) == "lenient.json") {
      CHECK(r.false_positives.empty());
    }
  }
}

// One rule per row, on inline gold and graphs.
TEST_CASE("Matching rules, one at a time", "[eval]") {
  struct Case {
    const char* rule;
    const char* gold;
    const char* graph;
    const char* dump;
  } cases[] = {
      {"gold name matches after NFKC",
       R"({"entities": [{"name": "甲乙（丙）公司", "type": "organization"}]})",
       R"({"nodes": [{"id": 1, "label": "甲乙(丙)公司", "type": "organization"}]})", "organization 1/0/0 |"},
      {"type must agree",
       R"({"entities": [{"name": "甲乙", "type": "organization"}]})",
       R"({"nodes": [{"id": 1, "label": "甲乙", "type": "park"}]})", "organization 0/0/1 park 0/1/0 |"},
      {"a label match wins over an alias match",
       R"({"entities": [{"name": "甲", "type": "official"}, {"name": "乙", "type": "official"}]})",
       R"({"nodes": [{"id": 1, "label": "乙", "type": "official", "aliases": ["甲"]},
                     {"id": 2, "label": "甲", "type": "official"}]})", "official 2/0/0 |"},
      {"aliases given as a string are read character by character",
       R"({"entities": [{"name": "甲", "type": "official"}]})",
       R"({"nodes": [{"id": 1, "label": "丙丁", "type": "official", "aliases": "乙甲"}]})", "official 1/0/0 |"},
      {"same name, different types: two entities",
       R"({"entities": [{"name": "甲", "type": "park"}, {"name": "甲", "type": "location"}]})",
       R"({"nodes": [{"id": 1, "label": "甲", "type": "park"}]})", "park 1/0/0 location 0/0/1 |"},
      {"symmetric relations match either direction, directed ones do not",
       R"({"entities": [{"name": "甲", "type": "official"}, {"name": "乙", "type": "official"},
                        {"name": "丙", "type": "organization"}],
           "relations": [{"type": "met_with", "head": "甲", "tail": "乙"},
                         {"type": "holds_position", "head": "甲", "tail": "丙"}]})",
       R"({"nodes": [{"id": "a", "label": "甲", "type": "official"}, {"id": "b", "label": "乙", "type": "official"},
                     {"id": "c", "label": "丙", "type": "organization"}],
           "edges": [{"source": "b", "target": "a", "type": "met_with"},
                     {"source": "c", "target": "a", "type": "holds_position"}]})",
       "official 2/0/0 organization 1/0/0 | holds_position 0/1/1 met_with 1/0/0"},
      {"an optional relation neither counts nor penalizes",
       R"({"entities": [{"name": "甲", "type": "official"}, {"name": "乙", "type": "official"}],
           "relations": [{"type": "met_with", "head": "甲", "tail": "乙", "optional": true}]})",
       R"({"nodes": [{"id": "a", "label": "甲", "type": "official"}, {"id": "b", "label": "乙", "type": "official"}],
           "edges": [{"source": "a", "target": "b", "type": "met_with"}]})",
       "official 2/0/0 |"},
      {"unknown node and edge types are ignored",
       R"({"entities": [{"name": "甲", "type": "official"}]})",
       R"({"nodes": [{"id": "a", "label": "甲", "type": "person"}, {"id": "b", "label": "乙", "type": 3}],
           "edges": [{"source": "a", "target": "b", "type": "knows"}]})",
       "official 0/0/1 |"},
  };
  for (const Case& c : cases) {
    INFO(c.rule);
    EvalResult r;
    Status s = ScoreInline(c.gold, c.graph, &r);
    INFO(s.ToString());
    REQUIRE(s.ok());
    CHECK(Dump(r) == c.dump);
  }
}

TEST_CASE("Missed symmetric relations list their ends in kgscore's order", "[eval]") {
  // kgscore prints the ends of frozenset((head, tail)) of entity indices;
  // for 9 and 0 CPython iterates 0 first (slots 1 and 0 of 8).
  std::string gold = R"({"entities": [)";
  for (int i = 0; i < 10; ++i) gold += std::string(i ? "," : "") + R"({"name": "人)" + std::to_string(i) + R"(", "type": "official"})";
  gold += R"(], "relations": [{"type": "met_with", "head": "人9", "tail": "人0"},
                              {"type": "met_with", "head": "人2", "tail": "人3"},
                              {"type": "visited", "head": "人9", "tail": "人1"}]})";
  EvalResult r;
  REQUIRE(ScoreInline(gold, R"({"nodes": []})", &r).ok());
  std::vector<std::string> edges;
  for (const Finding& f : r.misses)
    if (f.edge) edges.push_back(FormatFinding(f));
  CHECK(edges == std::vector<std::string>{"edge    met_with          人0 -> 人9", "edge    met_with          人2 -> 人3",
                                          "edge    visited           人9 -> 人1"});
}

TEST_CASE("Graphs kgscore could not read are errors", "[eval]") {
  struct Case {
    const char* graph;
    const char* error;
  } cases[] = {
      {"[]", "a graph is a JSON object"},
      {R"({"nodes": {}})", "\"nodes\" must be a list"},
      {R"({"nodes": [], "edges": 3})", "\"edges\" must be a list"},
      {R"({"nodes": [{"label": "甲"}]})", "node 0 has no \"id\""},
      {R"({"nodes": ["甲"]})", "node 0 is not an object"},
      {R"({"edges": [1]})", "edge 0 is not an object"},
      {"{\"nodes\": [\n\n", "graph.json: line 3"},
      {"{\"nodes\": [{\"id\": \"\xff\"}]}", "graph.json"},  // not UTF-8
  };
  for (const Case& c : cases) {
    INFO(c.graph);
    EvalResult r;
    Status s = ScoreInline(R"({"entities": []})", c.graph, &r);
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.message(), Catch::Contains(c.error));
  }
}

TEST_CASE("Reports: kgscore's table, summary last, JSON that reads back", "[eval]") {
  Gold gold = FixtureGold();
  std::string text;
  REQUIRE(ReadFile(kEvalDir + "/graphs/edges.json", &text).ok());
  EvalResult r;
  REQUIRE(ScoreGraph(text, "edges.json", gold, &r).ok());

  std::string report = FormatReport(r, false);
  CHECK_THAT(report, Catch::StartsWith("                      tp   fp   fn      P      R     F1\nentities\n"));
  CHECK_THAT(report, Catch::Contains("  holds_position       1    1    1  0.500  0.500  0.500\n"));
  CHECK_THAT(report, Catch::Contains("  all                  5    4    2  0.556  0.714  0.625\n"));
  CHECK_THAT(report, Catch::EndsWith("\nentity F1 0.875  relation F1 0.625\n"));
  CHECK_THAT(report, !Catch::Contains("missed"));
  std::string with_misses = FormatReport(r, true);
  CHECK_THAT(with_misses, Catch::Contains("\n\nmissed (in gold, not in graph):\n  edge    located_in"));
  CHECK_THAT(with_misses, Catch::Contains("\n\nfalse positives (in graph, not in gold):\n  entity  organization  无名公司\n"));
  CHECK_THAT(with_misses, Catch::EndsWith("\nentity F1 0.875  relation F1 0.625\n"));

  std::string json = FormatJsonReport(r);
  CHECK_THAT(json, Catch::Contains("\n \"relations\": {\n  \"holds_position\": {\n   \"tp\": 1,\n"));
  CHECK_THAT(json, Catch::Contains("   \"p\": 0.5,\n"));
  rapidjson::Document doc;
  REQUIRE_FALSE(doc.Parse(json.c_str()).HasParseError());
  CHECK(doc["entity_f1"].GetDouble() == Approx(0.875));
  CHECK(doc["relation_f1"].GetDouble() == Approx(2 * (5.0 / 9) * (5.0 / 7) / (5.0 / 9 + 5.0 / 7)));
  CHECK(doc["entities"]["organization"]["fp"].GetInt() == 2);
  CHECK(doc["relations"]["located_in"]["r"].GetDouble() == 0.5);
}

// --by-doc: bydoc.json is a kgb graph of three invented pages (pages/a.txt,
// b.txt, c.txt); a.json and b.json annotate the first two.
std::vector<GoldText> FixtureGoldFiles() {
  std::vector<GoldText> files;
  Status s = ReadGoldFiles({kEvalDir + "/gold"}, &files);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return files;
}

std::string DocDump(const DocumentScore& d) {
  auto c = [](const Counts& x) { return std::to_string(x.tp) + "/" + std::to_string(x.fp) + "/" + std::to_string(x.fn); };
  return d.name + " " + c(d.entities) + " " + c(d.relations) + (d.graph_documents ? "" : " not-in-graph");
}

TEST_CASE("By document: each gold file against the part of the graph from its page", "[eval]") {
  std::string text;
  REQUIRE(ReadFile(kEvalDir + "/graphs/bydoc.json", &text).ok());
  std::vector<GoldText> fixture = FixtureGoldFiles();
  const GoldText c_by_field{"more/page-3.json",
                            R"({"doc": "c.txt", "entities": [{"name": "无名公司", "type": "organization"}]})"};
  const GoldText missing_page{"more/z.json", R"({"entities": [{"name": "林晓岚", "type": "official"}]})"};
  struct Case {
    const char* what;
    std::vector<GoldText> gold;
    std::vector<std::string> lines;
  } cases[] = {
      // a: 韩立冬 has no "docs" but an edge from a (optional, so ignored);
      // b: 云溪市 is a node of a only, so b misses it; 远望物流 and its edge
      // are spurious; located_in(青禾, 云溪) is optional in b.
      {"the fixture pages", fixture, {"a 6/0/0 4/0/1", "b 4/1/1 2/1/1"}},
      {"one gold file", {fixture[1]}, {"b 4/1/1 2/1/1"}},
      {"the gold's \"doc\" field when its name matches no page", {c_by_field}, {"page-3 1/0/0 0/0/0"}},
      {"a page the graph lacks: all misses", {missing_page}, {"z 0/0/1 0/0/0 not-in-graph"}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    EvalResult r;
    Status s = ScoreGraphByDocument(text, "bydoc.json", c.gold, &r);
    INFO(s.ToString());
    REQUIRE(s.ok());
    std::vector<std::string> lines;
    for (const DocumentScore& d : r.documents) lines.push_back(DocDump(d));
    CHECK(lines == c.lines);

    // The whole-graph figures are those of ScoreGraph.
    Gold gold;
    REQUIRE(ParseGold(c.gold, &gold).ok());
    EvalResult whole;
    REQUIRE(ScoreGraph(text, "bydoc.json", gold, &whole).ok());
    CHECK(Dump(r) == Dump(whole));
    CHECK(Lines(r.misses) == Lines(whole.misses));
    CHECK(Lines(r.false_positives) == Lines(whole.false_positives));
  }

  EvalResult r;
  REQUIRE(ScoreGraphByDocument(text, "bydoc.json", fixture, &r).ok());
  REQUIRE(r.documents.size() == 2);
  CHECK(r.documents[0].gold_file == kEvalDir + "/gold/a.json");
  CHECK(Lines(r.documents[1].misses) == std::vector<std::string>{
                                            "entity  location      云溪市",
                                            "edge    holds_position    苏明哲 -> 北辰数据科技有限公司"});
  CHECK(Lines(r.documents[1].false_positives) ==
        std::vector<std::string>{"entity  organization  远望物流", "edge    located_in        远望物流 -> 云溪高新区"});
}

TEST_CASE("By document: page names match by base name, with or without extension", "[eval]") {
  const std::string gold = R"({"entities": [{"name": "林晓岚", "type": "official"}]})";
  struct Case {
    const char* gold_file;
    const char* document;  // the graph's only document
    bool matches;
  } cases[] = {
      {"gold/d01.json", "pages/d01.txt", true},
      {"gold/d01.json", "d01", true},               // a JSONL id
      {"gold/2023.05.json", "2023.05", true},       // an id with a dot
      {"gold/2023.05.json", "x/2023.05.html", true},
      {"d01.json", "/abs/pages/d01.txt", true},
      {"gold/d01.json", "pages/d011.txt", false},
      {"gold/d01.json", "d01/page.txt", false},     // a folder name is not the page
      {"gold/d1.json", "pages/d01.txt", false},
  };
  for (const Case& c : cases) {
    INFO(c.gold_file << " ~ " << c.document);
    std::string graph = std::string(R"({"nodes": [{"id": "n0", "label": "林晓岚", "type": "official", "docs": [0]}],
                                         "documents": [")") + c.document + "\"]}";
    EvalResult r;
    REQUIRE(ScoreGraphByDocument(graph, "g.json", {GoldText{c.gold_file, gold}}, &r).ok());
    REQUIRE(r.documents.size() == 1);
    CHECK((r.documents[0].graph_documents == 1) == c.matches);
    CHECK(r.documents[0].entities.tp == (c.matches ? 1 : 0));
  }
}

TEST_CASE("By document: graphs without document information are refused", "[eval]") {
  const GoldText gold{"gold/a.json", R"({"entities": [{"name": "林晓岚", "type": "official"}]})"};
  struct Case {
    const char* graph;
    const char* error;  // "" when accepted
  } cases[] = {
      {R"({"nodes": [{"id": 1, "label": "林晓岚", "type": "official"}]})", "no \"documents\" list"},
      {R"({"nodes": [{"id": "n0", "label": "林晓岚", "type": "official"}], "documents": ["a.txt"]})",
       "written by an older kgb"},
      {R"({"nodes": [], "documents": []})", ""},
      {R"({"nodes": [{"id": "n0", "label": "林晓岚", "type": "official", "docs": [0]}], "documents": ["a.txt"]})", ""},
  };
  for (const Case& c : cases) {
    INFO(c.graph);
    EvalResult r;
    Status s = ScoreGraphByDocument(c.graph, "g.json", {gold}, &r);
    if (*c.error) {
      REQUIRE_FALSE(s.ok());
      CHECK(s.code() == Status::Code::kUnsupported);
      CHECK_THAT(s.message(), Catch::Contains("g.json") && Catch::Contains(c.error));
    } else {
      CHECK(s.ok());
    }
  }
  // Malformed graphs and gold are the usual errors.
  EvalResult r;
  CHECK(ScoreGraphByDocument("[]", "g.json", {gold}, &r).code() == Status::Code::kCorrupt);
  CHECK(ScoreGraphByDocument(R"({"nodes": []})", "g.json", {GoldText{"x.json", "{}"}}, &r).code() ==
        Status::Code::kCorrupt);
}

TEST_CASE("By document reports: a line per page, the tables, the summary last", "[eval]") {
  std::string text;
  REQUIRE(ReadFile(kEvalDir + "/graphs/bydoc.json", &text).ok());
  EvalResult r;
  REQUIRE(ScoreGraphByDocument(text, "bydoc.json", FixtureGoldFiles(), &r).ok());
  EvalResult plain = r;
  plain.documents.clear();

  std::string report = FormatReport(r, false);
  CHECK_THAT(report, Catch::StartsWith("             entities                relations\n"
                                       "document     tp   fp   fn     F1     tp   fp   fn     F1\n"
                                       "a             6    0    0  1.000      4    0    1  0.889\n"
                                       "b             4    1    1  0.800      2    1    1  0.667\n"
                                       "\n"));
  CHECK_THAT(report, Catch::EndsWith(FormatReport(plain, false)));  // the usual report follows unchanged

  std::string with_misses = FormatReport(r, true);
  CHECK_THAT(with_misses, Catch::Contains("\n\n== a\nmissed (in gold, not in graph):\n"
                                          "  edge    located_in        星港物流枢纽项目 -> 云溪市\n"
                                          "false positives (in graph, not in gold):\n\n== b\n"));
  CHECK_THAT(with_misses, Catch::Contains("\n== b\nmissed (in gold, not in graph):\n  entity  location      云溪市\n"));
  CHECK_THAT(with_misses, !Catch::Contains("无名公司"));  // page c has no gold file
  CHECK_THAT(with_misses, Catch::EndsWith("\n  edge    located_in        远望物流 -> 云溪高新区\n"
                                          "entity F1 0.875  relation F1 0.769\n"));

  // A wide name widens the first column; CJK counts two columns.
  EvalResult wide = r;
  wide.documents[0].name = "云溪日报第一版";  // 14 columns
  wide.documents[1].graph_documents = 0;
  std::string w = FormatReport(wide, false);
  CHECK_THAT(w, Catch::Contains("\ndocument           tp   fp   fn     F1"));
  CHECK_THAT(w, Catch::Contains("\n云溪日报第一版      6    0    0  1.000"));
  CHECK_THAT(w, Catch::Contains("\nb                   4    1    1  0.800      2    1    1  0.667  (not in the graph)\n"));

  std::string json = FormatJsonReport(r);
  CHECK_THAT(json, Catch::StartsWith(FormatJsonReport(plain).substr(0, FormatJsonReport(plain).size() - 3)));
  rapidjson::Document doc;
  REQUIRE_FALSE(doc.Parse(json.c_str()).HasParseError());
  REQUIRE(doc["documents"].IsArray());
  REQUIRE(doc["documents"].Size() == 2);
  const rapidjson::Value& b = doc["documents"][1];
  CHECK(std::string(b["doc"].GetString()) == "b");
  CHECK(b["in_graph"].GetBool());
  CHECK(b["entities"]["fp"].GetInt() == 1);
  CHECK(b["relations"]["f"].GetDouble() == Approx(2.0 / 3));
  CHECK(doc["entity_f1"].GetDouble() == Approx(0.875));
  CHECK_THAT(json, Catch::Contains("\n \"documents\": [\n  {\n   \"doc\": \"a\",\n"));
  CHECK_THAT(json, Catch::Contains("   \"entities\": {\n    \"tp\": 6,\n"));
}

}  // namespace
}  // namespace eval
}  // namespace kgb
