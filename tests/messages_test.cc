// Wording of messages (util/messages.h): did-you-mean suggestions and counted
// nouns; and the reader's verdict that a file is not a graph at all
// (graph/json_io.h IsNotAGraph), which the CLI turns into "run kgb build".
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "graph/json_io.h"
#include "util/messages.h"

namespace kgb {
namespace {

const std::vector<std::string> kCommands = {"build", "inspect", "eval", "export", "query", "merge"};
const std::vector<std::string> kQueryCommands = {"entity", "neighbors", "path", "edges", "top", "stats", "search"};

TEST_CASE("TypoDistance counts an adjacent swap as one edit", "[messages]") {
  const struct {
    const char* a;
    const char* b;
    size_t distance;
  } kCases[] = {
      {"build", "build", 0}, {"biuld", "build", 1},       {"buld", "build", 1},  {"buildd", "build", 1},
      {"", "top", 3},        {"neighbours", "neighbors", 1}, {"abc", "cba", 2}, {"query", "merge", 4},
  };
  for (const auto& c : kCases) {
    INFO(c.a << " / " << c.b);
    CHECK(TypoDistance(c.a, c.b) == c.distance);
    CHECK(TypoDistance(c.b, c.a) == c.distance);
  }
}

TEST_CASE("ClosestWord suggests what a typo meant, and nothing for strangers", "[messages]") {
  const struct {
    const char* word;
    const std::vector<std::string>* candidates;
    const char* want;  // "" = no suggestion
  } kCases[] = {
      {"biuld", &kCommands, "build"},
      {"Build", &kCommands, "build"},
      {"exprot", &kCommands, "export"},
      {"quary", &kCommands, "query"},
      {"merg", &kCommands, "merge"},
      {"insp", &kCommands, "inspect"},  // an abbreviation of one command
      {"frobnicate", &kCommands, ""},
      {"x", &kCommands, ""},
      {"", &kCommands, ""},
      {"neighbours", &kQueryCommands, "neighbors"},
      {"neigh", &kQueryCommands, "neighbors"},
      {"serach", &kQueryCommands, "search"},
      {"stat", &kQueryCommands, "stats"},
      {"edge", &kQueryCommands, "edges"},
      {"paths", &kQueryCommands, "path"},
      {"e", &kQueryCommands, ""},  // too short to guess
      {"whois", &kQueryCommands, ""},
  };
  for (const auto& c : kCases) {
    INFO(c.word);
    CHECK(ClosestWord(c.word, *c.candidates) == c.want);
  }
  CHECK(DidYouMean("biuld", kCommands) == "; did you mean 'build'?");
  CHECK(DidYouMean("frobnicate", kCommands).empty());
}

TEST_CASE("CountNoun agrees in number", "[messages]") {
  const struct {
    uint64_t n;
    const char* singular;
    const char* plural;
    const char* want;
  } kCases[] = {
      {0, "document", "", "0 documents"}, {1, "document", "", "1 document"},  {2, "document", "", "2 documents"},
      {1, "entity", "entities", "1 entity"}, {67, "entity", "entities", "67 entities"}, {1, "byte", "", "1 byte"},
  };
  for (const auto& c : kCases) CHECK(CountNoun(c.n, c.singular, c.plural) == c.want);
}

TEST_CASE("IsNotAGraph: a page or other JSON is not a graph; a damaged kgb graph is", "[messages][graph]") {
  const struct {
    const char* name;
    const char* text;
    bool not_a_graph;
  } kCases[] = {
      {"a news page", "江州高新区党工委书记林致远会见华创科技有限公司一行。\n", true},
      {"empty", "", true},
      {"a JSON array", "[1, 2]", true},
      {"other JSON", R"({"name": "package", "dependencies": {}})", true},
      {"another format", R"({"format": "graphml", "version": 1, "nodes": []})", true},
      {"no nodes", R"({"format": "kgb-graph", "version": 1})", true},
      {"a newer kgb graph", R"({"format": "kgb-graph", "version": 2, "nodes": []})", false},
      {"a dangling edge", R"({"format": "kgb-graph", "version": 1, "nodes": [],
                              "edges": [{"source": "n0", "target": "n1", "type": "visited"}]})", false},
  };
  for (const auto& c : kCases) {
    INFO(c.name);
    KnowledgeGraph g;
    Status s = ReadGraphJson(c.text, "x.json", GraphReadOptions(), &g);
    REQUIRE_FALSE(s.ok());
    INFO(s.message());
    CHECK(IsNotAGraph(s) == c.not_a_graph);
  }
  CHECK_FALSE(IsNotAGraph(Status::OK()));
  CHECK_FALSE(IsNotAGraph(Status::NotFound("x.json: no such file")));
}

}  // namespace
}  // namespace kgb
