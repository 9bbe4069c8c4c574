#include "export/graphml.h"

#include <sstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export/layout.h"
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

}  // namespace

std::string WriteGraphml(const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  const Layout layout = ComputeLayout(kg);
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
       "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
       "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
       "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
       "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
       "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
       "  <key id=\"pinyin\" for=\"node\" attr.name=\"pinyin\" attr.type=\"string\"/>\n"
       "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
       "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
       "  <key id=\"first_seen\" for=\"node\" attr.name=\"first_seen\" attr.type=\"string\"/>\n"
       "  <key id=\"last_seen\" for=\"node\" attr.name=\"last_seen\" attr.type=\"string\"/>\n"
       "  <key id=\"rel\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
       "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
       "  <key id=\"title\" for=\"edge\" attr.name=\"title\" attr.type=\"string\"/>\n"
       "  <key id=\"date\" for=\"edge\" attr.name=\"date\" attr.type=\"string\"/>\n"
       "  <key id=\"symmetric\" for=\"edge\" attr.name=\"symmetric\" attr.type=\"boolean\"/>\n"
       "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
    << GraphmlPositionKeys() << "  <graph id=\"kgb\" edgedefault=\"directed\">\n";
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
    o << GraphmlPositionData(layout, v) << "    </node>\n";
  }
  size_t k = 0;
  for (EdgeDesc ed : boost::make_iterator_range(boost::edges(g))) {
    const Edge& e = g[ed];
    o << "    <edge id=\"e" << k++ << "\" source=\"" << XmlEscape(g[boost::source(ed, g)].id) << "\" target=\""
      << XmlEscape(g[boost::target(ed, g)].id) << "\">\n";
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
