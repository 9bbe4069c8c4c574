// The one entry point for writing a graph in any export format, shared by
// `kgb export` and `kgb build`.
//
//   format    writes                                   for
//   json      the kgb-graph JSON (graph/json_io.h)     kgb itself, scripts
//   graphml   GraphML (export/graphml.h)               Gephi, networkx, igraph
//   gexf      GEXF 1.3 with a timeline (export/gexf.h) Gephi; networkx with
//             (or GEXF 1.2, all edges directed:         ExportOptions::gexf_flavor
//             GexfFlavor::kNetworkx)                    = kNetworkx
//   csv       PATH/nodes.csv, PATH/relationships.csv   neo4j-admin import
//             (export/neo4j_csv.h)
//   dot       DOT (export/dot.h)                       Graphviz
//
// Single-file formats write PATH with WriteOutput (util/file_io.h): a file
// atomically (temporary file and rename, links kept), "-", a pipe or a
// device directly. For csv, PATH is a folder, created if missing (its parent
// must exist); each of its two files is written atomically.
#ifndef KGB_EXPORT_FORMATS_H_
#define KGB_EXPORT_FORMATS_H_

#include <string>
#include <string_view>
#include <vector>

#include "export/gexf.h"
#include "graph/knowledge_graph.h"
#include "util/status.h"

namespace kgb {

enum class ExportFormat { kJson, kGraphml, kGexf, kCsv, kDot };

const char* ExportFormatName(ExportFormat f);  // "json", "graphml", ...
bool ParseExportFormat(std::string_view name, ExportFormat* out);
// "json|graphml|gexf|csv|dot", for usage messages.
const char* ExportFormatList();

// Checks before any work starts that WriteGraph(_, format, path) could write:
// the folder of a file exists and is writable; a csv PATH is a folder or can
// be created as one; csv refuses "-".
Status CheckExportPath(ExportFormat format, const std::string& path);

// Choices within a format; the defaults suit the common reader.
struct ExportOptions {
  GexfFlavor gexf_flavor = GexfFlavor::kGephi;
};

// Writes `graph` to `path` in `format`.
Status WriteGraph(const KnowledgeGraph& graph, ExportFormat format, const std::string& path,
                  const ExportOptions& options = {});

// Several outputs at once (kgb build --gexf FILE --csv DIR --dot FILE).
struct ExportTarget {
  ExportFormat format;
  std::string path;
};
// CheckExportPath for each target, stopping at the first failure.
Status CheckExportTargets(const std::vector<ExportTarget>& targets);
// WriteGraph for each target in order, stopping at the first failure; the
// message names the path.
Status WriteGraphs(const KnowledgeGraph& graph, const std::vector<ExportTarget>& targets,
                   const ExportOptions& options = {});

}  // namespace kgb

#endif  // KGB_EXPORT_FORMATS_H_
