// Builders of extraction records for graph-layer tests.
#ifndef KGB_TESTS_RECORD_UTIL_H_
#define KGB_TESTS_RECORD_UTIL_H_

#include <string>
#include <vector>

#include "graph/records.h"

namespace kgb {
namespace testing {

inline EntityRecord Ent(EntityType t, const std::string& name, std::vector<std::string> aliases = {}, uint64_t mentions = 1,
                 const std::string& date = "") {
  EntityRecord e;
  e.type = t;
  e.name = name;
  e.aliases = std::move(aliases);
  e.mentions = mentions;
  e.first_seen = e.last_seen = date;
  return e;
}

inline RelationRecord Rel(RelationType r, EntityType ht, const std::string& h, EntityType tt, const std::string& t,
                   const std::string& doc, uint64_t start, const std::string& title = "",
                   const std::string& date = "") {
  RelationRecord x;
  x.type = r;
  x.head_type = ht;
  x.head = h;
  x.tail_type = tt;
  x.tail = t;
  x.evidence.doc = doc;
  x.evidence.start = start;
  x.evidence.end = start + 30;
  x.evidence.sentence = "sentence of " + doc + " at " + std::to_string(start);
  x.evidence.title = title;
  x.evidence.date = date;
  return x;
}

}  // namespace testing
}  // namespace kgb

#endif  // KGB_TESTS_RECORD_UTIL_H_
