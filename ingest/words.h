// The word layer: segments a normalized sentence into words with
// part-of-speech tags, before recognition, so that names begin and end on
// word boundaries and the rules can ask "is this a verb, a place, a person's
// name, a measure word".
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

#include "ingest/trie.h"
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

  // Builds a segmenter from a blob in the format of data/words/jieba_convert.py
  // (for the embedded one, and for tests). `where` names it in errors.
  static Status FromBlob(std::string_view blob, const std::string& where,
                         std::unique_ptr<WordSegmenter>* out);

  // Segments `text` (normalized: NFKC, Simplified) into *words, which is
  // cleared first. The words cover the text without gaps or overlaps.
  void Segment(std::u32string_view text, std::vector<Word>* words) const;

  // Dictionary entry of exactly `word`: false if absent. Either pointer may
  // be null.
  bool Lookup(std::u32string_view word, PosTag* tag, uint32_t* freq) const;

  size_t size() const { return freq_.size(); }

 private:
  WordSegmenter() = default;
  // Cuts the single characters text[b, e) (a run the route left unjoined)
  // with the B/M/E/S model and appends the words.
  void CutUnknown(std::u32string_view text, size_t b, size_t e, std::vector<Word>* words) const;
  void AppendWord(std::u32string_view text, size_t b, size_t e, std::vector<Word>* words) const;

  Trie trie_;                    // word -> index
  std::vector<uint32_t> freq_;   // per index
  std::vector<float> weight_;    // log(freq / total)
  std::vector<PosTag> tag_;
  float unknown_weight_ = 0;     // log(1 / total): a character the dictionary lacks

  // HMM (states B, M, E, S), log probabilities.
  std::array<double, 4> start_{};
  std::array<std::array<double, 4>, 4> trans_{};
  std::vector<uint16_t> emit_row_;              // BMP code point -> row + 1 (0: unseen)
  std::vector<std::array<double, 4>> emit_;
};

}  // namespace kgb

#endif  // KGB_INGEST_WORDS_H_
