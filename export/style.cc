#include "export/style.h"

#include <algorithm>
#include <cmath>

namespace kgb {

Rgb EntityColor(EntityType t) {
  switch (t) {
    case EntityType::kOfficial: return {0xD5, 0x5E, 0x00, "#D55E00"};
    case EntityType::kOrganization: return {0x00, 0x72, 0xB2, "#0072B2"};
    case EntityType::kPark: return {0x00, 0x9E, 0x73, "#009E73"};
    case EntityType::kProject: return {0xE6, 0x9F, 0x00, "#E69F00"};
    case EntityType::kLocation: return {0xCC, 0x79, 0xA7, "#CC79A7"};
  }
  return {0x99, 0x99, 0x99, "#999999"};
}

double NodeSize(uint64_t mentions) {
  return 10.0 + 5.0 * std::log2(static_cast<double>(std::max<uint64_t>(mentions, 1)));
}

std::string EdgeLabel(RelationType type, const std::string& title) {
  std::string label = RelationTypeName(type);
  if (type == RelationType::kHoldsPosition && !title.empty()) label += ": " + title;
  return label;
}

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace kgb
