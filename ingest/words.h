// The word layer: segments a normalized sentence into words with
// part-of-speech tags, for recognition (on demand: Sentence::Words), so that
// names begin and end on word boundaries and the rules can ask "is this a
// verb, a place, a person's name, a measure word".
//
// Lexicon: Jieba's general dictionary (Debian python3-jieba, dict.txt: about
// 350k words with frequencies and tags such as nr/ns/nt/v), converted at build
// time by data/words/jieba_convert.py together with the project's own entries
// (data/words/additions.txt) and embedded in the binary.
//
// Algorithm (Jieba's): every dictionary word that starts at each position
// forms a DAG over the sentence; the route of maximum probability (the sum of
// log(freq / total) of its words) is the segmentation. Runs of two or more
// single characters that the route left unjoined are re-cut by Jieba's
// B/M/E/S hidden Markov model (finalseg), so unseen person and brand names
// come out as one word. A run of ASCII letters and digits (3.5, 5G, ABC) is
// one unit that no word cuts.
//
// Offsets are indices into the sentence's normalized text (Sentence::text),
// the same space as Mention::begin/end; Sentence::src maps them back to the
// original characters.
//
// Build once (Embedded() or Build()), then immutable and thread-safe.
#ifndef KGB_INGEST_WORDS_H_
#define KGB_INGEST_WORDS_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace kgb {

// Jieba's tag set (ICTCLAS-style), plus kW for punctuation and spaces.
// kX marks a Chinese word the dictionary does not know (found by the HMM),
// kEng Latin letters, kM numbers (also ASCII digit runs).
enum class PosTag : uint8_t {
  kX = 0,  // unknown word
  kA, kAd, kAg, kAn,              // adjectives
  kB,                             // distinguishing words (大型, 主要)
  kC,                             // conjunctions
  kD, kDf, kDg,                   // adverbs
  kE,                             // interjections
  kEng,                           // Latin letters
  kF,                             // directions (东部, 之间)
  kG, kH, kI, kJ, kK, kL,         // morpheme, prefix, idiom, abbreviation, suffix, set phrase
  kM, kMg, kMq,                   // numerals (kMq: numeral + measure word)
  kN, kNg,                        // nouns
  kNr, kNrfg, kNrt,               // person names (nrfg: foreign/full, nrt: transliterated)
  kNs,                            // places
  kNt,                            // organizations
  kNz,                            // other proper nouns
  kO, kP,                         // onomatopoeia, prepositions
  kQ,                             // measure words
  kR, kRg, kRr, kRz,              // pronouns
  kS, kT, kTg,                    // place words, time words
  kU, kUd, kUg, kUj, kUl, kUv, kUz,  // particles
  kV, kVd, kVg, kVi, kVn, kVq,    // verbs (kVn: verbal noun)
  kY, kZ, kZg,                    // modal particles, descriptives
  kW,                             // punctuation, spaces, symbols
  kCount
};

// The tag's Jieba name ("nr", "v", "w", ...).
std::string_view PosTagName(PosTag tag);
// Parses a Jieba tag name; false if unknown.
bool ParsePosTag(std::string_view name, PosTag* tag);

inline bool IsVerb(PosTag t) { return t >= PosTag::kV && t <= PosTag::kVq; }
inline bool IsNoun(PosTag t) { return t >= PosTag::kN && t <= PosTag::kNz; }
inline bool IsPersonName(PosTag t) { return t == PosTag::kNr || t == PosTag::kNrfg || t == PosTag::kNrt; }
inline bool IsPlace(PosTag t) { return t == PosTag::kNs; }
inline bool IsOrganization(PosTag t) { return t == PosTag::kNt; }
inline bool IsNumeral(PosTag t) { return t == PosTag::kM || t == PosTag::kMg || t == PosTag::kMq; }
inline bool IsMeasureWord(PosTag t) { return t == PosTag::kQ || t == PosTag::kMq; }
inline bool IsPunct(PosTag t) { return t == PosTag::kW; }

// One word of a sentence: text[begin, end) in normalized characters.
struct Word {
  uint32_t begin = 0;
  uint32_t end = 0;
  PosTag tag = PosTag::kX;
  bool known = false;  // the word is in the dictionary (else: HMM or ASCII run)

  uint32_t size() const { return end - begin; }
  bool operator==(const Word& o) const { return begin == o.begin && end == o.end && tag == o.tag && known == o.known; }
};

class WordSegmenter {
 public:
  // The segmenter over the embedded dictionary (built on first use, shared by
  // the process). Returns null and sets *status if the embedded data is bad.
  static std::shared_ptr<const WordSegmenter> Embedded(Status* status);

  // Builds a segmenter from a blob: either a source blob (the word list and
  // HMM tables, as data/words/jieba_convert.py writes them) or a compiled one
  // (Compile's output, which is used in place and must stay alive and
  // 16-byte aligned; the embedded one is). `where` names it in errors.
  static Status FromBlob(std::string_view blob, const std::string& where,
                         std::unique_ptr<WordSegmenter>* out);

  // Compiles a source blob into the ready-to-use form (the trie built, the
  // words normalized): done once at build time by kgb-words-compile, so that
  // a process starts without building anything.
  static Status Compile(std::string_view source, const std::string& where, std::string* compiled);

  // Segments `text` (normalized: NFKC, Simplified) into *words, which is
  // cleared first. The words cover the text without gaps or overlaps.
  void Segment(std::u32string_view text, std::vector<Word>* words) const;

  // Dictionary entry of exactly `word`: false if absent. Either pointer may
  // be null.
  bool Lookup(std::u32string_view word, PosTag* tag, uint32_t* freq) const;

  size_t size() const { return num_words_; }

 private:
  WordSegmenter() = default;

  // The dictionary is a double-array trie over character codes: characters
  // are numbered by their frequency in the dictionary (1 = most frequent), so
  // the children of a node sit at base + code, and the common children of a
  // common node share cache lines. A step is one table read and one slot
  // read; the slot also holds the weight of the word it ends, if any.
  struct Slot {
    int32_t base = 0;            // children at base + code; 0: no children
    uint32_t check = kFree;      // the parent's slot
    float weight = 0;            // log(freq / total) when the slot ends a word
    uint32_t word = kNone;       // index into freq_ / tag_, or kNone
  };
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  static constexpr uint32_t kFree = 0xFFFFFFFFu;

  // The slot reached from slot `s` by character `c`, or kNone.
  uint32_t Step(uint32_t s, char32_t c) const {
    if (c >= 0x10000) return kNone;
    uint32_t code = code_[c];
    if (code == 0 || slots_[s].base == 0) return kNone;
    uint32_t t = static_cast<uint32_t>(slots_[s].base) + code;
    return t < num_slots_ && slots_[t].check == s ? t : kNone;
  }
  // Word index of exactly `w`, or kNone.
  uint32_t FindWord(std::u32string_view w) const;
  // Points the tables at a compiled blob.
  Status Map(std::string_view blob, const std::string& where);
  // Builds the double array of the words (code sequences, sorted, distinct).
  struct Key;
  static void BuildTrie(const std::vector<Key>& keys, std::vector<Slot>* slots);

  // Cuts the single characters text[b, e) (a run the route left unjoined)
  // with the B/M/E/S model and appends the words.
  void CutUnknown(std::u32string_view text, size_t b, size_t e, std::vector<Word>* words) const;
  // Appends text[b, e); `word` is its dictionary index, or kNone to look it up.
  void AppendWord(std::u32string_view text, size_t b, size_t e, uint32_t word, std::vector<Word>* words) const;

  // Views into the compiled blob (embedded, or owned by storage_).
  std::string storage_;
  const uint16_t* code_ = nullptr;   // BMP code point -> character code (0: in no word)
  const Slot* slots_ = nullptr;      // slot 0 is the root
  uint32_t num_slots_ = 0;
  const uint32_t* freq_ = nullptr;   // per word
  const PosTag* tag_ = nullptr;      // per word
  uint32_t num_words_ = 0;
  float unknown_weight_ = 0;         // log(1 / total): a character the dictionary lacks

  // HMM (states B, M, E, S), log probabilities.
  std::array<double, 4> start_{};
  std::array<std::array<double, 4>, 4> trans_{};
  const uint16_t* emit_row_ = nullptr;  // BMP code point -> row + 1 (0: unseen)
  const double* emit_ = nullptr;        // 4 per row
  uint32_t num_emit_ = 0;
};

}  // namespace kgb

#endif  // KGB_INGEST_WORDS_H_
