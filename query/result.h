// The answer of a query and its four renderings.
//
// Every query command yields one Result: a few facts about the question
// ("info": which entity a name resolved to, how many paths, ...) and one
// table of rows. The shape is the contract with scripts:
//
//   json  {"command": "neighbors",
//          "info": {"entity": "...", ...},
//          "columns": ["depth", "via", ...],
//          "rows": [{"depth": 1, "via": "...", ...}, ...]}
//         Every row object has every column as a key, in column order;
//         integers and reals are JSON numbers, lists are arrays of strings,
//         absent values are "" (never null).
//   csv   RFC 4180 quoting, LF line ends: a header line with the column names, then one line per
//         row; fields holding a comma, quote or line break are quoted; lists
//         are joined with "; ". The info block is not printed.
//   tsv   the same with tabs; tabs and line breaks inside fields become
//         spaces so that every line is one row.
//   table for terminals: the info block as "key: value" lines, a blank line,
//         then the columns aligned by display width (CJK characters count
//         two columns), numbers right-aligned, the last column unpadded.
//
// The columns of each command are fixed (see query/query.h); a command never
// adds or drops a column depending on the data.
#ifndef KGB_QUERY_RESULT_H_
#define KGB_QUERY_RESULT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/status.h"

namespace kgb {

// One cell: a string, an integer, a real or a list of strings.
class Value {
 public:
  enum class Kind { kString, kInt, kReal, kList };

  Value() = default;
  Value(std::string s) : kind_(Kind::kString), str_(std::move(s)) {}  // NOLINT: implicit on purpose
  Value(const char* s) : kind_(Kind::kString), str_(s) {}             // NOLINT
  Value(int64_t i) : kind_(Kind::kInt), int_(i) {}                    // NOLINT
  Value(uint64_t i) : kind_(Kind::kInt), int_(static_cast<int64_t>(i)) {}  // NOLINT
  Value(int i) : kind_(Kind::kInt), int_(i) {}                        // NOLINT
  static Value Real(double d) {
    Value v;
    v.kind_ = Kind::kReal;
    v.real_ = d;
    return v;
  }
  static Value List(std::vector<std::string> items) {
    Value v;
    v.kind_ = Kind::kList;
    v.list_ = std::move(items);
    return v;
  }

  Kind kind() const { return kind_; }
  const std::string& str() const { return str_; }
  int64_t integer() const { return int_; }
  double real() const { return real_; }
  const std::vector<std::string>& list() const { return list_; }

  // The text shown in table, csv and tsv output (reals with 6 significant
  // digits, lists joined with "; ").
  std::string Text() const;

 private:
  Kind kind_ = Kind::kString;
  std::string str_;
  int64_t int_ = 0;
  double real_ = 0;
  std::vector<std::string> list_;
};

struct Result {
  std::string command;
  std::vector<std::pair<std::string, Value>> info;
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;  // each row has columns.size() cells

  // Index of the column named `name`, or -1.
  int Column(std::string_view name) const;
};

enum class OutputFormat { kTable, kJson, kCsv, kTsv };

// "table", "json", "csv", "tsv".
bool ParseOutputFormat(std::string_view s, OutputFormat* out);

// Renders the result; the text ends with a newline.
std::string FormatResult(const Result& result, OutputFormat format);

}  // namespace kgb

#endif  // KGB_QUERY_RESULT_H_
