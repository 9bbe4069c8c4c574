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

// A run of characters that each take `text_len` bytes of the decoded text and
// `orig_len` bytes of the original, one after the other in both.
struct OffsetRun {
  uint32_t text = 0;  // first byte of the run in the decoded text
  uint32_t orig = 0;  // its first byte in the original
  uint8_t text_len = 1, orig_len = 1;
};

// Text decoded to UTF-8. Byte i of `text` came from original byte
// `OrigOffset(i)` (the bytes of one character all map to where the character
// starts); OrigOffset(text.size()) is the size of the original.
//
// Offsets are kept compact: nothing at all when the text is the original
// shifted by `shift` bytes (clean UTF-8, with or without BOM), else one run
// per stretch of characters of the same byte lengths (GB18030 and UTF-16
// Chinese, say, is a run until the next ASCII character): a few bytes per
// run instead of four per byte of text.
struct DecodedText {
  std::string text;
  Encoding encoding = Encoding::kUtf8;
  std::vector<OffsetRun> runs;  // empty: shifted original
  uint32_t shift = 0;
  uint64_t orig_size = 0;       // with runs: the size of the original

  uint64_t OrigOffset(size_t i) const {
    size_t hint = 0;
    return runs.empty() ? i + shift : MappedOffset(i, &hint);
  }
  // The same for callers that read the text in order: *hint (start at 0)
  // remembers the run of the last call, so that a sequential scan costs no
  // search.
  uint64_t OrigOffset(size_t i, size_t* hint) const { return runs.empty() ? i + shift : MappedOffset(i, hint); }

  // For decoders: the character just appended to `text` (its last
  // `text_len` bytes) came from original bytes [orig, orig + orig_len).
  void AddChar(size_t text_len, size_t orig, size_t orig_len);

 private:
  uint64_t MappedOffset(size_t i, size_t* hint) const;
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
