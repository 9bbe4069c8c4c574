// Fuzzes the HTML reader (charset, gumbo, body detection, offset alignment)
// and the extractor over its text. Checks the reader's contract: the text is
// valid UTF-8, with one offset per byte plus one, non-decreasing and inside
// the input.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "ingest/html_reader.h"
#include "ingest/pipeline.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kgb::Extractor* extractor = [] {
    std::unique_ptr<kgb::Extractor> e;
    if (!kgb::Extractor::Create(nullptr, kgb::ExtractOptions(), &e).ok()) __builtin_trap();
    return e.release();
  }();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  kgb::HtmlText html;
  if (!kgb::ReadHtml(bytes, "fuzz.html", kgb::HtmlOptions(), &html).ok()) return 0;
  const kgb::DecodedText& t = html.text;
  if (!kgb::IsValidUtf8(t.text)) __builtin_trap();
  if (t.orig_size > size) __builtin_trap();  // offsets are runs now: the end stays in the file
  uint64_t prev = 0;
  for (size_t i = 0; i <= t.text.size(); ++i) {
    uint64_t o = t.OrigOffset(i);
    if (o < prev || o > size) __builtin_trap();
    prev = o;
  }
  kgb::DocumentRecords records;
  extractor->ProcessText("fuzz.html", t, html.date, &records);
  for (const kgb::RelationRecord& r : records.relations)
    if (r.evidence.end < r.evidence.start || r.evidence.end > size) __builtin_trap();
  return 0;
}
