// Sections of a long document: where a document larger than
// ExtractOptions::max_doc_bytes is cut, so that it is read in parts of
// bounded size (and bounded memory) instead of being refused.
//
// Cuts fall at paragraph boundaries (a blank line, i.e. articles and
// paragraphs stay whole) when the second half of a section holds one, else
// at a line break, else at a character boundary. Each section is then read as
// a page of its own: names known on the page, the paper's own zone and the
// page's year are looked up within the section.
#ifndef KGB_INGEST_SECTIONS_H_
#define KGB_INGEST_SECTIONS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "ingest/decode.h"

namespace kgb {

// Byte offsets into `text` (UTF-8) where sections start: 0 first, each section
// [cuts[i], cuts[i+1] or text.size()) at most `max_bytes` long (max_bytes >=
// 1; a character longer than that is one section).
std::vector<size_t> SectionStarts(std::string_view text, size_t max_bytes);

// Bytes [b, e) of `text` as a DecodedText of their own, whose offsets still
// point into the original input of `text`.
DecodedText SliceDecoded(const DecodedText& text, size_t b, size_t e);

}  // namespace kgb

#endif  // KGB_INGEST_SECTIONS_H_
