// Extraction records: what ingest hands to the graph. A record names its
// entities by (type, name); the graph decides which records are one entity.
#ifndef KGB_GRAPH_RECORDS_H_
#define KGB_GRAPH_RECORDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "graph/types.h"

namespace kgb {

struct EntityRecord {
  EntityType type = EntityType::kOrganization;
  std::string name;                  // a candidate label (Simplified, normalized)
  std::vector<std::string> aliases;  // other names that denote the same entity;
                                     // never chosen as the label
  uint64_t mentions = 1;
  std::string first_seen;            // ISO dates, or ""
  std::string last_seen;
};

struct RelationRecord {
  RelationType type = RelationType::kMetWith;
  EntityType head_type = EntityType::kOfficial;
  std::string head;  // EntityRecord::name of the head
  EntityType tail_type = EntityType::kOrganization;
  std::string tail;
  Evidence evidence;
};

// Everything one document yields.
struct DocumentRecords {
  std::string doc;
  std::vector<EntityRecord> entities;
  std::vector<RelationRecord> relations;
};

}  // namespace kgb

#endif  // KGB_GRAPH_RECORDS_H_
