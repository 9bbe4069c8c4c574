// Lexicon: every word list the extractor reads, loaded from the data files
// of data/lexicon/ (embedded in the binary, or a folder given at run time).
//
// Load once, then read-only and shared by all threads (re2's build-then-match
// discipline). Every word is normalized (NFKC, Simplified) on load, so the
// lists match Traditional and full-width text alike. A malformed line is a
// Status naming the file and line, never an abort.
#ifndef KGB_INGEST_LEXICON_H_
#define KGB_INGEST_LEXICON_H_

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "graph/types.h"
#include "ingest/trie.h"
#include "util/status.h"

namespace kgb {

enum class TriggerKind : uint8_t {
  kMeet, kSign, kAgreement, kLocate, kSettle, kHost, kVisit, kSite, kDelegation,
};

enum class LayoutKind : uint8_t { kArticle, kByline, kDrop, kMeta };

enum class SuffixRule : uint8_t {
  kPlace,  // the prefix must hold a place name
  kName,   // at least two non-generic characters
  kAny,    // any proper prefix
  kZone,   // the prefix holds a zone's name and two characters more (…自贸试验区X片区)
};

struct SuffixInfo {
  EntityType type;
  SuffixRule rule;
  size_t length;  // in characters
};

enum class PlaceLevel : uint8_t { kProvince, kCity, kCounty, kTownship };

struct PlaceInfo {
  std::string name;    // full name (郑州市)
  PlaceLevel level;
  bool is_short;       // matched by its short form (郑州)
  bool weak = false;    // a county's bare name (玉山 for 玉山县): only where the words read a place
  std::string short_form;  // 郑州, or "" when the division list gives none
  std::string parent;      // the division above (郑州市 for 金水区), or ""
};

struct NationalBody {
  std::string name;
  EntityType type;
  std::vector<std::string> aliases;
};

class Lexicon {
 public:
  // The lexicon compiled into the binary (loaded on first use). Returns null
  // and sets *status if the embedded data is malformed.
  static std::shared_ptr<const Lexicon> Embedded(Status* status);
  // Loads the same files from a folder (for users who edit the lists).
  static Status LoadDir(const std::string& dir, std::shared_ptr<const Lexicon>* out);

  // --- persons and titles
  Trie titles;
  SuffixTrie titles_ending;      // titles, looked up by where they end
  Trie title_bodies;
  SuffixTrie title_bodies_ending;  // the same, by where they end
  Trie surnames;                 // value = length
  std::unordered_set<char32_t> not_given;
  std::unordered_set<char32_t> stop_chars;
  Trie after_words;
  std::unordered_set<char32_t> ambiguous_surnames;
  Trie not_names;
  SuffixTrie byline_words;       // 记者, 通讯员 ... by where they end

  // --- names by suffix
  SuffixTrie suffixes;           // value = index into suffix_info
  std::vector<SuffixInfo> suffix_info;
  SuffixTrie stop_ends;
  std::unordered_set<std::u32string> stop_exact;
  Trie boundaries_fwd;           // the same words, by where they start
  SuffixTrie boundaries;         // 0: ends all names; 1: conjunctions, 2: verbal nouns
                                 // (1 and 2 do not end project names)
  Trie inner_words;              // words with a boundary character inside names (对外)
  std::unordered_set<std::u32string> name_verbs;  // verbs that stand inside names (控股, 制造)
  Trie generic;                  // for "is the prefix only generic words"
  Trie determiners;

  // --- places and well-known bodies
  Trie places;                   // value = index into place_info
  std::vector<PlaceInfo> place_info;
  Trie national;                 // name or alias -> index into national_bodies
  std::vector<NationalBody> national_bodies;

  // --- relations and layout
  Trie triggers;                 // value = TriggerKind
  std::vector<std::pair<std::u32string, LayoutKind>> layout_markers;

  // True when `s` is entirely a sequence of generic words.
  bool IsGeneric(std::u32string_view s) const;

  // Reads one lexicon file into this lexicon (used by the loaders).
  Status Parse(const std::string& file, std::string_view content);
};

}  // namespace kgb

#endif  // KGB_INGEST_LEXICON_H_
