// Merging graph files: the reduce step of sharded builds.
//
// The merged graph is what one build over all the shards' inputs gives (see
// GraphBuilder), byte for byte once written, in any order and grouping of the
// shards. Documents count once (PlanGraphMerge): a file whose documents are
// all in the other files adds nothing, and files that share only some
// documents are refused.
#ifndef KGB_GRAPH_MERGE_H_
#define KGB_GRAPH_MERGE_H_

#include <string>
#include <vector>

#include "graph/json_io.h"
#include "graph/knowledge_graph.h"
#include "util/status.h"

namespace kgb {

struct MergeReport {
  size_t merged = 0;                 // files whose content was added
  std::vector<std::string> dropped;  // "A: all its documents are in B"
};

// Reads the graph files at `paths` ("-": standard input, at most once) and
// merges them into *out. Files are read twice (their document lists first),
// except standard input, so memory holds one input graph at a time besides
// the result. Fails on the first unreadable file, or as PlanGraphMerge does.
Status MergeGraphFiles(const std::vector<std::string>& paths, const GraphReadOptions& options,
                       KnowledgeGraph* out, MergeReport* report);

}  // namespace kgb

#endif  // KGB_GRAPH_MERGE_H_
