// Format sniffer: tells plain text, HTML, PDF and Word (DOCX) apart by
// content first and by the file name's extension only where the content
// leaves it open.
#ifndef KGB_INGEST_FORMAT_H_
#define KGB_INGEST_FORMAT_H_

#include <string>
#include <string_view>

namespace kgb {

enum class InputFormat {
  kText,  // plain text in any encoding DecodeText reads (or binary it rejects)
  kHtml,  // an HTML page
  kPdf,   // a PDF document
  kDocx,  // a zip holding word/document.xml (Word 2007 and later)
};
const char* InputFormatName(InputFormat f);  // "text", "html", "pdf", "docx"

// The format of `bytes`, named `name` (a path, "-" or a JSONL id):
//   - "%PDF-" in the first 1024 bytes: PDF (readers accept junk before it);
//   - a zip (local file header "PK\3\4", or an empty archive) whose names
//     include word/document.xml: DOCX; a zip without it stays kText, so that
//     DecodeText rejects it as an archive;
//   - after a BOM, white space and comments, a markup start -- <!DOCTYPE html,
//     <html, <head, <body, <meta, <title -- or an HTML tag (<div, <p, <table,
//     <script ...) within the first 1024 bytes of a file named .html, .htm,
//     .shtml or .xhtml: HTML. A file named .html without any markup is text.
//   - everything else: kText.
// Looks at the first 4 KiB only, except for the zip's central directory.
InputFormat SniffFormat(const std::string& name, std::string_view bytes);

}  // namespace kgb

#endif  // KGB_INGEST_FORMAT_H_
