// Declarative relation patterns: constructions of the genre written as one
// readable line each over the sentence's mentions, words and text, in the manner of
// spaCy's Matcher or Stanford's TokensRegex, instead of hand-written loops.
//
//   briefing  met_with(A,B)  {official:A} 向 {title}? {official:B} 一行? (详细|简要)? (介绍|汇报)
//
// Contract:
// - Input: one pattern line (name<TAB>relation(A,B)<TAB>elements), compiled
//   once when the lexicon loads (data/lexicon/relation_patterns.txt); a
//   malformed line is a Status that the lexicon prefixes with the file and
//   line number. Then one sentence (its normalized text and its words) and
//   its resolved mentions, sorted and non-overlapping as Recognizer::Find
//   leaves them.
// - Elements match left to right at consecutive positions of the text, with
//   no gaps: each starts exactly where the previous one ended.
//     {type:X}  one mention of that type (official, organization, park,
//               project, location; party = official|organization|park)
//               starting here, captured as X (A or B); {type} without a
//               capture; {park|location:X} accepts either type. Only
//               mentions with ref == RefKind::kNone count.
//     {title}   the longest title of the lexicon's titles list starting here.
//     [v]       one word of the word layer (ingest/words.h) starting here
//               whose Jieba tag starts with v (v, vn, vd...); [v|p] either.
//     word      that literal text.
//     (a|b)     one of the literal alternatives, tried in order.
//     any element followed by ? is optional (tried with, then without).
// - A pattern is tried at every position of the sentence (one that opens
//   with a mention can only match where a mention starts); the first way it
//   matches there (in the order above) is taken.
// - Output: (relation type, head, tail) with head and tail as indices into
//   the mentions; head is the capture named first in relation(A,B).
// Pure functions over immutable data: thread-safe.
#ifndef KGB_INGEST_PATTERNS_H_
#define KGB_INGEST_PATTERNS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/types.h"
#include "util/status.h"

namespace kgb {

class Lexicon;
struct Mention;
struct Sentence;

struct PatternElement {
  enum class Kind : uint8_t { kMention, kTitle, kLiteral, kWord };
  Kind kind = Kind::kLiteral;
  uint32_t types = 0;                  // kMention: bit (1 << EntityType) per accepted type
  int capture = -1;                    // kMention: 0 for A, 1 for B, -1 for none
  std::vector<std::u32string> alternatives;  // kLiteral: normalized text, in order
  std::vector<std::string> tags;       // kWord: prefixes of Jieba tag names
  bool optional = false;
};

struct RelationPattern {
  std::string name;         // the entry's name (briefing), for messages
  RelationType type = RelationType::kMetWith;
  int head = 0, tail = 1;   // capture indices of the relation's head and tail
  std::vector<PatternElement> elements;
};

// Compiles one data line (name<TAB>relation(A,B)<TAB>elements). The error
// message names what is wrong, without the line number.
Status CompileRelationPattern(std::string_view line, RelationPattern* out);

// Whether any pattern has a word element ([v]): the extractor then keeps each
// sentence's words past recognition for the relation stage.
bool PatternsReadWords(const std::vector<RelationPattern>& patterns);

struct PatternMatch {
  RelationType type;
  size_t head, tail;  // indices into the mentions
  bool operator==(const PatternMatch& o) const { return type == o.type && head == o.head && tail == o.tail; }
};

// Matches the lexicon's relation patterns against one sentence (its text
// and words) and its mentions (offsets into the text).
std::vector<PatternMatch> MatchRelationPatterns(const Lexicon& lex, const Sentence& s,
                                                const std::vector<Mention>& mentions);
// The same for a given list of patterns (for tests).
std::vector<PatternMatch> MatchRelationPatterns(const std::vector<RelationPattern>& patterns, const Lexicon& lex,
                                                const Sentence& s, const std::vector<Mention>& mentions);

}  // namespace kgb

#endif  // KGB_INGEST_PATTERNS_H_
