// Fuzzes the PDF reader. An input starting with byte 'L' describes word
// boxes for the reading-order layout (LayoutPdfPage): each word takes 5
// bytes (x, y, width, height, length) and `length % 8` letters; the layout
// must keep every letter exactly once. Any other input goes through poppler
// (ReadPdf), whose rendering must be valid UTF-8 with one page start per page
// read.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/pdf_reader.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 0 && data[0] == 'L') {
    std::vector<kgb::PdfWord> words;
    size_t letters = 0;
    size_t i = 1;
    while (i + 5 <= size) {
      kgb::PdfWord w;
      w.x0 = data[i] * 3.0;
      w.y0 = data[i + 1] * 4.0;
      w.x1 = w.x0 + data[i + 2] / 4.0;
      w.y1 = w.y0 + data[i + 3] / 16.0;
      w.space_after = data[i + 4] & 0x80;
      size_t n = data[i + 4] % 8;
      i += 5;
      for (size_t k = 0; k < n && i < size; ++k, ++i) w.text.push_back(static_cast<char>('a' + data[i] % 26));
      letters += w.text.size();
      words.push_back(std::move(w));
    }
    std::string text = kgb::LayoutPdfPage(words);
    size_t got = 0;
    for (char c : text) got += c >= 'a' && c <= 'z';
    if (got != letters) __builtin_trap();
    return 0;
  }
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  kgb::PdfText pdf;
  kgb::PdfOptions options;
  options.max_pages = 20;
  if (!kgb::ReadPdf(bytes, "fuzz.pdf", options, &pdf).ok()) return 0;
  if (!kgb::IsValidUtf8(pdf.text)) __builtin_trap();
  if (pdf.page_starts.empty() || pdf.page_starts.size() > options.max_pages) __builtin_trap();
  return 0;
}
