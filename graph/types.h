// The vocabulary of the graph: entity and relation types, evidence, and the
// bundled properties of the Boost.Graph adjacency_list.
#ifndef KGB_GRAPH_TYPES_H_
#define KGB_GRAPH_TYPES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

namespace kgb {

// Entity types of ANNOTATION.md, in the order nodes are written.
enum class EntityType : uint8_t { kOfficial = 0, kOrganization, kPark, kProject, kLocation };
inline constexpr int kNumEntityTypes = 5;

// Relation types of ANNOTATION.md, in the order they are reported.
enum class RelationType : uint8_t {
  kHoldsPosition = 0,
  kMetWith,
  kSignedAgreement,
  kLocatedIn,
  kVisited,
};
inline constexpr int kNumRelationTypes = 5;

const char* EntityTypeName(EntityType t);      // "official", ...
const char* RelationTypeName(RelationType t);  // "holds_position", ...
bool ParseEntityType(std::string_view s, EntityType* out);
bool ParseRelationType(std::string_view s, RelationType* out);

// met_with and signed_agreement have no direction; their edges are stored with
// the smaller node index as source.
inline bool IsSymmetric(RelationType t) {
  return t == RelationType::kMetWith || t == RelationType::kSignedAgreement;
}

// One supporting mention of an edge: the sentence it was read from.
struct Evidence {
  std::string doc;       // input file name as given (or "-" / a JSONL id)
  uint64_t start = 0;    // byte range [start, end) of the sentence in the
  uint64_t end = 0;      // original, undecoded input
  std::string sentence;  // the sentence as it reads after layout repair
  std::string date;      // ISO date (YYYY-MM-DD) the article gives, or ""
  std::string title;     // holds_position: the title; signings: the agreement

  // Evidence is ordered and deduplicated by position.
  bool operator<(const Evidence& o) const {
    if (doc != o.doc) return doc < o.doc;
    if (start != o.start) return start < o.start;
    return end < o.end;
  }
  bool SamePlace(const Evidence& o) const { return doc == o.doc && start == o.start && end == o.end; }
};

struct Node {
  std::string id;                    // "n0", "n1", ... in output order
  std::string label;                 // the canonical (Simplified, fullest) name
  EntityType type = EntityType::kOrganization;
  std::vector<std::string> aliases;  // other names, sorted, without the label
  uint64_t mentions = 0;             // how often the entity was recognized
  std::string first_seen;            // earliest / latest article date, or ""
  std::string last_seen;
  std::vector<uint32_t> docs;        // the documents it was recognized in, as
                                     // sorted indices into KnowledgeGraph::documents()
};

struct Edge {
  RelationType type = RelationType::kMetWith;
  uint64_t weight = 0;               // == evidence.size()
  std::string title;                 // first non-empty evidence title
  std::string date;                  // earliest evidence date, or ""
  std::vector<Evidence> evidence;    // sorted by (doc, start, end)
};

// Directed storage; symmetric relations are flagged by their type.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using EdgeDesc = boost::graph_traits<Graph>::edge_descriptor;

}  // namespace kgb

#endif  // KGB_GRAPH_TYPES_H_
