#include "graph/types.h"

namespace kgb {

static const char* const kEntityNames[] = {"official", "organization", "park", "project", "location"};
static const char* const kRelationNames[] = {"holds_position", "met_with", "signed_agreement",
                                             "located_in", "visited"};

const char* EntityTypeName(EntityType t) { return kEntityNames[static_cast<int>(t)]; }
const char* RelationTypeName(RelationType t) { return kRelationNames[static_cast<int>(t)]; }

bool ParseEntityType(std::string_view s, EntityType* out) {
  for (int i = 0; i < kNumEntityTypes; ++i) {
    if (s == kEntityNames[i]) { *out = static_cast<EntityType>(i); return true; }
  }
  return false;
}

bool ParseRelationType(std::string_view s, RelationType* out) {
  for (int i = 0; i < kNumRelationTypes; ++i) {
    if (s == kRelationNames[i]) { *out = static_cast<RelationType>(i); return true; }
  }
  return false;
}

}  // namespace kgb
