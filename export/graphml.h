// GraphML export for Gephi, networkx and igraph.
//
// Follows Gephi's importer conventions: node and edge attributes are declared
// <key>s with attr.name and attr.type; the node `label` and edge `weight` keys
// are the ones Gephi maps to its own label and weight columns. The graph is
// directed (edgedefault="directed"); met_with and signed_agreement edges carry
// symmetric=true instead of a per-edge `directed` flag, which networkx rejects.
//
// Node keys: label, type, pinyin, aliases ("|"-joined), mentions (int),
// first_seen, last_seen. Edge keys: type, weight (double), title, date,
// symmetric (boolean), evidence (a JSON array in one string). Optional values
// (first_seen, last_seen, title, date) are left out when empty.
#ifndef KGB_EXPORT_GRAPHML_H_
#define KGB_EXPORT_GRAPHML_H_

#include <string>

#include "graph/knowledge_graph.h"

namespace kgb {

std::string WriteGraphml(const KnowledgeGraph& graph);

// Escapes &, <, >, " and drops characters XML 1.0 forbids.
std::string XmlEscape(const std::string& s);

// The edge's evidence as a compact JSON array of {"doc", "start", "end",
// "sentence", "date"?, "title"?} objects, for formats with flat attributes.
std::string EvidenceJson(const Edge& e);

}  // namespace kgb

#endif  // KGB_EXPORT_GRAPHML_H_
