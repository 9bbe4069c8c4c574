// The layout (export/layout.h) on tiny graphs written as edge lists, and the
// HTML page (export/html.h) on the invented fixture. The page in a browser
// is tested by tests/scripts/view_browser.sh.
#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "export/formats.h"
#include "export/html.h"
#include "export/layout.h"
#include "graph/json_io.h"
#include "test_paths.h"

namespace kgb {
namespace {

// "N: a-b c-d ..." -> N entities n0..n(N-1) and one met_with per pair.
KnowledgeGraph Parse(const std::string& spec) {
  KnowledgeGraph g;
  std::istringstream in(spec);
  size_t n;
  char colon;
  in >> n >> colon;
  for (size_t i = 0; i < n; ++i) {
    Node node;
    node.id = "n" + std::to_string(i);
    node.label = "江州" + std::to_string(i) + "号公司";
    g.AddNode(node);
  }
  for (std::string pair; in >> pair;) {
    size_t dash = pair.find('-');
    Edge e;
    e.type = RelationType::kMetWith;
    e.weight = 1;
    e.evidence.push_back({"a.txt", 0, 3, "句", "", ""});
    g.AddEdge(std::stoul(pair.substr(0, dash)), std::stoul(pair.substr(dash + 1)), e);
  }
  g.RebuildIndex();
  return g;
}

// A star of `leaves` + 1 entities (large enough for Fruchterman-Reingold
// from 60 leaves on) and `extra` isolated entities after it.
std::string Star(size_t leaves, size_t extra = 0) {
  std::string s = std::to_string(leaves + 1 + extra) + ":";
  for (size_t i = 1; i <= leaves; ++i) s += " 0-" + std::to_string(i);
  return s;
}

TEST_CASE("layout: components packed apart, largest first, edges kSpacing long", "[layout]") {
  struct Case {
    std::string spec;
    size_t components;
  };
  const std::vector<Case> kCases = {
      {"0:", 0},
      {"1:", 1},
      {"2: 0-1", 1},
      {"3: 0-0", 3},                        // a self-loop is no edge for the layout
      {"6: 0-1 1-2 3-4", 3},                // a path, a pair, an isolated entity
      {"6: 0-1 1-2 2-0 3-4 4-5 5-3 0-1", 2},  // two triangles, a parallel edge
      {Star(100), 1},
      {Star(70, 3) + " 71-72", 3},          // the star, a pair, an isolated entity
  };
  for (const Case& c : kCases) {
    INFO(c.spec.substr(0, 40));
    KnowledgeGraph g = Parse(c.spec);
    Layout a = ComputeLayout(g), b = ComputeLayout(g);
    REQUIRE(a.position.size() == g.num_nodes());
    CHECK(a.num_components == c.components);
    // Deterministic.
    for (size_t v = 0; v < g.num_nodes(); ++v) {
      CHECK(a.position[v].x == b.position[v].x);
      CHECK(a.position[v].y == b.position[v].y);
    }
    // Inside the box, finite.
    for (const Point2& p : a.position) {
      CHECK(std::isfinite(p.x));
      CHECK(std::isfinite(p.y));
      CHECK(p.x >= -1e-9);
      CHECK(p.y >= -1e-9);
      CHECK(p.x <= a.width + 1e-9);
      CHECK(p.y <= a.height + 1e-9);
    }
    if (g.num_nodes() == 0) continue;
    // Component boxes do not overlap; component 0 is (one of) the largest.
    std::vector<double> x0(a.num_components, 1e300), y0(a.num_components, 1e300), x1(a.num_components, -1e300),
        y1(a.num_components, -1e300);
    std::vector<size_t> size(a.num_components, 0);
    for (size_t v = 0; v < g.num_nodes(); ++v) {
      int k = a.component[v];
      x0[k] = std::min(x0[k], a.position[v].x);
      y0[k] = std::min(y0[k], a.position[v].y);
      x1[k] = std::max(x1[k], a.position[v].x);
      y1[k] = std::max(y1[k], a.position[v].y);
      ++size[k];
    }
    for (size_t k = 1; k < a.num_components; ++k) CHECK(size[k] <= size[0]);
    for (size_t i = 0; i < a.num_components; ++i)
      for (size_t j = i + 1; j < a.num_components; ++j) {
        bool apart = x1[i] < x0[j] || x1[j] < x0[i] || y1[i] < y0[j] || y1[j] < y0[i];
        CHECK(apart);
      }
    // Edges of every component kSpacing long on average (self-loops aside).
    std::vector<double> total(a.num_components, 0);
    std::vector<size_t> count(a.num_components, 0);
    const Graph& gg = g.graph();
    std::vector<std::pair<size_t, size_t>> seen;
    for (EdgeDesc e : boost::make_iterator_range(boost::edges(gg))) {
      size_t s = boost::source(e, gg), t = boost::target(e, gg);
      if (s == t) continue;
      std::pair<size_t, size_t> key{std::min(s, t), std::max(s, t)};
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;  // parallel
      seen.push_back(key);
      total[a.component[s]] += std::hypot(a.position[s].x - a.position[t].x, a.position[s].y - a.position[t].y);
      ++count[a.component[s]];
    }
    for (size_t k = 0; k < a.num_components; ++k)
      if (count[k] > 0) CHECK(total[k] / count[k] == Approx(kSpacing).epsilon(1e-6));
  }
}

TEST_CASE("layout: coordinates and position attributes", "[layout]") {
  CHECK(FormatCoordinate(1.005) == "1.00");  // binary 1.00499...
  CHECK(FormatCoordinate(-0.001) == "0.00");
  CHECK(FormatCoordinate(-12.345) == "-12.35");
  Layout l;
  l.position = {{1.5, 2.25}};
  CHECK(GraphmlPositionData(l, 0) == "      <data key=\"x\">1.50</data>\n      <data key=\"y\">2.25</data>\n");
  CHECK(GexfPosition(l, 0) == "        <viz:position x=\"1.50\" y=\"-2.25\" z=\"0.0\"/>\n");
  CHECK(GexfPosition(l, 1).empty());
  CHECK(FrIterations(100) == 100);
  CHECK(FrIterations(20000) < FrIterations(2000));
  CHECK(FrIterations(1000000) >= 1);
}

KnowledgeGraph LoadTricky() {
  KnowledgeGraph g;
  Status s = LoadGraphFile(std::string(KGB_FIXTURES_DIR) + "/export/tricky.json", GraphReadOptions(), &g);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return g;
}

TEST_CASE("html: one page, data escaped, --max-nodes by PageRank", "[html]") {
  ExportFormat f;
  REQUIRE(ParseExportFormat("html", &f));
  CHECK(f == ExportFormat::kHtml);
  KnowledgeGraph g = LoadTricky();
  std::string page;
  Status s = WriteHtml(g, HtmlOptions(), &page);
  if (!HtmlViewerAvailable()) {
    // Built without web/node_modules: a clear refusal, before any work.
    CHECK(s.code() == Status::Code::kUnsupported);
    CHECK(s.message().find("scripts/setup.sh") != std::string::npos);
    CHECK(CheckExportPath(ExportFormat::kHtml, "view.html").code() == Status::Code::kUnsupported);
    return;
  }
  REQUIRE(s.ok());
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  size_t data = page.find("<script type=\"application/json\" id=\"kgb-data\">");
  REQUIRE(data != std::string::npos);
  size_t end = page.find("</script>", data);
  std::string json = page.substr(data, end - data);
  CHECK(json.find('<', 1) == std::string::npos);  // only the opening tag's own
  CHECK(json.find("\\u003c高新>") != std::string::npos);
  CHECK(json.find("\"kept\":\"all\"") != std::string::npos);
  size_t evidence = page.find("<script type=\"application/x-kgb-evidence\" id=\"kgb-evidence\">", end);
  REQUIRE(evidence != std::string::npos);
  std::string lines = page.substr(evidence, page.find("</script>", evidence) - evidence);
  CHECK(lines.find('<', 1) == std::string::npos);
  CHECK(static_cast<size_t>(std::count(lines.begin(), lines.end(), '\n')) == g.num_edges());
  std::string again;
  REQUIRE(WriteHtml(g, HtmlOptions(), &again).ok());
  CHECK(again == page);

  HtmlOptions top;
  top.max_nodes = 2;
  REQUIRE(WriteHtml(g, top, &page).ok());
  CHECK(page.find("\"kept\":\"pagerank\"") != std::string::npos);
  CHECK(page.find("\"entities\":" + std::to_string(g.num_nodes())) != std::string::npos);
}

}  // namespace
}  // namespace kgb
