// GraphML export for Gephi, networkx and igraph: one file that all three
// read as meant.
//
// Node keys: label, type, pinyin, aliases ("|"-joined), mentions (int),
// first_seen, last_seen, then the keys Gephi's GraphML importer takes as the
// node's look: r, g, b (int) and color ("#RRGGBB") from the palette of
// export/style.h, and size (double, export/style.h's NodeSize of the
// mentions). These look keys are one table in graphml.cc (kNodeLookKeys), so
// that a layout's x and y (Gephi reads them the same way) go next to them.
// Edge keys: label (attr.name "label", key id "edge_label": the relation, or
// "holds_position: TITLE"; Gephi shows it as the edge label), type, weight
// (double), title, date, symmetric (boolean), evidence (a JSON array in one
// string). Optional values (first_seen, last_seen, title, date) are left out
// when empty. Every attribute is a declared <key> with attr.name and
// attr.type; Gephi maps the keys named label, weight, r, g, b, color and size
// onto its own columns.
//
// Edges: every edge has a unique id (e0, e1, ...). The graph is directed
// (edgedefault="directed") and every edge is stored as kgb stores it, so
// networkx (which refuses a directed="false" edge in a directed graph) and
// igraph read a plain directed multigraph, with symmetric=true on met_with
// and signed_agreement. For Gephi, each edge also carries two attributes in
// the namespace urn:kgb:gephi (prefix gephi:), which Gephi's importer reads
// by their local name and networkx and igraph skip as foreign:
//   gephi:label     the relation type, Gephi's edge type: two relations
//                   between one pair stay two edges instead of being merged;
//   gephi:directed  "false" on met_with and signed_agreement, so meetings
//                   and signings show without arrows (a mixed graph).
#ifndef KGB_EXPORT_GRAPHML_H_
#define KGB_EXPORT_GRAPHML_H_

#include <string>

#include "graph/knowledge_graph.h"

namespace kgb {

// The namespace of the Gephi-only edge attributes (see above).
inline constexpr const char* kGraphmlGephiNamespace = "urn:kgb:gephi";

std::string WriteGraphml(const KnowledgeGraph& graph);

// Escapes &, <, >, " and drops characters XML 1.0 forbids.
std::string XmlEscape(const std::string& s);

// The edge's evidence as a compact JSON array of {"doc", "start", "end",
// "sentence", "date"?, "title"?} objects, for formats with flat attributes.
std::string EvidenceJson(const Edge& e);

}  // namespace kgb

#endif  // KGB_EXPORT_GRAPHML_H_
