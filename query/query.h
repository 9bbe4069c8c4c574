// kgb query: relationship questions over a loaded knowledge graph.
//
// The CLI hands the words after `kgb query GRAPH.json` to ParseQueryArgs and
// the request to QueryEngine::Run, then prints the Result with FormatResult
// (query/result.h). Every command answers with fixed columns:
//
//   entity NAME
//     info: entity, id, type, aliases, mentions, first_seen, last_seen,
//           degree, match
//     rows: one per evidence sentence of every edge of the entity:
//           relation, dir, other, other_id, other_type, title, date, doc,
//           sentence
//   neighbors NAME [--rel R,...] [--type T,...] [--depth N]
//     info: entity, id, type, match, depth
//     rows: one per edge from an entity to a neighbor one hop further out
//           along the breadth-first tree (for depth 1: every edge of NAME):
//           depth, via, relation, dir, neighbor, id, type, weight, date, title
//   path FROM TO [--rel R,...] [--all]
//     info: from, to, length, paths, truncated
//     rows: one per hop: path, step, from, relation, dir, to, date, doc,
//           sentence (the first evidence of the strongest edge of the hop)
//   edges [--rel R,...] [--from NAME] [--to NAME] [--since DATE] [--until DATE]
//     rows: source, source_id, relation, dir, target, target_id, weight,
//           date, title
//   top [--by degree|mentions|betweenness|pagerank] [--type T,...] [-n K]
//     info: by
//     rows: rank, label, id, type, score, degree, mentions
//   stats [-n K]
//     rows: group, key, value (entities and edges by type, components, and
//           the K largest hubs by degree)
//   search TEXT [--type T,...] [-n K]
//     rows: label, id, type, mentions, match, part, name
//
// `dir` reads from the row's first entity to its second: "->" when the
// stored edge goes that way, "<-" when it comes back, "--" for symmetric
// relations. Traversals ignore direction. Names are resolved by NameIndex
// (query/names.h); a name that resolves to nothing or to several entities
// makes Run return NotFound.
#ifndef KGB_QUERY_QUERY_H_
#define KGB_QUERY_QUERY_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"
#include "query/names.h"
#include "query/result.h"
#include "query/views.h"
#include "util/status.h"

namespace kgb {

inline constexpr uint32_t kAllEntityTypes = (1u << kNumEntityTypes) - 1;

struct QueryRequest {
  std::string command;             // entity, neighbors, path, edges, top, stats, search
  std::vector<std::string> names;  // positional arguments after the command
  RelationMask relations = kAllRelations;  // --rel
  uint32_t types = kAllEntityTypes;        // --type (bit i = EntityType i)
  uint32_t depth = 1;                      // --depth
  bool all = false;                        // --all
  std::string from, to;                    // edges --from / --to
  std::string since, until;                // YYYY, YYYY-MM or YYYY-MM-DD
  std::string by = "degree";               // top --by
  size_t limit = 0;                        // -n; 0 = the command's default
  OutputFormat format = OutputFormat::kTable;
  bool help = false;                       // --help / -h was given
};

// The query commands, in help order.
const std::vector<std::string>& QueryCommands();

// Parses the arguments that follow the graph file: COMMAND, its positional
// arguments and options, and --format anywhere. InvalidArgument (with a
// message for the user) on unknown commands or options, missing or malformed
// values, and a wrong number of positional arguments. With --help it only
// fills `command` (possibly "") and `help`.
Status ParseQueryArgs(const std::vector<std::string>& args, QueryRequest* out);

// Upper bound on the paths `path --all` prints.
inline constexpr size_t kMaxPaths = 1000;

class QueryEngine {
 public:
  // `graph` must outlive the engine. Indexes and views are built on first use.
  explicit QueryEngine(const KnowledgeGraph& graph);
  ~QueryEngine();

  Status Run(const QueryRequest& request, Result* out);

  NameIndex& names() { return names_; }
  const TraversalView& traversal();

 private:
  Status Entity(const QueryRequest& r, Result* out);
  Status Neighbors(const QueryRequest& r, Result* out);
  Status Path(const QueryRequest& r, Result* out);
  Status Edges(const QueryRequest& r, Result* out);
  Status Top(const QueryRequest& r, Result* out);
  Status Stats(const QueryRequest& r, Result* out);
  Status Search(const QueryRequest& r, Result* out);
  Status Resolve(const std::string& name, NameMatch* m);

  const KnowledgeGraph& graph_;
  NameIndex names_;
  std::unique_ptr<TraversalView> traversal_;
  std::optional<SimpleGraph> simple_;
};

}  // namespace kgb

#endif  // KGB_QUERY_QUERY_H_
