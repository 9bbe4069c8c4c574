// kgb: a knowledge-graph builder for Chinese local-government and
// development-zone news. A thin dispatcher over the subcommands.
#include <sys/stat.h>

#include <cstring>
#include <iostream>

#include "cli/commands.h"
#include "graph/json_io.h"
#include "util/file_io.h"
#include "util/messages.h"

namespace {

struct Command {
  const char* name;
  int (*run)(const kgb::Args&);
  const char* summary;
};

const Command kCommands[] = {
    {"build", kgb::RunBuild, "read news files and write the knowledge graph (JSON, GraphML)"},
    {"inspect", kgb::RunInspect, "show the sentences, entities and relations kgb reads in one page"},
    {"eval", kgb::RunEval, "score a graph against gold annotations (precision, recall, F1)"},
    {"export", kgb::RunExport, "write a graph as GraphML, GEXF, Neo4j CSV, DOT or JSON"},
    {"query", kgb::RunQuery, "answer questions about a graph: entity, neighbors, path, search, ..."},
    {"merge", kgb::RunMerge, "merge graphs of sharded or incremental builds into one"},
};

void Usage(std::ostream& o) {
  o << "usage: kgb COMMAND [ARGS...]\n\ncommands:\n";
  for (const Command& c : kCommands) o << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary << "\n";
  o << "\n'kgb COMMAND --help' describes a command.\n\n"
       "'kgb --version' prints the version.\n\n"
       "exit codes:\n"
       "  0  everything was read and written\n"
       "  1  done, but some inputs were skipped (each is named on stderr)\n"
       "  2  usage error (unknown command or option, bad value)\n"
       "  3  I/O error: an output could not be written, no input was usable, or a\n"
       "     graph file could not be read or is not a kgb graph\n"
       "  4  query: a name matched nothing or more than one entity\n"
       "  5  query path: there is no path between the two entities\n";
}

bool Exists(const std::string& path, bool* is_dir) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  *is_dir = S_ISDIR(st.st_mode);
  return true;
}

bool EndsWith(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// An unknown first word: a typo of a command, or an input given without one.
void UnknownCommand(const std::string& cmd) {
  std::vector<std::string> names;
  for (const Command& c : kCommands) names.push_back(c.name);
  std::string guess = kgb::ClosestWord(cmd, names);
  bool is_dir = false;
  if (Exists(cmd, &is_dir)) {
    // `kgb examples/` or `kgb graph.json`: say which command reads it.
    bool graph = !is_dir && EndsWith(cmd, ".json");
    std::cerr << "kgb: '" << cmd << "' is not a command; to "
              << (graph ? "ask a graph, run: kgb query " + cmd + " stats"
                        : "build a graph from it, run: kgb build " + cmd)
              << "\n'kgb --help' lists the commands.\n";
  } else if (!guess.empty()) {
    std::cerr << "kgb: unknown command '" << cmd << "'; did you mean 'kgb " << guess << "'?\n"
              << "'kgb --help' lists the commands.\n";
  } else {
    std::cerr << "kgb: unknown command '" << cmd << "'\n\n";
    Usage(std::cerr);
  }
}

}  // namespace

int main(int argc, char** argv) {
  kgb::GuardStandardStreams();
  if (argc < 2) {
    Usage(std::cerr);
    return kgb::kExitUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    Usage(std::cout);
    return kgb::kExitOk;
  }
  if (cmd == "--version" || cmd == "-V" || cmd == "version") {
    std::cout << "kgb " << KGB_VERSION << " (graph files: " << kgb::kGraphFormat << " version " << kgb::kGraphVersion
              << ")\n";
    return kgb::kExitOk;
  }
  kgb::Args args(argv + 2, argv + argc);
  for (const Command& c : kCommands) {
    if (cmd == c.name) return c.run(args);
  }
  UnknownCommand(cmd);
  return kgb::kExitUsage;
}
