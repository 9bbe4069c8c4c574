// DOT export for Graphviz, colored like the GEXF (export/style.h).
//
// One `digraph`: nodes are filled with their entity type's color (officials
// as ellipses, everything else as rounded boxes) and carry a tooltip with
// type, pinyin and mentions; met_with and signed_agreement edges are drawn
// without arrowheads (dir=none). Each edge is labeled with its relation type
// (a holds_position edge with its title instead) and, when known, its date;
// its pen width is 1 + log2(weight). The graph label is a legend of the
// palette. Render with e.g.
//   dot -Tsvg graph.dot -o graph.svg      (or sfdp for large graphs)
#ifndef KGB_EXPORT_DOT_H_
#define KGB_EXPORT_DOT_H_

#include <string>

#include "graph/knowledge_graph.h"

namespace kgb {

std::string WriteDot(const KnowledgeGraph& graph);

// Quotes `s` as a DOT string: "..." with " and \ escaped and line breaks as \n.
std::string DotQuote(const std::string& s);

}  // namespace kgb

#endif  // KGB_EXPORT_DOT_H_
