#include "export/graphml.h"

#include <cstdio>
#include <sstream>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export/style.h"
#include "util/pinyin.h"

namespace kgb {

std::string XmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
        out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// Evidence as a compact JSON array inside one string attribute, so that no
// reader has to know a nested schema.
std::string EvidenceJson(const Edge& e) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (const Evidence& ev : e.evidence) {
    w.StartObject();
    w.Key("doc"); w.String(ev.doc.c_str(), static_cast<rapidjson::SizeType>(ev.doc.size()));
    w.Key("start"); w.Uint64(ev.start);
    w.Key("end"); w.Uint64(ev.end);
    w.Key("sentence"); w.String(ev.sentence.c_str(), static_cast<rapidjson::SizeType>(ev.sentence.size()));
    if (!ev.date.empty()) { w.Key("date"); w.String(ev.date.c_str(), static_cast<rapidjson::SizeType>(ev.date.size())); }
    if (!ev.title.empty()) { w.Key("title"); w.String(ev.title.c_str(), static_cast<rapidjson::SizeType>(ev.title.size())); }
    w.EndObject();
  }
  w.EndArray();
  return std::string(buf.GetString(), buf.GetSize());
}

namespace {

void Data(std::ostringstream& o, const char* key, const std::string& value) {
  o << "      <data key=\"" << key << "\">" << XmlEscape(value) << "</data>\n";
}

void Key(std::ostringstream& o, const char* id, const char* for_what, const char* name, const char* type) {
  o << "  <key id=\"" << id << "\" for=\"" << for_what << "\" attr.name=\"" << name << "\" attr.type=\"" << type
    << "\"/>\n";
}

// The node keys Gephi's GraphML importer takes as the node's look (matched by
// key id or attr.name), declared and written in this order. A layout adds
// {"x", "double"} and {"y", "double"} here and their values in NodeLook.
struct LookKey {
  const char* name;  // key id and attr.name
  const char* type;  // attr.type
};
constexpr LookKey kNodeLookKeys[] = {
    {"r", "int"}, {"g", "int"}, {"b", "int"}, {"color", "string"}, {"size", "double"},
};

// The values of kNodeLookKeys for one node, in the same order.
std::vector<std::string> NodeLook(const Node& n) {
  Rgb c = EntityColor(n.type);
  char size[32];
  std::snprintf(size, sizeof size, "%.2f", NodeSize(n.mentions));
  return {std::to_string(c.r), std::to_string(c.g), std::to_string(c.b), c.hex, size};
}

}  // namespace

std::string WriteGraphml(const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
       "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
       "         xmlns:gephi=\""
    << kGraphmlGephiNamespace
    << "\"\n"
       "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
       "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
       "  <!-- Written by kgb. gephi:label (the relation) and gephi:directed (false for met_with and\n"
       "       signed_agreement) are read by Gephi; networkx and igraph skip them and see every edge\n"
       "       as stored, with symmetric=true on met_with and signed_agreement. -->\n";
  Key(o, "label", "node", "label", "string");
  Key(o, "type", "node", "type", "string");
  Key(o, "pinyin", "node", "pinyin", "string");
  Key(o, "aliases", "node", "aliases", "string");
  Key(o, "mentions", "node", "mentions", "int");
  Key(o, "first_seen", "node", "first_seen", "string");
  Key(o, "last_seen", "node", "last_seen", "string");
  for (const LookKey& k : kNodeLookKeys) Key(o, k.name, "node", k.name, k.type);
  Key(o, "edge_label", "edge", "label", "string");
  Key(o, "rel", "edge", "type", "string");
  Key(o, "weight", "edge", "weight", "double");
  Key(o, "title", "edge", "title", "string");
  Key(o, "date", "edge", "date", "string");
  Key(o, "symmetric", "edge", "symmetric", "boolean");
  Key(o, "evidence", "edge", "evidence", "string");
  o << "  <graph id=\"kgb\" edgedefault=\"directed\">\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    o << "    <node id=\"" << XmlEscape(n.id) << "\">\n";
    Data(o, "label", n.label);
    Data(o, "type", EntityTypeName(n.type));
    Data(o, "pinyin", Pinyin(n.label));
    std::string aliases;
    for (const std::string& a : n.aliases) {
      if (!aliases.empty()) aliases += "|";
      aliases += a;
    }
    Data(o, "aliases", aliases);
    Data(o, "mentions", std::to_string(n.mentions));
    if (!n.first_seen.empty()) Data(o, "first_seen", n.first_seen);
    if (!n.last_seen.empty()) Data(o, "last_seen", n.last_seen);
    std::vector<std::string> look = NodeLook(n);
    for (size_t i = 0; i < look.size(); ++i) Data(o, kNodeLookKeys[i].name, look[i]);
    o << "    </node>\n";
  }
  size_t k = 0;
  for (EdgeDesc ed : boost::make_iterator_range(boost::edges(g))) {
    const Edge& e = g[ed];
    o << "    <edge id=\"e" << k++ << "\" source=\"" << XmlEscape(g[boost::source(ed, g)].id) << "\" target=\""
      << XmlEscape(g[boost::target(ed, g)].id) << "\" gephi:label=\"" << RelationTypeName(e.type) << "\"";
    if (IsSymmetric(e.type)) o << " gephi:directed=\"false\"";
    o << ">\n";
    Data(o, "edge_label", EdgeLabel(e.type, e.title));
    Data(o, "rel", RelationTypeName(e.type));
    Data(o, "weight", std::to_string(e.weight));
    if (!e.title.empty()) Data(o, "title", e.title);
    if (!e.date.empty()) Data(o, "date", e.date);
    Data(o, "symmetric", IsSymmetric(e.type) ? "true" : "false");
    Data(o, "evidence", EvidenceJson(e));
    o << "    </edge>\n";
  }
  o << "  </graph>\n</graphml>\n";
  return o.str();
}

}  // namespace kgb
