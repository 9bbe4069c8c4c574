#include "ingest/decode.h"

#include <unicode/ucnv.h>

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
  }
  return "?";
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
  out->offsets.reserve(body.size() + 1);
  for (size_t i = 0; i < body.size();) {
    if (body[i] == '\0') { ++i; continue; }
    size_t len;
    char32_t cp = DecodeUtf8(body, i, &len);
    size_t before = out->text.size();
    AppendUtf8(cp, &out->text);
    for (size_t k = before; k < out->text.size(); ++k) out->offsets.push_back(static_cast<uint32_t>(skip + i));
    i += len;
  }
  out->offsets.push_back(static_cast<uint32_t>(bytes.size()));
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
      for (size_t k = before; k < out->text.size(); ++k) out->offsets.push_back(static_cast<uint32_t>(i));
    }
    i += len;
  }
  out->offsets.push_back(static_cast<uint32_t>(n));
}

// Converts GB18030 with ICU, one character at a time so that every output
// byte knows its source offset. Returns the number of undecodable characters.
size_t Gb18030(std::string_view bytes, DecodedText* out) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open("GB18030", &err), ucnv_close);
  if (U_FAILURE(err)) return bytes.size();
  const char* src = bytes.data();
  const char* limit = bytes.data() + bytes.size();
  size_t bad = 0;
  out->text.reserve(bytes.size() * 3 / 2);
  out->offsets.reserve(bytes.size() * 3 / 2 + 1);
  while (src < limit) {
    const char* start = src;
    err = U_ZERO_ERROR;
    UChar32 cp = ucnv_getNextUChar(conv.get(), &src, limit, &err);
    if (U_FAILURE(err) || src == start) {
      if (src == start) ++src;
      ++bad;
      cp = 0xFFFD;
      ucnv_reset(conv.get());
    }
    if (cp == 0xFFFD) {
      // ICU substitutes silently for some invalid sequences.
      if (!U_FAILURE(err)) ++bad;
    }
    if (cp == 0) continue;
    size_t before = out->text.size();
    AppendUtf8(static_cast<char32_t>(cp), &out->text);
    uint32_t off = static_cast<uint32_t>(start - bytes.data());
    for (size_t k = before; k < out->text.size(); ++k) out->offsets.push_back(off);
  }
  out->offsets.push_back(static_cast<uint32_t>(bytes.size()));
  return bad;
}

// Share of bytes that are C0 controls other than tab, CR, LF, FF (and NUL,
// counted separately by callers).
double ControlShare(std::string_view s) {
  if (s.empty()) return 0;
  size_t ctl = 0;
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0) ++ctl;
  }
  return static_cast<double>(ctl) / s.size();
}

// UTF-16 without BOM: ASCII and CJK text in UTF-16 has a zero byte in most
// ASCII code units, on one side only.
int GuessUtf16(std::string_view s) {
  if (s.size() < 4 || s.size() % 2 != 0) return 0;
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

}  // namespace

Status DecodeText(std::string_view bytes, const std::string& name, DecodedText* out) {
  *out = DecodedText();
  if (bytes.size() > 0xFFFFFFF0u) return Status::Unsupported(name + ": file larger than 4 GiB");
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
    out->encoding = Encoding::kUtf8Bom;
    CopyUtf8(bytes, 3, out);
  } else if (bytes.size() >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
    out->encoding = Encoding::kUtf16LE;
    Utf16(bytes, 2, true, out);
  } else if (bytes.size() >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
    out->encoding = Encoding::kUtf16BE;
    Utf16(bytes, 2, false, out);
  } else if (int u16 = GuessUtf16(bytes)) {
    out->encoding = u16 == 1 ? Encoding::kUtf16LE : Encoding::kUtf16BE;
    Utf16(bytes, 0, u16 == 1, out);
  } else {
    // Binary files are full of NULs and control bytes in any encoding.
    size_t nul = 0;
    for (unsigned char c : bytes) nul += c == 0;
    if (bytes.size() >= 16 && (nul * 10 > bytes.size() || ControlShare(bytes) > 0.05))
      return Status::Unsupported(name + ": binary content, not text");
    if (nul == 0 && CleanUtf8(bytes)) {  // the common case: checked once, copied once
      out->encoding = Encoding::kUtf8;
      out->text.assign(bytes.data(), bytes.size());
      return Status::OK();
    }
    std::string_view no_nul = bytes;
    std::string stripped;
    if (nul) {
      stripped.reserve(bytes.size());
      for (char c : bytes) if (c) stripped.push_back(c);
      no_nul = stripped;
    }
    if (IsValidUtf8(no_nul)) {
      out->encoding = Encoding::kUtf8;
      CopyUtf8(bytes, 0, out);
    } else {
      out->encoding = Encoding::kGb18030;
      size_t bad = Gb18030(bytes, out);
      size_t chars = CountChars(out->text);
      if (chars == 0 || bad * 20 > chars)
        return Status::Unsupported(name + ": neither UTF-8, UTF-16 nor GB18030 text (" +
                                   std::to_string(bad) + " undecodable sequences)");
    }
  }
  if (out->encoding == Encoding::kUtf16LE || out->encoding == Encoding::kUtf16BE) {
    if (ControlShare(out->text) > 0.05) return Status::Unsupported(name + ": binary content, not text");
  }
  return Status::OK();
}

}  // namespace kgb
