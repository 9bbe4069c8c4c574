// kgb build: news files in, knowledge graph out.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "export/formats.h"
#include "export/graphml.h"
#include "graph/builder.h"
#include "graph/json_io.h"
#include "ingest/corpus.h"
#include "ingest/pipeline.h"
#include "util/file_io.h"

namespace kgb {
namespace {

const char kUsage[] =
    "usage: kgb build [options] INPUT...\n"
    "\n"
    "Reads news pages and writes their knowledge graph. INPUT is a file, a\n"
    "folder (walked recursively, in sorted order) or - for standard input.\n"
    "Encodings: UTF-8 (with or without BOM), UTF-16 (with or without BOM),\n"
    "GB18030/GBK. Inputs that are not text (binary, empty), links that are\n"
    "dangling, loop or lead to folders, and files over 64 MiB are skipped, each\n"
    "named on stderr with the reason; the rest go on (exit code 1).\n"
    "\n"
    "options:\n"
    "  --json FILE      write the graph as JSON (kgb-graph, version 1)\n"
    "  --graphml FILE   write the graph as GraphML (Gephi, networkx, igraph)\n"
    "  --gexf FILE      write the graph as GEXF 1.3 with a timeline (Gephi)\n"
    "  --csv DIR        write DIR/nodes.csv and DIR/relationships.csv (neo4j-admin)\n"
    "  --dot FILE       write the graph as DOT (Graphviz)\n"
    "  -o DIR           with no other output option: write DIR/graph.json\n"
    "                   and DIR/graph.graphml (default DIR: out)\n"
    "  --threads N      worker threads (default: the number of cores)\n"
    "  --year YYYY      year for dates that state none, when the page states none\n"
    "  --lexicon DIR    read the lexicons from DIR instead of the built-in ones\n"
    "  --quiet          print nothing but errors\n"
    "\n"
    "The same inputs give byte-identical output files. Outputs are written to a\n"
    "temporary file and renamed, so a failed or killed build leaves any previous\n"
    "output whole.\n"
    "\n"
    "example:\n"
    "  kgb build examples/            # writes out/graph.json and out/graph.graphml\n";

std::string Summary(const KnowledgeGraph& g) {
  std::ostringstream o;
  auto nodes = g.NodeCountsByType();
  auto edges = g.EdgeCountsByType();
  o << g.num_nodes() << " entities:";
  for (int t = 0; t < kNumEntityTypes; ++t)
    o << (t ? ", " : " ") << nodes[t] << " " << EntityTypeName(static_cast<EntityType>(t));
  o << "\n" << g.num_edges() << " edges:";
  for (int t = 0; t < kNumRelationTypes; ++t)
    o << (t ? ", " : " ") << edges[t] << " " << RelationTypeName(static_cast<RelationType>(t));
  o << "\n";
  return o.str();
}

}  // namespace

int RunBuild(const Args& args) {
  std::string json_path, graphml_path, out_dir = "out", lexicon_dir;
  int threads = static_cast<int>(std::thread::hardware_concurrency());
  if (threads <= 0) threads = 1;
  bool quiet = false;
  ExtractOptions opts;
  std::vector<std::string> inputs;
  std::vector<ExportTarget> exports;  // --gexf, --csv, --dot
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (a == "--json") {
      if (!value(&json_path)) goto missing;
    } else if (a == "--graphml") {
      if (!value(&graphml_path)) goto missing;
    } else if (a == "--gexf" || a == "--csv" || a == "--dot") {
      if (!value(&v)) goto missing;
      ExportTarget t{ExportFormat::kGexf, v};
      ParseExportFormat(a.substr(2), &t.format);
      exports.push_back(t);
    } else if (a == "-o") {
      if (!value(&out_dir)) goto missing;
    } else if (a == "--lexicon") {
      if (!value(&lexicon_dir)) goto missing;
    } else if (a == "--threads") {
      if (!value(&v)) goto missing;
      threads = std::atoi(v.c_str());
      if (threads < 1 || threads > 256) {
        std::cerr << "kgb build: --threads takes a number from 1 to 256\n";
        return kExitUsage;
      }
    } else if (a == "--year") {
      if (!value(&v)) goto missing;
      opts.default_year = std::atoi(v.c_str());
      if (opts.default_year < 1900 || opts.default_year > 2100) {
        std::cerr << "kgb build: --year takes a year such as 2023\n";
        return kExitUsage;
      }
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::cerr << "kgb build: unknown option " << a << "\n\n" << kUsage;
      return kExitUsage;
    } else {
      inputs.push_back(a);
    }
    continue;
  missing:
    std::cerr << "kgb build: " << a << " needs a value\n";
    return kExitUsage;
  }
  if (inputs.empty()) {
    std::cerr << "kgb build: no INPUT given\n\n" << kUsage;
    return kExitUsage;
  }
  if (json_path.empty() && graphml_path.empty() && exports.empty()) {
    if (::access(out_dir.c_str(), F_OK) != 0 && ::mkdir(out_dir.c_str(), 0755) != 0) {
      std::cerr << "kgb build: cannot create output folder " << out_dir << "\n";
      return kExitIOError;
    }
    json_path = out_dir + "/graph.json";
    graphml_path = out_dir + "/graph.graphml";
  }
  // Outputs are checked before any work starts.
  if (Status x = CheckExportTargets(exports); !x.ok()) {
    std::cerr << "kgb build: " << x.message() << "\n";
    return kExitIOError;
  }
  for (const std::string& p : {json_path, graphml_path}) {
    if (p.empty()) continue;
    Status s = CheckWritable(p);
    if (!s.ok()) {
      std::cerr << "kgb build: " << s.message() << "\n";
      return kExitIOError;
    }
  }

  std::shared_ptr<const Lexicon> lexicon;
  if (!lexicon_dir.empty()) {
    Status s = Lexicon::LoadDir(lexicon_dir, &lexicon);
    if (!s.ok()) {
      std::cerr << "kgb build: " << s.ToString() << "\n";
      return kExitUsage;
    }
  }
  std::unique_ptr<Extractor> extractor;
  Status s = Extractor::Create(lexicon, opts, &extractor);
  if (!s.ok()) {
    std::cerr << "kgb build: " << s.ToString() << "\n";
    return kExitIOError;
  }

  std::vector<std::string> files;
  std::vector<InputIssue> issues;
  ListInputs(inputs, &files, &issues);
  for (const InputIssue& is : issues) std::cerr << "kgb build: skipped " << is.status.message() << "\n";
  size_t listed_issues = issues.size();

  GraphBuilder builder;
  CorpusOptions copts;
  copts.threads = threads;
  CorpusStats stats;
  ExtractFiles(*extractor, files, copts, &builder, &issues, &stats);
  for (size_t i = listed_issues; i < issues.size(); ++i)
    std::cerr << "kgb build: skipped " << issues[i].status.message() << "\n";

  if (!issues.empty()) {
    std::cerr << "kgb build: skipped " << issues.size() << " of " << files.size() + listed_issues
              << " inputs (named above)\n";
  }
  if (stats.documents == 0 && !issues.empty()) {
    // Never replace a previous graph with an empty one.
    std::cerr << "kgb build: no input could be read; nothing written\n";
    return kExitIOError;
  }

  KnowledgeGraph graph = builder.Build();
  if (!json_path.empty()) {
    Status w = WriteFileAtomic(json_path, WriteGraphJson(graph));
    if (!w.ok()) {
      std::cerr << "kgb build: " << w.ToString() << "\n";
      return kExitIOError;
    }
  }
  if (!graphml_path.empty()) {
    Status w = WriteFileAtomic(graphml_path, WriteGraphml(graph));
    if (!w.ok()) {
      std::cerr << "kgb build: " << w.ToString() << "\n";
      return kExitIOError;
    }
  }
  if (Status w = WriteGraphs(graph, exports); !w.ok()) {
    std::cerr << "kgb build: " << w.ToString() << "\n";
    return kExitIOError;
  }
  if (!quiet) {
    std::ostream& o = json_path == "-" || graphml_path == "-" ? std::cerr : std::cout;
    o << "read " << stats.documents << " documents (" << stats.bytes << " bytes, " << stats.sentences
      << " sentences)";
    if (!issues.empty()) o << ", skipped " << issues.size() << " inputs";
    o << "\n" << Summary(graph);
    if (!json_path.empty() && json_path != "-") o << "wrote " << json_path << "\n";
    if (!graphml_path.empty() && graphml_path != "-") o << "wrote " << graphml_path << "\n";
    for (const ExportTarget& t : exports)
      if (t.path != "-") o << "wrote " << t.path << "\n";
  }
  return issues.empty() ? kExitOk : kExitSkipped;
}

}  // namespace kgb
