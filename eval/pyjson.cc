#include "eval/pyjson.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <rapidjson/error/en.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "util/utf8.h"

namespace kgb {
namespace eval {
namespace {

// Python's str.isspace() (Unicode 14/15; unchanged since Unicode 6.3).
bool IsPySpace(char32_t c) {
  switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D:
    case 0x1C: case 0x1D: case 0x1E: case 0x1F: case 0x20:
    case 0x85: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

// repr(str) in Python, for strings nested in lists and dicts.
std::string PyStrRepr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, quote);
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (ch == quote || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\r') {
      out += "\\r";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  out += quote;
  return out;
}

// repr(value) in Python: like str() except that strings are quoted.
std::string PyRepr(const rapidjson::Value& v) {
  if (v.IsString()) return PyStrRepr(std::string_view(v.GetString(), v.GetStringLength()));
  return PyStr(v);
}

}  // namespace

Status ParseJson(const std::string& text, const std::string& source, rapidjson::Document* doc) {
  size_t skip = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // tolerate a UTF-8 BOM
  doc->Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNanAndInfFlag |
             rapidjson::kParseFullPrecisionFlag>(text.data() + skip, text.size() - skip);
  if (doc->HasParseError()) {
    // Report a line number, which is what a user editing a gold file needs.
    size_t offset = doc->GetErrorOffset() + skip;
    size_t line = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
    return Status::Corrupt(source + ": line " + std::to_string(line) + ": " +
                           rapidjson::GetParseError_En(doc->GetParseError()));
  }
  return Status::OK();
}

const rapidjson::Value* GetMember(const rapidjson::Value& obj, std::string_view name) {
  if (!obj.IsObject()) return nullptr;
  const rapidjson::Value* found = nullptr;
  for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
    if (std::string_view(it->name.GetString(), it->name.GetStringLength()) == name) found = &it->value;
  }
  return found;
}

std::string PyFloatRepr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  // Shortest round-trip digits, then Python's layout: positional when the
  // decimal exponent is in [-4, 16), scientific otherwise.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);  // "-1.2345e-05"
  bool negative = !sci.empty() && sci[0] == '-';
  if (negative) sci.erase(0, 1);
  size_t e = sci.find('e');
  std::string digits = sci.substr(0, e);
  int exp10 = std::atoi(sci.c_str() + e + 1);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = exp10 + 1;  // digits[0] sits before the decimal point at decpt
  std::string out = negative ? "-" : "";
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out += "0." + std::string(-decpt, '0') + digits;
    } else if (static_cast<size_t>(decpt) >= digits.size()) {
      out += digits + std::string(decpt - digits.size(), '0') + ".0";
    } else {
      out += digits.substr(0, decpt) + "." + digits.substr(decpt);
    }
  } else {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
    out += exp;
  }
  return out;
}

std::string PyStr(const rapidjson::Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return "None";
    case rapidjson::kFalseType: return "False";
    case rapidjson::kTrueType: return "True";
    case rapidjson::kStringType: return std::string(v.GetString(), v.GetStringLength());
    case rapidjson::kNumberType:
      if (v.IsInt64()) return std::to_string(v.GetInt64());
      if (v.IsUint64()) return std::to_string(v.GetUint64());
      return PyFloatRepr(v.GetDouble());
    case rapidjson::kArrayType: {
      std::string out = "[";
      for (rapidjson::SizeType i = 0; i < v.Size(); ++i) out += (i ? ", " : "") + PyRepr(v[i]);
      return out + "]";
    }
    case rapidjson::kObjectType: {
      std::string out = "{";
      bool first = true;
      for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
        out += (first ? "" : ", ") + PyRepr(it->name) + ": " + PyRepr(it->value);
        first = false;
      }
      return out + "}";
    }
  }
  return "";
}

bool PyTruthy(const rapidjson::Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType:
    case rapidjson::kFalseType: return false;
    case rapidjson::kTrueType: return true;
    case rapidjson::kStringType: return v.GetStringLength() > 0;
    case rapidjson::kNumberType: return v.GetDouble() != 0.0;  // NaN is true, as in Python
    case rapidjson::kArrayType: return !v.Empty();
    case rapidjson::kObjectType: return v.MemberCount() > 0;
  }
  return false;
}

std::string NormalizeName(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string normalized;
  if (U_SUCCESS(status)) {
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    icu::UnicodeString out = nfkc->normalize(in, status);
    if (U_SUCCESS(status)) out.toUTF8String(normalized);
  }
  if (U_FAILURE(status)) normalized.assign(s);  // no ICU data: compare unnormalized
  std::string result;
  result.reserve(normalized.size());
  for (size_t i = 0; i < normalized.size();) {
    size_t len = 1;
    char32_t c = DecodeUtf8(normalized, i, &len);
    if (!IsPySpace(c)) result.append(normalized, i, len);
    i += len;
  }
  return result;
}

}  // namespace eval
}  // namespace kgb
