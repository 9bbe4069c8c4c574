#include "cli/messages.h"

#include "graph/json_io.h"

namespace kgb {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string GraphLoadError(const std::string& command, const std::string& path, const Status& s) {
  const std::string prefix = "kgb " + command + ": ";
  if (!IsNotAGraph(s)) return prefix + s.ToString() + "\n";
  // A page given where a graph belongs is the common case: show the build
  // command for that very file; for other JSON, a placeholder.
  std::string inputs = path == "-" || EndsWith(path, ".json") ? "FILE..." : path;
  return prefix + (path == "-" ? "standard input" : path) + " is not a kgb graph: run `kgb build --json graph.json " +
         inputs + "` first, then use graph.json\n" + prefix + "(detail: " + s.message() + ")\n";
}

}  // namespace kgb
