// GEXF 1.3 export for Gephi, with a timeline.
//
// The file validates against the GEXF 1.3 schema (tests/fixtures/gexf-1.3/
// gexf.xsd, checked with xmllint by tests/scripts/export_readers.sh):
//   - <attributes> declare the node attributes type, pinyin, aliases,
//     mentions (integer), first_seen, last_seen and the edge attributes
//     type, title, date, symmetric (boolean), evidence (JSON string);
//   - every node carries viz:color by entity type (export/style.h) and
//     viz:size by mentions;
//   - met_with and signed_agreement edges are type="undirected", the others
//     directed; every edge has its weight and kind = its relation type, so
//     Gephi keeps parallel edges of different relations apart, and a label
//     (export/style.h's EdgeLabel: "met_with", "holds_position: 党工委书记");
//   - the graph is mode="dynamic" with timeformat="date": a dated edge
//     starts on its date, a node on its first_seen (or its earliest edge, if
//     earlier), both open-ended, so Gephi's timeline shows the graph grow.
//     Undated nodes and edges have no time and are always shown.
//
// The published 1.3 schema puts the viz elements in the GEXF namespace (its
// viz.xsd has no target namespace), so the `viz` prefix is bound to
// http://gexf.net/1.3; Gephi reads the elements by local name either way.
//
// That file is Gephi's: networkx refuses a graph of mixed directed and
// undirected edges, and networkx 2.8 (Debian 12) reads only GEXF 1.1/1.2.
// The networkx flavor is the same graph as GEXF 1.2draft (namespaces
// http://www.gexf.net/1.2draft and .../1.2draft/viz, which networkx 2.8 and
// 3.x read) with every edge directed, as stored: symmetric relations keep
// symmetric=true as an attribute, and there is no 1.3-only `kind` or
// `timerepresentation`. Gephi reads it too, but shows arrows on meetings.
#ifndef KGB_EXPORT_GEXF_H_
#define KGB_EXPORT_GEXF_H_

#include <string>

#include "graph/knowledge_graph.h"

namespace kgb {

enum class GexfFlavor {
  kGephi,     // GEXF 1.3, mixed edges (the default)
  kNetworkx,  // GEXF 1.2draft, every edge directed
};

// "gephi", "networkx".
const char* GexfFlavorName(GexfFlavor f);
bool ParseGexfFlavor(const std::string& name, GexfFlavor* out);

std::string WriteGexf(const KnowledgeGraph& graph, GexfFlavor flavor = GexfFlavor::kGephi);

}  // namespace kgb

#endif  // KGB_EXPORT_GEXF_H_
