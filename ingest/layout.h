// Layout repair and segmentation: decoded text -> articles -> sentences.
//
// PDF pages break lines inside words (江州高新\n区), put headlines and
// captions between the halves of a sentence and hold several articles, each
// opened by 本报讯 or a dateline and closed by a byline. Web pages carry
// navigation and share buttons. This stage rejoins the lines, drops site
// furniture, splits articles and sentences, and keeps for every sentence the
// byte range of the original input it came from.
#ifndef KGB_INGEST_LAYOUT_H_
#define KGB_INGEST_LAYOUT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/decode.h"
#include "ingest/lexicon.h"
#include "ingest/words.h"

namespace kgb {

struct Sentence {
  std::u32string text;          // normalized (NFKC, Simplified) characters
  std::string orig;             // the same characters before normalization (UTF-8)
  // text[i] came from the src[i]-th character of orig; size text+1. Empty
  // when text[i] came from character i throughout (nearly every sentence:
  // NFKC and Simplified forms map one character to one), so that a page
  // keeps one UTF-32 copy of its text and one UTF-8 copy of the original.
  std::vector<uint32_t> src;
  uint64_t orig_begin = 0;      // byte range in the original input
  uint64_t orig_end = 0;
  int article = 0;              // index into Page::articles
  bool headline = false;        // a headline, caption or heading line
  bool byline = false;          // a byline (记者 X 通讯员 Y): never read for entities
  // The word layer over text (ingest/words.h). The extractor fills it while
  // the sentence is recognized and empties it after (kept when inspected or
  // when a relation pattern reads words, ingest/patterns.h), so other later
  // stages must not rely on it.
  std::vector<Word> words;

  // The original characters of text[b, e), as UTF-8 (for aliases).
  std::string OrigSpan(size_t b, size_t e) const;
  // The whole sentence in original characters, as UTF-8 (for evidence).
  std::string Display() const;
};

struct Article {
  size_t first = 0;  // first sentence
  size_t count = 0;
};

struct Page {
  std::vector<Sentence> sentences;
  std::vector<Article> articles;
};

// Repairs the layout of `text` and splits it into articles and sentences.
void SegmentPage(const DecodedText& text, const Lexicon& lex, Page* page);

}  // namespace kgb

#endif  // KGB_INGEST_LAYOUT_H_
