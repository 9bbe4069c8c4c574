// Relation extraction over the sentences of one page, article by article:
// holds_position from title chains, met_with and signed_agreement from
// triggers and "A与B" coordination, located_in and visited from triggers,
// with the article's context resolving 该公司, 双方 and the leader of 一行.
#ifndef KGB_INGEST_RELATE_H_
#define KGB_INGEST_RELATE_H_

#include <string>
#include <vector>

#include "graph/records.h"
#include "ingest/layout.h"
#include "ingest/lexicon.h"
#include "ingest/recognize.h"

namespace kgb {

struct RelateInput {
  const Page* page = nullptr;
  // mentions[i]: the resolved mentions of page->sentences[i]; references to
  // the paper's zone are already replaced by the zone.
  const std::vector<std::vector<Mention>>* mentions = nullptr;
  std::string home_zone;             // the paper's zone, or ""
  std::string doc;                   // evidence document name
  std::vector<std::string> dates;    // ISO date per sentence, or ""
};

// Appends the page's relations to `out`. Bodies that a title implies without
// naming them (市委副书记、市长X: the city's 市委 and 人民政府, see
// PlaceOrganOf) are appended to `implied` with their aliases.
void ExtractRelations(const RelateInput& in, const Lexicon& lex, std::vector<RelationRecord>* out,
                      std::vector<EntityRecord>* implied = nullptr);

// The organ a title names without naming its place: 市长 and 副区长 name the
// government of a city or a district, 县委书记 its Party committee, 市政协主席
// its CPPCC committee, 镇长 a town's government. `level` is the place's
// level word (市, 区, 县, 镇, 乡, 州, 省, 自治区, 旗, 盟).
enum class Organ : uint8_t { kNone, kParty, kGovernment, kCppcc, kCongress };
struct OrganTitle {
  Organ organ = Organ::kNone;
  std::u32string level;
};
OrganTitle PlaceOrganOf(std::u32string_view title);

// The canonical name of an organ of a place (江州市 + kGovernment ->
// 江州市人民政府) and its usual variants.
std::string OrganName(const std::string& place, Organ organ);
std::vector<std::string> OrganAliases(const std::string& place, Organ organ);

}  // namespace kgb

#endif  // KGB_INGEST_RELATE_H_
