// Exports (export/*.h) on a tiny invented graph: the shared entry point,
// quoting in every format, the GEXF timeline and the Neo4j CSV layout. The
// readers themselves (xmllint, networkx, igraph, dot) run in tests/scripts.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "export/dot.h"
#include "export/formats.h"
#include "export/gexf.h"
#include "export/graphml.h"
#include "export/neo4j_csv.h"
#include "export/style.h"
#include "graph/json_io.h"
#include "test_paths.h"
#include "util/file_io.h"

namespace kgb {
namespace {

KnowledgeGraph LoadFixture(const std::string& name) {
  KnowledgeGraph g;
  Status s = LoadGraphFile(std::string(KGB_FIXTURES_DIR) + "/export/" + name, GraphReadOptions(), &g);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return g;
}

KnowledgeGraph LoadTricky() { return LoadFixture("tricky.json"); }

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

bool Contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// The attribute `name="..."` of the first element that contains `anchor`.
std::string AttrAfter(const std::string& xml, const std::string& anchor, const std::string& name) {
  size_t at = xml.find(anchor);
  if (at == std::string::npos) return "<no " + anchor + ">";
  size_t end = xml.find('>', at);
  size_t a = xml.find(" " + name + "=\"", at);
  if (a == std::string::npos || a > end) return "";
  a += name.size() + 3;
  return xml.substr(a, xml.find('"', a) - a);
}

TEST_CASE("export formats parse by name and only by name", "[export]") {
  const std::pair<const char*, bool> kCases[] = {
      {"json", true}, {"graphml", true}, {"gexf", true}, {"csv", true},  {"dot", true}, {"html", true},
      {"GEXF", false}, {"", false},      {"xml", false}, {"csv ", false}, {"neo4j", false},
  };
  for (const auto& [name, ok] : kCases) {
    INFO(name);
    ExportFormat f;
    REQUIRE(ParseExportFormat(name, &f) == ok);
    if (ok) CHECK(std::string(ExportFormatName(f)) == name);
  }
}

TEST_CASE("IsIsoDate accepts calendar dates only", "[export]") {
  const std::pair<const char*, bool> kCases[] = {
      {"2019-06-18", true},  {"2020-02-29", true},  {"2019-02-29", false}, {"2019-13-01", false},
      {"2019-00-10", false}, {"2019-04-31", false}, {"2019-6-18", false},  {"2019/06/18", false},
      {"not a date", false}, {"", false},           {"0000-01-01", false}, {"2019-06-18T00", false},
  };
  for (const auto& [s, ok] : kCases) {
    INFO(s);
    CHECK(IsIsoDate(s) == ok);
  }
}

TEST_CASE("one color per entity type, sizes grow with mentions", "[export]") {
  std::vector<std::string> hexes;
  for (int t = 0; t < kNumEntityTypes; ++t) {
    Rgb c = EntityColor(static_cast<EntityType>(t));
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
    CHECK(std::string(buf) == c.hex);
    for (const std::string& h : hexes) CHECK(h != c.hex);
    hexes.push_back(c.hex);
  }
  CHECK(NodeSize(0) == NodeSize(1));
  CHECK(NodeSize(2) > NodeSize(1));
  CHECK(NodeSize(1000) > NodeSize(100));
}

TEST_CASE("GEXF: timeline, viz, undirected symmetric edges, escaping", "[export][gexf]") {
  KnowledgeGraph g = LoadTricky();
  std::string x = WriteGexf(g);
  CHECK(Contains(x, "version=\"1.3\""));
  CHECK(Contains(x, "mode=\"dynamic\""));
  CHECK(Contains(x, "timeformat=\"date\""));
  CHECK(AttrAfter(x, "<nodes", "count") == "5");
  CHECK(AttrAfter(x, "<edges", "count") == "6");

  struct NodeCase {
    const char* id;
    const char* start;  // "" = always present
  };
  // n0: first_seen; n1: its met_with edge (2019-06-18) is earlier than its
  // first_seen; n2, n3: their located_in edge; n4: never dated.
  const NodeCase kNodes[] = {{"n0", "2019-06-18"}, {"n1", "2019-06-18"}, {"n2", "2019-05-30"},
                             {"n3", "2019-05-30"}, {"n4", ""}};
  for (const NodeCase& c : kNodes) {
    INFO(c.id);
    CHECK(AttrAfter(x, "<node id=\"" + std::string(c.id) + "\"", "start") == c.start);
  }
  struct EdgeCase {
    const char* id;
    const char* type;
    const char* start;
    const char* weight;
  };
  const EdgeCase kEdges[] = {
      {"e0", "undirected", "2019-06-18", "2"},
      {"e1", "undirected", "", "1"},  // "not a date" never reaches the timeline
      {"e2", "directed", "", "3"},
      {"e3", "directed", "2019-05-30", "1"},
      {"e4", "directed", "", "1"},
      {"e5", "directed", "2019-06-19", "1"},
  };
  for (const EdgeCase& c : kEdges) {
    INFO(c.id);
    std::string anchor = "<edge id=\"" + std::string(c.id) + "\"";
    CHECK(AttrAfter(x, anchor, "type") == c.type);
    CHECK(AttrAfter(x, anchor, "start") == c.start);
    CHECK(AttrAfter(x, anchor, "weight") == c.weight);
  }
  // Markup in names is escaped; line breaks in attribute values survive.
  CHECK(Contains(x, "label=\"江州&lt;高新&gt;区 &amp; 园\""));
  CHECK(Contains(x, "青岩&quot;星火&quot;科技有限公司"));
  CHECK(Contains(x, "value=\"战略合作&#10;&quot;框架&quot;&#9;协议\""));
  CHECK(Contains(x, "会见\\n青岩"));  // evidence is JSON inside the attribute
  CHECK_FALSE(Contains(x, "江州<高新>"));
  // Colors by type.
  Rgb park = EntityColor(EntityType::kPark);
  std::string color = "<viz:color r=\"" + std::to_string(park.r) + "\" g=\"" + std::to_string(park.g) + "\" b=\"" +
                      std::to_string(park.b) + "\"/>";
  size_t n2 = x.find("<node id=\"n2\"");
  CHECK(x.find(color, n2) < x.find("</node>", n2));
}

TEST_CASE("GraphML carries pinyin, dates and typed keys", "[export][graphml]") {
  KnowledgeGraph g = LoadTricky();
  std::string x = WriteGraphml(g);
  CHECK(Contains(x, "attr.name=\"pinyin\""));
  CHECK(Contains(x, "<data key=\"pinyin\">ke wang shu</data>"));
  CHECK(Contains(x, "<data key=\"first_seen\">2019-06-18</data>"));
  CHECK(Contains(x, "<data key=\"date\">2019-05-30</data>"));
  CHECK(Contains(x, "attr.name=\"weight\" attr.type=\"double\""));
  CHECK(Contains(x, "attr.name=\"mentions\" attr.type=\"int\""));
  CHECK(Contains(x, "江州&lt;高新&gt;区 &amp; 园"));
}

// The text between `from` and the next `to`, starting at the element that
// contains `anchor`.
std::string ElementText(const std::string& xml, const std::string& anchor, const std::string& to) {
  size_t at = xml.find(anchor);
  if (at == std::string::npos) return "";
  return xml.substr(at, xml.find(to, at) - at);
}

TEST_CASE("GraphML for Gephi: edge labels and types, mixed direction, colors and sizes", "[export][graphml]") {
  // Two relations between 林致远 and 江州高新区, and a signing and a location
  // between 江州高新区 and 华创科技 in opposite directions.
  KnowledgeGraph g = LoadFixture("parallel.json");
  std::string x = WriteGraphml(g);
  CHECK(Contains(x, "xmlns:gephi=\"" + std::string(kGraphmlGephiNamespace) + "\""));
  CHECK(Contains(x, "<graph id=\"kgb\" edgedefault=\"directed\">"));
  for (const char* key : {"<key id=\"edge_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>",
                          "<key id=\"r\" for=\"node\" attr.name=\"r\" attr.type=\"int\"/>",
                          "<key id=\"g\" for=\"node\" attr.name=\"g\" attr.type=\"int\"/>",
                          "<key id=\"b\" for=\"node\" attr.name=\"b\" attr.type=\"int\"/>",
                          "<key id=\"color\" for=\"node\" attr.name=\"color\" attr.type=\"string\"/>",
                          "<key id=\"size\" for=\"node\" attr.name=\"size\" attr.type=\"double\"/>"}) {
    INFO(key);
    CHECK(Contains(x, key));
  }
  struct EdgeCase {
    const char* id;
    const char* source;
    const char* target;
    const char* type;      // gephi:label, Gephi's edge type
    const char* directed;  // gephi:directed ("" = absent: directed)
    const char* label;     // the edge_label data
  };
  const EdgeCase kEdges[] = {
      {"e0", "n0", "n1", "holds_position", "", "holds_position: 党工委书记"},
      {"e1", "n0", "n1", "visited", "", "visited"},
      {"e2", "n0", "n3", "met_with", "false", "met_with"},
      {"e3", "n1", "n2", "signed_agreement", "false", "signed_agreement"},
      {"e4", "n2", "n1", "located_in", "", "located_in"},
  };
  for (const EdgeCase& c : kEdges) {
    INFO(c.id);
    std::string anchor = "<edge id=\"" + std::string(c.id) + "\"";
    CHECK(AttrAfter(x, anchor, "source") == c.source);
    CHECK(AttrAfter(x, anchor, "target") == c.target);
    CHECK(AttrAfter(x, anchor, "gephi:label") == c.type);
    CHECK(AttrAfter(x, anchor, "gephi:directed") == c.directed);
    CHECK(AttrAfter(x, anchor, "directed") == "");  // never the plain attribute networkx refuses
    CHECK(Contains(ElementText(x, anchor, "</edge>"), "<data key=\"edge_label\">" + std::string(c.label) + "</data>"));
    size_t first = x.find(anchor);
    CHECK(x.find(anchor, first + 1) == std::string::npos);  // ids are unique
  }
  CHECK(AttrAfter(x, "<edge id=\"e5\"", "source") == "<no <edge id=\"e5\">");

  struct NodeCase {
    const char* id;
    EntityType type;
    uint64_t mentions;
    const char* size;
  };
  const NodeCase kNodes[] = {{"n0", EntityType::kOfficial, 8, "25.00"},
                             {"n1", EntityType::kPark, 16, "30.00"},
                             {"n2", EntityType::kOrganization, 2, "15.00"},
                             {"n3", EntityType::kOfficial, 1, "10.00"}};
  for (const NodeCase& c : kNodes) {
    INFO(c.id);
    std::string node = ElementText(x, "<node id=\"" + std::string(c.id) + "\"", "</node>");
    Rgb rgb = EntityColor(c.type);
    CHECK(Contains(node, "<data key=\"r\">" + std::to_string(rgb.r) + "</data>"));
    CHECK(Contains(node, "<data key=\"g\">" + std::to_string(rgb.g) + "</data>"));
    CHECK(Contains(node, "<data key=\"b\">" + std::to_string(rgb.b) + "</data>"));
    CHECK(Contains(node, "<data key=\"color\">" + std::string(rgb.hex) + "</data>"));
    CHECK(Contains(node, "<data key=\"size\">" + std::string(c.size) + "</data>"));
  }
}

TEST_CASE("GEXF flavors: gephi (1.3, mixed) and networkx (1.2draft, all directed)", "[export][gexf]") {
  const std::pair<const char*, bool> kNames[] = {{"gephi", true}, {"networkx", true}, {"nx", false}, {"", false}};
  for (const auto& [name, ok] : kNames) {
    INFO(name);
    GexfFlavor f;
    REQUIRE(ParseGexfFlavor(name, &f) == ok);
    if (ok) CHECK(std::string(GexfFlavorName(f)) == name);
  }
  KnowledgeGraph g = LoadFixture("parallel.json");
  std::string gephi = WriteGexf(g), nx = WriteGexf(g, GexfFlavor::kNetworkx);
  CHECK(gephi == WriteGexf(g, GexfFlavor::kGephi));
  struct Case {
    const char* text;
    bool in_gephi, in_networkx;
  };
  const Case kCases[] = {
      {"<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3\"", true, false},
      {"<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"", false, true},
      {"version=\"1.3\"", true, false},
      {"version=\"1.2\"", false, true},
      {"timerepresentation=", true, false},
      {"mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\"", true, true},
      {"type=\"undirected\"", true, false},
      {" kind=\"", true, false},
      {"label=\"holds_position: 党工委书记\"", true, true},
      {"<attvalue for=\"symmetric\" value=\"true\"/>", true, true},
      {"<viz:color r=", true, true},
      {"start=\"2021-03-02\"", true, true},
  };
  for (const Case& c : kCases) {
    INFO(c.text);
    CHECK(Contains(gephi, c.text) == c.in_gephi);
    CHECK(Contains(nx, c.text) == c.in_networkx);
  }
  CHECK(AttrAfter(nx, "<edges", "count") == "5");
}

TEST_CASE("Neo4j CSV: headers, labels, types, quoting and arrays", "[export][csv]") {
  KnowledgeGraph g = LoadTricky();
  std::vector<std::string> nodes = Lines(WriteNeo4jNodesCsv(g));
  std::vector<std::string> rels = Lines(WriteNeo4jRelationshipsCsv(g));
  REQUIRE(nodes.size() == 1 + g.num_nodes());
  REQUIRE(rels.size() == 1 + g.num_edges());
  CHECK(nodes[0] == "id:ID,:LABEL,label,pinyin,aliases:string[],mentions:long,first_seen:date,last_seen:date");
  CHECK(rels[0] == ":START_ID,:END_ID,:TYPE,weight:long,title,date:date,symmetric:boolean,docs:string[]");

  const std::pair<EntityType, const char*> kLabels[] = {
      {EntityType::kOfficial, "Official"}, {EntityType::kOrganization, "Organization"}, {EntityType::kPark, "Park"},
      {EntityType::kProject, "Project"},   {EntityType::kLocation, "Location"}};
  for (const auto& [t, want] : kLabels) CHECK(Neo4jLabel(t) == want);
  const std::pair<RelationType, const char*> kTypes[] = {{RelationType::kHoldsPosition, "HOLDS_POSITION"},
                                                         {RelationType::kMetWith, "MET_WITH"},
                                                         {RelationType::kSignedAgreement, "SIGNED_AGREEMENT"},
                                                         {RelationType::kLocatedIn, "LOCATED_IN"},
                                                         {RelationType::kVisited, "VISITED"}};
  for (const auto& [t, want] : kTypes) CHECK(Neo4jType(t) == want);

  const std::pair<const char*, const char*> kQuotes[] = {
      {"plain", "\"plain\""}, {"a\"b", "\"a\"\"b\""}, {"a,b", "\"a,b\""}, {"a\nb", "\"a b\""}, {"", "\"\""}};
  for (const auto& [in, want] : kQuotes) CHECK(CsvQuote(in) == want);

  // A ";" inside an alias must not split the string[] array.
  CHECK(nodes[2] ==
        "\"n1\",\"Entity;Organization\",\"青岩\"\"星火\"\"科技有限公司\",\"qing yan\"\"xing huo\"\"ke ji you xian gong "
        "si\",\"青岩科技;青岩；星火\",2,2019-06-20,2019-06-20");
  // Undated nodes leave their date fields empty; invalid dates are dropped.
  CHECK(nodes[5] == "\"n4\",\"Entity;Location\",\"江州市\",\"jiang zhou shi\",\"\",0,,");
  CHECK(rels[1] == "\"n0\",\"n1\",\"MET_WITH\",2,\"\",2019-06-18,true,\"a.txt;b；c.txt\"");
  CHECK(rels[2] == "\"n1\",\"n2\",\"SIGNED_AGREEMENT\",1,\"战略合作 \"\"框架\"\"\t协议\",,true,\"a.txt\"");
}

TEST_CASE("DOT: quoting, colors, undirected symmetric edges", "[export][dot]") {
  const std::pair<const char*, const char*> kQuotes[] = {
      {"a", "\"a\""}, {"a\"b", "\"a\\\"b\""}, {"a\\b", "\"a\\\\b\""}, {"a\nb", "\"a\\nb\""}, {"a\r\nb", "\"a\\nb\""}};
  for (const auto& [in, want] : kQuotes) CHECK(DotQuote(in) == want);

  KnowledgeGraph g = LoadTricky();
  std::string d = WriteDot(g);
  CHECK(d.rfind("// Written by kgb", 0) == 0);
  CHECK(Contains(d, "\"n2\" [label=\"江州<高新>区 & 园\", fillcolor=\"" + std::string(EntityColor(EntityType::kPark).hex)));
  CHECK(Contains(d, "\"n0\" -> \"n1\" [label=\"met_with\\n2019-06-18\""));
  CHECK(Contains(d, "\"n0\" -> \"n2\" [label=\"党工委书记\""));  // a position shows its title
  size_t e = d.find("\"n0\" -> \"n1\"");
  CHECK(d.find("dir=none", e) < d.find('\n', e));
  e = d.find("\"n0\" -> \"n3\"");
  CHECK(d.find("dir=none", e) > d.find('\n', e));
}

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/kgb_export_test.XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
};

TEST_CASE("WriteGraph: one entry point for every format", "[export]") {
  KnowledgeGraph g = LoadTricky();
  TempDir tmp;
  struct Case {
    ExportFormat format;
    std::string path;
    std::string want;  // the serializer's own output
  };
  const std::vector<Case> kCases = {
      {ExportFormat::kJson, tmp.path + "/g.json", WriteGraphJson(g)},
      {ExportFormat::kGraphml, tmp.path + "/g.graphml", WriteGraphml(g)},
      {ExportFormat::kGexf, tmp.path + "/g.gexf", WriteGexf(g)},
      {ExportFormat::kDot, tmp.path + "/g.dot", WriteDot(g)},
      {ExportFormat::kCsv, tmp.path + "/neo/", WriteNeo4jNodesCsv(g)},
  };
  for (const Case& c : kCases) {
    INFO(ExportFormatName(c.format));
    REQUIRE(CheckExportPath(c.format, c.path).ok());
    Status s = WriteGraph(g, c.format, c.path);
    INFO(s.ToString());
    REQUIRE(s.ok());
    std::string got;
    REQUIRE(ReadFile(c.format == ExportFormat::kCsv ? c.path + "nodes.csv" : c.path, &got).ok());
    CHECK(got == c.want);
  }
  std::string rels;
  REQUIRE(ReadFile(tmp.path + "/neo/relationships.csv", &rels).ok());
  CHECK(rels == WriteNeo4jRelationshipsCsv(g));
  // Writing again into the existing folder works.
  CHECK(WriteGraph(g, ExportFormat::kCsv, tmp.path + "/neo").ok());

  // Bad targets are refused before anything is written.
  CHECK(CheckExportPath(ExportFormat::kCsv, "-").code() == Status::Code::kInvalidArgument);
  CHECK(CheckExportPath(ExportFormat::kCsv, tmp.path + "/g.json").code() == Status::Code::kInvalidArgument);
  CHECK_FALSE(CheckExportPath(ExportFormat::kCsv, tmp.path + "/missing/neo").ok());
  CHECK_FALSE(CheckExportPath(ExportFormat::kGexf, tmp.path + "/missing/g.gexf").ok());
  CHECK(CheckExportPath(ExportFormat::kGexf, "-").ok());
  CHECK_FALSE(WriteGraph(g, ExportFormat::kCsv, tmp.path + "/missing/neo").ok());
  std::vector<ExportTarget> targets = {{ExportFormat::kDot, tmp.path + "/ok.dot"},
                                       {ExportFormat::kGexf, tmp.path + "/missing/g.gexf"}};
  CHECK_FALSE(CheckExportTargets(targets).ok());
  CHECK(CheckExportTargets({targets[0]}).ok());
}

}  // namespace
}  // namespace kgb
