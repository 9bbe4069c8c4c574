// GraphBuilder: accumulates extraction records and builds the merged graph.
//
//   GraphBuilder b;
//   b.Add(records_of_doc1); b.Add(records_of_doc2); b.AddGraph(old_graph);
//   KnowledgeGraph g = b.Build();
//
// Merging is a pure function of the multiset of records: names of one type that
// share a record are one entity (union-find), the label is the greatest
// candidate name under a fixed order, counts add up, evidence and the
// documents an entity was recognized in (Node::docs) are unioned and sorted. So building shards and merging their graphs gives the same graph as
// one build over all inputs, in any order and grouping. Memory grows with the
// number of distinct names and evidence items, not with the corpus text.
//
// Documents count once. The builder keeps the set of document names it has
// seen (DocumentRecords::doc, and KnowledgeGraph::documents() of added
// graphs); callers check HasDocument() before adding a document again, and
// PlanGraphMerge() decides which graphs may be added together. Adding the
// same document twice anyway would add its mentions twice (evidence, being a
// set of places, would not change).
#ifndef KGB_GRAPH_BUILDER_H_
#define KGB_GRAPH_BUILDER_H_

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/records.h"
#include "util/status.h"

namespace kgb {

class GraphBuilder {
 public:
  void Add(const DocumentRecords& records);
  void Add(DocumentRecords&& records);
  // Adds every node and edge of an existing graph (for merge and --into), and
  // its document names. A node's label is taken as a name that appeared in an
  // entity record unless its mentions are 0 (a node that only relations
  // named), so that labels come out as in one build over all inputs.
  void AddGraph(const KnowledgeGraph& graph);

  // True if a document of this name was added (directly or through a graph).
  bool HasDocument(const std::string& doc) const { return doc_ids_.count(doc) > 0; }
  size_t num_documents() const { return doc_names_.size(); }

  // Builds the graph. The builder keeps its state and may be built again.
  KnowledgeGraph Build() const;

  size_t num_names() const { return names_.size(); }

 private:
  struct NameInfo {
    int parent;           // union-find over names of one type
    bool candidate = false;  // appeared as EntityRecord::name
    uint64_t mentions = 0;
    std::string first_seen, last_seen;
    std::vector<uint32_t> docs;  // doc ids of the entity records naming it (unsorted)
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
  // Interns a document name; kNoDoc for "".
  uint32_t DocId(const std::string& doc);
  void AddEntity(const EntityRecord& e, uint32_t doc);
  static constexpr uint32_t kNoDoc = ~0u;
  void AddRelation(const RelationRecord& r);

  std::unordered_map<std::string, int> index_;  // type byte + name -> id
  std::string key_;                              // NameId's scratch key (no allocation per call)
  std::vector<std::string> names_;              // id -> name
  std::vector<EntityType> types_;               // id -> type
  mutable std::vector<NameInfo> info_;
  std::map<EdgeKey, std::vector<Evidence>> edges_;
  std::unordered_map<std::string, uint32_t> doc_ids_;  // document name -> doc id
  std::vector<std::string> doc_names_;                 // doc id -> name
};

// Decides which of several graphs (given by their document lists, each sorted
// and unique as KnowledgeGraph::documents() is, in input order) can be merged without counting a document twice. A graph whose
// documents are all in graphs already kept (taken largest first, then in
// input order) adds nothing and is dropped: merging a graph with itself, or
// with a shard of itself, gives the graph back. A graph that shares some but
// not all of its documents with the others cannot be merged exactly (its
// mentions cannot be split by document): InvalidArgument, naming a shared
// document and both graphs. Graphs with an empty list (unknown documents) are
// always kept. Sets (*keep)[i]; for each dropped graph, *dropped_into[i] is
// the index of a kept graph that holds one of its documents (or -1).
Status PlanGraphMerge(const std::vector<std::vector<std::string>>& documents,
                      const std::vector<std::string>& names, std::vector<bool>* keep,
                      std::vector<int>* dropped_into);

// The order labels are chosen by: the greatest name under this order wins.
// Prefers names without brackets or quotes, parks named by their short form
// rather than by their governing body, then longer names, then the
// lexicographically smaller one. Exposed for tests.
bool LabelLess(EntityType type, const std::string& a, const std::string& b);

}  // namespace kgb

#endif  // KGB_GRAPH_BUILDER_H_
