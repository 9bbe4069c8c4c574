// Fuzzes the DOCX reader (libzip over broken or hostile zips, libxml2 over
// word/document.xml, the rendering). The rendering must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/docx_reader.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  kgb::DocxOptions options;
  options.max_xml_bytes = 8u << 20;  // keep the fuzzer's memory small
  std::string text;
  if (kgb::ReadDocx(bytes, "fuzz.docx", options, &text).ok() && !kgb::IsValidUtf8(text)) __builtin_trap();
  return 0;
}
