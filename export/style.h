// The look shared by the GraphML, GEXF and DOT exports: one color per entity type and
// a node size that grows with the number of mentions.
//
// Palette (Okabe-Ito, distinguishable with the common color-vision
// deficiencies; documented in docs/export.md):
//   official      #D55E00  vermillion
//   organization  #0072B2  blue
//   park          #009E73  bluish green
//   project       #E69F00  orange
//   location      #CC79A7  reddish purple
#ifndef KGB_EXPORT_STYLE_H_
#define KGB_EXPORT_STYLE_H_

#include <cstdint>
#include <string>

#include "graph/types.h"

namespace kgb {

struct Rgb {
  uint8_t r, g, b;
  const char* hex;  // "#RRGGBB"
};

Rgb EntityColor(EntityType t);

// GEXF viz:size: 10 for an entity mentioned once (or never), +5 for every
// doubling of its mentions: 10 + 5 * log2(max(mentions, 1)).
double NodeSize(uint64_t mentions);

// The label an edge shows in Gephi (GraphML, GEXF): its relation, and for a
// position with a title, the title too: "met_with", "holds_position: 党工委书记".
std::string EdgeLabel(RelationType type, const std::string& title);

// True for a valid calendar date written YYYY-MM-DD (years 0001-9999), the
// only form the GEXF timeline and Neo4j's date type accept from kgb.
bool IsIsoDate(const std::string& s);

}  // namespace kgb

#endif  // KGB_EXPORT_STYLE_H_
