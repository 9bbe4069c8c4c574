#include "query/result.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>

#include "util/utf8.h"

namespace kgb {
namespace {

void WriteJsonValue(const Value& v, rapidjson::Writer<rapidjson::StringBuffer>* w) {
  switch (v.kind()) {
    case Value::Kind::kString:
      w->String(v.str().data(), static_cast<rapidjson::SizeType>(v.str().size()));
      break;
    case Value::Kind::kInt:
      w->Int64(v.integer());
      break;
    case Value::Kind::kReal:
      w->Double(v.real());
      break;
    case Value::Kind::kList:
      w->StartArray();
      for (const std::string& s : v.list()) w->String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
      w->EndArray();
      break;
  }
}

void Key(const std::string& k, rapidjson::Writer<rapidjson::StringBuffer>* w) {
  w->Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
}

std::string FormatJson(const Result& r) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("command");
  w.String(r.command.c_str());
  w.Key("info");
  w.StartObject();
  for (const auto& [k, v] : r.info) {
    Key(k, &w);
    WriteJsonValue(v, &w);
  }
  w.EndObject();
  w.Key("columns");
  w.StartArray();
  for (const std::string& c : r.columns) w.String(c.data(), static_cast<rapidjson::SizeType>(c.size()));
  w.EndArray();
  w.Key("rows");
  w.StartArray();
  for (const auto& row : r.rows) {
    w.StartObject();
    for (size_t i = 0; i < r.columns.size(); ++i) {
      Key(r.columns[i], &w);
      WriteJsonValue(i < row.size() ? row[i] : Value(""), &w);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string TsvField(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string FormatDelimited(const Result& r, bool csv) {
  std::string out;
  auto field = [&](const std::string& s) { return csv ? CsvField(s) : TsvField(s); };
  const char sep = csv ? ',' : '\t';
  for (size_t i = 0; i < r.columns.size(); ++i) {
    if (i) out += sep;
    out += field(r.columns[i]);
  }
  out += "\n";
  for (const auto& row : r.rows) {
    for (size_t i = 0; i < r.columns.size(); ++i) {
      if (i) out += sep;
      if (i < row.size()) out += field(row[i].Text());
    }
    out += "\n";
  }
  return out;
}

// Terminal text: line breaks inside a cell would break the alignment.
std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::string FormatTable(const Result& r) {
  std::string out;
  for (const auto& [k, v] : r.info) {
    std::string text = OneLine(v.Text());
    out += k + ":" + (text.empty() ? "" : " ") + text + "\n";
  }
  if (!r.info.empty()) out += "\n";
  if (r.rows.empty()) {
    out += "(no results)\n";
    return out;
  }
  const size_t n = r.columns.size();
  std::vector<std::vector<std::string>> cells;
  cells.reserve(r.rows.size());
  std::vector<size_t> width(n, 0);
  std::vector<bool> numeric(n, true);
  for (size_t i = 0; i < n; ++i) width[i] = DisplayWidth(r.columns[i]);
  for (const auto& row : r.rows) {
    std::vector<std::string> line(n);
    for (size_t i = 0; i < n && i < row.size(); ++i) {
      line[i] = OneLine(row[i].Text());
      width[i] = std::max(width[i], DisplayWidth(line[i]));
      if (row[i].kind() != Value::Kind::kInt && row[i].kind() != Value::Kind::kReal) numeric[i] = false;
    }
    cells.push_back(std::move(line));
  }
  auto emit = [&](const std::vector<std::string>& line) {
    std::string text;
    for (size_t i = 0; i < n; ++i) {
      if (i) text += "  ";
      size_t pad = width[i] - DisplayWidth(line[i]);
      if (numeric[i]) {
        text.append(pad, ' ');
        text += line[i];
      } else {
        text += line[i];
        if (i + 1 < n) text.append(pad, ' ');
      }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  emit(r.columns);
  std::vector<std::string> rule(n);
  for (size_t i = 0; i < n; ++i) rule[i] = std::string(width[i], '-');
  emit(rule);
  for (const auto& line : cells) emit(line);
  return out;
}

}  // namespace

std::string Value::Text() const {
  switch (kind_) {
    case Kind::kString:
      return str_;
    case Kind::kInt:
      return std::to_string(int_);
    case Kind::kReal: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.6g", real_);
      return buf;
    }
    case Kind::kList: {
      std::string out;
      for (size_t i = 0; i < list_.size(); ++i) {
        if (i) out += "; ";
        out += list_[i];
      }
      return out;
    }
  }
  return "";
}

int Result::Column(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

bool ParseOutputFormat(std::string_view s, OutputFormat* out) {
  if (s == "table") *out = OutputFormat::kTable;
  else if (s == "json") *out = OutputFormat::kJson;
  else if (s == "csv") *out = OutputFormat::kCsv;
  else if (s == "tsv") *out = OutputFormat::kTsv;
  else return false;
  return true;
}

std::string FormatResult(const Result& result, OutputFormat format) {
  switch (format) {
    case OutputFormat::kJson: return FormatJson(result);
    case OutputFormat::kCsv: return FormatDelimited(result, true);
    case OutputFormat::kTsv: return FormatDelimited(result, false);
    case OutputFormat::kTable: break;
  }
  return FormatTable(result);
}

}  // namespace kgb
