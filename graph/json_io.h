// The kgb-graph JSON format (version 1), a superset of the file the scorer
// reads (ANNOTATION.md):
//
//   {"format": "kgb-graph", "version": 1,
//    "nodes": [{"id", "label", "type", "aliases", "mentions",
//               "first_seen"?, "last_seen"?, "docs"?: [0, 3, ...]}],
//    "edges": [{"source", "target", "type", "symmetric", "weight",
//               "title"?, "date"?,
//               "evidence": [{"doc", "start", "end", "sentence", "date"?, "title"?}]}],
//    "documents": ["doc name", ...]}
//
// "documents" lists, sorted, the documents the graph was built from (see
// KnowledgeGraph::documents()); it is optional on reading. A node's "docs"
// (left out when empty) are the indices into "documents" of the documents it
// was recognized in (Node::docs), so that `kgb eval --by-doc` can score one
// page; a node that only relations named has none (its edges' evidence
// names their documents).
//
// Writing is deterministic: the same graph gives the same bytes.
#ifndef KGB_GRAPH_JSON_IO_H_
#define KGB_GRAPH_JSON_IO_H_

#include <cstdint>
#include <string>

#include "graph/knowledge_graph.h"
#include "util/status.h"

namespace kgb {

inline constexpr const char* kGraphFormat = "kgb-graph";
inline constexpr int kGraphVersion = 1;

// Serializes the graph. Ids are written as stored in the nodes.
std::string WriteGraphJson(const KnowledgeGraph& graph);

struct GraphReadOptions {
  // Accept files without "format"/"version" (plain scorer-format graphs).
  bool allow_foreign = false;
  // Refuse files that declare more nodes or edges than this (a guard against
  // absurd inputs; the reader never trusts counts to preallocate).
  size_t max_nodes = 50'000'000;
  size_t max_edges = 200'000'000;
  // Refuse larger files before reading them (parsing needs several times the
  // file size in memory).
  uint64_t max_bytes = 4ull << 30;
};

// Parses `text` (named `source` in errors). Rejects, with a Corrupt status
// whose message names `source` and the place, never a crash: text that is not
// one JSON value (truncated, trailing garbage, invalid UTF-8, nesting of any
// depth), a wrong format or version, missing or mistyped fields, empty or
// duplicate node ids, NUL characters in ids or labels, unknown types, edges
// whose ends are not nodes, evidence ending before it starts, and more bytes,
// nodes or edges than `options` allow. On failure *out is an empty graph.
Status ReadGraphJson(const std::string& text, const std::string& source,
                     const GraphReadOptions& options, KnowledgeGraph* out);

// True when `s`, from ReadGraphJson or LoadGraphFile, says the input is not a
// graph at all (not JSON, not a JSON object, another "format", no "nodes"
// array), as opposed to a kgb graph that is damaged or of another version,
// so that a command can tell the user how to make one.
bool IsNotAGraph(const Status& s);

// Reads a graph file ("-" for standard input) and parses it as above. Fails
// with NotFound (no such file), IOError (unreadable, a folder, standard input
// closed) or Unsupported (larger than options.max_bytes) before parsing.
Status LoadGraphFile(const std::string& path, const GraphReadOptions& options, KnowledgeGraph* out);

}  // namespace kgb

#endif  // KGB_GRAPH_JSON_IO_H_
