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
//     Gephi keeps parallel edges of different relations apart;
//   - the graph is mode="dynamic" with timeformat="date": a dated edge
//     starts on its date, a node on its first_seen (or its earliest edge, if
//     earlier), both open-ended, so Gephi's timeline shows the graph grow.
//     Undated nodes and edges have no time and are always shown.
//
// The published 1.3 schema puts the viz elements in the GEXF namespace (its
// viz.xsd has no target namespace), so the `viz` prefix is bound to
// http://gexf.net/1.3; Gephi reads the elements by local name either way.
#ifndef KGB_EXPORT_GEXF_H_
#define KGB_EXPORT_GEXF_H_

#include <string>

#include "graph/knowledge_graph.h"

namespace kgb {

std::string WriteGexf(const KnowledgeGraph& graph);

}  // namespace kgb

#endif  // KGB_EXPORT_GEXF_H_
