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

// kDeclared: a charset an HTML page declares (Big5, Shift_JIS...), converted
// by DecodeWithCharset.
enum class Encoding { kUtf8, kUtf8Bom, kUtf16LE, kUtf16BE, kGb18030, kDeclared };
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

// Detects the encoding of `bytes` and converts, in this order:
//   1. a BOM (UTF-8, UTF-16LE, UTF-16BE) decides;
//   2. a known binary signature (PDF, ELF, PE, PNG, JPEG, GIF, ZIP, gzip,
//      OLE, 7z, RAR) is rejected by name;
//   3. UTF-16 with ASCII in it, by its zero bytes on one side;
//   4. more than 10% NUL bytes: binary;
//   5. UTF-8 when at most one invalid byte per two valid multi-byte sequences
//      (damaged sequences -- overlong forms, surrogates, truncations --
//      become U+FFFD);
//   6. otherwise GB18030 (a superset of GBK and GB2312), UTF-16LE or UTF-16BE,
//      whichever reads the first 64 KiB with the largest share of plausible
//      characters (Han, CJK punctuation, printable ASCII...); this finds
//      Chinese-only UTF-16 without BOM, which has no zero bytes. A best share
//      under 80% is "not text".
// Returns Unsupported, naming `name` and the reason ("binary content (PDF
// document), not text"), for binary content (including any reading with
// more than 5% control characters). NUL bytes in otherwise valid text are
// dropped, not fatal.
Status DecodeText(std::string_view bytes, const std::string& name, DecodedText* out);

// Converts `bytes` from `charset` (an encoding label ICU knows: "big5",
// "shift_jis", "euc-kr"...) with offsets, for HTML pages that declare one
// DecodeText does not detect. Fails (Unsupported) when ICU does not know the
// label, or more than 5% of the characters are undecodable (a wrong
// declaration); the caller then falls back to DecodeText.
Status DecodeWithCharset(std::string_view bytes, const std::string& name, const std::string& charset,
                         DecodedText* out);

}  // namespace kgb

#endif  // KGB_INGEST_DECODE_H_
