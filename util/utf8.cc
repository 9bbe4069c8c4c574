#include "util/utf8.h"

#include <algorithm>

namespace kgb {

char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  size_t avail = s.size() - i;
  unsigned char b = p[0];
  if (b < 0x80) { *len = 1; return b; }
  size_t n = Utf8SeqLen(b);
  if (n == 1 || n > avail) { *len = 1; return 0xFFFD; }
  char32_t cp = b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((p[k] & 0xC0) != 0x80) { *len = 1; return 0xFFFD; }
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  static const char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *len = 1;
    return 0xFFFD;
  }
  *len = n;
  return cp;
}

std::string ScrubUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t c = DecodeUtf8(s, i, &len);
    if (c == 0xFFFD && len == 1) {
      AppendUtf8(c, &out);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  char buf[4];
  out->append(buf, EncodeUtf8(cp, buf));
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) { ++i; continue; }
    size_t len;
    char32_t cp = DecodeUtf8(s, i, &len);
    if (cp == 0xFFFD && len == 1) return false;
    i += len;
  }
  return true;
}

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    DecodeUtf8(s, i, &len);
    i += len;
    ++n;
  }
  return n;
}

static bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t c = DecodeUtf8(s, i, &len);
    i += len;
    w += IsWide(c) ? 2 : 1;
  }
  return w;
}

std::string_view Trim(std::string_view s) {
  auto is_space_at_front = [&](size_t* n) {
    if (s.empty()) return false;
    unsigned char b = static_cast<unsigned char>(s[0]);
    if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == '\v') { *n = 1; return true; }
    if (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80") { *n = 3; return true; }  // U+3000
    return false;
  };
  auto is_space_at_back = [&](size_t* n) {
    if (s.empty()) return false;
    unsigned char b = static_cast<unsigned char>(s.back());
    if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == '\v') { *n = 1; return true; }
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") { *n = 3; return true; }
    return false;
  };
  size_t n;
  while (is_space_at_front(&n)) s.remove_prefix(n);
  while (is_space_at_back(&n)) s.remove_suffix(n);
  return s;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  out.reserve(std::count(s.begin(), s.end(), sep) + 1);
  for (size_t pos = 0;;) {
    size_t k = s.find(sep, pos);
    if (k == std::string_view::npos) {
      out.push_back(s.substr(pos));
      return out;
    }
    out.push_back(s.substr(pos, k - pos));
    pos = k + 1;
  }
}

}  // namespace kgb
