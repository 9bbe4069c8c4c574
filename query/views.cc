#include "query/views.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/graph/two_bit_color_map.hpp>

namespace kgb {
namespace {

using Csr = TraversalView::Csr;

// Keeps the half-edges whose relation is in the mask.
struct RelationFilter {
  const std::vector<uint8_t>* relation = nullptr;
  const Csr* csr = nullptr;
  RelationMask mask = kAllRelations;
  template <typename E>
  bool operator()(const E& e) const {
    return (mask >> (*relation)[(*csr)[e].edge]) & 1u;
  }
};

struct StopSearch {};

// Records hop counts and parents; stops the search once the vertex being
// expanded is `*max_depth` hops away (every closer vertex is then known).
// With a target, `*max_depth` shrinks to the target's distance when it is
// found, so the level of the target is completed and nothing beyond it.
class LevelVisitor : public boost::default_bfs_visitor {
 public:
  LevelVisitor(std::vector<uint32_t>* dist, std::vector<uint32_t>* parent, uint32_t* max_depth, uint32_t target)
      : dist_(dist), parent_(parent), max_depth_(max_depth), target_(target) {}

  template <typename G>
  void examine_vertex(uint32_t u, const G&) const {
    if ((*dist_)[u] >= *max_depth_) throw StopSearch();
  }
  template <typename E, typename G>
  void tree_edge(const E& e, const G& g) const {
    uint32_t u = static_cast<uint32_t>(boost::source(e, g)), v = static_cast<uint32_t>(boost::target(e, g));
    (*dist_)[v] = (*dist_)[u] + 1;
    (*parent_)[v] = u;
    if (v == target_) *max_depth_ = std::min(*max_depth_, (*dist_)[v]);
  }

 private:
  std::vector<uint32_t>* dist_;
  std::vector<uint32_t>* parent_;
  uint32_t* max_depth_;
  uint32_t target_;
};

void RunBfs(const Csr& csr, const std::vector<uint8_t>& relation, uint32_t source, RelationMask mask,
            uint32_t max_depth, uint32_t target, std::vector<uint32_t>* dist, std::vector<uint32_t>* parent) {
  const size_t n = boost::num_vertices(csr);
  dist->assign(n, kUnreached);
  parent->assign(n, kUnreached);
  if (source >= n) return;
  (*dist)[source] = 0;
  if (max_depth == 0 || source == target) return;
  RelationFilter filter{&relation, &csr, mask};
  boost::filtered_graph<Csr, RelationFilter> fg(csr, filter);
  boost::two_bit_color_map<boost::property_map<Csr, boost::vertex_index_t>::const_type> colors(
      n, boost::get(boost::vertex_index, csr));
  try {
    boost::breadth_first_search(fg, source,
                                boost::visitor(LevelVisitor(dist, parent, &max_depth, target)).color_map(colors));
  } catch (const StopSearch&) {
  }
}

}  // namespace

TraversalView::TraversalView(const KnowledgeGraph& graph) : graph_(graph) {
  const Graph& g = graph.graph();
  edges_.reserve(boost::num_edges(g));
  relation_.reserve(boost::num_edges(g));
  std::vector<std::pair<uint32_t, uint32_t>> ends;
  std::vector<HalfEdge> props;
  ends.reserve(2 * boost::num_edges(g));
  props.reserve(2 * boost::num_edges(g));
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(g))) {
    uint32_t i = static_cast<uint32_t>(edges_.size());
    edges_.push_back(e);
    relation_.push_back(static_cast<uint8_t>(g[e].type));
    uint32_t s = static_cast<uint32_t>(boost::source(e, g)), t = static_cast<uint32_t>(boost::target(e, g));
    ends.push_back({s, t});
    props.push_back({i});
    if (s != t) {
      ends.push_back({t, s});
      props.push_back({i});
    }
  }
  csr_ = Csr(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), props.begin(),
             static_cast<uint32_t>(boost::num_vertices(g)));
}

void TraversalView::Bfs(Vertex source, RelationMask mask, uint32_t max_depth, std::vector<uint32_t>* dist,
                        std::vector<uint32_t>* parent) const {
  RunBfs(csr_, relation_, static_cast<uint32_t>(source), mask, max_depth, kUnreached, dist, parent);
}

std::vector<uint32_t> TraversalView::EdgesBetween(Vertex u, Vertex v, RelationMask mask) const {
  std::vector<uint32_t> out;
  for (auto e : boost::make_iterator_range(boost::out_edges(static_cast<uint32_t>(u), csr_))) {
    if (boost::target(e, csr_) != v) continue;
    uint32_t i = csr_[e].edge;
    if ((mask >> relation_[i]) & 1u) out.push_back(i);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::vector<Vertex>> TraversalView::ShortestPaths(Vertex from, Vertex to, RelationMask mask, bool all,
                                                              size_t max_paths, bool* truncated) const {
  *truncated = false;
  std::vector<std::vector<Vertex>> paths;
  const size_t n = boost::num_vertices(csr_);
  if (from >= n || to >= n || max_paths == 0) return paths;
  std::vector<uint32_t> dist, parent;
  RunBfs(csr_, relation_, static_cast<uint32_t>(from), mask, kUnreached - 1, static_cast<uint32_t>(to), &dist,
         &parent);
  if (dist[to] == kUnreached) return paths;
  if (from == to) {
    paths.push_back({from});
    return paths;
  }
  // Neighbors of x through allowed relations, ascending and unique.
  auto neighbors = [&](uint32_t x) {
    std::vector<uint32_t> out;
    for (auto e : boost::make_iterator_range(boost::out_edges(x, csr_)))
      if ((mask >> relation_[csr_[e].edge]) & 1u) out.push_back(static_cast<uint32_t>(boost::target(e, csr_)));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  // Mark the vertices on some shortest path: walk back from `to` through
  // neighbors one hop closer to `from`.
  std::vector<bool> on_path(n, false);
  std::vector<uint32_t> frontier = {static_cast<uint32_t>(to)};
  on_path[to] = true;
  while (!frontier.empty()) {
    std::vector<uint32_t> next;
    for (uint32_t x : frontier) {
      if (dist[x] == 0) continue;
      for (uint32_t y : neighbors(x)) {
        if (dist[y] + 1 == dist[x] && !on_path[y]) {
          on_path[y] = true;
          next.push_back(y);
        }
      }
    }
    frontier.swap(next);
  }
  // Enumerate forward, smallest vertex index first at every hop.
  std::vector<Vertex> current = {from};
  struct Frame {
    std::vector<uint32_t> next;
    size_t i = 0;
  };
  std::vector<Frame> stack;
  auto successors = [&](uint32_t x) {
    std::vector<uint32_t> out;
    for (uint32_t y : neighbors(x))
      if (on_path[y] && dist[y] == dist[x] + 1) out.push_back(y);
    return out;
  };
  stack.push_back({successors(static_cast<uint32_t>(from)), 0});
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.i == f.next.size()) {
      stack.pop_back();
      current.pop_back();
      continue;
    }
    uint32_t y = f.next[f.i++];
    current.push_back(y);
    if (y == to) {
      if (paths.size() == max_paths || (!all && !paths.empty())) {
        *truncated = all;
        break;
      }
      paths.push_back(current);
      current.pop_back();
      if (!all) break;
      continue;
    }
    stack.push_back({successors(y), 0});
  }
  return paths;
}

SimpleGraph BuildSimpleGraph(const KnowledgeGraph& graph) {
  const Graph& g = graph.graph();
  std::vector<std::pair<size_t, size_t>> pairs;
  pairs.reserve(boost::num_edges(g));
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(g))) {
    size_t s = boost::source(e, g), t = boost::target(e, g);
    if (s == t) continue;
    pairs.push_back({std::min(s, t), std::max(s, t)});
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return SimpleGraph(pairs.begin(), pairs.end(), boost::num_vertices(g));
}

std::vector<double> Betweenness(const SimpleGraph& g) {
  std::vector<double> bc(boost::num_vertices(g), 0.0);
  if (bc.empty()) return bc;
  boost::brandes_betweenness_centrality(
      g, boost::make_iterator_property_map(bc.begin(), boost::get(boost::vertex_index, g)));
  return bc;
}

namespace {

// page_rank's Done predicate: true once the ranks stop moving.
class Converged {
 public:
  explicit Converged(size_t n) : previous_(n, -1.0) {}
  template <typename RankMap, typename G>
  bool operator()(const RankMap& rank, const G& g) {
    double change = 0;
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
      double r = boost::get(rank, v);
      change += std::fabs(r - previous_[v]);
      previous_[v] = r;
    }
    return ++rounds_ > kMaxRounds || change < 1e-10 * static_cast<double>(previous_.size());
  }

 private:
  static constexpr int kMaxRounds = 200;
  std::vector<double> previous_;
  int rounds_ = 0;
};

}  // namespace

std::vector<double> PageRank(const SimpleGraph& g) {
  const size_t n = boost::num_vertices(g);
  std::vector<double> rank(n, 0.0);
  if (n == 0) return rank;
  auto index = boost::get(boost::vertex_index, g);
  boost::graph::page_rank(g, boost::make_iterator_property_map(rank.begin(), index), Converged(n), 0.85, n);
  double sum = 0;
  for (double r : rank) sum += r;
  if (sum > 0)
    for (double& r : rank) r /= sum;
  return rank;
}

size_t ConnectedComponents(const SimpleGraph& g, std::vector<int>* component) {
  component->assign(boost::num_vertices(g), 0);
  if (component->empty()) return 0;
  return static_cast<size_t>(boost::connected_components(
      g, boost::make_iterator_property_map(component->begin(), boost::get(boost::vertex_index, g))));
}

}  // namespace kgb
