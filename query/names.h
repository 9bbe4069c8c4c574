// Name resolution and search: how the words a user types become entities.
//
// A name given to any query command goes through these steps; the first step
// that finds anything decides, and finding more than one entity there is an
// ambiguity, never a silent pick:
//
//   1. label       the exact label ("林致远");
//   2. alias       an exact alias ("科技部" for 科学技术部);
//   3. id          a node id ("n12"), the way out of an ambiguity;
//   4. normalized  labels and aliases compared after NFKC (full-width letters
//                  and digits to ASCII), Traditional to Simplified, ASCII
//                  lower-case and white space removed ("鄭州高新區",
//                  "Ｋ９機器人公司");
//   5. pinyin      for names typed in Latin letters: the toneless pinyin of a
//                  label or alias, spaces and apostrophes ignored
//                  ("linzhiyuan", "Lin Zhi Yuan");
//   6. partial     labels and aliases that contain the normalized name
//                  (at least two characters): "远望二建" finds
//                  远望二建集团有限公司 when no other entity contains it.
//
// A name may carry a type prefix, "TYPE:NAME" ("park:江州高新区"), which keeps
// only entities of that type at every step.
//
// The normalization is util/normalize.h's per-character mapping (NFKC, and
// the context-free Simplified form of each character from util/t2s.h),
// memoized, so that query/ needs only graph/ and util/. Per character is
// enough here: a label and a typed name are both keyed the same way. Pinyin comes from util/pinyin.h (ICU Han-Latin).
//
// The normalized and pinyin indexes are built on first use, so a lookup by
// exact label on a large graph costs one hash probe. A NameIndex is not
// thread-safe (the lazy indexes); use one per thread.
#ifndef KGB_QUERY_NAMES_H_
#define KGB_QUERY_NAMES_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.h"
#include "util/pinyin.h"
#include "util/status.h"

namespace kgb {

// Matching key of a string: NFKC, Traditional to Simplified, ASCII
// lower-case, white space removed. Not thread-safe (memo).
class NameNormalizer {
 public:
  NameNormalizer();
  ~NameNormalizer();
  NameNormalizer(const NameNormalizer&) = delete;
  NameNormalizer& operator=(const NameNormalizer&) = delete;

  std::string Key(std::string_view utf8);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Lower-cased `text` without spaces and apostrophes if it is a plausible
// pinyin query (only ASCII letters, spaces and apostrophes, at least two
// letters); "" otherwise.
std::string PinyinQueryKey(std::string_view text);

enum class MatchKind { kLabel, kAlias, kId, kNormalized, kPinyin, kPartial };
// "label", "alias", "id", "normalized", "pinyin", "partial".
const char* MatchKindName(MatchKind k);

struct NameMatch {
  Vertex vertex = 0;
  MatchKind kind = MatchKind::kLabel;
  std::string matched;  // the label or alias (or id) that matched
};

// One entity found by Search.
struct SearchHit {
  Vertex vertex = 0;
  MatchKind kind = MatchKind::kLabel;  // kLabel, kAlias or kPinyin
  std::string matched;                 // the label or alias that matched
  int quality = 0;                     // 0 whole name, 1 prefix, 2 inside
};

class NameIndex {
 public:
  // `graph` must outlive the index.
  explicit NameIndex(const KnowledgeGraph& graph);
  ~NameIndex();

  // Resolves `name` through the steps above. NotFound when nothing matches
  // (the message suggests the closest names) or when the deciding step
  // matches several entities (the message lists them with their ids);
  // InvalidArgument for an empty name.
  Status Resolve(const std::string& name, NameMatch* out);

  // The matches of the deciding step (empty when nothing matches); Resolve
  // succeeds exactly when this has one element.
  std::vector<NameMatch> Candidates(const std::string& name);

  // Entities whose label or alias contains `text` after normalization, or
  // whose pinyin contains it (Latin queries). At most one hit per entity
  // (its best), ordered by quality, then label before alias before pinyin,
  // then mentions (descending), then node order.
  std::vector<SearchHit> Search(const std::string& text);

  // Up to `k` entities whose name is closest to `name` by edit distance
  // over normalized characters (or over pinyin letters for Latin queries),
  // for "did you mean" messages.
  std::vector<Vertex> Suggest(const std::string& name, size_t k);

  // "林致远 (n12, official)".
  std::string Describe(Vertex v) const;

 private:
  struct Entry {
    Vertex vertex;
    int alias;            // -1 for the label, else the alias index
    std::string key;      // NameNormalizer key
    std::string pinyin;   // compact pinyin of the name, "" without Han
  };
  const std::string& NameOf(const Entry& e) const;
  // PinyinCompact(name), one ICU call per distinct character: Han-Latin maps
  // characters independently, and per-name calls cost ~70 us each.
  std::string CompactPinyin(std::string_view name);
  void BuildEntries();
  void BuildPinyin();

  const KnowledgeGraph& graph_;
  NameNormalizer normalizer_;
  PinyinCache pinyin_cache_;  // one ICU call per distinct character
  std::vector<Entry> entries_;
  bool entries_built_ = false;
  bool pinyin_built_ = false;
};

}  // namespace kgb

#endif  // KGB_QUERY_NAMES_H_
