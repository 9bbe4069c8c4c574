#include "ingest/document.h"

#include <algorithm>

namespace kgb {

Status ReadDocument(const std::string& name, std::string_view bytes, InputFormat format, const ReadOptions& options,
                    SourceText* out) {
  *out = SourceText();
  out->format = format;
  switch (format) {
    case InputFormat::kText:
      return DecodeText(bytes, name, &out->text);
    case InputFormat::kHtml: {
      HtmlText html;
      KGB_RETURN_IF_ERROR(ReadHtml(bytes, name, options.html, &html));
      out->text = std::move(html.text);
      out->date = std::move(html.date);
      out->title = std::move(html.title);
      return Status::OK();
    }
    case InputFormat::kPdf: {
      PdfText pdf;
      KGB_RETURN_IF_ERROR(ReadPdf(bytes, name, options.pdf, &pdf));
      out->text.text = std::move(pdf.text);
      out->page_starts = std::move(pdf.page_starts);
      out->rendered = true;
      return Status::OK();
    }
    case InputFormat::kDocx: {
      std::string text;
      KGB_RETURN_IF_ERROR(ReadDocx(bytes, name, options.docx, &text));
      if (text.find_first_not_of(" \t\n") == std::string::npos)
        return Status::Unsupported(name + ": Word document without text");
      out->text.text = std::move(text);
      out->rendered = true;
      return Status::OK();
    }
  }
  return Status::Unsupported(name + ": unknown format");
}

uint32_t PageAt(const SourceText& source, uint64_t offset) {
  if (source.page_starts.empty()) return 0;
  auto it = std::upper_bound(source.page_starts.begin(), source.page_starts.end(), offset);
  return static_cast<uint32_t>(std::max<std::ptrdiff_t>(it - source.page_starts.begin(), 1));
}

void AssignPages(const SourceText& source, DocumentRecords* records) {
  if (source.page_starts.empty()) return;
  for (RelationRecord& r : records->relations) r.evidence.page = PageAt(source, r.evidence.start);
}

}  // namespace kgb
