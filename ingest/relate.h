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

void ExtractRelations(const RelateInput& in, const Lexicon& lex, std::vector<RelationRecord>* out);

}  // namespace kgb

#endif  // KGB_INGEST_RELATE_H_
