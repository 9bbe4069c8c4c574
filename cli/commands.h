// The subcommands of the kgb binary. Each parses its own arguments, calls the
// library and returns the process exit code; only main() exits.
#ifndef KGB_CLI_COMMANDS_H_
#define KGB_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace kgb {

// Exit codes shared by every subcommand (documented in `kgb --help`).
enum ExitCode {
  kExitOk = 0,        // everything read and written
  kExitSkipped = 1,   // done, but some inputs were skipped (named on stderr)
  kExitUsage = 2,     // bad arguments
  kExitIOError = 3,   // an output could not be written, or no input was usable
  kExitNotFound = 4,  // query: a name matched nothing, or was ambiguous
  kExitNoPath = 5,    // query path: no path between the two entities
};

using Args = std::vector<std::string>;

int RunBuild(const Args& args);
int RunInspect(const Args& args);
int RunEval(const Args& args);
int RunExport(const Args& args);
int RunQuery(const Args& args);
int RunMerge(const Args& args);

}  // namespace kgb

#endif  // KGB_CLI_COMMANDS_H_
