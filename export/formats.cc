#include "export/formats.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "export/dot.h"
#include "export/gexf.h"
#include "export/graphml.h"
#include "export/neo4j_csv.h"
#include "graph/json_io.h"
#include "util/file_io.h"

namespace kgb {
namespace {

const struct {
  ExportFormat format;
  const char* name;
} kFormats[] = {
    {ExportFormat::kJson, "json"}, {ExportFormat::kGraphml, "graphml"}, {ExportFormat::kGexf, "gexf"},
    {ExportFormat::kCsv, "csv"},   {ExportFormat::kDot, "dot"},
};

bool IsDir(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string Join(const std::string& dir, const char* file) {
  return !dir.empty() && dir.back() == '/' ? dir + file : dir + "/" + file;
}

}  // namespace

const char* ExportFormatName(ExportFormat f) {
  for (const auto& x : kFormats)
    if (x.format == f) return x.name;
  return "?";
}

bool ParseExportFormat(std::string_view name, ExportFormat* out) {
  for (const auto& x : kFormats) {
    if (name == x.name) {
      *out = x.format;
      return true;
    }
  }
  return false;
}

const char* ExportFormatList() { return "json|graphml|gexf|csv|dot"; }

Status CheckExportPath(ExportFormat format, const std::string& path) {
  if (path.empty()) return Status::InvalidArgument("empty output path");
  if (format != ExportFormat::kCsv) return CheckWritable(path);
  if (path == "-") return Status::InvalidArgument("csv writes two files into a folder, not to standard output");
  if (IsDir(path)) {
    if (::access(path.c_str(), W_OK) != 0) return Status::IOError(path + ": output folder is not writable");
    return Status::OK();
  }
  if (::access(path.c_str(), F_OK) == 0) return Status::InvalidArgument(path + ": exists and is not a folder");
  std::string trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  return CheckWritable(trimmed);  // the parent must exist and be writable
}

Status WriteGraph(const KnowledgeGraph& graph, ExportFormat format, const std::string& path,
                  const ExportOptions& options) {
  switch (format) {
    case ExportFormat::kJson: return WriteOutput(path, WriteGraphJson(graph));
    case ExportFormat::kGraphml: return WriteOutput(path, WriteGraphml(graph));
    case ExportFormat::kGexf: return WriteOutput(path, WriteGexf(graph, options.gexf_flavor));
    case ExportFormat::kDot: return WriteOutput(path, WriteDot(graph));
    case ExportFormat::kCsv: {
      KGB_RETURN_IF_ERROR(CheckExportPath(format, path));
      if (!IsDir(path) && ::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST)
        return Status::IOError(path + ": cannot create folder: " + std::strerror(errno));
      KGB_RETURN_IF_ERROR(WriteOutput(Join(path, kNeo4jNodesFile), WriteNeo4jNodesCsv(graph)));
      return WriteOutput(Join(path, kNeo4jRelationshipsFile), WriteNeo4jRelationshipsCsv(graph));
    }
  }
  return Status::InvalidArgument("unknown export format");
}

Status CheckExportTargets(const std::vector<ExportTarget>& targets) {
  for (const ExportTarget& t : targets) KGB_RETURN_IF_ERROR(CheckExportPath(t.format, t.path));
  return Status::OK();
}

Status WriteGraphs(const KnowledgeGraph& graph, const std::vector<ExportTarget>& targets,
                   const ExportOptions& options) {
  for (const ExportTarget& t : targets) KGB_RETURN_IF_ERROR(WriteGraph(graph, t.format, t.path, options));
  return Status::OK();
}

}  // namespace kgb
