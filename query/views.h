// Graph views for the query algorithms, all run by Boost.Graph.
//
// KnowledgeGraph stores relations as directed edges (met_with and
// signed_agreement once, from the smaller index). Questions such as "who is
// near X" and "how are X and Y connected" ignore direction, so traversals run
// on TraversalView: a compressed_sparse_row_graph holding every edge in both
// directions, each half-edge carrying the index of its original edge, so that
// relation filters and evidence stay one lookup away. Breadth-first search is
// boost::breadth_first_search over a boost::filtered_graph of that view.
//
// Centralities and components run on SimpleGraph: an undirected
// adjacency_list with one edge per connected pair of entities (parallel
// relations merged, self-loops dropped), the graph the usual definitions
// assume.
#ifndef KGB_QUERY_VIEWS_H_
#define KGB_QUERY_VIEWS_H_

#include <cstdint>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "graph/knowledge_graph.h"

namespace kgb {

// Bit set of RelationType values (bit i = RelationType i).
using RelationMask = uint32_t;
inline constexpr RelationMask kAllRelations = (1u << kNumRelationTypes) - 1;
inline RelationMask RelationBit(RelationType t) { return 1u << static_cast<int>(t); }

inline constexpr uint32_t kUnreached = UINT32_MAX;

class TraversalView {
 public:
  struct HalfEdge {
    uint32_t edge = 0;  // index into edges()
  };
  using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, HalfEdge,
                                                 boost::no_property, uint32_t, uint32_t>;

  // `graph` must outlive the view. O(V + E).
  explicit TraversalView(const KnowledgeGraph& graph);

  const Csr& csr() const { return csr_; }
  // The original edges, in boost::edges() order.
  const std::vector<EdgeDesc>& edges() const { return edges_; }

  // Breadth-first search from `source` over edges whose relation is in
  // `mask`. Fills (*dist)[v] (hops, kUnreached beyond) and (*parent)[v] (the
  // vertex v was discovered from; kUnreached for the source and unreached
  // vertices). Stops once every vertex within `max_depth` hops is found.
  void Bfs(Vertex source, RelationMask mask, uint32_t max_depth, std::vector<uint32_t>* dist,
           std::vector<uint32_t>* parent) const;

  // Shortest paths from `from` to `to` over edges in `mask`, each a vertex
  // sequence from `from` to `to`. One path, or with `all` every shortest
  // path (at most `max_paths`; *truncated tells whether there were more).
  // Empty when `to` cannot be reached. The single path is the first of the
  // `all` enumeration, which is ordered by vertex index hop by hop.
  std::vector<std::vector<Vertex>> ShortestPaths(Vertex from, Vertex to, RelationMask mask, bool all,
                                                 size_t max_paths, bool* truncated) const;

  // Indexes (into edges()) of the edges between u and v, either direction,
  // whose relation is in `mask`, ascending.
  std::vector<uint32_t> EdgesBetween(Vertex u, Vertex v, RelationMask mask) const;

 private:
  const KnowledgeGraph& graph_;
  std::vector<EdgeDesc> edges_;
  std::vector<uint8_t> relation_;  // RelationType of each edge
  Csr csr_;
};

using SimpleGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// One edge per connected pair of distinct entities.
SimpleGraph BuildSimpleGraph(const KnowledgeGraph& graph);

// Brandes betweenness (boost::brandes_betweenness_centrality), undirected,
// not normalized: the number of shortest paths between other pairs through
// each vertex, split evenly among equal-length alternatives. O(V E).
std::vector<double> Betweenness(const SimpleGraph& g);

// PageRank (boost::graph::page_rank) with damping 0.85 on the undirected
// graph, iterated until the ranks change by less than 1e-10 in total (at most
// 200 rounds), scaled to sum to 1. BGL's page_rank is the original
// Page-Brin formula; an isolated entity keeps the teleport share only.
std::vector<double> PageRank(const SimpleGraph& g);

// Connected components (boost::connected_components): fills (*component)[v]
// and returns their number.
size_t ConnectedComponents(const SimpleGraph& g, std::vector<int>* component);

}  // namespace kgb

#endif  // KGB_QUERY_VIEWS_H_
