#include "export/neo4j_csv.h"

#include <cctype>
#include <set>
#include <sstream>

#include "export/style.h"
#include "util/pinyin.h"

namespace kgb {

std::string Neo4jLabel(EntityType t) {
  std::string name = EntityTypeName(t);
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

std::string Neo4jType(RelationType t) {
  std::string name = RelationTypeName(t);
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

std::string CsvQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else if (c == '\n' || c == '\r') out.push_back(' ');
    else out.push_back(c);
  }
  out.push_back('"');
  return out;
}

namespace {

// One string[] field: elements joined by ";", a ";" inside one as "；".
std::string CsvArray(const std::vector<std::string>& items) {
  std::string joined;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) joined.push_back(';');
    for (char c : items[i]) {
      if (c == ';') joined += "\xEF\xBC\x9B";  // U+FF1B FULLWIDTH SEMICOLON
      else joined.push_back(c);
    }
  }
  return CsvQuote(joined);
}

// A date field: the ISO date unquoted, or empty (no property).
std::string CsvDate(const std::string& d) { return IsIsoDate(d) ? d : ""; }

}  // namespace

std::string WriteNeo4jNodesCsv(const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  std::ostringstream o;
  o << "id:ID,:LABEL,label,pinyin,aliases:string[],mentions:long,first_seen:date,last_seen:date\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    o << CsvQuote(n.id) << "," << CsvQuote("Entity;" + Neo4jLabel(n.type)) << "," << CsvQuote(n.label) << ","
      << CsvQuote(Pinyin(n.label)) << "," << CsvArray(n.aliases) << "," << n.mentions << ","
      << CsvDate(n.first_seen) << "," << CsvDate(n.last_seen) << "\n";
  }
  return o.str();
}

std::string WriteNeo4jRelationshipsCsv(const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  std::ostringstream o;
  o << ":START_ID,:END_ID,:TYPE,weight:long,title,date:date,symmetric:boolean,docs:string[]\n";
  for (EdgeDesc ed : boost::make_iterator_range(boost::edges(g))) {
    const Edge& e = g[ed];
    std::set<std::string> docs;
    for (const Evidence& ev : e.evidence) docs.insert(ev.doc);
    o << CsvQuote(g[boost::source(ed, g)].id) << "," << CsvQuote(g[boost::target(ed, g)].id) << ","
      << CsvQuote(Neo4jType(e.type)) << "," << e.weight << "," << CsvQuote(e.title) << "," << CsvDate(e.date) << ","
      << (IsSymmetric(e.type) ? "true" : "false") << "," << CsvArray({docs.begin(), docs.end()}) << "\n";
  }
  return o.str();
}

}  // namespace kgb
