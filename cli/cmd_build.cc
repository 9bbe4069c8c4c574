// kgb build: news files in, knowledge graph out.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
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
#include "util/messages.h"

namespace kgb {
namespace {

const char kUsage[] =
    "usage: kgb build [options] INPUT...\n"
    "       kgb build [options] --jsonl FILE|-\n"
    "       kgb build --into GRAPH.json [options] INPUT...\n"
    "\n"
    "Reads news pages and writes their knowledge graph. INPUT is a file, a\n"
    "folder (walked recursively, in sorted order) or - for standard input.\n"
    "Formats, found by content: text, HTML (the article body; charset from the\n"
    "BOM, <meta> or detection), PDF (columns kept apart; evidence offsets into\n"
    "`kgb text FILE`, with the page) and DOCX (likewise). Encodings: UTF-8 (with\n"
    "or without BOM), UTF-16 (with or without BOM), GB18030/GBK. Inputs that are\n"
    "not text (binary, empty, scanned or encrypted PDF, broken DOCX), links that are\n"
    "dangling, loop or lead to folders, and files over 2 GiB are skipped, each\n"
    "named on stderr with the reason; the rest go on (exit code 1). Documents\n"
    "over --max-doc-bytes are read in sections.\n"
    "\n"
    "options:\n"
    "  --json FILE      write the graph as JSON (kgb-graph, version 1)\n"
    "  --graphml FILE   write the graph as GraphML (Gephi, networkx, igraph)\n"
    "  --gexf FILE      write the graph as GEXF 1.3 with a timeline (Gephi)\n"
    "  --gexf-flavor F  gephi (default): mixed directed/undirected edges, GEXF 1.3;\n"
    "                   networkx: GEXF 1.2 with every edge directed (symmetric\n"
    "                   as an attribute), which networkx 2.8 and 3.x read\n"
    "  --csv DIR        write DIR/nodes.csv and DIR/relationships.csv (neo4j-admin)\n"
    "  --dot FILE       write the graph as DOT (Graphviz)\n"
    "  --html FILE      write one self-contained page to explore the graph in a\n"
    "                   browser (docs/viewer.md)\n"
    "  --max-nodes N    --html: show only the N most central entities (PageRank)\n"
    "  -o DIR           with no other output option: write DIR/graph.json\n"
    "                   and DIR/graph.graphml (default DIR: out); a folder, so a\n"
    "                   name ending in .json, .graphml, .gexf or .dot is refused:\n"
    "                   use --json FILE (--graphml FILE, ...) for one file\n"
    "  --jsonl FILE     read documents from JSON Lines FILE (- for standard input):\n"
    "                   one {\"id\": ..., \"text\": ..., \"date\": ...} per line (\"html\"\n"
    "                   instead of \"text\": a web page); the id\n"
    "                   names the document in evidence (may be repeated, and\n"
    "                   combined with INPUTs)\n"
    "  --into GRAPH     add the inputs to the graph in GRAPH (a kgb JSON file; a\n"
    "                   missing file is an empty graph) and write the result back\n"
    "                   to GRAPH (or to --json FILE). Documents already in GRAPH\n"
    "                   (by name) are not read again, so a re-run adds nothing\n"
    "  --threads N      worker threads (default: the number of cores)\n"
    "  --year YYYY      year for dates that state none, when the page states none\n"
    "  --max-doc-bytes N  read a document longer than N bytes of text (N may end\n"
    "                   in M for MiB) in sections of at most N bytes, cut at\n"
    "                   blank lines (articles, paragraphs), each read as a page\n"
    "                   of its own; bounds memory at about 8 bytes per byte of a\n"
    "                   section besides the graph (default 16M; 0: no limit)\n"
    "  --lexicon DIR    read the lexicons from DIR instead of the built-in ones\n"
    "  --quiet          print nothing but errors (no progress either; progress is\n"
    "                   shown only when standard error is a terminal)\n"
    "\n"
    "The same inputs give byte-identical output files. Output files are written\n"
    "to a temporary file and renamed (through a symbolic link, its target), so a\n"
    "failed or killed build leaves any previous output whole; -, /dev/stdout, a\n"
    "pipe or a device is written directly, never replaced.\n"
    "\n"
    "A document (a file path as given, or a JSONL id) counts once in a graph:\n"
    "an input whose name is already in the graph is not added again.\n"
    "\n"
    "examples:\n"
    "  kgb build examples/            # writes out/graph.json and out/graph.graphml\n"
    "  kgb build --into g.json news/2024-06/   # add a month to g.json\n"
    "  kgb build --jsonl - --json shard.json < docs.jsonl\n";

std::string Summary(const KnowledgeGraph& g) {
  std::ostringstream o;
  auto nodes = g.NodeCountsByType();
  auto edges = g.EdgeCountsByType();
  o << CountNoun(g.num_nodes(), "entity", "entities") << ":";
  for (int t = 0; t < kNumEntityTypes; ++t)
    o << (t ? ", " : " ") << nodes[t] << " " << EntityTypeName(static_cast<EntityType>(t));
  o << "\n" << CountNoun(g.num_edges(), "edge") << ":";
  for (int t = 0; t < kNumRelationTypes; ++t)
    o << (t ? ", " : " ") << edges[t] << " " << RelationTypeName(static_cast<RelationType>(t));
  o << "\n";
  return o.str();
}

// Progress on stderr for a terminal: one line, rewritten at most five times a
// second and cleared at the end.
class ProgressLine {
 public:
  explicit ProgressLine(bool on) : on_(on), start_(std::chrono::steady_clock::now()) {}
  ~ProgressLine() { Clear(); }
  void Update(const CorpusProgress& p) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    double secs = std::chrono::duration<double>(now - start_).count();
    std::cerr << "\r\033[Kkgb build: " << FormatProgress(p, secs) << std::flush;
  }
  void Clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  bool on_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

uint64_t InputBytes(const std::vector<std::string>& files) {
  uint64_t total = 0;
  for (const std::string& f : files) {
    std::error_code ec;
    if (f == "-") continue;
    uintmax_t n = std::filesystem::file_size(f, ec);
    if (!ec) total += n;
  }
  return total;
}

}  // namespace

int RunBuild(const Args& args) {
  std::string json_path, graphml_path, out_dir = "out", lexicon_dir, into_path;
  std::vector<std::string> jsonl_inputs;
  int threads = static_cast<int>(std::thread::hardware_concurrency());
  if (threads <= 0) threads = 1;
  bool quiet = false;
  ExtractOptions opts;
  std::vector<std::string> inputs;
  std::vector<ExportTarget> exports;  // --gexf, --csv, --dot, --html
  ExportOptions export_options;       // --gexf-flavor, --max-nodes
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
    } else if (a == "--max-nodes") {
      if (!value(&v) || !ParseMaxNodes(v, &export_options.max_nodes)) {
        std::cerr << "kgb build: --max-nodes takes a number of entities (at least 1)\n";
        return kExitUsage;
      }
    } else if (a == "--gexf" || a == "--csv" || a == "--dot" || a == "--html") {
      if (!value(&v)) goto missing;
      ExportTarget t{ExportFormat::kGexf, v};
      ParseExportFormat(a.substr(2), &t.format);
      exports.push_back(t);
    } else if (a == "--gexf-flavor") {
      if (!value(&v)) goto missing;
      if (!ParseGexfFlavor(v, &export_options.gexf_flavor)) {
        std::cerr << "kgb build: --gexf-flavor takes gephi or networkx, not '" << v << "'\n";
        return kExitUsage;
      }
    } else if (a == "-o") {
      if (!value(&out_dir)) goto missing;
    } else if (a == "--jsonl") {
      if (!value(&v)) goto missing;
      jsonl_inputs.push_back(v);
    } else if (a == "--into") {
      if (!value(&into_path)) goto missing;
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
    } else if (a == "--max-doc-bytes") {
      if (!value(&v)) goto missing;
      char* end = nullptr;
      unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || !std::isdigit(static_cast<unsigned char>(v[0])) || (*end != '\0' && std::string(end) != "M")) {
        std::cerr << "kgb build: --max-doc-bytes takes a number of bytes (or of MiB with M, e.g. 16M; 0: no limit)\n";
        return kExitUsage;
      }
      opts.max_doc_bytes = *end == 'M' ? n << 20 : n;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::string guess = ClosestWord(a, {"--json", "--graphml", "--gexf", "--gexf-flavor", "--csv", "--dot", "--html",
                                          "--max-nodes", "-o", "--jsonl", "--into", "--lexicon", "--threads", "--year",
                                          "--max-doc-bytes", "--quiet", "--help"});
      if (!guess.empty()) {
        std::cerr << "kgb build: unknown option " << a << "; did you mean '" << guess
                  << "'? ('kgb build --help' lists the options)\n";
      } else {
        std::cerr << "kgb build: unknown option " << a << "\n\n" << kUsage;
      }
      return kExitUsage;
    } else {
      inputs.push_back(a);
    }
    continue;
  missing:
    std::cerr << "kgb build: " << a << " needs a value\n";
    return kExitUsage;
  }
  if (inputs.empty() && jsonl_inputs.empty()) {
    std::cerr << "kgb build: no INPUT given\n\n" << kUsage;
    return kExitUsage;
  }
  {
    int stdin_users = static_cast<int>(std::count(inputs.begin(), inputs.end(), "-")) +
                      static_cast<int>(std::count(jsonl_inputs.begin(), jsonl_inputs.end(), "-")) +
                      (into_path == "-" ? 1 : 0);
    if (stdin_users > 1) {
      std::cerr << "kgb build: standard input (-) can be read only once\n";
      return kExitUsage;
    }
  }
  if (!into_path.empty() && json_path.empty()) {
    if (into_path == "-") {
      std::cerr << "kgb build: --into - needs --json FILE for the result\n";
      return kExitUsage;
    }
    json_path = into_path;
  }
  if (json_path.empty() && graphml_path.empty() && exports.empty()) {
    // -o names a folder; a file name there is a mistake, not a folder to make.
    struct stat st;
    bool is_dir = ::stat(out_dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    for (const char* ext : {".json", ".graphml", ".gexf", ".dot"}) {
      std::string e = ext;
      if (is_dir || out_dir.size() <= e.size() || out_dir.compare(out_dir.size() - e.size(), e.size(), e) != 0)
        continue;
      std::cerr << "kgb build: -o takes a folder (it receives graph.json and graph.graphml), not a file name\n"
                << "  to write one file, use: kgb build --" << (e == ".json" ? "json" : e.substr(1)) << " " << out_dir
                << " INPUT...\n";
      return kExitUsage;
    }
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

  GraphBuilder builder;
  size_t graph_documents = 0;
  if (!into_path.empty()) {
    KnowledgeGraph old;
    std::error_code ec;
    if (into_path == "-" || std::filesystem::exists(into_path, ec)) {
      Status l = LoadGraphFile(into_path, GraphReadOptions(), &old);
      if (!l.ok()) {
        std::cerr << "kgb build: --into: " << l.ToString() << "\n";
        return kExitIOError;
      }
      if (old.documents().empty() && old.num_nodes() > 0)
        std::cerr << "kgb build: warning: " << into_path
                  << " lists no documents: inputs already in it cannot be recognized and would count twice\n";
    }
    builder.AddGraph(old);
    graph_documents = builder.num_documents();
  }

  std::vector<std::string> files;
  std::vector<InputIssue> issues;
  ListInputs(inputs, &files, &issues);
  for (const InputIssue& is : issues) std::cerr << "kgb build: skipped " << is.status.message() << "\n";
  size_t reported = issues.size();

  CorpusStats stats;
  {
    ProgressLine line(!quiet && ::isatty(2));
    CorpusOptions copts;
    copts.threads = threads;
    copts.progress = [&](const CorpusProgress& p) { line.Update(p); };
    copts.bytes_total = InputBytes(files);
    if (!files.empty()) ExtractFiles(*extractor, files, copts, &builder, &issues, &stats);
    for (const std::string& j : jsonl_inputs) {
      JsonlSource source(j);
      copts.bytes_total = j == "-" ? 0 : InputBytes({j});
      ExtractDocuments(*extractor, &source, copts, &builder, &issues, &stats);
    }
  }
  for (size_t i = reported; i < issues.size(); ++i)
    std::cerr << "kgb build: skipped " << issues[i].status.message() << "\n";

  if (!issues.empty()) std::cerr << "kgb build: skipped " << CountNoun(issues.size(), "input") << " (named above)\n";
  if (stats.documents == 0 && stats.duplicates == 0 && !issues.empty()) {
    // Never replace a previous graph with an empty one.
    std::cerr << "kgb build: no input could be read; nothing written\n";
    return kExitIOError;
  }

  KnowledgeGraph graph = builder.Build();
  if (!json_path.empty()) {
    Status w = WriteOutput(json_path, WriteGraphJson(graph));
    if (!w.ok()) {
      std::cerr << "kgb build: " << w.ToString() << "\n";
      return kExitIOError;
    }
  }
  if (!graphml_path.empty()) {
    Status w = WriteOutput(graphml_path, WriteGraphml(graph));
    if (!w.ok()) {
      std::cerr << "kgb build: " << w.ToString() << "\n";
      return kExitIOError;
    }
  }
  if (Status w = WriteGraphs(graph, exports, export_options); !w.ok()) {
    std::cerr << "kgb build: " << w.ToString() << "\n";
    return kExitIOError;
  }
  if (!quiet) {
    bool to_stdout = IsStandardOutput(json_path) || IsStandardOutput(graphml_path);
    for (const ExportTarget& t : exports) to_stdout = to_stdout || IsStandardOutput(t.path);
    std::ostream& o = to_stdout ? std::cerr : std::cout;
    o << "read " << CountNoun(stats.documents, "document") << " (" << CountNoun(stats.bytes, "byte") << ", "
      << CountNoun(stats.sentences, "sentence") << ")";
    if (!issues.empty()) o << ", skipped " << CountNoun(issues.size(), "input");
    if (stats.duplicates > 0)
      o << ", " << CountNoun(stats.duplicates, "document") << " already in the graph not added again";
    o << "\n";
    if (!into_path.empty()) o << "added to " << CountNoun(graph_documents, "document") << " of " << into_path << "\n";
    o << Summary(graph);
    if (!json_path.empty() && !IsStandardOutput(json_path)) o << "wrote " << json_path << "\n";
    if (!graphml_path.empty() && !IsStandardOutput(graphml_path)) o << "wrote " << graphml_path << "\n";
    for (const ExportTarget& t : exports)
      if (!IsStandardOutput(t.path)) o << "wrote " << t.path << "\n";
  }
  return issues.empty() ? kExitOk : kExitSkipped;
}

}  // namespace kgb
