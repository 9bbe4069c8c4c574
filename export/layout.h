// Layout: a position for every entity, computed by Boost.Graph's layout
// algorithms, shared by the HTML viewer (export/html.h), GEXF (viz:position)
// and GraphML (x, y), so that every tool opens the graph laid out the same way.
//
// Contract:
//   - Directions, relation types and parallel edges are ignored: the layout
//     runs on the simple undirected graph (one edge per connected pair,
//     query/views.h BuildSimpleGraph), component by component
//     (boost::connected_components).
//   - A component of one entity is a point; two to kKamadaKawaiMaxNodes
//     entities are laid out by boost::kamada_kawai_spring_layout (started on
//     a circle, boost::circle_graph_layout); larger components by
//     boost::fruchterman_reingold_force_directed_layout in the unit square,
//     with grid force pairs (only vertices closer than 2k repel, k the ideal
//     edge length; BGL's own grid_force_pairs with its cell size corrected).
//     Up to kFrClassicMaxNodes entities it starts from
//     boost::random_graph_layout (fixed seed) and runs 100 rounds from a
//     temperature of 0.1; larger components start from a breadth-first grid
//     (neighbours near each other) and run 30 or 20 rounds (FrIterations)
//     from a temperature of k, so that 20,000 entities take about two
//     seconds: a hot run lets a dense graph collapse into a few grid cells
//     and the repulsion pairs grow quadratically (docs/viewer.md has the
//     measurements behind the choice).
//   - Each component is scaled so that its entities sit about kSpacing apart
//     and the components are packed side by side in rows (largest first,
//     ties by their smallest vertex index), left to right, top to bottom,
//     2 kSpacing apart (single entities kSpacing); y grows downwards (screen coordinates), the whole layout
//     starts at (0, 0).
//   - Deterministic: the same graph gives the same positions (every random
//     choice comes from a generator with a fixed seed, components and
//     vertices are visited in index order). Positions are rounded to two
//     decimals (FormatCoordinate) wherever they are written.
#ifndef KGB_EXPORT_LAYOUT_H_
#define KGB_EXPORT_LAYOUT_H_

#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kgb {

inline constexpr size_t kKamadaKawaiMaxNodes = 60;
inline constexpr size_t kFrClassicMaxNodes = 500;
inline constexpr double kSpacing = 10.0;  // typical distance between neighbours

struct Point2 {
  double x = 0, y = 0;
};

struct Layout {
  std::vector<Point2> position;  // indexed by Vertex
  std::vector<int> component;    // component of each vertex, 0 = the largest
  size_t num_components = 0;
  double width = 0, height = 0;  // the bounding box, from (0, 0)
};

// Rounds of Fruchterman-Reingold for a component of `n` entities: 100 up to
// kFrClassicMaxNodes, 30 up to 2,000, then 20.
int FrIterations(size_t n);

// Lays out `graph` as described above. O(V + E) per round of
// Fruchterman-Reingold (grid force pairs), O(n^2) per Kamada-Kawai step.
Layout ComputeLayout(const KnowledgeGraph& graph);

// "%.2f", with "-0.00" written as "0.00".
std::string FormatCoordinate(double v);

// The position attributes, in small separate pieces so that the GraphML and
// GEXF writers only call them:
//   GraphML: <key> declarations of x and y (double) for nodes, and the
//            <data key="x">/<data key="y"> lines of vertex v;
//   GEXF:    <viz:position x=".." y=".." z="0.0"/> of vertex v (Gephi's y
//            grows upwards, so y is negated there).
std::string GraphmlPositionKeys();
std::string GraphmlPositionData(const Layout& layout, Vertex v);
std::string GexfPosition(const Layout& layout, Vertex v);

}  // namespace kgb

#endif  // KGB_EXPORT_LAYOUT_H_
