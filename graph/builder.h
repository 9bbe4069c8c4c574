// GraphBuilder: accumulates extraction records and builds the merged graph.
//
//   GraphBuilder b;
//   b.Add(records_of_doc1); b.Add(records_of_doc2); b.AddGraph(old_graph);
//   KnowledgeGraph g = b.Build();
//
// Merging is a pure function of the multiset of records: names of one type that
// share a record are one entity (union-find), the label is the greatest
// candidate name under a fixed order, counts add up, evidence is unioned and
// sorted. So building shards and merging their graphs gives the same graph as
// one build over all inputs, in any order and grouping. Memory grows with the
// number of distinct names and evidence items, not with the corpus text.
#ifndef KGB_GRAPH_BUILDER_H_
#define KGB_GRAPH_BUILDER_H_

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/records.h"

namespace kgb {

class GraphBuilder {
 public:
  void Add(const DocumentRecords& records);
  void Add(DocumentRecords&& records);
  // Adds every node and edge of an existing graph (for merge and --into).
  void AddGraph(const KnowledgeGraph& graph);

  // Builds the graph. The builder keeps its state and may be built again.
  KnowledgeGraph Build() const;

  size_t num_names() const { return names_.size(); }

 private:
  struct NameInfo {
    int parent;           // union-find over names of one type
    bool candidate = false;  // appeared as EntityRecord::name
    uint64_t mentions = 0;
    std::string first_seen, last_seen;
  };
  struct EdgeKey {
    RelationType type;
    int head, tail;  // name ids
    bool operator<(const EdgeKey& o) const {
      if (type != o.type) return type < o.type;
      if (head != o.head) return head < o.head;
      return tail < o.tail;
    }
  };

  int NameId(EntityType type, const std::string& name);
  int Find(int id) const;
  void Union(int a, int b);
  void AddEntity(const EntityRecord& e);
  void AddRelation(const RelationRecord& r);

  std::unordered_map<std::string, int> index_;  // type byte + name -> id
  std::vector<std::string> names_;              // id -> name
  std::vector<EntityType> types_;               // id -> type
  mutable std::vector<NameInfo> info_;
  std::map<EdgeKey, std::vector<Evidence>> edges_;
};

// The order labels are chosen by: the greatest name under this order wins.
// Prefers names without brackets or quotes, parks named by their short form
// rather than by their governing body, then longer names, then the
// lexicographically smaller one. Exposed for tests.
bool LabelLess(EntityType type, const std::string& a, const std::string& b);

}  // namespace kgb

#endif  // KGB_GRAPH_BUILDER_H_
