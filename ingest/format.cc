#include "ingest/format.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace kgb {
namespace {

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

bool IStartsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && IEquals(s.substr(0, p.size()), p); }

std::string Extension(const std::string& name) {
  size_t slash = name.find_last_of('/');
  size_t dot = name.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = name.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// The first 4 KiB as ASCII-compatible bytes: UTF-16 (with a BOM) loses its
// zero bytes, a UTF-8 BOM is dropped.
std::string SniffWindow(std::string_view b) {
  const size_t kWindow = 4096;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(b.data());
  std::string out;
  if (b.size() >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
    size_t first = p[0] == 0xFF ? 2 : 3;
    for (size_t i = first; i < b.size() && out.size() < kWindow; i += 2) out.push_back(static_cast<char>(p[i]));
    return out;
  }
  size_t skip = b.size() >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0;
  return std::string(b.substr(skip, kWindow));
}

bool LooksLikeHtmlStart(std::string_view s) {
  size_t i = 0;
  for (int guard = 0; guard < 64; ++guard) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::string_view rest = s.substr(i);
    if (IStartsWith(rest, "<!--")) {
      size_t end = rest.find("-->");
      if (end == std::string_view::npos) return false;
      i += end + 3;
      continue;
    }
    if (IStartsWith(rest, "<?xml")) {
      size_t end = rest.find("?>");
      if (end == std::string_view::npos) return false;
      i += end + 2;
      continue;
    }
    for (const char* start : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title"}) {
      if (IStartsWith(rest, start)) {
        size_t n = std::strlen(start);
        // "<header" is not "<head"; "<!doctype html" must end there.
        if (rest.size() == n) return true;
        unsigned char next = static_cast<unsigned char>(rest[n]);
        if (!std::isalnum(next) && next != '-') return true;
      }
    }
    return false;
  }
  return false;
}

bool HasTag(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (s[i] == '<' && (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '!')) return true;
  return false;
}

}  // namespace

const char* InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kText: return "text";
    case InputFormat::kHtml: return "html";
    case InputFormat::kPdf: return "pdf";
    case InputFormat::kDocx: return "docx";
  }
  return "?";
}

InputFormat SniffFormat(const std::string& name, std::string_view bytes) {
  std::string ext = Extension(name);
  std::string_view head = bytes.substr(0, 1024);
  if (head.find("%PDF-") != std::string_view::npos) return InputFormat::kPdf;
  if (bytes.size() >= 4 && bytes.compare(0, 2, "PK") == 0 &&
      (bytes.compare(2, 2, "\x03\x04") == 0 || bytes.compare(2, 2, "\x05\x06") == 0)) {
    if (ext == "docx" || ext == "docm" || ext == "dotx") return InputFormat::kDocx;
    static const char kMain[] = "word/document.xml";
    if (std::search(bytes.begin(), bytes.end(), kMain, kMain + sizeof kMain - 1) != bytes.end())
      return InputFormat::kDocx;
    return InputFormat::kText;
  }
  std::string window = SniffWindow(bytes);
  if (LooksLikeHtmlStart(window)) return InputFormat::kHtml;
  if ((ext == "html" || ext == "htm" || ext == "shtml" || ext == "xhtml") && HasTag(std::string_view(window).substr(0, 1024)))
    return InputFormat::kHtml;
  return InputFormat::kText;
}

}  // namespace kgb
