// Entity recognition in one sentence, from general patterns: place names of
// the division lexicon, well-known national bodies, names ended by a suffix
// (…有限公司, …高新区, …项目) and extended leftwards to the nearest boundary,
// and person names after titles (党工委书记马立新), before action words
// (马立新会见, 林致远一行) and in lists (钱峰、卫东、韩立等).
#ifndef KGB_INGEST_RECOGNIZE_H_
#define KGB_INGEST_RECOGNIZE_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "graph/types.h"
#include "ingest/layout.h"
#include "ingest/lexicon.h"

namespace kgb {

// What a mention refers to when it is not a name: the paper's own zone (高新区,
// 我区), an entity named earlier in the article (该公司, 双方), or an organ of
// the place the article is set in (区政府, 市委: home_suffix holds the word).
enum class RefKind : uint8_t { kNone, kHome, kCompany, kProject, kBoth, kOrgan };

struct Mention {
  uint32_t begin = 0, end = 0;  // characters of Sentence::text
  EntityType type = EntityType::kOrganization;
  std::string name;                  // normalized name (the label candidate)
  std::vector<std::string> aliases;  // other forms (short, original script)
  RefKind ref = RefKind::kNone;
  std::string home_suffix;           // kHome: the zone word (高新区), "" for 区/我区
  int priority = 0;                  // which candidate wins an overlap
  bool strong_person = false;        // a person found after a title

  size_t length() const { return end - begin; }
};

class Recognizer {
 public:
  explicit Recognizer(const Lexicon& lex) : lex_(lex) {}

  // Finds the mentions of one sentence: non-overlapping, sorted by begin.
  // Reads the word layer through s.Words(), and only where a rule needs it:
  // the cheap tests on the text come first, so that a sentence attached to a
  // segmenter on demand (Sentence::SegmentOnDemand) is segmented only when a
  // candidate name is there.
  void Find(const Sentence& s, std::vector<Mention>* out) const;

  // A name known on the page, to be found wherever it recurs: a person named
  // once with a title (林致远提出…), or the short form of a body named in full
  // (远望二建 for 远望二建集团有限公司).
  struct KnownName {
    std::u32string surface;
    EntityType type;
    std::string name;  // the entity's name
  };
  // The page's known names, indexed once per page (not per sentence), so
  // that finding them costs time linear in the length of the page.
  struct KnownNames {
    std::vector<KnownName> names;               // longer surfaces first
    Trie surfaces;                              // surface -> index into groups
    std::vector<std::vector<uint32_t>> groups;  // indices into names sharing one surface
  };
  // Adds mentions of known names that occur outside other mentions; longer
  // surfaces first (in the order of known.names), then left to right.
  void AddKnownNames(const Sentence& s, const KnownNames& known, std::vector<Mention>* mentions) const;

  // The length of a person name starting at text[pos] (surname + one or two
  // characters), or 0.
  size_t NameAt(std::u32string_view text, size_t pos) const;
  // The same, with the sentence's word layer deciding between two and three
  // characters where the characters alone cannot (孙广才, 王沛|出席).
  size_t NameAt(const Sentence& s, size_t pos) const;

  // The canonical form of a park name: "(国家)" dropped, long official
  // suffixes shortened (江州高新技术产业开发区 -> 江州高新区).
  static std::u32string CanonicalPark(std::u32string name);
  // The name with "(国家)" dropped (江州(国家)高新区智慧城市实验场).
  static std::u32string WithoutNational(std::u32string name);

  // True for characters that may be part of a name.
  static bool IsNameChar(char32_t c);

 private:
  void AddPlaces(const Sentence& s, std::vector<Mention>* c) const;
  void AddNational(const Sentence& s, std::vector<Mention>* c) const;
  void AddBySuffix(const Sentence& s, const std::vector<Mention>& anchors, std::vector<Mention>* c) const;
  void AddTypedLists(const Sentence& s, std::vector<Mention>* c) const;
  void AddPredicated(const Sentence& s, std::vector<Mention>* c) const;
  void AddRouteItems(const Sentence& s, std::vector<Mention>* c) const;
  // True when a title of two or more characters stands inside (…总裁林致远).
  bool HoldsTitle(std::u32string_view item) const;
  // True when s.text[b, e) holds a proper word by the word layer (a place,
  // a person, a brand the dictionary lacks, Latin letters) or a quote.
  bool ProperWordIn(const Sentence& s, size_t b, size_t e) const;
  // False when a name ending at e would end inside a word of the word layer
  // (…局 of 副局长, …园 of 园林), unless a title or organ starts at e.
  bool NameMayEndAt(const Sentence& s, size_t e) const;
  void AddBodiesBeforeTitles(const Sentence& s, std::vector<Mention>* ms) const;
  void SplitInnerOrgans(const Sentence& s, std::vector<Mention>* ms) const;
  // Start of a name that ends at s0, extended leftwards to the nearest
  // boundary word or punctuation (project names may hold 与 and 建设).
  size_t ExtendLeft(const Sentence& s, size_t s0, bool project) const;
  // The word layer's say on where a name that ends at s0 starts, given the
  // start j the boundary words allow: at a word start, after a verb that
  // follows a place or person, not on a verb or function word.
  size_t TrimByWords(const Sentence& s, size_t j, size_t s0) const;
  // Whether the word [b,e) is a verbal noun that names a body's trade after
  // its place (江州市|金融|投资|集团); s0 is where the suffix starts.
  // Whether the word layer reads [pos, pos+len) as ordinary words, not a
  // name (阳光, 向|记者, 贺电|中): such a candidate needs a title before it.
  bool CommonWords(const Sentence& s, size_t pos, size_t len) const;
  // Whether a word at `pos` is a body's suffix (委员会, 局).
  bool OrganSuffixAt(const Sentence& s, size_t pos) const;
  bool PlaceHeadedNoun(const Sentence& s, size_t b, size_t e, size_t s0) const;
  static const Word* WordEndingAt(const Sentence& s, size_t pos);
  static const Word* WordAt(const Sentence& s, size_t pos);
  void AddPersons(const Sentence& s, std::vector<Mention>* c) const;
  void AddRefs(const Sentence& s, std::vector<Mention>* c) const;
  void AddOrganRefs(const Sentence& s, std::vector<Mention>* c) const;
  bool BylineBefore(std::u32string_view text, size_t pos) const;
  bool ClauseStart(std::u32string_view text, size_t pos) const;
  Mention Make(const Sentence& s, size_t b, size_t e, EntityType type, std::u32string name, int priority) const;

  const Lexicon& lex_;
};

// Keeps the best non-overlapping mentions (longer first, then priority).
void ResolveOverlaps(std::vector<Mention>* mentions);

}  // namespace kgb

#endif  // KGB_INGEST_RECOGNIZE_H_
