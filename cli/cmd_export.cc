// kgb export: a graph file in, the same graph in another format out.
#include <iostream>

#include "cli/commands.h"
#include "cli/messages.h"
#include "export/formats.h"
#include "graph/json_io.h"
#include "util/messages.h"

namespace kgb {
namespace {

const char kUsage[] =
    "usage: kgb export GRAPH.json [--format FORMAT] [--flavor F] -o PATH\n"
    "\n"
    "Reads a graph written by `kgb build --json` (- for standard input) and\n"
    "writes it in another format.\n"
    "\n"
    "options:\n"
    "  --format F   json | graphml | gexf | csv | dot; by default taken from\n"
    "               PATH's extension (.json, .graphml, .gexf, .dot)\n"
    "  --flavor F   for gexf: gephi (default; GEXF 1.3, mixed directed and\n"
    "               undirected edges) or networkx (GEXF 1.2, every edge directed,\n"
    "               symmetric as an attribute: networkx 2.8 and 3.x read it)\n"
    "  -o PATH      the output file (- for standard output); for csv a folder,\n"
    "               created if missing, that receives nodes.csv and\n"
    "               relationships.csv for neo4j-admin database import\n"
    "\n"
    "formats:\n"
    "  graphml   Gephi, networkx, igraph: typed attributes, pinyin, dates,\n"
    "            edge labels, colors and sizes (one file for all three)\n"
    "  gexf      Gephi (GEXF 1.3): colors by type, sizes by mentions, a timeline;\n"
    "            --flavor networkx for networkx\n"
    "  csv       Neo4j bulk import (id:ID, :LABEL, :START_ID, :END_ID, :TYPE)\n"
    "  dot       Graphviz, colored like the GEXF\n"
    "  json      the kgb-graph JSON again\n"
    "\n"
    "examples:\n"
    "  kgb export out/graph.json -o graph.gexf\n"
    "  kgb export out/graph.json --flavor networkx -o graph-nx.gexf\n"
    "  kgb export out/graph.json --format csv -o neo4j/\n"
    "  kgb export out/graph.json --format dot -o - | dot -Tsvg > graph.svg\n";

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool FormatFromExtension(const std::string& path, ExportFormat* out) {
  for (const char* ext : {"json", "graphml", "gexf", "dot"})
    if (EndsWith(path, std::string(".") + ext)) return ParseExportFormat(ext, out);
  return false;
}

}  // namespace

int RunExport(const Args& args) {
  std::string input, output, format_name, flavor_name;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (a == "--format" || a == "-f" || a == "-o" || a == "--flavor" || a == "--gexf-flavor") {
      if (i + 1 >= args.size()) {
        std::cerr << "kgb export: " << a << " needs a value\n";
        return kExitUsage;
      }
      (a == "-o" ? output : a == "--format" || a == "-f" ? format_name : flavor_name) = args[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      std::string guess = ClosestWord(a, {"--format", "--flavor", "--help"});
      if (!guess.empty())
        std::cerr << "kgb export: unknown option " << a << "; did you mean '" << guess << "'?\n";
      else
        std::cerr << "kgb export: unknown option " << a << "\n\n" << kUsage;
      return kExitUsage;
    } else if (input.empty()) {
      input = a;
    } else {
      std::cerr << "kgb export: one GRAPH file only (got " << input << " and " << a << ")\n";
      return kExitUsage;
    }
  }
  if (input.empty() || output.empty()) {
    std::cerr << "kgb export: " << (input.empty() ? "no GRAPH given" : "no -o PATH given") << "\n\n" << kUsage;
    return kExitUsage;
  }
  ExportFormat format;
  if (!format_name.empty()) {
    if (!ParseExportFormat(format_name, &format)) {
      std::cerr << "kgb export: unknown format '" << format_name << "' (" << ExportFormatList() << ")"
                << DidYouMean(format_name, {"json", "graphml", "gexf", "csv", "dot"}) << "\n";
      return kExitUsage;
    }
  } else if (!FormatFromExtension(output, &format)) {
    std::cerr << "kgb export: give --format (" << ExportFormatList() << "); " << output
              << " has no known extension\n";
    return kExitUsage;
  }
  ExportOptions options;
  if (!flavor_name.empty()) {
    if (format != ExportFormat::kGexf) {
      std::cerr << "kgb export: --flavor applies to gexf only (GraphML is one file for Gephi, networkx and igraph)\n";
      return kExitUsage;
    }
    if (!ParseGexfFlavor(flavor_name, &options.gexf_flavor)) {
      std::cerr << "kgb export: --flavor takes gephi or networkx, not '" << flavor_name << "'\n";
      return kExitUsage;
    }
  }
  Status s = CheckExportPath(format, output);
  if (!s.ok()) {
    std::cerr << "kgb export: " << s.message() << "\n";
    return s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitIOError;
  }
  KnowledgeGraph graph;
  s = LoadGraphFile(input, GraphReadOptions(), &graph);
  if (!s.ok()) {
    std::cerr << GraphLoadError("export", input, s);
    return kExitIOError;
  }
  s = WriteGraph(graph, format, output, options);
  if (!s.ok()) {
    std::cerr << "kgb export: " << s.ToString() << "\n";
    return kExitIOError;
  }
  return kExitOk;
}

}  // namespace kgb
