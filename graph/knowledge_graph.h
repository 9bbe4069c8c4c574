// KnowledgeGraph: the merged graph, a Boost.Graph adjacency_list with bundled
// Node/Edge properties plus a name index. Immutable once built; every reader
// (export, query) goes through this class.
#ifndef KGB_GRAPH_KNOWLEDGE_GRAPH_H_
#define KGB_GRAPH_KNOWLEDGE_GRAPH_H_

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/types.h"

namespace kgb {

class KnowledgeGraph {
 public:
  KnowledgeGraph() = default;

  const Graph& graph() const { return g_; }
  size_t num_nodes() const { return boost::num_vertices(g_); }
  size_t num_edges() const { return boost::num_edges(g_); }
  const Node& node(Vertex v) const { return g_[v]; }
  const Edge& edge(EdgeDesc e) const { return g_[e]; }

  // Vertices whose label or alias is exactly `name` (any type), sorted.
  std::vector<Vertex> FindByName(const std::string& name) const;
  // The vertex with id "nK", if any.
  std::optional<Vertex> FindById(const std::string& id) const;

  // The names of the documents the graph was built from (Evidence::doc
  // values: paths as given, "-", JSONL ids), sorted and unique. Empty when
  // unknown (a graph file without a "documents" list). Used by `kgb merge`
  // and `kgb build --into` so that a document is never counted twice.
  const std::vector<std::string>& documents() const { return documents_; }
  void set_documents(std::vector<std::string> docs) { documents_ = std::move(docs); }

  // Node and edge counts by type, indexed by the enum values.
  std::vector<size_t> NodeCountsByType() const;
  std::vector<size_t> EdgeCountsByType() const;

  // Mutation, for GraphBuilder and the JSON reader only. Vertices must be
  // added in id order; RebuildIndex() must follow the last change.
  Vertex AddNode(Node node);
  EdgeDesc AddEdge(Vertex source, Vertex target, Edge edge);
  void RebuildIndex();

 private:
  Graph g_;
  std::unordered_map<std::string, std::vector<Vertex>> by_name_;
  std::unordered_map<std::string, Vertex> by_id_;
  std::vector<std::string> documents_;
};

}  // namespace kgb

#endif  // KGB_GRAPH_KNOWLEDGE_GRAPH_H_
