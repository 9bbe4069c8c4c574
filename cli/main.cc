// kgb: a knowledge-graph builder for Chinese local-government and
// development-zone news. A thin dispatcher over the subcommands.
#include <cstring>
#include <iostream>

#include "cli/commands.h"
#include "util/file_io.h"

namespace {

struct Command {
  const char* name;
  int (*run)(const kgb::Args&);
  const char* summary;
};

const Command kCommands[] = {
    {"build", kgb::RunBuild, "read news files and write the knowledge graph (JSON, GraphML)"},
    {"inspect", kgb::RunInspect, "show the sentences, entities and relations kgb reads in one page"},
    {"text", kgb::RunText, "print the text kgb reads in a file (PDF, DOCX: what evidence offsets point into)"},
    {"eval", kgb::RunEval, "score a graph against gold annotations (precision, recall, F1)"},
    {"export", kgb::RunExport, "write a graph as GraphML, GEXF, Neo4j CSV, DOT or JSON"},
    {"query", kgb::RunQuery, "answer questions about a graph: entity, neighbors, path, search, ..."},
    {"merge", kgb::RunMerge, "merge graphs of sharded or incremental builds into one"},
};

void Usage(std::ostream& o) {
  o << "usage: kgb COMMAND [ARGS...]\n\ncommands:\n";
  for (const Command& c : kCommands) o << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary << "\n";
  o << "\n'kgb COMMAND --help' describes a command.\n\n"
       "exit codes:\n"
       "  0  everything was read and written\n"
       "  1  done, but some inputs were skipped (each is named on stderr)\n"
       "  2  usage error\n"
       "  3  I/O error: an output could not be written, or no input was usable\n"
       "  4  query: a name matched nothing or more than one entity\n";
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
  if (cmd == "--version") {
    std::cout << "kgb 0.1.0\n";
    return kgb::kExitOk;
  }
  kgb::Args args(argv + 2, argv + argc);
  for (const Command& c : kCommands) {
    if (cmd == c.name) return c.run(args);
  }
  std::cerr << "kgb: unknown command '" << cmd << "'\n\n";
  Usage(std::cerr);
  return kgb::kExitUsage;
}
