// kgb query: relationship questions over a graph written by kgb build.
#include <sys/stat.h>

#include <cstring>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/messages.h"
#include "graph/json_io.h"
#include "query/query.h"
#include "util/messages.h"

namespace kgb {
namespace {

const char kUsage[] =
    "usage: kgb query GRAPH.json COMMAND [ARGS...] [--format table|json|csv|tsv]\n"
    "\n"
    "Answers relationship questions from a graph written by 'kgb build --json'.\n"
    "\n"
    "commands:\n"
    "  entity NAME      type, aliases, mentions, and every edge with its evidence\n"
    "  neighbors NAME   entities linked to NAME  [--rel R,..] [--type T,..] [--depth N]\n"
    "  path FROM TO     shortest path(s) between two entities  [--rel R,..] [--all]\n"
    "  edges            relations  [--rel R,..] [--from NAME] [--to NAME]\n"
    "                   [--since DATE] [--until DATE]\n"
    "  top              ranked entities  [--by degree|mentions|betweenness|pagerank]\n"
    "                   [--type T,..] [-n K]\n"
    "  stats            counts by type, connected components, largest hubs  [-n K]\n"
    "  search TEXT      entities by part of a name or alias, the Traditional form\n"
    "                   or pinyin  [--type T,..] [-n K]\n"
    "\n"
    "names: a NAME is matched, in this order, by exact label, exact alias, node id\n"
    "  (n12), then ignoring full-width forms and Traditional characters, then by\n"
    "  pinyin (zhengzhou, \"zheng zhou\"), then as part of one name\n"
    "  (二冶 for the one name that holds it). The first step that matches decides;\n"
    "  if it matches several entities the name is ambiguous: the candidates are\n"
    "  listed and the query fails. TYPE:NAME (park:zhengzhougaoxinqu) keeps one type.\n"
    "relations (R): holds_position, met_with, signed_agreement, located_in, visited\n"
    "entity types (T): official, organization, park, project, location\n"
    "\n"
    "output (--format, anywhere on the line):\n"
    "  table  aligned columns for terminals (CJK characters are two columns wide)\n"
    "  json   {\"command\", \"info\": {...}, \"columns\": [...], \"rows\": [{...}]}\n"
    "  csv    header line and one line per row (RFC 4180 quoting)\n"
    "  tsv    the same with tabs\n"
    "  The columns of each command are fixed; 'kgb query COMMAND --help' lists them.\n"
    "  Traversals (neighbors, path) ignore edge direction; the dir column shows it:\n"
    "  -> stored from the row's first entity, <- towards it, -- symmetric relation.\n"
    "\n"
    "exit codes:\n"
    "  0  answered (an empty list, such as no edges in a date range, is an answer)\n"
    "  2  usage error: unknown command or option, malformed value or date\n"
    "  3  the graph file cannot be read or is not a kgb graph\n"
    "  4  a NAME matched no entity (the closest names are suggested) or several\n"
    "     entities (they are listed with their ids); the message is on stderr\n"
    "  5  path: no path between the two entities (\"no path between A and B\" on\n"
    "     stderr; the answer, with length -1 and no rows, is still printed)\n"
    "\n"
    "examples (on the bundled example pages):\n"
    "  kgb build --json ex.json examples/\n"
    "  kgb query ex.json neighbors zhengzhougaoxinqu --rel holds_position\n"
    "  kgb query ex.json entity 二冶\n"
    "  kgb query ex.json path 阿帕科蓝 二冶\n"
    "  kgb query ex.json search zhengzhou\n"
    "  kgb query ex.json top --by pagerank -n 5 --format csv\n";

const std::map<std::string, const char*>& CommandHelp() {
  static const auto* m = new std::map<std::string, const char*>{
      {"entity",
       "usage: kgb query GRAPH.json entity NAME\n"
       "\n"
       "Shows one entity: its type, aliases, mention count, first and last dates,\n"
       "and every edge it has, one row per evidence sentence.\n"
       "\n"
       "columns: relation, dir, other, other_id, other_type, title, date, doc, sentence\n"
       "info:    entity, id, type, aliases, mentions, first_seen, last_seen, degree, match\n"
       "\n"
       "examples:\n"
       "  kgb query ex.json entity 二冶          # the one name that holds 二冶\n"
       "  kgb query ex.json entity hamigaoxinqu --format json\n"},
      {"neighbors",
       "usage: kgb query GRAPH.json neighbors NAME [--rel R,..] [--type T,..] [--depth N]\n"
       "\n"
       "Lists the entities within N hops of NAME (default 1), found by breadth-first\n"
       "search over edges of the given relations, ignoring direction. Each row is\n"
       "an edge from an entity (via) to a neighbor one hop further out; at depth 1\n"
       "every edge of NAME is listed. --type keeps neighbors of those types (the\n"
       "search still passes through other types).\n"
       "\n"
       "columns: depth, via, relation, dir, neighbor, id, type, weight, date, title\n"
       "info:    entity, id, type, match, depth, relations, types\n"
       "\n"
       "examples:\n"
       "  kgb query ex.json neighbors zhengzhougaoxinqu --rel holds_position\n"
       "  kgb query ex.json neighbors zhengzhougaoxinqu --rel located_in,holds_position\n"
       "  kgb query ex.json neighbors zhengzhougaoxinqu --depth 2 --type official --format csv\n"},
      {"path",
       "usage: kgb query GRAPH.json path FROM TO [--rel R,..] [--all]\n"
       "\n"
       "Finds a shortest path (breadth-first search, direction ignored) and shows\n"
       "each hop with its relation and one evidence sentence. Between two entities\n"
       "linked by several relations the hop shows the one with most evidence.\n"
       "--all lists every shortest path (at most 1000; info.truncated says if\n"
       "there were more), ordered by node id hop by hop. When there is no path,\n"
       "the answer has info.length -1 and no rows, stderr says \"no path between\n"
       "A and B\" and the exit code is 5.\n"
       "\n"
       "columns: path, step, from, relation, dir, to, date, doc, sentence\n"
       "info:    from, from_id, to, to_id, length, paths, truncated\n"
       "\n"
       "examples:\n"
       "  kgb query ex.json path 阿帕科蓝 二冶\n"
       "  kgb query ex.json path 阿帕科蓝 二冶 --all --format json\n"},
      {"edges",
       "usage: kgb query GRAPH.json edges [--rel R,..] [--from NAME] [--to NAME]\n"
       "                                  [--since DATE] [--until DATE]\n"
       "\n"
       "Lists edges in graph order. --from/--to name the source/target; a symmetric\n"
       "relation (met_with, signed_agreement) matches either way and is shown from\n"
       "the --from side. DATE is YYYY, YYYY-MM or YYYY-MM-DD, both ends included;\n"
       "an edge is in range when one of its dated evidence sentences is. With a\n"
       "date bound, undated edges are left out.\n"
       "\n"
       "columns: source, source_id, relation, dir, target, target_id, weight, date, title\n"
       "info:    relations, from, to, since, until\n"
       "\n"
       "examples:\n"
       "  kgb query ex.json edges --rel holds_position --to zhengzhougaoxinqu\n"
       "  kgb query ex.json edges --to zhengzhougaoxinqu --since 2022 --format tsv\n"},
      {"top",
       "usage: kgb query GRAPH.json top [--by degree|mentions|betweenness|pagerank]\n"
       "                                [--type T,..] [-n K]\n"
       "\n"
       "Ranks entities (default: the 10 with the highest degree).\n"
       "  degree       number of edges (parallel relations counted)\n"
       "  mentions     how often the entity was recognized\n"
       "  betweenness  Brandes betweenness on the undirected graph of linked pairs\n"
       "               (Boost.Graph); takes O(nodes x edges), slow on huge graphs\n"
       "  pagerank     PageRank, damping 0.85, on the same graph (Boost.Graph),\n"
       "               scaled to sum to 1\n"
       "Ties are broken by mentions, then node order.\n"
       "\n"
       "columns: rank, label, id, type, score, degree, mentions\n"
       "info:    by, types\n"
       "\n"
       "examples:\n"
       "  kgb query ex.json top --by betweenness -n 5\n"
       "  kgb query ex.json top --by mentions --type official\n"},
      {"stats",
       "usage: kgb query GRAPH.json stats [-n K]\n"
       "\n"
       "Entity and edge counts by type, connected components (count, size of the\n"
       "largest, isolated entities) and the K largest hubs by degree (default 5).\n"
       "\n"
       "columns: group, key, value\n"
       "\n"
       "example:\n"
       "  kgb query ex.json stats\n"},
      {"search",
       "usage: kgb query GRAPH.json search TEXT [--type T,..] [-n K]\n"
       "\n"
       "Finds entities whose label or alias contains TEXT, ignoring full-width\n"
       "forms and Traditional characters, or (for Latin letters) whose pinyin\n"
       "contains it: zhengzhou, \"zheng zhou\", Zheng. Several words are one\n"
       "TEXT. Best matches first (whole name, then prefix, then inside; label,\n"
       "alias, then pinyin; then by mentions); at most K rows (default 20).\n"
       "\n"
       "columns: label, id, type, mentions, match, part, name\n"
       "info:    query\n"
       "\n"
       "examples:\n"
       "  kgb query ex.json search zhengzhou\n"
       "  kgb query ex.json search 高新區\n"
       "  kgb query ex.json search 银行 --type organization\n"},
  };
  return *m;
}

int Fail(const std::string& msg, int code) {
  std::cerr << "kgb query: " << msg << "\n";
  return code;
}

}  // namespace

int RunQuery(const Args& args) {
  bool help = false;
  std::string help_command;
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") help = true;
    if (help_command.empty() && CommandHelp().count(a)) help_command = a;
  }
  if (help) {
    std::cout << (help_command.empty() ? kUsage : CommandHelp().at(help_command));
    return kExitOk;
  }
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string& path = args[0];
  // A command (or a typo of one, naming no file) where the graph belongs.
  struct stat st;
  std::string command = CommandHelp().count(path) ? path : "";
  if (command.empty() && path.find_first_of("./") == std::string::npos && ::stat(path.c_str(), &st) != 0)
    command = ClosestWord(path, QueryCommands());
  if (!command.empty())
    return Fail("the graph file comes first: kgb query GRAPH.json " + command + " ... (see kgb query --help)",
                kExitUsage);
  QueryRequest request;
  Status s = ParseQueryArgs(Args(args.begin() + 1, args.end()), &request);
  if (!s.ok()) return Fail(s.message() + " (see kgb query --help)", kExitUsage);

  KnowledgeGraph graph;
  GraphReadOptions options;
  options.allow_foreign = true;
  s = LoadGraphFile(path, options, &graph);
  if (!s.ok()) {
    std::cerr << GraphLoadError("query", path, s);
    return kExitIOError;
  }

  QueryEngine engine(graph);
  Result result;
  s = engine.Run(request, &result);
  if (!s.ok()) {
    if (s.code() == Status::Code::kNotFound) return Fail(s.message(), kExitNotFound);
    if (s.code() == Status::Code::kInvalidArgument) return Fail(s.message(), kExitUsage);
    return Fail(s.ToString(), kExitIOError);
  }
  std::cout << FormatResult(result, request.format);
  std::cout.flush();
  if (request.command == "path") {
    std::string from, to;
    bool none = false;
    for (const auto& [key, value] : result.info) {
      if (key == "from") from = value.str();
      if (key == "to") to = value.str();
      if (key == "length") none = value.integer() < 0;
    }
    if (none) {
      std::cerr << "kgb query: no path between " << from << " and " << to
                << (request.relations == kAllRelations ? "" : " over the relations of --rel") << "\n";
      return kExitNoPath;
    }
  }
  return kExitOk;
}

}  // namespace kgb
