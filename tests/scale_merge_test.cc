// Sharded and incremental builds: merging graphs gives the graph of one build.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "graph/builder.h"
#include "graph/json_io.h"
#include "record_util.h"

namespace kgb {
namespace {

using testing::Ent;
using testing::Rel;

const EntityType P = EntityType::kOfficial, O = EntityType::kOrganization, K = EntityType::kPark;

// Invented documents chosen so that shards disagree: a name that is only an
// alias in one shard is a label candidate in another; a name that only a
// relation names in one shard is an entity in another; the same evidence
// place comes with and without a title; symmetric edges come both ways.
std::vector<DocumentRecords> Docs() {
  std::vector<DocumentRecords> docs(5);
  docs[0].doc = "d0";
  docs[0].entities = {Ent(P, "柯云峰", {}, 3, "2023-03-05"), Ent(O, "澜沧装备", {"澜沧公司"}, 1, "2023-03-05")};
  docs[0].relations = {Rel(RelationType::kMetWith, P, "柯云峰", O, "澜沧装备", "d0", 10, "", "2023-03-05"),
                       Rel(RelationType::kVisited, P, "柯云峰", K, "青岚园区", "d0", 50)};
  docs[1].doc = "d1";
  docs[1].entities = {Ent(O, "澜沧公司", {"澜沧智能装备有限公司"}, 2, "2023-04-01"), Ent(K, "青岚园区", {}, 1)};
  docs[1].relations = {Rel(RelationType::kMetWith, O, "澜沧公司", P, "柯云峰", "d1", 5),
                       Rel(RelationType::kHoldsPosition, P, "桑若萍", O, "澜沧公司", "d1", 80, "董事长")};
  docs[2].doc = "d2";
  docs[2].entities = {Ent(P, "桑若萍", {"桑总"}, 1, "2023-06-20"), Ent(O, "澜沧智能装备有限公司", {}, 4, "2023-06-20")};
  docs[2].relations = {Rel(RelationType::kHoldsPosition, P, "桑若萍", O, "澜沧智能装备有限公司", "d2", 3, "董事长"),
                       Rel(RelationType::kHoldsPosition, P, "桑若萍", O, "澜沧公司", "d1", 80, "")};
  docs[3].doc = "d3";
  docs[3].entities = {Ent(P, "祁明川", {}, 2, "2022-12-31")};
  docs[3].relations = {Rel(RelationType::kSignedAgreement, P, "祁明川", O, "雁北数据", "d3", 0, "投资协议")};
  docs[4].doc = "d4";
  docs[4].entities = {Ent(O, "雁北数据", {"雁北数据科技有限公司"}, 1, "2024-01-02"), Ent(P, "祁明川", {}, 1)};
  docs[4].relations = {Rel(RelationType::kSignedAgreement, O, "雁北数据", P, "祁明川", "d4", 7, "投资协议", "2024-01-02")};
  return docs;
}

std::string BuildJson(const std::vector<DocumentRecords>& docs, const std::vector<size_t>& which) {
  GraphBuilder b;
  for (size_t i : which) b.Add(docs[i]);
  return WriteGraphJson(b.Build());
}

// Builds each shard, writes it as JSON, reads it back and merges (what
// `kgb merge` does).
std::string MergeJson(const std::vector<DocumentRecords>& docs, const std::vector<std::vector<size_t>>& shards) {
  GraphBuilder merged;
  for (const auto& shard : shards) {
    KnowledgeGraph g;
    REQUIRE(ReadGraphJson(BuildJson(docs, shard), "shard", GraphReadOptions(), &g).ok());
    merged.AddGraph(g);
  }
  return WriteGraphJson(merged.Build());
}

TEST_CASE("merging shard graphs equals one build, in any order and grouping", "[scale][merge]") {
  std::vector<DocumentRecords> docs = Docs();
  std::string one = BuildJson(docs, {0, 1, 2, 3, 4});
  REQUIRE(one.find("澜沧智能装备有限公司") != std::string::npos);
  struct Case {
    const char* name;
    std::vector<std::vector<size_t>> shards;
  };
  const Case cases[] = {
      {"one shard", {{0, 1, 2, 3, 4}}},
      {"one document each", {{0}, {1}, {2}, {3}, {4}}},
      {"reversed", {{4}, {3}, {2}, {1}, {0}}},
      {"three shards", {{0, 3}, {1}, {2, 4}}},
      {"three shards, other order", {{2, 4}, {0, 3}, {1}}},
      {"relation-only name first", {{0}, {2, 1}, {4, 3}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { CHECK(MergeJson(docs, c.shards) == one); }
  }
  SECTION("merge of merges") {
    GraphBuilder left, right, all;
    KnowledgeGraph a, b;
    REQUIRE(ReadGraphJson(MergeJson(docs, {{0}, {3}}), "a", GraphReadOptions(), &a).ok());
    REQUIRE(ReadGraphJson(MergeJson(docs, {{4}, {1, 2}}), "b", GraphReadOptions(), &b).ok());
    all.AddGraph(b);
    all.AddGraph(a);
    CHECK(WriteGraphJson(all.Build()) == one);
  }
}

TEST_CASE("a node named only by relations does not take the label from an entity", "[scale][merge]") {
  // Shard 1 knows 澜沧X only as a relation end (mentions 0); shard 2 has it
  // as an alias of an entity whose candidate is shorter. One build labels the
  // entity by its candidate; so must the merge.
  std::vector<DocumentRecords> docs(2);
  docs[0].doc = "x0";
  docs[0].entities = {Ent(P, "贝文涛")};
  docs[0].relations = {Rel(RelationType::kVisited, P, "贝文涛", O, "澜沧智能装备集团有限公司", "x0", 0)};
  docs[1].doc = "x1";
  docs[1].entities = {Ent(O, "澜沧装备", {"澜沧智能装备集团有限公司"})};
  std::string one = BuildJson(docs, {0, 1});
  KnowledgeGraph g;
  REQUIRE(ReadGraphJson(one, "one", GraphReadOptions(), &g).ok());
  REQUIRE(g.FindByName("澜沧装备").size() == 1);
  CHECK(g.node(g.FindByName("澜沧装备")[0]).label == "澜沧装备");
  CHECK(MergeJson(docs, {{0}, {1}}) == one);
  CHECK(MergeJson(docs, {{1}, {0}}) == one);
}

TEST_CASE("graphs carry their documents; adding a graph to itself changes nothing", "[scale][merge]") {
  std::vector<DocumentRecords> docs = Docs();
  GraphBuilder b;
  for (const auto& d : docs) b.Add(d);
  KnowledgeGraph g = b.Build();
  CHECK(g.documents() == std::vector<std::string>{"d0", "d1", "d2", "d3", "d4"});
  CHECK(b.HasDocument("d3"));
  CHECK_FALSE(b.HasDocument("d9"));

  std::string text = WriteGraphJson(g);
  KnowledgeGraph back;
  REQUIRE(ReadGraphJson(text, "g", GraphReadOptions(), &back).ok());
  CHECK(back.documents() == g.documents());
  CHECK(WriteGraphJson(back) == text);

  // The documents lists of two graphs say whether one is in the other.
  std::vector<bool> keep;
  std::vector<int> into;
  REQUIRE(PlanGraphMerge({g.documents(), back.documents()}, {"g", "back"}, &keep, &into).ok());
  CHECK(keep == std::vector<bool>{true, false});
  GraphBuilder m;
  m.AddGraph(back);
  CHECK(WriteGraphJson(m.Build()) == text);
}

TEST_CASE("nodes record the documents they were recognized in", "[scale][merge]") {
  std::vector<DocumentRecords> docs = Docs();
  GraphBuilder b;
  for (size_t i : {4, 2, 0, 3, 1}) b.Add(docs[i]);  // indices follow the sorted names, not the input order
  KnowledgeGraph g = b.Build();
  struct Case {
    const char* name;
    std::vector<uint32_t> docs;
  } cases[] = {
      {"柯云峰", {0}},
      {"澜沧智能装备有限公司", {0, 1, 2}},  // its variants, merged, in three documents
      {"桑若萍", {2}},                      // a relation end in d1, an entity in d2
      {"雁北数据", {4}},                    // a relation end only in d3
      {"祁明川", {3, 4}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    REQUIRE(g.FindByName(c.name).size() == 1);
    CHECK(g.node(g.FindByName(c.name)[0]).docs == c.docs);
  }
  std::string text = WriteGraphJson(g);
  CHECK(text.find("\"docs\": [0, 1, 2]") != std::string::npos);
}

TEST_CASE("node docs index the documents list as written, and are checked", "[scale][json]") {
  const std::string head = R"({"format":"kgb-graph","version":1,"nodes":[{"id":"n0","label":"柯云峰","type":"official",)";
  struct Case {
    const char* rest;
    bool ok;
    std::vector<uint32_t> docs;  // after reading: indices into the sorted list
  } cases[] = {
      {R"("docs":[0,2]}],"documents":["c","a","b"]})", true, {1, 2}},  // c, b -> sorted a, b, c
      {R"("docs":[1,1,0]}],"documents":["a","b"]})", true, {0, 1}},
      {R"("docs":[]}],"documents":["a"]})", true, {}},
      {R"("docs":[3]}],"documents":["a"]})", false, {}},
      {R"("docs":[0]}]})", false, {}},  // no documents list to index
      {R"("docs":["a"]}],"documents":["a"]})", false, {}},
      {R"("docs":0}],"documents":["a"]})", false, {}},
  };
  for (const Case& c : cases) {
    INFO(c.rest);
    KnowledgeGraph g;
    Status s = ReadGraphJson(head + c.rest, "t", GraphReadOptions(), &g);
    REQUIRE(s.ok() == c.ok);
    if (c.ok) {
      CHECK(g.node(0).docs == c.docs);
    } else {
      CHECK_THAT(s.message(), Catch::Contains("node 0"));
    }
  }
}

TEST_CASE("PlanGraphMerge keeps each document once", "[scale][merge]") {
  using Docs = std::vector<std::vector<std::string>>;
  struct Case {
    const char* name;
    Docs documents;
    bool ok;
    std::vector<bool> keep;
  };
  const Case cases[] = {
      {"disjoint", {{"a"}, {"b", "c"}, {"d"}}, true, {true, true, true}},
      {"same twice", {{"a", "b"}, {"a", "b"}}, true, {true, false}},
      {"a shard of another, first", {{"a"}, {"a", "b"}}, true, {false, true}},
      {"covered by two others", {{"a", "b"}, {"a"}, {"b"}, {"c"}}, true, {true, false, false, true}},
      {"shards then their merge", {{"a"}, {"b"}, {"a", "b"}}, true, {false, false, true}},
      {"partial overlap", {{"a", "b"}, {"b", "c"}}, false, {}},
      {"unknown documents", {{}, {"a"}, {}}, true, {true, true, true}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      std::vector<bool> keep;
      std::vector<int> into;
      Status s = PlanGraphMerge(c.documents, {"g1", "g2", "g3", "g4"}, &keep, &into);
      REQUIRE(s.ok() == c.ok);
      if (c.ok) {
        CHECK(keep == c.keep);
        for (size_t i = 0; i < keep.size(); ++i)
          if (!keep[i]) CHECK(into[i] >= 0);
      } else {
        CHECK(s.code() == Status::Code::kInvalidArgument);
        CHECK(s.message().find("\"b\"") != std::string::npos);
      }
    }
  }
}

TEST_CASE("the documents list is optional and checked on reading", "[scale][json]") {
  const std::string head = R"({"format":"kgb-graph","version":1,"nodes":[],"edges":[])";
  KnowledgeGraph g;
  REQUIRE(ReadGraphJson(head + "}", "t", GraphReadOptions(), &g).ok());
  CHECK(g.documents().empty());
  REQUIRE(ReadGraphJson(head + R"(,"documents":["b","a","b"]})", "t", GraphReadOptions(), &g).ok());
  CHECK(g.documents() == std::vector<std::string>{"a", "b"});
  CHECK_FALSE(ReadGraphJson(head + R"(,"documents":"a"})", "t", GraphReadOptions(), &g).ok());
  CHECK_FALSE(ReadGraphJson(head + R"(,"documents":[1]})", "t", GraphReadOptions(), &g).ok());
}

}  // namespace
}  // namespace kgb
