// Encoding detection and conversion to UTF-8 with offsets back into the
// original bytes.
#ifndef KGB_INGEST_DECODE_H_
#define KGB_INGEST_DECODE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace kgb {

enum class Encoding { kUtf8, kUtf8Bom, kUtf16LE, kUtf16BE, kGb18030 };
const char* EncodingName(Encoding e);

// Text decoded to UTF-8. Byte i of `text` came from original byte
// `OrigOffset(i)`; OrigOffset(text.size()) is the size of the original.
struct DecodedText {
  std::string text;
  Encoding encoding = Encoding::kUtf8;
  // Empty when text is the original shifted by `shift` bytes (UTF-8, with or
  // without BOM); otherwise one entry per byte of text plus one.
  std::vector<uint32_t> offsets;
  uint32_t shift = 0;

  uint64_t OrigOffset(size_t i) const { return offsets.empty() ? i + shift : offsets[i]; }
};

// Detects the encoding of `bytes` (BOMs; valid UTF-8; UTF-16 without BOM by
// the pattern of zero bytes; otherwise GB18030, a superset of GBK and GB2312)
// and converts. Returns Unsupported, naming `name`, for binary content (a
// file that is neither of these encodings, or is mostly control bytes).
// NUL bytes in otherwise valid text are dropped, not fatal.
Status DecodeText(std::string_view bytes, const std::string& name, DecodedText* out);

}  // namespace kgb

#endif  // KGB_INGEST_DECODE_H_
