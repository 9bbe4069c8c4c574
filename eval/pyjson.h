// Reading JSON the way the reference scorer (kgscore, a Python script) reads
// it, so that `kgb eval` gives the same figures on the same files, including
// files with missing or oddly typed fields.
//
// kgscore compares str(value) after NFKC and white-space removal, looks
// fields up in Python dicts (the last of duplicate keys wins) and tests flags
// for truthiness. These helpers reproduce exactly that for every JSON value
// a graph or gold file can hold; the one known gap is integers beyond 64 bits,
// which RapidJSON reads as doubles while Python keeps them exact.
#ifndef KGB_EVAL_PYJSON_H_
#define KGB_EVAL_PYJSON_H_

#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "util/status.h"

namespace kgb {
namespace eval {

// Parses `text` (named `source` in errors) as Python's json.load does:
// UTF-8 only (invalid bytes are an error), NaN/Infinity accepted, nothing but
// white space after the value.
Status ParseJson(const std::string& text, const std::string& source, rapidjson::Document* doc);

// dict.get(name): the member's value, the LAST one when the key repeats, or
// nullptr when `obj` is not an object or has no such member.
const rapidjson::Value* GetMember(const rapidjson::Value& obj, std::string_view name);

// str(value) in Python: strings as they are, null -> "None", true -> "True",
// 12 -> "12", 0.5 -> "0.5", 1e-05 -> "1e-05", lists and dicts as their repr.
std::string PyStr(const rapidjson::Value& v);

// repr(float) in Python: the shortest string that reads back as `d`.
std::string PyFloatRepr(double d);

// bool(value) in Python: false for null, false, 0, "", [] and {}.
bool PyTruthy(const rapidjson::Value& v);

// The scorer's name normalization: Unicode NFKC (full-width to half-width,
// compatibility forms), then every white-space character (Python's
// str.isspace: Unicode Zs and the B, S, WS bidi classes) removed.
// "郑州（国家） 高新区" and "江州(国家)高新区" normalize alike.
std::string NormalizeName(std::string_view s);

}  // namespace eval
}  // namespace kgb

#endif  // KGB_EVAL_PYJSON_H_
