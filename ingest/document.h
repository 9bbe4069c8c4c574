// Document reader: chooses the reader for an input by its format
// (ingest/format.h) and returns UTF-8 text with an offset map, the form the
// extractor (ingest/pipeline) consumes, plus what the format knows besides
// (a publication date, pages).
//
// Where evidence offsets point:
//   - text and HTML: byte offsets into the original file (for HTML, the
//     bytes [start, end) hold the sentence's characters, tags between them
//     aside);
//   - PDF and DOCX: byte offsets into the text rendering that ReadDocument
//     returns and `kgb text FILE` prints (see pdf_reader.h, docx_reader.h);
//     PDF evidence also carries its page.
#ifndef KGB_INGEST_DOCUMENT_H_
#define KGB_INGEST_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/records.h"
#include "ingest/decode.h"
#include "ingest/docx_reader.h"
#include "ingest/format.h"
#include "ingest/html_reader.h"
#include "ingest/pdf_reader.h"
#include "util/status.h"

namespace kgb {

struct ReadOptions {
  HtmlOptions html;
  PdfOptions pdf;
  DocxOptions docx;
};

struct SourceText {
  InputFormat format = InputFormat::kText;
  // The text the extractor reads; text.OrigOffset(i) is the evidence offset
  // of its byte i (into the file, or into `rendering`).
  DecodedText text;
  // PDF and DOCX: true, and text.text is itself the rendering (offsets are
  // the identity).
  bool rendered = false;
  std::string date;   // publication date from the document's metadata, or ""
  std::string title;  // HTML <title>, or ""
  std::vector<uint64_t> page_starts;  // PDF: rendering offset where page i+1 starts
};

// Reads `bytes` named `name` as `format` (SniffFormat's guess unless the
// caller knows better, e.g. a JSONL "html" field). Fails with the reader's
// status, which names the input and the reason.
Status ReadDocument(const std::string& name, std::string_view bytes, InputFormat format, const ReadOptions& options,
                    SourceText* out);

// The 1-based page of a rendering offset, or 0 when the source has no pages.
uint32_t PageAt(const SourceText& source, uint64_t offset);

// Sets the page of every relation's evidence (PDF only).
void AssignPages(const SourceText& source, DocumentRecords* records);

}  // namespace kgb

#endif  // KGB_INGEST_DOCUMENT_H_
