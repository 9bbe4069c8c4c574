// Fuzzes the ingest path on arbitrary bytes: DecodeText (encoding detection
// and conversion), the Normalizer, and the whole Extractor (layout, entities,
// relations). Besides crashes and sanitizer reports it checks the decoder's
// contract: the text is valid UTF-8 and every offset lies, in order, inside
// the input.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "ingest/decode.h"
#include "util/normalize.h"
#include "ingest/pipeline.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kgb::Extractor* extractor = [] {
    std::unique_ptr<kgb::Extractor> e;
    if (!kgb::Extractor::Create(nullptr, kgb::ExtractOptions(), &e).ok()) __builtin_trap();
    return e.release();
  }();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  kgb::DecodedText text;
  if (kgb::DecodeText(bytes, "fuzz", &text).ok()) {
    if (!kgb::IsValidUtf8(text.text)) __builtin_trap();
    if (!text.runs.empty() && text.OrigOffset(text.text.size()) != size) __builtin_trap();
    uint64_t prev = 0;
    for (size_t i = 0; i <= text.text.size(); ++i) {
      uint64_t o = text.OrigOffset(i);
      if (o < prev || o > size) __builtin_trap();
      prev = o;
    }
    std::string norm = kgb::Normalizer::Get().Normalize(text.text);
    if (!kgb::IsValidUtf8(norm)) __builtin_trap();
  }

  kgb::DocumentRecords records;
  kgb::DocumentStats stats;
  extractor->Process("fuzz", bytes, &records, &stats);
  return 0;
}
