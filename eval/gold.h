// Gold annotations for `kgb eval`: the files users write by hand, one per
// annotated page, in the format of ANNOTATION.md:
//
//   {"doc": "page.txt",
//    "entities":  [{"name", "type", "aliases"?: [...], "optional"?: bool}],
//    "relations": [{"type", "head", "tail", "optional"?: bool,
//                   "title"?, "evidence"?}]}
//
// head and tail are entity names of the same file. Loading merges the files
// into one gold set with the rules of the reference scorer (kgscore):
//  - names and aliases are compared after NormalizeName (NFKC, no spaces);
//  - entities of one type that share a name or alias, in any files, are one
//    entity (union-find); it is optional only if every annotation of it is;
//  - relations are keyed by type and their two merged ends (unordered for the
//    symmetric types met_with and signed_agreement); a repeated relation is
//    optional only if every annotation of it is.
// Unknown entity or relation types and relation ends that name no entity of
// their file are errors that name the file.
#ifndef KGB_EVAL_GOLD_H_
#define KGB_EVAL_GOLD_H_

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace kgb {
namespace eval {

// The types scored, in report order (ANNOTATION.md). Nodes and edges of any
// other type in a graph are ignored.
inline constexpr const char* kEntityTypes[] = {"official", "organization", "park", "project", "location"};
inline constexpr const char* kRelationTypes[] = {"holds_position", "met_with", "signed_agreement",
                                                 "located_in", "visited"};
inline constexpr int kNumEntityTypes = 5;
inline constexpr int kNumRelationTypes = 5;

// Index into kEntityTypes / kRelationTypes, or -1.
int EntityTypeIndex(std::string_view name);
int RelationTypeIndex(std::string_view name);
// met_with and signed_agreement match in either direction.
bool IsSymmetricRelation(int relation_type);

// One gold entity after merging.
struct GoldEntity {
  int type = 0;                 // index into kEntityTypes
  std::string name;             // name of its first annotation, as written
  std::set<std::string> keys;   // normalized names and aliases of all its annotations
  std::set<std::string> names;  // normalized names only
  bool optional = true;         // every annotation of it is optional
};

// One gold relation after merging; head and tail index Gold::entities. For
// symmetric types they are in the order kgscore lists them in its misses.
struct GoldRelation {
  int type = 0;  // index into kRelationTypes
  size_t head = 0;
  size_t tail = 0;
  bool optional = true;
};

struct Gold {
  std::vector<std::string> files;          // the files read, in order
  std::vector<GoldEntity> entities;        // in order of first annotation
  std::vector<GoldRelation> relations;     // in order of first annotation
};

// One gold file's content; `source` names it in errors.
struct GoldText {
  std::string source;
  std::string text;
};

// Parses and merges the files, in the order given.
Status ParseGold(const std::vector<GoldText>& files, Gold* out);

// Expands GOLD arguments as kgscore does: a folder gives its *.json files
// (not recursive) in byte order of their names; anything else is taken as a
// file. Fails when a path does not exist or nothing is found.
Status ListGoldFiles(const std::vector<std::string>& paths, std::vector<std::string>* files);

// ListGoldFiles, then reads each file (source = its path).
Status ReadGoldFiles(const std::vector<std::string>& paths, std::vector<GoldText>* out);

// ReadGoldFiles, ParseGold.
Status LoadGold(const std::vector<std::string>& paths, Gold* out);

}  // namespace eval
}  // namespace kgb

#endif  // KGB_EVAL_GOLD_H_
