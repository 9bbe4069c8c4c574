// CSV files for `neo4j-admin database import full` (Neo4j 5; `neo4j-admin
// import` in 4.x), the path for graphs that outgrow files.
//
// nodes.csv:
//   id:ID,:LABEL,label,pinyin,aliases:string[],mentions:long,first_seen:date,last_seen:date
//   "n0","Entity;Official","林致远","lin zhi yuan","",12,2022-04-30,2022-04-30
// relationships.csv:
//   :START_ID,:END_ID,:TYPE,weight:long,title,date:date,symmetric:boolean,docs:string[]
//   "n0","n5","HOLDS_POSITION",2,"主任",2022-04-30,false,"a.txt;b.txt"
//
// Every node has the label Entity plus one for its type (Official,
// Organization, Park, Project, Location); relationship types are the relation
// names in upper case (HOLDS_POSITION, MET_WITH, SIGNED_AGREEMENT,
// LOCATED_IN, VISITED). Neo4j relationships are directed: met_with and
// signed_agreement are stored once, with symmetric=true, and are queried
// without an arrow: (a)-[:MET_WITH]-(b). Empty dates are left empty, which
// the importer reads as "no property".
//
// Fields are quoted RFC 4180 style ("" for a quote) with the importer's
// defaults (delimiter ",", array delimiter ";", quote '"'); a ";" inside an
// array element is written as the full-width "；" so that it cannot split
// the element. Line breaks inside values become spaces, so the files import
// without --multiline-fields.
#ifndef KGB_EXPORT_NEO4J_CSV_H_
#define KGB_EXPORT_NEO4J_CSV_H_

#include <string>

#include "graph/knowledge_graph.h"

namespace kgb {

inline constexpr const char* kNeo4jNodesFile = "nodes.csv";
inline constexpr const char* kNeo4jRelationshipsFile = "relationships.csv";

std::string WriteNeo4jNodesCsv(const KnowledgeGraph& graph);
std::string WriteNeo4jRelationshipsCsv(const KnowledgeGraph& graph);

// "Official", "Organization", ...; "HOLDS_POSITION", "MET_WITH", ...
std::string Neo4jLabel(EntityType t);
std::string Neo4jType(RelationType t);

// `s` as one quoted CSV field, line breaks replaced by spaces.
std::string CsvQuote(const std::string& s);

}  // namespace kgb

#endif  // KGB_EXPORT_NEO4J_CSV_H_
