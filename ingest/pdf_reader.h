// PDF reader: a PDF document -> its text page by page in reading order, as a
// plain-text rendering that `kgb text FILE` prints and that evidence offsets
// of PDF inputs point into.
//
// poppler (poppler-cpp) gives each page's words with their boxes
// (poppler::page::text_list()); the reading order is not poppler's stream
// order but a recursive XY cut over the boxes, so that newspaper columns stay
// apart:
//   - a region splits into left and right at its widest vertical gap free
//     of text (a gutter: at least 0.7 times the usual line height wide, with
//     more than one line on a side -- a wide space inside one line is not a
//     gutter), or into bands at its widest horizontal gap free of text (and
//     every gap nearly as wide), whichever gap is wider (the gutter on a
//     tie): a headline over two columns comes off first and the columns
//     below it split next, two articles stacked on the same column grid split
//     apart before their columns, and the lines of two columns, whose gaps
//     are narrower than the gutter, are not interleaved;
//   - a region without either gap is one line, read left to right.
// Lines then join into paragraphs; a blank line starts a new one when the
// next line goes up or right (a new column), is indented, follows a short
// last line, is set off by a wider gap or is in another font size.
//
// The rendering: each page's lines end with "\n", paragraphs are separated by
// a blank line, and every page ends with "\f\n" (a form feed line, as
// pdftotext ends pages). Words are joined without a space unless the PDF
// places one.
#ifndef KGB_INGEST_PDF_READER_H_
#define KGB_INGEST_PDF_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace kgb {

// A word on a page: its box (points, origin at the top left, y down) and
// text (UTF-8).
struct PdfWord {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text;
  bool space_after = false;
};

// The text of one page from its words, in reading order (see above); ends
// with "\n" unless empty. Pure and deterministic (exposed for tests and
// fuzzing). Pages with more than 20000 words are read in plain top-to-bottom
// line order.
std::string LayoutPdfPage(const std::vector<PdfWord>& words);

struct PdfOptions {
  size_t max_pages = 2000;  // later pages are not read
};

struct PdfText {
  std::string text;                  // the rendering (UTF-8)
  std::vector<uint64_t> page_starts;  // byte offset in text where page i+1 starts
  size_t pages = 0;                   // pages in the document
  size_t pages_with_text = 0;
};

// Reads `bytes` (a PDF) named `name`. Fails, naming the file and the reason:
// Unsupported for an encrypted PDF that needs a password, for a PDF without a
// text layer ("a scan: run OCR first") and for one with no pages; Corrupt
// when poppler cannot open it (damaged or truncated beyond repair). A PDF
// encrypted with an empty user password (only copying or printing
// restricted) opens and is read.
Status ReadPdf(std::string_view bytes, const std::string& name, const PdfOptions& options, PdfText* out);

}  // namespace kgb

#endif  // KGB_INGEST_PDF_READER_H_
