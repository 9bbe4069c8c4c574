#include "export/dot.h"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "export/graphml.h"
#include "export/style.h"
#include "util/pinyin.h"

namespace kgb {

std::string DotQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      continue;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

namespace {

// Black text on light fills, white on dark ones.
const char* TextColor(const Rgb& c) {
  double lum = 0.299 * c.r + 0.587 * c.g + 0.114 * c.b;
  return lum > 110 ? "#000000" : "#FFFFFF";
}

std::string PenWidth(uint64_t weight) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", 1.0 + std::log2(static_cast<double>(weight > 0 ? weight : 1)));
  return buf;
}

}  // namespace

std::string WriteDot(const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  std::ostringstream o;
  o << "// Written by kgb. Render with: dot -Tsvg FILE -o graph.svg\n"
       "digraph kgb {\n"
       "  graph [rankdir=LR, overlap=false, splines=true, fontname=\"sans-serif\", fontsize=11, labelloc=b,\n"
       "         label=<<table border=\"0\" cellspacing=\"4\"><tr>";
  for (int t = 0; t < kNumEntityTypes; ++t) {
    Rgb c = EntityColor(static_cast<EntityType>(t));
    o << "<td bgcolor=\"" << c.hex << "\"><font color=\"" << TextColor(c) << "\"> "
      << EntityTypeName(static_cast<EntityType>(t)) << " </font></td>";
  }
  o << "</tr></table>>];\n"
       "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", fontsize=12, penwidth=0];\n"
       "  edge [fontname=\"sans-serif\", fontsize=9, color=\"#666666\", fontcolor=\"#333333\"];\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    Rgb c = EntityColor(n.type);
    std::string tip = std::string(EntityTypeName(n.type)) + " | " + Pinyin(n.label) + " | " +
                      std::to_string(n.mentions) + " mentions";
    if (!n.first_seen.empty()) tip += " | first seen " + n.first_seen;
    o << "  " << DotQuote(n.id) << " [label=" << DotQuote(n.label) << ", fillcolor=\"" << c.hex
      << "\", fontcolor=\"" << TextColor(c) << "\"";
    if (n.type == EntityType::kOfficial) o << ", shape=ellipse, style=filled";
    o << ", tooltip=" << DotQuote(tip) << "];\n";
  }
  for (EdgeDesc ed : boost::make_iterator_range(boost::edges(g))) {
    const Edge& e = g[ed];
    // A position reads better as its title (党工委书记) than as holds_position.
    std::string label = e.type == RelationType::kHoldsPosition && !e.title.empty() ? e.title : RelationTypeName(e.type);
    if (!e.date.empty()) label += "\n" + e.date;
    o << "  " << DotQuote(g[boost::source(ed, g)].id) << " -> " << DotQuote(g[boost::target(ed, g)].id)
      << " [label=" << DotQuote(label) << ", penwidth=" << PenWidth(e.weight);
    if (IsSymmetric(e.type)) o << ", dir=none";
    if (!e.title.empty()) o << ", tooltip=" << DotQuote(e.title);
    o << "];\n";
  }
  o << "}\n";
  return o.str();
}

}  // namespace kgb
