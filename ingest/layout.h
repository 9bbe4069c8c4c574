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
  // The word layer over text (ingest/words.h), read through Words(). The
  // extractor attaches its segmenter while the sentence is recognized
  // (SegmentOnDemand) and Words() segments on the first call, so a sentence
  // in which no rule reads words is never segmented; after recognition the
  // extractor empties it (kept when inspected or when a relation pattern reads
  // words, ingest/patterns.h), so other later stages must not rely on it.
  // Without a segmenter attached, Words() is what was put in `words`.
  // Words() fills a cache from a const method: one thread per sentence.
  mutable std::vector<Word> words;

  const std::vector<Word>& Words() const {
    if (pending_segmenter_) {
      pending_segmenter_->Segment(text, &words);
      pending_segmenter_ = nullptr;
    }
    return words;
  }
  // Clears the words; the next Words() segments text with `seg` (kept by the
  // caller until then; null: no word layer).
  void SegmentOnDemand(const WordSegmenter* seg) {
    words.clear();
    pending_segmenter_ = seg;
  }
  // True once the words were made (or when no segmenter is attached).
  bool Segmented() const { return pending_segmenter_ == nullptr; }

  // The original characters of text[b, e), as UTF-8 (for aliases).
  std::string OrigSpan(size_t b, size_t e) const;
  // The whole sentence in original characters, as UTF-8 (for evidence).
  std::string Display() const;

 private:
  mutable const WordSegmenter* pending_segmenter_ = nullptr;
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
