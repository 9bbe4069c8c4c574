// DOCX reader: a Word document (a zip holding word/document.xml) -> its text
// as a plain-text rendering that `kgb text FILE` prints and that evidence
// offsets of DOCX inputs point into.
//
// The zip is opened with libzip from memory and word/document.xml is parsed
// with libxml2 (no network, no entity substitution, libxml2's default depth
// limit). The rendering walks the body in document order:
//   - each paragraph (w:p) is one line, followed by a blank line;
//   - a run's text (w:t) as is, a tab (w:tab) as "\t", a break (w:br, w:cr)
//     as "\n", a non-breaking hyphen as "-";
//   - tables are read row by row, each cell left to right as a paragraph of
//     its own (its paragraphs joined by a space), so that the cells of a row
//     do not run together into one name;
//   - deleted text (w:delText), field codes (w:instrText) and the fallback
//     copy of drawings' text boxes (mc:Fallback) are left out.
// Headers, footers, footnotes and comments are not read.
#ifndef KGB_INGEST_DOCX_READER_H_
#define KGB_INGEST_DOCX_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "util/status.h"

namespace kgb {

struct DocxOptions {
  // word/document.xml expanding beyond this is refused (a zip bomb, or no
  // news article).
  uint64_t max_xml_bytes = 64ull << 20;
};

// Reads `bytes` (a DOCX) named `name` into *text (the rendering). Fails,
// naming the file and the reason: Corrupt for a broken or truncated zip or
// malformed XML, Unsupported for a zip without word/document.xml (another
// Office format or archive), an encrypted entry or one that expands beyond
// max_xml_bytes.
Status ReadDocx(std::string_view bytes, const std::string& name, const DocxOptions& options, std::string* text);

}  // namespace kgb

#endif  // KGB_INGEST_DOCX_READER_H_
