// kgb merge: graph files in, one graph out (the reduce step of sharded builds).
#include <iostream>

#include "cli/commands.h"
#include "export/graphml.h"
#include "graph/json_io.h"
#include "graph/merge.h"
#include "util/file_io.h"
#include "util/messages.h"

namespace kgb {
namespace {

const char kUsage[] =
    "usage: kgb merge -o OUT.json [options] GRAPH.json...\n"
    "\n"
    "Merges graphs written by kgb build (or kgb merge) into one. The result is\n"
    "byte for byte the graph one kgb build over all their inputs writes, in any\n"
    "order and grouping of the inputs. A document counts once: a graph whose\n"
    "documents all appear in the other inputs adds nothing (so merging a graph\n"
    "with itself gives it back); graphs that share only some documents are\n"
    "refused, since their counts cannot be separated. GRAPH may be - (standard\n"
    "input), once.\n"
    "\n"
    "options:\n"
    "  -o FILE          write the merged graph as JSON to FILE (- for standard output)\n"
    "  --graphml FILE   also write it as GraphML\n"
    "  --quiet          print nothing but errors\n"
    "\n"
    "example:\n"
    "  kgb build --json a.json news/2023/ && kgb build --json b.json news/2024/\n"
    "  kgb merge -o all.json a.json b.json\n";

}  // namespace

int RunMerge(const Args& args) {
  std::string out_path, graphml_path;
  bool quiet = false;
  std::vector<std::string> inputs;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (a == "-o" || a == "--json" || a == "--graphml") {
      if (i + 1 >= args.size()) {
        std::cerr << "kgb merge: " << a << " needs a value\n";
        return kExitUsage;
      }
      (a == "--graphml" ? graphml_path : out_path) = args[++i];
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "kgb merge: unknown option " << a << "\n\n" << kUsage;
      return kExitUsage;
    } else {
      inputs.push_back(a);
    }
  }
  if (out_path.empty()) {
    std::cerr << "kgb merge: -o OUT is required\n\n" << kUsage;
    return kExitUsage;
  }
  if (inputs.empty()) {
    std::cerr << "kgb merge: no GRAPH given\n\n" << kUsage;
    return kExitUsage;
  }
  int stdin_inputs = 0;
  for (const std::string& in : inputs) stdin_inputs += in == "-";
  if (stdin_inputs > 1) {
    std::cerr << "kgb merge: standard input (-) can be read only once\n";
    return kExitUsage;
  }
  for (const std::string& p : {out_path, graphml_path}) {
    if (p.empty()) continue;
    Status s = CheckWritable(p);
    if (!s.ok()) {
      std::cerr << "kgb merge: " << s.message() << "\n";
      return kExitIOError;
    }
  }
  KnowledgeGraph graph;
  MergeReport report;
  Status s = MergeGraphFiles(inputs, GraphReadOptions(), &graph, &report);
  if (!s.ok()) {
    std::cerr << "kgb merge: " << s.ToString() << "\n";
    if (IsNotAGraph(s)) std::cerr << "kgb merge: each GRAPH must be a kgb graph: run `kgb build --json g.json FILE...` first\n";
    return s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitIOError;
  }
  Status w = WriteOutput(out_path, WriteGraphJson(graph));
  if (w.ok() && !graphml_path.empty()) w = WriteOutput(graphml_path, WriteGraphml(graph));
  if (!w.ok()) {
    std::cerr << "kgb merge: " << w.ToString() << "\n";
    return kExitIOError;
  }
  if (!quiet) {
    std::ostream& o = IsStandardOutput(out_path) || IsStandardOutput(graphml_path) ? std::cerr : std::cout;
    for (const std::string& d : report.dropped) o << "kgb merge: not added again: " << d << "\n";
    o << "merged " << CountNoun(report.merged, "graph") << " (" << CountNoun(graph.documents().size(), "document")
      << "): " << CountNoun(graph.num_nodes(), "entity", "entities") << ", " << CountNoun(graph.num_edges(), "edge")
      << "\n";
    if (!IsStandardOutput(out_path)) o << "wrote " << out_path << "\n";
    if (!graphml_path.empty() && !IsStandardOutput(graphml_path)) o << "wrote " << graphml_path << "\n";
  }
  return kExitOk;
}

}  // namespace kgb
