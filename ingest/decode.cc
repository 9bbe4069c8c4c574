#include "ingest/decode.h"

#include <unicode/ucnv.h>

#include <cstdio>
#include <memory>

#include "util/utf8.h"

namespace kgb {

const char* EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kUtf8: return "UTF-8";
    case Encoding::kUtf8Bom: return "UTF-8 (BOM)";
    case Encoding::kUtf16LE: return "UTF-16LE";
    case Encoding::kUtf16BE: return "UTF-16BE";
    case Encoding::kGb18030: return "GB18030";
    case Encoding::kDeclared: return "declared charset";
  }
  return "?";
}

void DecodedText::AddChar(size_t text_len, size_t orig, size_t orig_len) {
  const size_t at = text.size() - text_len;
  if (!runs.empty()) {
    const OffsetRun& r = runs.back();
    if (r.text_len == text_len && r.orig_len == orig_len && r.orig + (at - r.text) / r.text_len * r.orig_len == orig)
      return;  // the run goes on
  }
  runs.push_back(OffsetRun{static_cast<uint32_t>(at), static_cast<uint32_t>(orig), static_cast<uint8_t>(text_len),
                           static_cast<uint8_t>(orig_len)});
}

uint64_t DecodedText::MappedOffset(size_t i, size_t* hint) const {
  if (i >= text.size()) return orig_size;
  size_t k = *hint < runs.size() ? *hint : 0;
  if (runs[k].text > i || (k + 1 < runs.size() && runs[k + 1].text <= i)) {
    if (k + 1 < runs.size() && runs[k + 1].text <= i && (k + 2 >= runs.size() || runs[k + 2].text > i)) {
      ++k;  // the next run: the common case of a scan
    } else {
      size_t lo = 0, hi = runs.size();  // the last run that starts at or before i
      while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        (runs[mid].text <= i ? lo : hi) = mid;
      }
      k = lo;
    }
  }
  *hint = k;
  const OffsetRun& r = runs[k];
  return r.orig + static_cast<uint64_t>(i - r.text) / r.text_len * r.orig_len;
}

namespace {

// True when `s` is well-formed UTF-8 (as IsValidUtf8: no overlongs,
// surrogates or values past U+10FFFF) and holds no NUL byte: the common case,
// which needs no copy with offsets. One pass, without decoding code points.
bool CleanUtf8(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = p[i];
    if (b < 0x80) {
      if (b == 0) return false;
      ++i;
    } else if (b >= 0xE0 && b <= 0xEF) {  // three bytes: nearly all Chinese text
      if (n - i < 3) return false;
      unsigned char b1 = p[i + 1], b2 = p[i + 2];
      if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
      if (b == 0xE0 && b1 < 0xA0) return false;   // overlong
      if (b == 0xED && b1 >= 0xA0) return false;  // surrogate
      i += 3;
    } else if (b >= 0xC2 && b <= 0xDF) {
      if (n - i < 2 || (p[i + 1] & 0xC0) != 0x80) return false;
      i += 2;
    } else if (b >= 0xF0 && b <= 0xF4) {
      if (n - i < 4) return false;
      unsigned char b1 = p[i + 1];
      if ((b1 & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80) return false;
      if (b == 0xF0 && b1 < 0x90) return false;   // overlong
      if (b == 0xF4 && b1 >= 0x90) return false;  // past U+10FFFF
      i += 4;
    } else {
      return false;  // continuation byte, C0/C1 (overlong) or F5..FF
    }
  }
  return true;
}

// Copies UTF-8 `bytes` (starting at `skip`) into out, dropping NUL bytes and
// replacing invalid sequences with U+FFFD, recording offsets when anything
// changes.
void CopyUtf8(std::string_view bytes, size_t skip, DecodedText* out) {
  std::string_view body = bytes.substr(skip);
  bool clean = CleanUtf8(body);
  if (clean) {
    out->text.assign(body.data(), body.size());
    out->shift = static_cast<uint32_t>(skip);
    return;
  }
  out->text.reserve(body.size());
  for (size_t i = 0; i < body.size();) {
    if (body[i] == '\0') { ++i; continue; }
    size_t len;
    char32_t cp = DecodeUtf8(body, i, &len);
    size_t before = out->text.size();
    AppendUtf8(cp, &out->text);
    out->AddChar(out->text.size() - before, skip + i, len);
    i += len;
  }
  out->orig_size = bytes.size();
  if (out->runs.empty()) out->runs.push_back(OffsetRun{0, static_cast<uint32_t>(bytes.size()), 1, 1});
}

void Utf16(std::string_view bytes, size_t skip, bool little, DecodedText* out) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  auto unit = [&](size_t i) -> char32_t {
    return little ? (p[i] | (p[i + 1] << 8)) : ((p[i] << 8) | p[i + 1]);
  };
  for (size_t i = skip; i + 1 < n;) {
    char32_t u = unit(i);
    size_t len = 2;
    char32_t cp = u;
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
      char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        len = 4;
      } else {
        cp = 0xFFFD;
      }
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp != 0) {
      size_t before = out->text.size();
      AppendUtf8(cp, &out->text);
      out->AddChar(out->text.size() - before, i, len);
    }
    i += len;
  }
  out->orig_size = n;
  if (out->runs.empty()) out->runs.push_back(OffsetRun{0, static_cast<uint32_t>(n), 1, 1});
}

// Converts `bytes` with ICU's converter for `charset`, one character at a
// time so that every output byte knows its source offset. *bad counts the
// characters that came out as U+FFFD, *chars all of them. False when ICU has
// no such converter.
bool ConvertWithIcu(const char* charset, std::string_view bytes, DecodedText* out, size_t* bad, size_t* chars) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset, &err), ucnv_close);
  if (U_FAILURE(err)) return false;
  const char* src = bytes.data();
  const char* limit = bytes.data() + bytes.size();
  *bad = *chars = 0;
  while (src < limit) {
    const char* start = src;
    err = U_ZERO_ERROR;
    UChar32 cp = ucnv_getNextUChar(conv.get(), &src, limit, &err);
    if (U_FAILURE(err) || src == start) {
      if (src == start) ++src;
      cp = 0xFFFD;
      ucnv_reset(conv.get());
    }
    ++*chars;
    if (cp == 0xFFFD) ++*bad;  // also where ICU substitutes silently
    if (cp == 0) continue;
    size_t before = out->text.size();
    AppendUtf8(static_cast<char32_t>(cp), &out->text);
    out->AddChar(out->text.size() - before, static_cast<size_t>(start - bytes.data()),
                 std::min<size_t>(static_cast<size_t>(src - start), 255));
  }
  out->orig_size = bytes.size();
  return true;
}

// Converts GB18030. Returns the number of undecodable characters.
size_t Gb18030(std::string_view bytes, DecodedText* out) {
  out->text.reserve(bytes.size() * 3 / 2);
  size_t bad = 0, chars = 0;
  if (!ConvertWithIcu("GB18030", bytes, out, &bad, &chars)) return bytes.size();
  if (out->runs.empty()) out->runs.push_back(OffsetRun{0, static_cast<uint32_t>(bytes.size()), 1, 1});
  out->text.shrink_to_fit();
  return bad;
}

// Share of bytes that are C0 controls other than tab, CR, LF, FF (and NUL,
// counted separately by callers).
double ControlShare(std::string_view s) {
  if (s.empty()) return 0;
  // Branch-free, so that the compiler runs it over many bytes at once.
  size_t ctl = 0;
  for (unsigned char c : s)
    ctl += static_cast<size_t>((c < 0x20) & (c != 0) & (c != '\t') & (c != '\n') & (c != '\f') & (c != '\r'));
  return static_cast<double>(ctl) / s.size();
}

// UTF-16 without BOM: ASCII and CJK text in UTF-16 has a zero byte in most
// ASCII code units, on one side only. (Chinese-only UTF-16 has no zero bytes
// at all; the plausibility score below finds it.)
int GuessUtf16(std::string_view s) {
  if (s.size() < 4) return 0;
  size_t even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    even_zero += s[i] == 0;
    odd_zero += s[i + 1] == 0;
  }
  size_t units = s.size() / 2;
  if (odd_zero > units / 4 && even_zero < units / 50) return 1;   // little endian
  if (even_zero > units / 4 && odd_zero < units / 50) return 2;   // big endian
  return 0;
}

// Well-known binary signatures, for a precise message ("PDF document").
const char* BinarySignature(std::string_view b) {
  auto starts = [&](std::string_view magic) { return b.substr(0, magic.size()) == magic; };
  using namespace std::string_view_literals;
  if (starts("%PDF-"sv)) return "PDF document";
  if (starts("\x7f" "ELF"sv)) return "ELF program";
  if (starts("\x89PNG\r\n\x1a\n"sv)) return "PNG image";
  if (starts("\xff\xd8\xff"sv)) return "JPEG image";
  if (starts("GIF87a"sv) || starts("GIF89a"sv)) return "GIF image";
  if (starts("PK\x03\x04"sv)) return "ZIP archive or Office document";
  if (starts("\x1f\x8b"sv)) return "gzip archive";
  if (starts("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv)) return "legacy Office document";
  if (starts("7z\xbc\xaf\x27\x1c"sv)) return "7-Zip archive";
  if (starts("Rar!\x1a\x07"sv)) return "RAR archive";
  if (starts("MZ"sv) && b.size() >= 0x40) {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(b.data());
    size_t pe = p[0x3C] | (p[0x3D] << 8) | (p[0x3E] << 16) | (static_cast<size_t>(p[0x3F]) << 24);
    if (pe + 4 <= b.size() && b.substr(pe, 4) == "PE\0\0"sv) return "Windows program";
  }
  return nullptr;
}

// True for characters that Chinese news text is made of: Han (the unified
// block), CJK and full-width punctuation, kana, printable ASCII and white
// space, Latin-1, Greek and Cyrillic letters and the symbols GB2312 carries.
// Text decoded with the wrong encoding is dominated by other characters
// (Hangul, Yi, private use, surrogates, rare Han extensions, controls, U+FFFD).
bool IsPlausible(char32_t c) {
  if (c < 0x80) return c >= 0x20 ? c != 0x7F : (c == '\t' || c == '\n' || c == '\r' || c == '\f');
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF01 && c <= 0xFF65) ||
         (c >= 0xA0 && c <= 0xFF) || (c >= 0x2010 && c <= 0x205E) || (c >= 0x2160 && c <= 0x21FF) ||
         (c >= 0x2460 && c <= 0x26FF) || (c >= 0x3200 && c <= 0x33FF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0x0391 && c <= 0x03C9) || (c >= 0x0401 && c <= 0x0451) || (c >= 0xFFE0 && c <= 0xFFE5);
}

// Share of plausible characters in decoded UTF-8 (NULs, already dropped by
// the decoders, do not count).
double Plausibility(const std::string& utf8) {
  size_t n = 0, good = 0;
  for (size_t i = 0; i < utf8.size();) {
    size_t len;
    char32_t c = DecodeUtf8(utf8, i, &len);
    i += len;
    ++n;
    good += IsPlausible(c);
  }
  return n ? static_cast<double>(good) / n : 0;
}

// Counts of a lossy UTF-8 reading: characters, valid multi-byte sequences and
// invalid bytes (NULs skipped).
struct Utf8Census {
  size_t chars = 0, multibyte = 0, invalid = 0;
};
Utf8Census CensusUtf8(std::string_view s) {
  Utf8Census c;
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      c.chars += b != 0;
      ++i;
      continue;
    }
    size_t len;
    DecodeUtf8(s, i, &len);
    ++c.chars;
    if (len == 1) ++c.invalid; else ++c.multibyte;
    i += len;
  }
  return c;
}

// Bytes examined to choose among UTF-16 and GB18030 readings.
constexpr size_t kSniffBytes = 64 * 1024;
// Least share of plausible characters for text (see IsPlausible).
constexpr double kMinPlausible = 0.8;

}  // namespace

Status DecodeText(std::string_view bytes, const std::string& name, DecodedText* out) {
  *out = DecodedText();
  if (bytes.size() > 0xFFFFFFF0u) return Status::Unsupported(name + ": file larger than 4 GiB");
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
  auto binary = [&](const char* what) {
    *out = DecodedText();
    return Status::Unsupported(name + ": binary content" + (what ? std::string(" (") + what + ")" : "") +
                               ", not text");
  };
  auto check_controls = [&]() {
    if (ControlShare(out->text) > 0.05) return binary(nullptr);
    return Status::OK();
  };
  if (bytes.size() >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
    out->encoding = Encoding::kUtf8Bom;
    CopyUtf8(bytes, 3, out);
    return check_controls();
  }
  if (bytes.size() >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
    out->encoding = Encoding::kUtf16LE;
    Utf16(bytes, 2, true, out);
    return check_controls();
  }
  if (bytes.size() >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
    out->encoding = Encoding::kUtf16BE;
    Utf16(bytes, 2, false, out);
    return check_controls();
  }
  if (const char* what = BinarySignature(bytes)) return binary(what);

  // The common case first: valid UTF-8 (which holds no NUL byte, so no
  // UTF-16 or binary test below could take it), checked once, copied once.
  if (CleanUtf8(bytes)) {
    out->encoding = Encoding::kUtf8;
    out->text.assign(bytes.data(), bytes.size());
    return check_controls();
  }

  // Binary files are full of NULs in any single-byte-based encoding; UTF-16
  // with ASCII in it has zero bytes on one side (counted first: text without
  // any zero byte skips the test).
  size_t nul = 0;
  for (unsigned char c : bytes) nul += c == 0;
  if (int u16 = nul == 0 ? 0 : GuessUtf16(bytes)) {
    out->encoding = u16 == 1 ? Encoding::kUtf16LE : Encoding::kUtf16BE;
    Utf16(bytes, 0, u16 == 1, out);
    if (Plausibility(out->text.substr(0, kSniffBytes)) < kMinPlausible) return binary(nullptr);
    return check_controls();
  }
  if (bytes.size() >= 16 && nul * 10 > bytes.size()) return binary(nullptr);

  // UTF-8: valid, or valid but for a few damaged sequences (overlong forms,
  // surrogates, truncated characters), which become U+FFFD. GB18030 Chinese
  // reads as about six invalid bytes per valid multi-byte UTF-8 sequence;
  // damaged UTF-8 has at most one per two.
  Utf8Census census = CensusUtf8(bytes);
  if (census.invalid * 2 <= census.multibyte) {
    out->encoding = Encoding::kUtf8;
    CopyUtf8(bytes, 0, out);
    return check_controls();
  }

  // Otherwise GB18030, UTF-16LE or UTF-16BE (Chinese-only UTF-16 has no zero
  // bytes): the reading of the first bytes with the most plausible
  // characters wins. GB18030 reads UTF-16 as a mix of ASCII, controls and
  // odd characters, and UTF-16 reads GB18030 as Hangul, Yi and private use.
  std::string_view sniff = bytes.substr(0, kSniffBytes);
  struct Candidate {
    Encoding encoding;
    double score;
  } best{Encoding::kGb18030, -1};
  for (Encoding e : {Encoding::kGb18030, Encoding::kUtf16LE, Encoding::kUtf16BE}) {
    DecodedText t;
    if (e == Encoding::kGb18030) {
      Gb18030(sniff, &t);
    } else {
      Utf16(sniff, 0, e == Encoding::kUtf16LE, &t);
    }
    double score = Plausibility(t.text);
    if (score > best.score) best = {e, score};
  }
  if (best.score < kMinPlausible) {
    if (ControlShare(bytes) > 0.05) return binary(nullptr);
    *out = DecodedText();
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.0f%%", best.score * 100);
    return Status::Unsupported(name + ": not text in UTF-8, UTF-16 or GB18030 (best reading " +
                               EncodingName(best.encoding) + " has only " + pct + " plausible characters)");
  }
  out->encoding = best.encoding;
  if (best.encoding == Encoding::kGb18030) {
    size_t bad = Gb18030(bytes, out);
    size_t chars = CountChars(out->text);
    if (chars == 0 || bad * 20 > chars) {
      *out = DecodedText();
      return Status::Unsupported(name + ": neither UTF-8, UTF-16 nor GB18030 text (" + std::to_string(bad) +
                                 " undecodable sequences)");
    }
  } else {
    Utf16(bytes, 0, best.encoding == Encoding::kUtf16LE, out);
  }
  return check_controls();
}

Status DecodeWithCharset(std::string_view bytes, const std::string& name, const std::string& charset,
                         DecodedText* out) {
  *out = DecodedText();
  if (bytes.size() > 0xFFFFFFF0u) return Status::Unsupported(name + ": file larger than 4 GiB");
  out->encoding = Encoding::kDeclared;
  size_t bad = 0, chars = 0;
  if (!ConvertWithIcu(charset.c_str(), bytes, out, &bad, &chars))
    return Status::Unsupported(name + ": unknown charset \"" + charset + "\"");
  if (bad * 20 > chars) {
    *out = DecodedText();
    return Status::Unsupported(name + ": does not read as " + charset);
  }
  return Status::OK();
}

}  // namespace kgb
