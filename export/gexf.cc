#include "export/gexf.h"

#include <cstdio>
#include <sstream>
#include <vector>

#include "export/graphml.h"
#include "export/style.h"
#include "util/pinyin.h"

namespace kgb {
namespace {

// XmlEscape for attribute values: a parser turns a literal tab or line break
// in an attribute into a space, a character reference survives.
std::string AttrEscape(const std::string& s) {
  std::string e = XmlEscape(s), out;
  out.reserve(e.size());
  for (char c : e) {
    if (c == '\n') out += "&#10;";
    else if (c == '\r') out += "&#13;";
    else if (c == '\t') out += "&#9;";
    else out.push_back(c);
  }
  return out;
}

void AttValue(std::ostringstream& o, const char* id, const std::string& value) {
  o << "          <attvalue for=\"" << id << "\" value=\"" << AttrEscape(value) << "\"/>\n";
}

std::string FormatSize(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// Lowers *date to `d` when `d` is a valid, earlier date.
void MinDate(std::string* date, const std::string& d) {
  if (IsIsoDate(d) && (date->empty() || d < *date)) *date = d;
}

}  // namespace

const char* GexfFlavorName(GexfFlavor f) { return f == GexfFlavor::kGephi ? "gephi" : "networkx"; }

bool ParseGexfFlavor(const std::string& name, GexfFlavor* out) {
  for (GexfFlavor f : {GexfFlavor::kGephi, GexfFlavor::kNetworkx}) {
    if (name == GexfFlavorName(f)) {
      *out = f;
      return true;
    }
  }
  return false;
}

std::string WriteGexf(const KnowledgeGraph& kg, GexfFlavor flavor) {
  const bool gephi = flavor == GexfFlavor::kGephi;
  const Graph& g = kg.graph();

  // When each node enters the timeline: its first_seen, or its earliest edge
  // if that is earlier, so that no edge appears before its ends.
  std::vector<std::string> start(boost::num_vertices(g));
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) MinDate(&start[v], g[v].first_seen);
  std::string graph_start, graph_end;
  for (EdgeDesc ed : boost::make_iterator_range(boost::edges(g))) {
    const std::string& d = g[ed].date;
    MinDate(&start[boost::source(ed, g)], d);
    MinDate(&start[boost::target(ed, g)], d);
  }
  for (const std::string& d : start) {
    if (d.empty()) continue;
    MinDate(&graph_start, d);
    if (d > graph_end) graph_end = d;
  }
  for (EdgeDesc ed : boost::make_iterator_range(boost::edges(g)))
    if (IsIsoDate(g[ed].date) && g[ed].date > graph_end) graph_end = g[ed].date;

  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (gephi) {
    o << "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3\"\n"
         "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n";
  } else {
    o << "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"\n"
         "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "      xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" "
         "version=\"1.2\">\n";
  }
  o << "  <meta>\n"
       "    <creator>kgb</creator>\n"
       "    <description>knowledge graph of local-government and development-zone news</description>\n"
       "  </meta>\n"
       "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\"";
  if (gephi) o << " timerepresentation=\"interval\"";
  if (!graph_start.empty()) o << " start=\"" << graph_start << "\" end=\"" << graph_end << "\"";
  o << ">\n"
       "    <attributes class=\"node\" mode=\"static\">\n"
       "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
       "      <attribute id=\"pinyin\" title=\"pinyin\" type=\"string\"/>\n"
       "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
       "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
       "      <attribute id=\"first_seen\" title=\"first_seen\" type=\"string\"/>\n"
       "      <attribute id=\"last_seen\" title=\"last_seen\" type=\"string\"/>\n"
       "    </attributes>\n"
       "    <attributes class=\"edge\" mode=\"static\">\n"
       "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
       "      <attribute id=\"title\" title=\"title\" type=\"string\"/>\n"
       "      <attribute id=\"date\" title=\"date\" type=\"string\"/>\n"
       "      <attribute id=\"symmetric\" title=\"symmetric\" type=\"boolean\"/>\n"
       "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
       "    </attributes>\n";
  o << "    <nodes count=\"" << boost::num_vertices(g) << "\">\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    o << "      <node id=\"" << AttrEscape(n.id) << "\" label=\"" << AttrEscape(n.label) << "\"";
    if (!start[v].empty()) o << " start=\"" << start[v] << "\"";
    o << ">\n        <attvalues>\n";
    AttValue(o, "type", EntityTypeName(n.type));
    AttValue(o, "pinyin", Pinyin(n.label));
    std::string aliases;
    for (const std::string& a : n.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    AttValue(o, "aliases", aliases);
    AttValue(o, "mentions", std::to_string(n.mentions));
    if (!n.first_seen.empty()) AttValue(o, "first_seen", n.first_seen);
    if (!n.last_seen.empty()) AttValue(o, "last_seen", n.last_seen);
    Rgb c = EntityColor(n.type);
    o << "        </attvalues>\n"
      << "        <viz:color r=\"" << int{c.r} << "\" g=\"" << int{c.g} << "\" b=\"" << int{c.b} << "\"/>\n"
      << "        <viz:size value=\"" << FormatSize(NodeSize(n.mentions)) << "\"/>\n"
      << "      </node>\n";
  }
  o << "    </nodes>\n";
  o << "    <edges count=\"" << boost::num_edges(g) << "\">\n";
  size_t k = 0;
  for (EdgeDesc ed : boost::make_iterator_range(boost::edges(g))) {
    const Edge& e = g[ed];
    o << "      <edge id=\"e" << k++ << "\" source=\"" << AttrEscape(g[boost::source(ed, g)].id) << "\" target=\""
      << AttrEscape(g[boost::target(ed, g)].id) << "\"";
    if (gephi)
      o << " type=\"" << (IsSymmetric(e.type) ? "undirected" : "directed") << "\" kind=\"" << RelationTypeName(e.type)
        << "\"";
    o << " label=\"" << AttrEscape(EdgeLabel(e.type, e.title)) << "\" weight=\"" << e.weight << "\"";
    if (IsIsoDate(e.date)) o << " start=\"" << e.date << "\"";
    o << ">\n        <attvalues>\n";
    AttValue(o, "type", RelationTypeName(e.type));
    if (!e.title.empty()) AttValue(o, "title", e.title);
    if (!e.date.empty()) AttValue(o, "date", e.date);
    AttValue(o, "symmetric", IsSymmetric(e.type) ? "true" : "false");
    AttValue(o, "evidence", EvidenceJson(e));
    o << "        </attvalues>\n      </edge>\n";
  }
  o << "    </edges>\n  </graph>\n</gexf>\n";
  return o.str();
}

}  // namespace kgb
