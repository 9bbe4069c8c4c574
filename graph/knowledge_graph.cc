#include "graph/knowledge_graph.h"

#include <algorithm>

namespace kgb {

Vertex KnowledgeGraph::AddNode(Node node) { return boost::add_vertex(std::move(node), g_); }

EdgeDesc KnowledgeGraph::AddEdge(Vertex source, Vertex target, Edge edge) {
  return boost::add_edge(source, target, std::move(edge), g_).first;
}

void KnowledgeGraph::RebuildIndex() {
  by_name_.clear();
  by_id_.clear();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g_))) {
    const Node& n = g_[v];
    by_id_[n.id] = v;
    by_name_[n.label].push_back(v);
    for (const std::string& a : n.aliases) {
      auto& list = by_name_[a];
      if (list.empty() || list.back() != v) list.push_back(v);
    }
  }
}

std::vector<Vertex> KnowledgeGraph::FindByName(const std::string& name) const {
  auto it = by_name_.find(name);
  if (it == by_name_.end()) return {};
  std::vector<Vertex> out = it->second;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<Vertex> KnowledgeGraph::FindById(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::vector<size_t> KnowledgeGraph::NodeCountsByType() const {
  std::vector<size_t> counts(kNumEntityTypes, 0);
  for (Vertex v : boost::make_iterator_range(boost::vertices(g_))) ++counts[static_cast<int>(g_[v].type)];
  return counts;
}

std::vector<size_t> KnowledgeGraph::EdgeCountsByType() const {
  std::vector<size_t> counts(kNumRelationTypes, 0);
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(g_))) ++counts[static_cast<int>(g_[e].type)];
  return counts;
}

}  // namespace kgb
