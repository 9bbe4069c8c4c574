// The graph layer: merging records into entities, edge aggregation, the label
// order, determinism, and the JSON round trip.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "graph/builder.h"
#include "graph/json_io.h"
#include "record_util.h"

namespace kgb {
namespace {

using testing::Ent;
using testing::Rel;

constexpr EntityType kOff = EntityType::kOfficial;
constexpr EntityType kOrg = EntityType::kOrganization;
constexpr EntityType kPark = EntityType::kPark;

std::vector<DocumentRecords> Corpus() {
  DocumentRecords a;
  a.doc = "a.txt";
  a.entities = {Ent(kPark, "江州高新区", {"江州(国家)高新区", "江州高新区管委会"}, 3, "2023-05-09"),
                Ent(kOff, "林致远", {}, 2, "2023-05-09"), Ent(kOrg, "华创科技有限公司", {}, 1, "2023-05-09"),
                Ent(kOff, "周文斌")};
  a.relations = {Rel(RelationType::kHoldsPosition, kOff, "林致远", kPark, "江州高新区", "a.txt", 0, "党工委书记", "2023-05-09"),
                 Rel(RelationType::kMetWith, kOff, "周文斌", kOff, "林致远", "a.txt", 40, "", "2023-05-09")};
  DocumentRecords b;
  b.doc = "b.txt";
  b.entities = {Ent(kPark, "江州高新技术产业开发区", {"江州高新区"}, 1, "2023-06-01"),
                Ent(kOff, "林致远", {}, 1, "2023-06-01"), Ent(kOff, "周文斌", {}, 1, "2023-06-01")};
  b.relations = {Rel(RelationType::kMetWith, kOff, "林致远", kOff, "周文斌", "b.txt", 5, "", "2023-06-01"),
                 // the same sentence twice: one piece of evidence
                 Rel(RelationType::kMetWith, kOff, "林致远", kOff, "周文斌", "b.txt", 5, "", "2023-06-01"),
                 Rel(RelationType::kHoldsPosition, kOff, "林致远", kPark, "江州高新技术产业开发区", "b.txt", 0,
                     "书记", "2023-06-01")};
  return {a, b};
}

TEST_CASE("variants of one entity merge into one node across documents", "[graph][merge]") {
  GraphBuilder b;
  for (const DocumentRecords& d : Corpus()) b.Add(d);
  KnowledgeGraph g = b.Build();
  std::vector<Vertex> zone = g.FindByName("江州高新技术产业开发区");
  REQUIRE(zone.size() == 1);
  const Node& n = g.node(zone[0]);
  CHECK(n.label == "江州高新区");  // the short form, not the long or the organ's name
  CHECK(n.type == kPark);
  CHECK(n.mentions == 4);
  CHECK(n.first_seen == "2023-05-09");
  CHECK(n.last_seen == "2023-06-01");
  CHECK(std::is_sorted(n.aliases.begin(), n.aliases.end()));
  CHECK(g.FindByName("江州(国家)高新区") == zone);
  CHECK(g.num_nodes() == 4);
}

TEST_CASE("one edge per (source, target, type), weighted by its evidence", "[graph][merge]") {
  GraphBuilder b;
  for (const DocumentRecords& d : Corpus()) b.Add(d);
  KnowledgeGraph g = b.Build();
  REQUIRE(g.num_edges() == 2);
  const Graph& gr = g.graph();
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(gr))) {
    const Edge& edge = gr[e];
    CHECK(edge.weight == edge.evidence.size());
    CHECK(edge.weight == 2);  // the duplicated sentence counts once
    CHECK(edge.date == "2023-05-09");  // the earliest
    if (edge.type == RelationType::kHoldsPosition) {
      CHECK(edge.title == "党工委书记");
      CHECK(gr[boost::source(e, gr)].label == "林致远");
    } else {
      CHECK(edge.type == RelationType::kMetWith);
      CHECK(boost::source(e, gr) < boost::target(e, gr));  // symmetric: smaller index first
    }
  }
}

TEST_CASE("the label order prefers plain short park forms, then the fuller name", "[graph][label]") {
  struct Case {
    EntityType type;
    const char* worse;
    const char* better;
  };
  const Case cases[] = {
      {kPark, "江州(国家)高新区", "江州高新区"},
      {kPark, "江州高新区管委会", "江州高新区"},
      {kPark, "江州高新技术产业开发区", "江州高新区"},
      {kOrg, "中国二冶", "中国二冶集团有限公司"},
      {EntityType::kLocation, "江州", "江州市"},
  };
  for (const Case& c : cases) {
    INFO(c.worse << " < " << c.better);
    CHECK(LabelLess(c.type, c.worse, c.better));
    CHECK_FALSE(LabelLess(c.type, c.better, c.worse));
  }
}

TEST_CASE("building is independent of the order and grouping of records", "[graph][merge]") {
  std::vector<DocumentRecords> docs = Corpus();
  GraphBuilder one;
  for (const DocumentRecords& d : docs) one.Add(d);
  std::string want = WriteGraphJson(one.Build());

  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(docs.begin(), docs.end(), rng);
    // Shards: each document alone, then the graphs merged.
    GraphBuilder merged;
    for (const DocumentRecords& d : docs) {
      GraphBuilder shard;
      shard.Add(d);
      merged.AddGraph(shard.Build());
    }
    CHECK(WriteGraphJson(merged.Build()) == want);
  }
  // Merging a graph with itself changes nothing but counts.
  GraphBuilder twice;
  KnowledgeGraph g = one.Build();
  twice.AddGraph(g);
  twice.AddGraph(g);
  KnowledgeGraph t = twice.Build();
  CHECK(t.num_nodes() == g.num_nodes());
  CHECK(t.num_edges() == g.num_edges());
}

TEST_CASE("JSON round trip", "[graph][json]") {
  GraphBuilder b;
  for (const DocumentRecords& d : Corpus()) b.Add(d);
  KnowledgeGraph g = b.Build();
  std::string json = WriteGraphJson(g);
  KnowledgeGraph back;
  REQUIRE(ReadGraphJson(json, "g.json", GraphReadOptions(), &back).ok());
  CHECK(back.num_nodes() == g.num_nodes());
  CHECK(back.num_edges() == g.num_edges());
  CHECK(WriteGraphJson(back) == json);
  CHECK(json.find("\"format\": \"kgb-graph\"") != std::string::npos);
  CHECK(json.find("\"version\": 1") != std::string::npos);
}

TEST_CASE("the graph reader rejects what is not a kgb graph", "[graph][json]") {
  const std::pair<const char*, const char*> cases[] = {
      {"", "not valid JSON"},
      {"{\"format\": \"kgb-graph\", \"version\": 1, \"nodes\": [", "not valid JSON"},
      {"[1, 2]", "not a graph"},
      {"{\"nodes\": []}", "no \"format\""},
      {"{\"format\": \"other\", \"version\": 1, \"nodes\": []}", "not a kgb graph"},
      {"{\"format\": \"kgb-graph\", \"version\": 9, \"nodes\": []}", "unsupported graph version"},
      {"{\"format\": \"kgb-graph\", \"version\": 1, \"nodes\": [{\"id\": \"n0\", \"label\": \"a\", \"type\": \"official\"},"
       " {\"id\": \"n0\", \"label\": \"b\", \"type\": \"official\"}]}",
       "duplicate node id"},
      {"{\"format\": \"kgb-graph\", \"version\": 1, \"nodes\": [{\"id\": \"n0\", \"label\": \"a\", \"type\": \"official\"}],"
       " \"edges\": [{\"source\": \"n0\", \"target\": \"n7\", \"type\": \"met_with\"}]}",
       "is not a node"},
      {"{\"format\": \"kgb-graph\", \"version\": 1, \"nodes\": [{\"id\": \"n0\", \"label\": \"a\", \"type\": \"alien\"}]}",
       "unknown entity type"},
  };
  for (auto [text, why] : cases) {
    INFO(text);
    KnowledgeGraph g;
    Status s = ReadGraphJson(text, "x.json", GraphReadOptions(), &g);
    CHECK_FALSE(s.ok());
    CHECK(s.message().find("x.json") != std::string::npos);
    CHECK(s.message().find(why) != std::string::npos);
  }
}

}  // namespace
}  // namespace kgb
