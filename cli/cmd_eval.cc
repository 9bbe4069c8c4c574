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
    "  --json         print the scores as JSON instead\n"
    "\n"
    "example:\n"
    "  kgb build --json g.json pages/ && kgb eval g.json gold/ --misses\n";

}  // namespace

int RunEval(const Args& args) {
  std::string graph_path;
  bool misses = false, json = false;
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
  eval::Gold gold;
  if (s.ok()) s = eval::LoadGold(positional, &gold);
  eval::EvalResult result;
  if (s.ok()) s = eval::ScoreGraph(text, graph_path == "-" ? "<stdin>" : graph_path, gold, &result);
  if (!s.ok()) {
    std::cerr << "kgb eval: " << s.ToString() << "\n";
    return kExitIOError;
  }
  Status w = WriteOutput("-", json ? eval::FormatJsonReport(result) : eval::FormatReport(result, misses));
  if (!w.ok()) {
    std::cerr << "kgb eval: " << w.ToString() << "\n";
    return kExitIOError;
  }
  return kExitOk;
}

}  // namespace kgb
