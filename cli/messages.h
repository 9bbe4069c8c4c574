// Messages shared by the subcommands (the wording rules live in
// util/messages.h: suggestions, counted nouns).
#ifndef KGB_CLI_MESSAGES_H_
#define KGB_CLI_MESSAGES_H_

#include <string>

#include "util/status.h"

namespace kgb {

// What `kgb COMMAND` prints on stderr when the graph file `path` could not
// be loaded (status `s`): for a file that is not a graph at all (a news page,
// other JSON) it says so and how to make one, with the parser's complaint as
// the detail line:
//   kgb query: page.txt is not a kgb graph: run `kgb build --json graph.json page.txt` first, ...
//   kgb query: (detail: page.txt: not valid JSON (line 1, byte 0): Invalid value.)
// Other failures (missing file, damaged graph) are the status as it is.
// The text ends with a newline.
std::string GraphLoadError(const std::string& command, const std::string& path, const Status& s);

}  // namespace kgb

#endif  // KGB_CLI_MESSAGES_H_
