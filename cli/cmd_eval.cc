// kgb eval: a graph and gold annotations in, precision / recall / F1 out.
#include <iostream>

#include "cli/commands.h"
#include "eval/gold.h"
#include "eval/score.h"
#include "util/file_io.h"

namespace kgb {
namespace {

const char kUsage[] =
    "usage: kgb eval [options] GRAPH GOLD...\n"
    "       kgb eval [options] --graph GRAPH GOLD...\n"
    "\n"
    "Scores a graph JSON file (kgb build --json, or any JSON with nodes[].{id,\n"
    "label,type,aliases} and edges[].{source,target,type}; - for standard\n"
    "input) against gold annotations: GOLD is a gold .json file or a folder of\n"
    "them. Prints tp, fp, fn, precision, recall and F1 per entity type and per\n"
    "relation type; the last line is the summary:\n"
    "  entity F1 0.812  relation F1 0.640\n"
    "Matching rules and the gold format: docs/eval.md (ANNOTATION.md).\n"
    "\n"
    "options:\n"
    "  --graph FILE   the graph (then every argument is a GOLD)\n"
    "  --misses       also list what was missed and what is spurious\n"
    "  --by-doc       first one line per annotated page (gold/d01.json scores\n"
    "                 the part of the graph from d01.txt); with --misses, the\n"
    "                 lists grouped by page. Needs a graph from kgb build\n"
    "  --json         print the scores as JSON instead\n"
    "\n"
    "example:\n"
    "  kgb build --json g.json pages/ && kgb eval g.json gold/ --misses\n";

}  // namespace

int RunEval(const Args& args) {
  std::string graph_path;
  bool misses = false, json = false, by_doc = false;
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (a == "--misses") {
      misses = true;
    } else if (a == "--json") {
      json = true;
    } else if (a == "--by-doc") {
      by_doc = true;
    } else if (a == "--graph") {
      if (i + 1 >= args.size()) {
        std::cerr << "kgb eval: --graph needs a value\n";
        return kExitUsage;
      }
      graph_path = args[++i];
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::cerr << "kgb eval: unknown option " << a << "\n\n" << kUsage;
      return kExitUsage;
    } else {
      positional.push_back(a);
    }
  }
  if (graph_path.empty() && !positional.empty()) {
    graph_path = positional.front();
    positional.erase(positional.begin());
  }
  if (graph_path.empty() || positional.empty()) {
    std::cerr << "kgb eval: need a GRAPH and at least one GOLD\n\n" << kUsage;
    return kExitUsage;
  }

  std::string text;
  Status s = ReadFile(graph_path, &text);
  const std::string source = graph_path == "-" ? "<stdin>" : graph_path;
  eval::EvalResult result;
  bool no_documents = false;  // --by-doc on a graph without document information: a usage error
  if (by_doc) {
    std::vector<eval::GoldText> gold_files;
    if (s.ok()) s = eval::ReadGoldFiles(positional, &gold_files);
    if (s.ok()) {
      s = eval::ScoreGraphByDocument(text, source, gold_files, &result);
      no_documents = s.code() == Status::Code::kUnsupported;
    }
  } else {
    eval::Gold gold;
    if (s.ok()) s = eval::LoadGold(positional, &gold);
    if (s.ok()) s = eval::ScoreGraph(text, source, gold, &result);
  }
  if (!s.ok()) {
    std::cerr << "kgb eval: " << s.ToString() << "\n";
    return no_documents ? kExitUsage : kExitIOError;
  }
  Status w = WriteOutput("-", json ? eval::FormatJsonReport(result) : eval::FormatReport(result, misses));
  if (!w.ok()) {
    std::cerr << "kgb eval: " << w.ToString() << "\n";
    return kExitIOError;
  }
  return kExitOk;
}

}  // namespace kgb
