#include "graph/json_io.h"

#include <algorithm>
#include <unordered_map>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "util/file_io.h"
#include "util/utf8.h"

namespace kgb {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void Str(Writer& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void Key(Writer& w, const char* k) { w.Key(k); }

void WriteEvidence(Writer& w, const Evidence& e) {
  w.StartObject();
  Key(w, "doc"); Str(w, e.doc);
  Key(w, "start"); w.Uint64(e.start);
  Key(w, "end"); w.Uint64(e.end);
  Key(w, "sentence"); Str(w, e.sentence);
  if (!e.date.empty()) { Key(w, "date"); Str(w, e.date); }
  if (!e.title.empty()) { Key(w, "title"); Str(w, e.title); }
  w.EndObject();
}

}  // namespace

std::string WriteGraphJson(const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.SetIndent(' ', 1);
  w.StartObject();
  Key(w, "format"); w.String(kGraphFormat);
  Key(w, "version"); w.Int(kGraphVersion);
  Key(w, "nodes");
  w.StartArray();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    w.StartObject();
    Key(w, "id"); Str(w, n.id);
    Key(w, "label"); Str(w, n.label);
    Key(w, "type"); w.String(EntityTypeName(n.type));
    Key(w, "aliases");
    w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
    w.StartArray();
    for (const std::string& a : n.aliases) Str(w, a);
    w.EndArray();
    w.SetFormatOptions(rapidjson::kFormatDefault);
    Key(w, "mentions"); w.Uint64(n.mentions);
    if (!n.first_seen.empty()) { Key(w, "first_seen"); Str(w, n.first_seen); }
    if (!n.last_seen.empty()) { Key(w, "last_seen"); Str(w, n.last_seen); }
    if (!n.docs.empty()) {
      Key(w, "docs");
      w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
      w.StartArray();
      for (uint32_t d : n.docs) w.Uint(d);
      w.EndArray();
      w.SetFormatOptions(rapidjson::kFormatDefault);
    }
    w.EndObject();
  }
  w.EndArray();
  Key(w, "edges");
  w.StartArray();
  for (EdgeDesc ed : boost::make_iterator_range(boost::edges(g))) {
    const Edge& e = g[ed];
    w.StartObject();
    Key(w, "source"); Str(w, g[boost::source(ed, g)].id);
    Key(w, "target"); Str(w, g[boost::target(ed, g)].id);
    Key(w, "type"); w.String(RelationTypeName(e.type));
    Key(w, "symmetric"); w.Bool(IsSymmetric(e.type));
    Key(w, "weight"); w.Uint64(e.weight);
    if (!e.title.empty()) { Key(w, "title"); Str(w, e.title); }
    if (!e.date.empty()) { Key(w, "date"); Str(w, e.date); }
    Key(w, "evidence");
    w.StartArray();
    for (const Evidence& ev : e.evidence) WriteEvidence(w, ev);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  Key(w, "documents");
  w.StartArray();
  for (const std::string& d : kg.documents()) Str(w, d);
  w.EndArray();
  w.EndObject();
  std::string out(buf.GetString(), buf.GetSize());
  out.push_back('\n');
  return out;
}

namespace {

class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}

  Status Error(const std::string& what) const { return Status::Corrupt(source_ + ": " + what); }

  Status GetString(const rapidjson::Value& obj, const char* key, bool required, std::string* out,
                   const std::string& where) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) {
      if (required) return Error(where + ": missing \"" + key + "\"");
      return Status::OK();
    }
    if (it->value.IsString()) {
      out->assign(it->value.GetString(), it->value.GetStringLength());
      // RapidJSON validates raw bytes but turns a lone surrogate escape
      // ("\udcad") into invalid UTF-8, which no writer could emit again.
      if (!IsValidUtf8(*out)) return Error(where + ": \"" + key + "\" is not valid UTF-8 (a lone surrogate escape?)");
    } else if (it->value.IsInt64()) {
      *out = std::to_string(it->value.GetInt64());  // numeric ids in foreign graphs
    } else {
      return Error(where + ": \"" + key + "\" must be a string");
    }
    return Status::OK();
  }

  Status GetUint(const rapidjson::Value& obj, const char* key, uint64_t* out, const std::string& where) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return Status::OK();
    if (!it->value.IsUint64()) return Error(where + ": \"" + key + "\" must be a non-negative integer");
    *out = it->value.GetUint64();
    return Status::OK();
  }

 private:
  std::string source_;
};

Status ReadGraph(const Reader& r, const rapidjson::Document& doc, const rapidjson::Value& nodes,
                 const rapidjson::Value* edges, KnowledgeGraph* out);

}  // namespace

Status ReadGraphJson(const std::string& text, const std::string& source, const GraphReadOptions& options,
                     KnowledgeGraph* out) {
  *out = KnowledgeGraph();
  Reader r(source);
  if (text.size() > options.max_bytes)
    return r.Error("too large (" + std::to_string(text.size()) + " bytes; the limit is " +
                   std::to_string(options.max_bytes) + ")");
  rapidjson::Document doc;
  // Iterative parsing: deeply nested input cannot overflow the stack.
  // Encoding validation: every string the graph keeps is valid UTF-8.
  doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (doc.HasParseError()) {
    // Report a line number: users open the file in an editor, not a hex dump.
    size_t off = doc.GetErrorOffset();
    size_t line = 1;
    for (size_t i = 0; i < off && i < text.size(); ++i) line += text[i] == '\n';
    return r.Error("not valid JSON (line " + std::to_string(line) + ", byte " + std::to_string(off) +
                   "): " + rapidjson::GetParseError_En(doc.GetParseError()));
  }
  if (!doc.IsObject()) return r.Error("not a graph: the top level is not a JSON object");
  auto fmt = doc.FindMember("format");
  if (fmt == doc.MemberEnd()) {
    if (!options.allow_foreign) return r.Error("not a kgb graph: no \"format\": \"kgb-graph\" field");
  } else {
    if (!fmt->value.IsString() || std::string(fmt->value.GetString()) != kGraphFormat)
      return r.Error("not a kgb graph: \"format\" is not \"kgb-graph\"");
    auto ver = doc.FindMember("version");
    if (ver == doc.MemberEnd() || !ver->value.IsInt())
      return r.Error("missing or non-integer \"version\"");
    if (ver->value.GetInt() != kGraphVersion)
      return r.Error("unsupported graph version " + std::to_string(ver->value.GetInt()) +
                     " (this kgb reads version " + std::to_string(kGraphVersion) + ")");
  }
  auto nodes = doc.FindMember("nodes");
  if (nodes == doc.MemberEnd() || !nodes->value.IsArray()) return r.Error("missing \"nodes\" array");
  auto edges = doc.FindMember("edges");
  if (edges != doc.MemberEnd() && !edges->value.IsArray()) return r.Error("\"edges\" is not an array");
  if (nodes->value.Size() > options.max_nodes)
    return r.Error("too many nodes (" + std::to_string(nodes->value.Size()) + ")");
  if (edges != doc.MemberEnd() && edges->value.Size() > options.max_edges)
    return r.Error("too many edges (" + std::to_string(edges->value.Size()) + ")");

  // Built in place (a KnowledgeGraph is copied, not moved, on assignment);
  // reset on any error.
  KnowledgeGraph& kg = *out;
  Status s = ReadGraph(r, doc, nodes->value, edges == doc.MemberEnd() ? nullptr : &edges->value, &kg);
  if (!s.ok()) *out = KnowledgeGraph();
  return s;
}

namespace {

Status ReadGraph(const Reader& r, const rapidjson::Document& doc, const rapidjson::Value& nodes,
                 const rapidjson::Value* edges, KnowledgeGraph* out) {
  KnowledgeGraph& kg = *out;
  // The document list first: nodes' "docs" index it as written, and it is
  // kept sorted and unique.
  std::vector<std::string> doc_list;
  auto docs = doc.FindMember("documents");
  if (docs != doc.MemberEnd() && !docs->value.IsNull()) {
    if (!docs->value.IsArray()) return r.Error("\"documents\" must be an array");
    doc_list.reserve(docs->value.Size());
    for (const auto& d : docs->value.GetArray()) {
      if (!d.IsString()) return r.Error("\"documents\" must hold strings");
      doc_list.emplace_back(d.GetString(), d.GetStringLength());
    }
  }
  std::vector<std::string> sorted_docs = doc_list;
  std::sort(sorted_docs.begin(), sorted_docs.end());
  sorted_docs.erase(std::unique(sorted_docs.begin(), sorted_docs.end()), sorted_docs.end());
  std::vector<uint32_t> doc_index(doc_list.size());  // as written -> sorted
  for (size_t i = 0; i < doc_list.size(); ++i) {
    doc_index[i] = static_cast<uint32_t>(
        std::lower_bound(sorted_docs.begin(), sorted_docs.end(), doc_list[i]) - sorted_docs.begin());
  }
  std::unordered_map<std::string, Vertex> ids;
  ids.reserve(nodes.Size());
  size_t index = 0;
  for (const auto& jn : nodes.GetArray()) {
    std::string where = "node " + std::to_string(index++);
    if (!jn.IsObject()) return r.Error(where + ": not an object");
    Node n;
    std::string type;
    KGB_RETURN_IF_ERROR(r.GetString(jn, "id", true, &n.id, where));
    KGB_RETURN_IF_ERROR(r.GetString(jn, "label", true, &n.label, where));
    KGB_RETURN_IF_ERROR(r.GetString(jn, "type", true, &type, where));
    if (!ParseEntityType(type, &n.type)) return r.Error(where + ": unknown entity type \"" + type + "\"");
    auto al = jn.FindMember("aliases");
    if (al != jn.MemberEnd() && !al->value.IsNull()) {
      if (!al->value.IsArray()) return r.Error(where + ": \"aliases\" must be an array");
      for (const auto& a : al->value.GetArray()) {
        if (!a.IsString()) return r.Error(where + ": aliases must be strings");
        n.aliases.emplace_back(a.GetString(), a.GetStringLength());
        if (!IsValidUtf8(n.aliases.back())) return r.Error(where + ": an alias is not valid UTF-8");
      }
    }
    KGB_RETURN_IF_ERROR(r.GetUint(jn, "mentions", &n.mentions, where));
    KGB_RETURN_IF_ERROR(r.GetString(jn, "first_seen", false, &n.first_seen, where));
    KGB_RETURN_IF_ERROR(r.GetString(jn, "last_seen", false, &n.last_seen, where));
    auto nd = jn.FindMember("docs");
    if (nd != jn.MemberEnd() && !nd->value.IsNull()) {
      if (!nd->value.IsArray()) return r.Error(where + ": \"docs\" must be an array");
      for (const auto& d : nd->value.GetArray()) {
        if (!d.IsUint64() || d.GetUint64() >= doc_list.size())
          return r.Error(where + ": \"docs\" must hold indices into \"documents\"");
        n.docs.push_back(doc_index[d.GetUint64()]);
      }
      std::sort(n.docs.begin(), n.docs.end());
      n.docs.erase(std::unique(n.docs.begin(), n.docs.end()), n.docs.end());
    }
    if (n.id.empty()) return r.Error(where + ": empty \"id\"");
    if (n.id.find('\0') != std::string::npos || n.label.find('\0') != std::string::npos)
      return r.Error(where + ": NUL character in \"id\" or \"label\"");
    std::string id = n.id;
    if (ids.count(id)) return r.Error(where + ": duplicate node id \"" + id + "\"");
    ids.emplace(id, kg.AddNode(std::move(n)));
  }
  if (edges) {
    index = 0;
    for (const auto& je : edges->GetArray()) {
      std::string where = "edge " + std::to_string(index++);
      if (!je.IsObject()) return r.Error(where + ": not an object");
      std::string src, dst, type;
      KGB_RETURN_IF_ERROR(r.GetString(je, "source", true, &src, where));
      KGB_RETURN_IF_ERROR(r.GetString(je, "target", true, &dst, where));
      KGB_RETURN_IF_ERROR(r.GetString(je, "type", true, &type, where));
      Edge e;
      if (!ParseRelationType(type, &e.type)) return r.Error(where + ": unknown relation type \"" + type + "\"");
      auto s = ids.find(src), t = ids.find(dst);
      if (s == ids.end()) return r.Error(where + ": source \"" + src + "\" is not a node");
      if (t == ids.end()) return r.Error(where + ": target \"" + dst + "\" is not a node");
      KGB_RETURN_IF_ERROR(r.GetString(je, "title", false, &e.title, where));
      KGB_RETURN_IF_ERROR(r.GetString(je, "date", false, &e.date, where));
      auto ev = je.FindMember("evidence");
      if (ev != je.MemberEnd() && !ev->value.IsNull()) {
        if (!ev->value.IsArray()) return r.Error(where + ": \"evidence\" must be an array");
        for (const auto& jv : ev->value.GetArray()) {
          if (!jv.IsObject()) return r.Error(where + ": evidence items must be objects");
          Evidence x;
          KGB_RETURN_IF_ERROR(r.GetString(jv, "doc", true, &x.doc, where));
          KGB_RETURN_IF_ERROR(r.GetUint(jv, "start", &x.start, where));
          KGB_RETURN_IF_ERROR(r.GetUint(jv, "end", &x.end, where));
          if (x.end < x.start) return r.Error(where + ": evidence end before start");
          KGB_RETURN_IF_ERROR(r.GetString(jv, "sentence", false, &x.sentence, where));
          KGB_RETURN_IF_ERROR(r.GetString(jv, "date", false, &x.date, where));
          KGB_RETURN_IF_ERROR(r.GetString(jv, "title", false, &x.title, where));
          e.evidence.push_back(std::move(x));
        }
      }
      e.weight = e.evidence.size();
      KGB_RETURN_IF_ERROR(r.GetUint(je, "weight", &e.weight, where));
      kg.AddEdge(s->second, t->second, std::move(e));
    }
  }
  kg.set_documents(std::move(sorted_docs));
  kg.RebuildIndex();
  return Status::OK();
}

}  // namespace

bool IsNotAGraph(const Status& s) {
  if (s.code() != Status::Code::kCorrupt) return false;
  // The messages ReadGraphJson gives for such input, after "SOURCE: ".
  for (const char* what : {": not valid JSON (", ": not a graph: ", ": not a kgb graph: ", ": missing \"nodes\" array"})
    if (s.message().find(what) != std::string::npos) return true;
  return false;
}

Status LoadGraphFile(const std::string& path, const GraphReadOptions& options, KnowledgeGraph* out) {
  *out = KnowledgeGraph();
  std::string text;
  KGB_RETURN_IF_ERROR(ReadFile(path, &text, options.max_bytes));
  return ReadGraphJson(text, path, options, out);
}

}  // namespace kgb
