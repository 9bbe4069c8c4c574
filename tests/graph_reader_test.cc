// The graph reader that `kgb query`, `kgb export` and `kgb merge` load graphs
// through (LoadGraphFile / ReadGraphJson): bad files are rejected with a
// message that names the file and the problem, never a crash.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "graph/json_io.h"
#include "util/file_io.h"

namespace fs = std::filesystem;

namespace kgb {
namespace {

// A small valid graph with invented names.
const char kGood[] = R"({"format":"kgb-graph","version":1,
"nodes":[
 {"id":"n0","label":"柯明远","type":"official","aliases":[],"mentions":2,"first_seen":"2023-03-12"},
 {"id":"n1","label":"澜海科技有限公司","type":"organization","aliases":["澜海科技"],"mentions":3},
 {"id":"n2","label":"青岚高新区","type":"park","aliases":[],"mentions":1}],
"edges":[
 {"source":"n0","target":"n1","type":"met_with","symmetric":true,"weight":1,"date":"2023-03-12",
  "evidence":[{"doc":"a.txt","start":10,"end":40,"sentence":"柯明远会见了澜海科技有限公司一行。"}]},
 {"source":"n1","target":"n2","type":"located_in","symmetric":false,"weight":1,"evidence":[]}]}
)";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t p = s.find(from);
  REQUIRE(p != std::string::npos);
  return s.replace(p, from.size(), to);
}

struct BadGraph {
  const char* name;
  std::string text;
  const char* reason;  // part of the message
  GraphReadOptions options = GraphReadOptions();
};

GraphReadOptions Limits(size_t nodes, size_t edges, uint64_t bytes) {
  GraphReadOptions o;
  o.max_nodes = nodes;
  o.max_edges = edges;
  o.max_bytes = bytes;
  return o;
}

std::vector<BadGraph> BadGraphs() {
  const std::string g = kGood;
  return {
      {"empty file", "", "not valid JSON"},
      {"white space", " \n\t\n", "not valid JSON"},
      {"truncated in the middle", g.substr(0, g.size() / 2), "not valid JSON"},
      {"truncated before the last brace", g.substr(0, g.rfind('}')), "not valid JSON"},
      {"binary bytes", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10), "not valid JSON"},
      {"plain text", "柯明远会见了澜海科技有限公司。\n", "not valid JSON"},
      {"trailing garbage", g + "{}", "not valid JSON"},
      {"invalid UTF-8 in a string", Replace(g, "青岚", "\xC0\xAF\xED\xA0\x80"), "not valid JSON"},
      // Found by fuzz_graph_reader: accepted, then written back as invalid UTF-8.
      {"lone surrogate escape in a label", Replace(g, "青岚", "\\udcad"), "\"label\" is not valid UTF-8"},
      {"lone surrogate escape in an alias", Replace(g, "[\"澜海科技\"]", "[\"\\udfff\"]"), "alias is not valid UTF-8"},
      {"deep nesting", std::string(1000000, '[') + std::string(1000000, ']'), "not a graph"},
      {"unterminated deep nesting", std::string(1000000, '{'), "not valid JSON"},
      {"top level is an array", "[1,2,3]", "not a graph"},
      {"another JSON file", R"({"name":"package","dependencies":{}})", "no \"format\""},
      {"wrong format", Replace(g, "kgb-graph", "graphml"), "\"format\" is not \"kgb-graph\""},
      {"format not a string", Replace(g, "\"kgb-graph\"", "7"), "\"format\" is not \"kgb-graph\""},
      {"future version", Replace(g, "\"version\":1", "\"version\":2"), "unsupported graph version 2"},
      {"version as a string", Replace(g, "\"version\":1", "\"version\":\"1\""), "\"version\""},
      {"version as a fraction", Replace(g, "\"version\":1", "\"version\":1.5"), "\"version\""},
      {"huge version", Replace(g, "\"version\":1", "\"version\":99999999999999999999"), "\"version\""},
      {"no nodes", R"({"format":"kgb-graph","version":1,"edges":[]})", "missing \"nodes\""},
      {"nodes not an array", R"({"format":"kgb-graph","version":1,"nodes":{}})", "missing \"nodes\""},
      {"edges an object", R"({"format":"kgb-graph","version":1,"nodes":[],"edges":{}})", "\"edges\" is not an array"},
      {"node not an object", R"({"format":"kgb-graph","version":1,"nodes":[42]})", "node 0: not an object"},
      {"node without id", Replace(g, "\"id\":\"n2\",", ""), "node 2: missing \"id\""},
      {"node without label", Replace(g, "\"label\":\"青岚高新区\",", ""), "node 2: missing \"label\""},
      {"node id of the wrong type", Replace(g, "\"id\":\"n2\"", "\"id\":[2]"), "\"id\" must be a string"},
      {"empty node id", Replace(g, "\"id\":\"n2\"", "\"id\":\"\""), "empty \"id\""},
      {"NUL in a node id", Replace(g, "\"id\":\"n2\"", "\"id\":\"n\\u00002\""), "NUL character"},
      {"unknown entity type", Replace(g, "\"park\"", "\"planet\""), "unknown entity type \"planet\""},
      {"duplicate node ids", Replace(g, "\"id\":\"n2\"", "\"id\":\"n0\""), "duplicate node id \"n0\""},
      {"negative mentions", Replace(g, "\"mentions\":3", "\"mentions\":-3"), "\"mentions\" must be a non-negative"},
      {"aliases not an array", Replace(g, "[\"澜海科技\"]", "\"澜海科技\""), "\"aliases\" must be an array"},
      {"alias not a string", Replace(g, "[\"澜海科技\"]", "[1]"), "aliases must be strings"},
      {"dangling edge source", Replace(g, "\"source\":\"n0\"", "\"source\":\"n9\""), "source \"n9\" is not a node"},
      {"dangling edge target", Replace(g, "\"target\":\"n2\"", "\"target\":\"n7\""), "target \"n7\" is not a node"},
      {"edge without type", Replace(g, "\"type\":\"located_in\",", ""), "edge 1: missing \"type\""},
      {"unknown relation type", Replace(g, "\"located_in\"", "\"owns\""), "unknown relation type \"owns\""},
      {"evidence not an array", Replace(g, "\"evidence\":[]", "\"evidence\":7"), "\"evidence\" must be an array"},
      {"evidence ending before it starts", Replace(g, "\"end\":40", "\"end\":4"), "evidence end before start"},
      {"evidence without doc", Replace(g, "\"doc\":\"a.txt\",", ""), "missing \"doc\""},
      {"too many nodes", g, "too many nodes (3)", Limits(2, 100, 1 << 20)},
      {"too many edges", g, "too many edges (2)", Limits(100, 1, 1 << 20)},
      {"too many bytes", g, "too large", Limits(100, 100, 64)},
  };
}

TEST_CASE("graph reader: bad graphs are rejected with a message naming file and problem", "[robust][graph]") {
  std::vector<BadGraph> cases = BadGraphs();
  REQUIRE(cases.size() >= 25);
  for (const BadGraph& c : cases) {
    INFO("case: " << c.name);
    KnowledgeGraph g;
    Status s = ReadGraphJson(c.text, "bad.json", c.options, &g);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == Status::Code::kCorrupt);
    CHECK(s.message().rfind("bad.json: ", 0) == 0);
    INFO("message: " << s.message());
    CHECK(s.message().find(c.reason) != std::string::npos);
    CHECK(g.num_nodes() == 0);  // never a half-read graph
    CHECK(g.num_edges() == 0);
  }
}

TEST_CASE("graph reader: the good graph reads, and writes back byte for byte after one round", "[robust][graph]") {
  KnowledgeGraph g;
  REQUIRE(ReadGraphJson(kGood, "good.json", GraphReadOptions(), &g).ok());
  CHECK(g.num_nodes() == 3);
  CHECK(g.num_edges() == 2);
  CHECK(g.FindByName("澜海科技").size() == 1);
  std::string once = WriteGraphJson(g);
  KnowledgeGraph g2;
  REQUIRE(ReadGraphJson(once, "once.json", GraphReadOptions(), &g2).ok());
  CHECK(WriteGraphJson(g2) == once);
}

TEST_CASE("graph reader: every truncation of a graph file is rejected", "[robust][graph]") {
  KnowledgeGraph g;
  REQUIRE(ReadGraphJson(kGood, "good.json", GraphReadOptions(), &g).ok());
  std::string text = WriteGraphJson(g);
  // The last byte is a newline; dropping only it leaves a whole graph.
  size_t last_brace = text.rfind('}');
  for (size_t n = 0; n <= last_brace; ++n) {
    KnowledgeGraph t;
    Status s = ReadGraphJson(text.substr(0, n), "cut.json", GraphReadOptions(), &t);
    INFO("kept " << n << " of " << text.size() << " bytes");
    REQUIRE_FALSE(s.ok());
    CHECK(t.num_nodes() == 0);
  }
}

TEST_CASE("graph reader: foreign graphs without format need allow_foreign", "[robust][graph]") {
  const char foreign[] = R"({"nodes":[{"id":1,"label":"柯明远","type":"official"}],"edges":[]})";
  KnowledgeGraph g;
  CHECK_FALSE(ReadGraphJson(foreign, "f.json", GraphReadOptions(), &g).ok());
  GraphReadOptions o;
  o.allow_foreign = true;
  REQUIRE(ReadGraphJson(foreign, "f.json", o, &g).ok());
  CHECK(g.num_nodes() == 1);
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("kgb_graph_reader_" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

TEST_CASE("LoadGraphFile: missing, folder, oversized, truncated and good files", "[robust][graph]") {
  TempDir tmp;
  std::string good = (tmp.path / "good.json").string();
  std::string cut = (tmp.path / "cut.json").string();
  REQUIRE(WriteOutput(good, kGood).ok());
  REQUIRE(WriteOutput(cut, std::string(kGood).substr(0, 100)).ok());
  KnowledgeGraph g;

  Status s = LoadGraphFile((tmp.path / "absent.json").string(), GraphReadOptions(), &g);
  CHECK(s.code() == Status::Code::kNotFound);
  CHECK(s.message().find("absent.json") != std::string::npos);

  s = LoadGraphFile(tmp.path.string(), GraphReadOptions(), &g);
  CHECK(s.code() == Status::Code::kIOError);
  CHECK(s.message().find("is a folder") != std::string::npos);

  s = LoadGraphFile(good, Limits(100, 100, 100), &g);
  CHECK(s.code() == Status::Code::kUnsupported);
  CHECK(s.message().find("too large") != std::string::npos);

  s = LoadGraphFile(cut, GraphReadOptions(), &g);
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK(s.message().find(cut + ": not valid JSON (line ") != std::string::npos);

  REQUIRE(LoadGraphFile(good, GraphReadOptions(), &g).ok());
  CHECK(g.num_nodes() == 3);
  // A failed load leaves an empty graph, not the previous one.
  CHECK_FALSE(LoadGraphFile(cut, GraphReadOptions(), &g).ok());
  CHECK(g.num_nodes() == 0);
}

}  // namespace
}  // namespace kgb
