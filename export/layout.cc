#include "export/layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

// BGL's Kamada-Kawai (its Johnson all-pairs shortest paths) trips GCC's
// -Wmaybe-uninitialized inside Boost's own edge iterators.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/kamada_kawai_spring_layout.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/random/linear_congruential.hpp>

#include "query/views.h"

namespace kgb {
namespace {

using LocalGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Topology = boost::rectangle_topology<boost::minstd_rand>;
using TPoint = Topology::point_type;

// Kamada-Kawai's own stopping rule (layout_tolerance) with a bound on the
// number of rounds: BGL's loop has no bound of its own.
struct BoundedTolerance {
  boost::layout_tolerance<double> tolerance{1e-4};
  int global_rounds = 0, local_rounds = 0;
  bool operator()(double delta_p, boost::graph_traits<LocalGraph>::vertex_descriptor p, const LocalGraph& g,
                  bool global) {
    if (global) {
      local_rounds = 0;
      if (++global_rounds > 2000) return true;
    } else if (++local_rounds > 200) {
      return true;
    }
    return tolerance(delta_p, p, g, global);
  }
};

// BGL's grid_force_pairs with the cell size FR's theory asks for (2k, twice
// the ideal edge length k = sqrt(area / n)) and vector buckets. BGL's own
// version sizes its cells from the area rather than its square root, which
// is right only for the unit square, and keeps its buckets in std::lists.
// Like it, only pairs in the same or adjacent cells (and closer than 2k)
// repel each other.
struct CellForcePairs {
  const std::vector<TPoint>* pos;
  double cell;  // 2k
  template <typename ApplyForce>
  void operator()(const LocalGraph& g, ApplyForce apply_force) const {
    const size_t n = boost::num_vertices(g);
    const int side = std::max(1, static_cast<int>(1.0 / cell));
    std::vector<uint32_t> start(static_cast<size_t>(side) * side + 1, 0), members(n), cell_of(n);
    for (size_t v = 0; v < n; ++v) {
      int cx = std::min(side - 1, std::max(0, static_cast<int>(((*pos)[v][0] + 0.5) * side)));
      int cy = std::min(side - 1, std::max(0, static_cast<int>(((*pos)[v][1] + 0.5) * side)));
      cell_of[v] = static_cast<uint32_t>(cy * side + cx);
      ++start[cell_of[v] + 1];
    }
    for (size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (size_t v = 0; v < n; ++v) members[fill[cell_of[v]]++] = static_cast<uint32_t>(v);
    const double limit2 = cell * cell;
    for (int cy = 0; cy < side; ++cy)
      for (int cx = 0; cx < side; ++cx) {
        const size_t c = static_cast<size_t>(cy) * side + cx;
        for (uint32_t i = start[c]; i < start[c + 1]; ++i) {
          const uint32_t u = members[i];
          for (uint32_t j = i + 1; j < start[c + 1]; ++j) {
            apply_force(u, members[j]);
            apply_force(members[j], u);
          }
          for (int ny = std::max(0, cy - 1); ny <= std::min(side - 1, cy + 1); ++ny)
            for (int nx = std::max(0, cx - 1); nx <= std::min(side - 1, cx + 1); ++nx) {
              if (nx == cx && ny == cy) continue;
              const size_t o = static_cast<size_t>(ny) * side + nx;
              for (uint32_t j = start[o]; j < start[o + 1]; ++j) {
                const uint32_t v = members[j];
                const double dx = (*pos)[u][0] - (*pos)[v][0], dy = (*pos)[u][1] - (*pos)[v][1];
                if (dx * dx + dy * dy < limit2) apply_force(u, v);
              }
            }
        }
      }
  }
};

// Breadth-first order from the vertex of highest degree, placed row by row
// on a square grid filling the unit square: neighbours start near each other
// and every grid bucket of Fruchterman-Reingold holds a few vertices.
void GridStart(const LocalGraph& g, std::vector<TPoint>* pos) {
  const size_t n = boost::num_vertices(g);
  size_t root = 0;
  for (size_t v = 1; v < n; ++v)
    if (boost::out_degree(v, g) > boost::out_degree(root, g)) root = v;
  std::vector<size_t> order;
  order.reserve(n);
  std::vector<char> seen(n, 0);
  order.push_back(root);
  seen[root] = 1;
  for (size_t i = 0; i < order.size(); ++i)
    for (auto u : boost::make_iterator_range(boost::adjacent_vertices(order[i], g)))
      if (!seen[u]) {
        seen[u] = 1;
        order.push_back(u);
      }
  const size_t side = static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(n))));
  for (size_t i = 0; i < order.size(); ++i) {
    (*pos)[order[i]][0] = -0.5 + (i % side + 0.5) / side;
    (*pos)[order[i]][1] = -0.5 + (i / side + 0.5) / side;
  }
}

// Lays out one connected component (vertex indices local to it) in the unit
// square; returns positions indexed like the component's vertices.
std::vector<Point2> LayoutComponent(const LocalGraph& g, uint32_t seed) {
  const size_t n = boost::num_vertices(g);
  std::vector<Point2> out(n);
  if (n == 1) return out;
  boost::minstd_rand gen(seed);
  Topology topology(gen, -0.5, -0.5, 0.5, 0.5);
  std::vector<TPoint> pos(n);
  auto pmap = boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, g));
  if (n <= kKamadaKawaiMaxNodes) {
    boost::circle_graph_layout(g, pmap, 0.5);
    boost::kamada_kawai_spring_layout(
        g, pmap, boost::make_constant_property<boost::graph_traits<LocalGraph>::edge_descriptor>(1.0), topology,
        boost::side_length(1.0), BoundedTolerance());
  } else {
    // Small components: the classic recipe (random start, a hot start, many
    // rounds). Large ones: a breadth-first grid start and a cool, short run,
    // since a hot run lets dense graphs collapse into a few grid cells, where
    // the pairs of force_pairs grow quadratically (docs/viewer.md).
    const double k = 1.0 / std::sqrt(static_cast<double>(n));
    const bool small = n <= kFrClassicMaxNodes;
    if (small) boost::random_graph_layout(g, pmap, topology);
    else GridStart(g, &pos);
    boost::fruchterman_reingold_force_directed_layout(
        g, pmap, topology,
        boost::cooling(boost::linear_cooling<double>(FrIterations(n), small ? 0.1 : k))
            .force_pairs(CellForcePairs{&pos, 2 * k}));
  }
  for (size_t i = 0; i < n; ++i) out[i] = {pos[i][0], pos[i][1]};
  return out;
}

struct Box {
  size_t component;  // index into the component lists
  double w, h;
  double gap;        // room kept to the right and below
};

}  // namespace

int FrIterations(size_t n) {
  if (n <= kFrClassicMaxNodes) return 100;
  return n <= 2000 ? 30 : 20;
}

Layout ComputeLayout(const KnowledgeGraph& graph) {
  Layout layout;
  const size_t n = graph.num_nodes();
  layout.position.assign(n, Point2{});
  if (n == 0) return layout;

  SimpleGraph simple = BuildSimpleGraph(graph);
  std::vector<int> raw_component;
  size_t count = ConnectedComponents(simple, &raw_component);

  // Members of each component in vertex order; components ordered by size
  // (largest first), then by their smallest vertex.
  std::vector<std::vector<Vertex>> members(count);
  for (Vertex v = 0; v < n; ++v) members[raw_component[v]].push_back(v);
  std::vector<size_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (members[a].size() != members[b].size()) return members[a].size() > members[b].size();
    return members[a].front() < members[b].front();
  });
  layout.num_components = count;
  layout.component.assign(n, 0);
  for (size_t rank = 0; rank < count; ++rank)
    for (Vertex v : members[order[rank]]) layout.component[v] = static_cast<int>(rank);

  // Lay out each component, scale it so that its edges are kSpacing long on
  // average, and move it to (0, 0).
  std::vector<uint32_t> local(n, 0);
  std::vector<Box> boxes;
  boxes.reserve(count);
  for (size_t rank = 0; rank < count; ++rank) {
    const std::vector<Vertex>& vs = members[order[rank]];
    for (size_t i = 0; i < vs.size(); ++i) local[vs[i]] = static_cast<uint32_t>(i);
    LocalGraph lg(vs.size());
    for (Vertex v : vs)
      for (auto u : boost::make_iterator_range(boost::adjacent_vertices(v, simple)))
        if (v < u) boost::add_edge(local[v], local[u], lg);
    std::vector<Point2> p = LayoutComponent(lg, static_cast<uint32_t>(vs.front()) + 1);

    double total = 0;
    size_t m = 0;
    for (auto e : boost::make_iterator_range(boost::edges(lg))) {
      const Point2 &a = p[boost::source(e, lg)], &b = p[boost::target(e, lg)];
      total += std::hypot(a.x - b.x, a.y - b.y);
      ++m;
    }
    double scale = m > 0 && total > 0 ? kSpacing * m / total : 1.0;
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    for (size_t i = 0; i < p.size(); ++i) {
      p[i].x *= scale;
      p[i].y *= scale;
      if (i == 0 || p[i].x < minx) minx = p[i].x;
      if (i == 0 || p[i].y < miny) miny = p[i].y;
      if (i == 0 || p[i].x > maxx) maxx = p[i].x;
      if (i == 0 || p[i].y > maxy) maxy = p[i].y;
    }
    for (size_t i = 0; i < vs.size(); ++i) layout.position[vs[i]] = {p[i].x - minx, p[i].y - miny};
    boxes.push_back({rank, maxx - minx, maxy - miny, vs.size() == 1 ? kSpacing : 2 * kSpacing});
  }

  // Shelf packing: rows about 1.5 times as wide as the whole is tall.
  // Components keep 2 kSpacing between them, single entities kSpacing.
  double area = 0, widest = 0;
  for (const Box& b : boxes) {
    area += (b.w + b.gap) * (b.h + b.gap);
    widest = std::max(widest, b.w + b.gap);
  }
  const double row_width = std::max(widest, std::sqrt(area * 1.5));
  double x = 0, y = 0, row_height = 0;
  std::vector<Point2> offset(count);
  for (const Box& b : boxes) {
    if (x > 0 && x + b.w + b.gap > row_width) {
      x = 0;
      y += row_height;
      row_height = 0;
    }
    offset[b.component] = {x, y};
    layout.width = std::max(layout.width, x + b.w);
    layout.height = std::max(layout.height, y + b.h);
    x += b.w + b.gap;
    row_height = std::max(row_height, b.h + b.gap);
  }
  for (Vertex v = 0; v < n; ++v) {
    const Point2& o = offset[layout.component[v]];
    layout.position[v].x += o.x;
    layout.position[v].y += o.y;
  }
  return layout;
}

std::string FormatCoordinate(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  if (s == "-0.00") s = "0.00";
  return s;
}

std::string GraphmlPositionKeys() {
  return "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
         "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n";
}

std::string GraphmlPositionData(const Layout& layout, Vertex v) {
  if (v >= layout.position.size()) return "";
  const Point2& p = layout.position[v];
  return "      <data key=\"x\">" + FormatCoordinate(p.x) + "</data>\n      <data key=\"y\">" +
         FormatCoordinate(p.y) + "</data>\n";
}

std::string GexfPosition(const Layout& layout, Vertex v) {
  if (v >= layout.position.size()) return "";
  const Point2& p = layout.position[v];
  return "        <viz:position x=\"" + FormatCoordinate(p.x) + "\" y=\"" + FormatCoordinate(-p.y) +
         "\" z=\"0.0\"/>\n";
}

}  // namespace kgb
