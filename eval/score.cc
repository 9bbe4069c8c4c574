#include "eval/score.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "eval/pyjson.h"
#include "util/utf8.h"

namespace kgb {
namespace eval {
namespace {

using RelationKey = std::tuple<int, size_t, size_t>;

RelationKey KeyOf(int type, size_t head, size_t tail) {
  if (IsSymmetricRelation(type) && tail < head) std::swap(head, tail);
  return RelationKey(type, head, tail);
}

// Python's f"{s:WIDTH}": left-aligned, padded to WIDTH code points.
std::string Pad(const std::string& s, size_t width) {
  size_t n = CountChars(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

// The names a node's "aliases" field yields when kgscore iterates it
// (`n.get("aliases", []) or []`): list items, a string's characters, a dict's
// keys; other values (which would stop kgscore) yield nothing.
std::vector<std::string> AliasesOf(const rapidjson::Value* v) {
  std::vector<std::string> out;
  if (!v || !PyTruthy(*v)) return out;
  if (v->IsArray()) {
    for (const auto& a : v->GetArray()) out.push_back(PyStr(a));
  } else if (v->IsString()) {
    std::string_view s(v->GetString(), v->GetStringLength());
    for (size_t i = 0, len = 1; i < s.size(); i += len) {
      DecodeUtf8(s, i, &len);
      out.emplace_back(s.substr(i, len));
    }
  } else if (v->IsObject()) {
    for (auto it = v->MemberBegin(); it != v->MemberEnd(); ++it) out.push_back(PyStr(it->name));
  }
  return out;
}

std::string Row(const std::string& name, const Counts& c) {
  Prf p = ComputePrf(c);
  char buf[160];
  std::snprintf(buf, sizeof buf, "%5lld%5lld%5lld%7.3f%7.3f%7.3f", static_cast<long long>(c.tp),
                static_cast<long long>(c.fp), static_cast<long long>(c.fn), p.precision, p.recall, p.f1);
  return "  " + Pad(name, 17) + buf + "\n";
}

// {"tp": .., "fp": .., "fn": .., "p": .., "r": .., "f": ..} at `indent`
// spaces (the members one deeper), without a line end after the "}".
void JsonCounts(const Counts& c, const std::string& indent, std::string* out) {
  Prf p = ComputePrf(c);
  std::string in = indent + " ";
  *out += "{\n";
  *out += in + "\"tp\": " + std::to_string(c.tp) + ",\n";
  *out += in + "\"fp\": " + std::to_string(c.fp) + ",\n";
  *out += in + "\"fn\": " + std::to_string(c.fn) + ",\n";
  *out += in + "\"p\": " + PyFloatRepr(p.precision) + ",\n";
  *out += in + "\"r\": " + PyFloatRepr(p.recall) + ",\n";
  *out += in + "\"f\": " + PyFloatRepr(p.f1) + "\n";
  *out += indent + "}";
}

void JsonTable(const char* title, const Counts* counts, const char* const* names, int n, std::string* out) {
  *out += std::string(" \"") + title + "\": {\n";
  for (int t = 0; t < n; ++t) {
    *out += std::string("  \"") + names[t] + "\": ";
    JsonCounts(counts[t], "  ", out);
    *out += t + 1 < n ? ",\n" : "\n";
  }
  *out += " },\n";
}

// A JSON string literal (UTF-8 kept as is).
std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

// `s` padded with spaces to `width` terminal columns.
std::string PadColumns(const std::string& s, size_t width) {
  size_t w = DisplayWidth(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string DocumentCells(const Counts& c) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "%5lld%5lld%5lld%7.3f", static_cast<long long>(c.tp),
                static_cast<long long>(c.fp), static_cast<long long>(c.fn), ComputePrf(c).f1);
  return buf;
}

// One line per document, aligned:
//                entities                relations
//   document       tp   fp   fn     F1     tp   fp   fn     F1
//   d01             9    4    0  0.818      3    1    0  0.857
std::string DocumentTable(const std::vector<DocumentScore>& docs) {
  size_t width = 8;  // "document"
  for (const DocumentScore& d : docs) width = std::max(width, DisplayWidth(d.name));
  const std::string cells = "   tp   fp   fn     F1";
  std::string out = std::string(width + 2, ' ') + PadColumns("   entities", cells.size() + 2) + "   relations\n";
  out += PadColumns("document", width) + "  " + cells + "  " + cells + "\n";
  for (const DocumentScore& d : docs) {
    out += PadColumns(d.name, width) + "  " + DocumentCells(d.entities) + "  " + DocumentCells(d.relations);
    if (d.graph_documents == 0) out += "  (not in the graph)";
    out += "\n";
  }
  return out;
}

}  // namespace

Prf ComputePrf(const Counts& c) {
  Prf p;
  p.precision = c.tp + c.fp ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fp) : 0.0;
  p.recall = c.tp + c.fn ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fn) : 0.0;
  p.f1 = p.precision + p.recall ? 2 * p.precision * p.recall / (p.precision + p.recall) : 0.0;
  return p;
}

std::string FormatFinding(const Finding& f) {
  if (f.edge) return "edge    " + Pad(f.type, 17) + " " + f.label + " -> " + f.tail;
  std::string line = "entity  " + Pad(f.type, 13) + " " + f.label;
  if (!f.note.empty()) line += "  (" + f.note + ")";
  return line;
}

Counts EvalResult::EntityTotal() const {
  Counts c;
  for (const Counts& t : entities) c += t;
  return c;
}

Counts EvalResult::RelationTotal() const {
  Counts c;
  for (const Counts& t : relations) c += t;
  return c;
}

namespace {

// The scoring of ScoreGraph on a parsed graph. With `keep_node` / `keep_edge`
// (indexed by position in "nodes" / "edges"), only those nodes and edges are
// part of the graph.
Status ScoreParsed(const rapidjson::Document& doc, const std::string& source, const Gold& gold,
                   const std::vector<bool>* keep_node, const std::vector<bool>* keep_edge, EvalResult* out) {
  *out = EvalResult();
  auto bad = [&](const std::string& msg) { return Status::Corrupt(source + ": " + msg); };
  if (!doc.IsObject()) return bad("a graph is a JSON object with \"nodes\" and \"edges\"");
  const rapidjson::Value* nodes = GetMember(doc, "nodes");
  const rapidjson::Value* edges = GetMember(doc, "edges");
  if (nodes && !nodes->IsArray()) return bad("\"nodes\" must be a list");
  if (edges && !edges->IsArray()) return bad("\"edges\" must be a list");

  // Gold lookups: (type, normalized name or alias) and (type, normalized name).
  std::map<std::pair<int, std::string>, size_t> by_key, by_name;
  for (size_t g = 0; g < gold.entities.size(); ++g) {
    const GoldEntity& e = gold.entities[g];
    for (const std::string& k : e.keys) by_key.emplace(std::make_pair(e.type, k), g);
    for (const std::string& k : e.names) by_name.emplace(std::make_pair(e.type, k), g);
  }
  std::map<RelationKey, size_t> gold_relation;
  for (size_t i = 0; i < gold.relations.size(); ++i) {
    const GoldRelation& r = gold.relations[i];
    gold_relation.emplace(KeyOf(r.type, r.head, r.tail), i);
  }

  // Nodes by str(id); a repeated id keeps its first position and takes the
  // last node, as a Python dict does.
  std::vector<std::pair<std::string, const rapidjson::Value*>> node_list;
  std::unordered_map<std::string, size_t> node_pos;
  if (nodes) {
    for (rapidjson::SizeType i = 0; i < nodes->Size(); ++i) {
      const rapidjson::Value& n = (*nodes)[i];
      if (!n.IsObject()) return bad("node " + std::to_string(i) + " is not an object");
      const rapidjson::Value* id = GetMember(n, "id");
      if (!id) return bad("node " + std::to_string(i) + " has no \"id\"");
      if (keep_node && !(*keep_node)[i]) continue;
      std::string key = PyStr(*id);
      auto [it, added] = node_pos.emplace(key, node_list.size());
      if (added) {
        node_list.emplace_back(key, &n);
      } else {
        node_list[it->second].second = &n;
      }
    }
  }

  std::unordered_map<std::string, size_t> node_gold;  // node id -> gold entity
  std::vector<bool> hit(gold.entities.size(), false);
  for (const auto& [id, n] : node_list) {
    const rapidjson::Value* type = GetMember(*n, "type");
    int t = type && type->IsString() ? EntityTypeIndex(type->GetString()) : -1;
    if (t < 0) continue;
    const rapidjson::Value* label = GetMember(*n, "label");
    std::string shown = label ? PyStr(*label) : "None";
    auto lookup = [](const std::map<std::pair<int, std::string>, size_t>& m, int type, const std::string& name,
                     size_t* g) {
      auto it = m.find(std::make_pair(type, NormalizeName(name)));
      if (it == m.end()) return false;
      *g = it->second;
      return true;
    };
    size_t g = 0;
    bool matched = lookup(by_key, t, label ? shown : "", &g);
    if (!matched) {
      for (const std::string& a : AliasesOf(GetMember(*n, "aliases"))) {
        if ((matched = lookup(by_name, t, a, &g))) break;
      }
    }
    if (!matched) {
      out->entities[t].fp++;
      out->false_positives.push_back(Finding{false, kEntityTypes[t], shown, "", ""});
      continue;
    }
    node_gold[id] = g;
    if (gold.entities[g].optional) continue;
    if (hit[g]) {
      out->entities[t].fp++;
      out->false_positives.push_back(
          Finding{false, kEntityTypes[t], shown, "", "second node for " + gold.entities[g].name});
    } else {
      hit[g] = true;
      out->entities[t].tp++;
    }
  }
  for (size_t g = 0; g < gold.entities.size(); ++g) {
    const GoldEntity& e = gold.entities[g];
    if (e.optional || hit[g]) continue;
    out->entities[e.type].fn++;
    out->misses.push_back(Finding{false, kEntityTypes[e.type], e.name, "", ""});
  }

  std::set<size_t> found_relations;
  if (edges) {
    for (rapidjson::SizeType i = 0; i < edges->Size(); ++i) {
      const rapidjson::Value& e = (*edges)[i];
      if (!e.IsObject()) return bad("edge " + std::to_string(i) + " is not an object");
      if (keep_edge && !(*keep_edge)[i]) continue;
      const rapidjson::Value* type = GetMember(e, "type");
      int t = type && type->IsString() ? RelationTypeIndex(type->GetString()) : -1;
      if (t < 0) continue;
      const rapidjson::Value* sv = GetMember(e, "source");
      const rapidjson::Value* dv = GetMember(e, "target");
      std::string s = sv ? PyStr(*sv) : "None";
      std::string d = dv ? PyStr(*dv) : "None";
      auto shown = [&](const std::string& id) {
        auto p = node_pos.find(id);
        if (p == node_pos.end()) return id;
        const rapidjson::Value* label = GetMember(*node_list[p->second].second, "label");
        return label ? PyStr(*label) : id;
      };
      auto hs = node_gold.find(s), ds = node_gold.find(d);
      if (hs == node_gold.end() || ds == node_gold.end()) {
        out->relations[t].fp++;
        out->false_positives.push_back(Finding{true, kRelationTypes[t], shown(s), shown(d), ""});
        continue;
      }
      auto rel = gold_relation.find(KeyOf(t, hs->second, ds->second));
      if (rel != gold_relation.end()) {
        if (!gold.relations[rel->second].optional && !found_relations.count(rel->second)) out->relations[t].tp++;
        found_relations.insert(rel->second);
      } else if (gold.entities[hs->second].optional || gold.entities[ds->second].optional) {
        continue;
      } else {
        out->relations[t].fp++;
        out->false_positives.push_back(Finding{true, kRelationTypes[t], shown(s), shown(d), ""});
      }
    }
  }
  for (size_t i = 0; i < gold.relations.size(); ++i) {
    const GoldRelation& r = gold.relations[i];
    if (r.optional || found_relations.count(i)) continue;
    out->relations[r.type].fn++;
    out->misses.push_back(
        Finding{true, kRelationTypes[r.type], gold.entities[r.head].name, gold.entities[r.tail].name, ""});
  }
  return Status::OK();
}

// "dir/d01.json" -> "d01.json"
std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "d01.txt" -> "d01"; names without an extension (or only a leading dot) stay.
std::string Stem(const std::string& base) {
  size_t dot = base.rfind('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

}  // namespace

Status ScoreGraph(const std::string& text, const std::string& source, const Gold& gold, EvalResult* out) {
  *out = EvalResult();
  rapidjson::Document doc;
  KGB_RETURN_IF_ERROR(ParseJson(text, source, &doc));
  return ScoreParsed(doc, source, gold, nullptr, nullptr, out);
}

Status ScoreGraphByDocument(const std::string& text, const std::string& source,
                            const std::vector<GoldText>& gold_files, EvalResult* out) {
  *out = EvalResult();
  Gold all;
  KGB_RETURN_IF_ERROR(ParseGold(gold_files, &all));
  rapidjson::Document doc;
  KGB_RETURN_IF_ERROR(ParseJson(text, source, &doc));
  EvalResult overall;
  KGB_RETURN_IF_ERROR(ScoreParsed(doc, source, all, nullptr, nullptr, &overall));  // also checks the structure

  // Document names: the "documents" list first (nodes' "docs" index it), then
  // evidence names not in it.
  const rapidjson::Value* listed = GetMember(doc, "documents");
  if (!listed || !listed->IsArray())
    return Status::Unsupported(source + ": the graph has no per-document information (no \"documents\" list): "
                               "--by-doc needs a graph written by kgb build --json");
  std::vector<std::string> doc_names;
  std::unordered_map<std::string, size_t> doc_id;
  auto intern = [&](const std::string& name) {
    auto [it, added] = doc_id.emplace(name, doc_names.size());
    if (added) doc_names.push_back(name);
    return it->second;
  };
  std::vector<size_t> listed_id;  // position in "documents" -> doc id
  for (const auto& d : listed->GetArray()) listed_id.push_back(intern(PyStr(d)));

  const rapidjson::Value* nodes = GetMember(doc, "nodes");
  const rapidjson::Value* edges = GetMember(doc, "edges");
  size_t num_nodes = nodes ? nodes->Size() : 0, num_edges = edges ? edges->Size() : 0;
  std::vector<std::vector<size_t>> node_docs(num_nodes), edge_docs(num_edges);
  std::vector<std::pair<size_t, size_t>> edge_ends(num_edges, {SIZE_MAX, SIZE_MAX});  // node positions
  bool any_node_docs = false;
  std::unordered_map<std::string, size_t> node_at;  // str(id) -> position (the last wins)
  for (size_t i = 0; i < num_nodes; ++i) {
    const rapidjson::Value& n = (*nodes)[static_cast<rapidjson::SizeType>(i)];
    node_at[PyStr(*GetMember(n, "id"))] = i;  // ScoreParsed checked objects and ids
    const rapidjson::Value* docs = GetMember(n, "docs");
    if (!docs || !docs->IsArray()) continue;
    any_node_docs = true;
    for (const auto& d : docs->GetArray()) {
      if (d.IsUint64() && d.GetUint64() < listed_id.size()) node_docs[i].push_back(listed_id[d.GetUint64()]);
    }
  }
  if (num_nodes > 0 && !any_node_docs)
    return Status::Unsupported(source + ": the graph's nodes do not say which documents they come from "
                               "(no \"docs\"): it was written by an older kgb; build it again for --by-doc");
  for (size_t i = 0; i < num_edges; ++i) {
    const rapidjson::Value& e = (*edges)[static_cast<rapidjson::SizeType>(i)];
    for (const char* end : {"source", "target"}) {
      const rapidjson::Value* v = GetMember(e, end);
      auto it = v ? node_at.find(PyStr(*v)) : node_at.end();
      if (it != node_at.end()) (end[0] == 's' ? edge_ends[i].first : edge_ends[i].second) = it->second;
    }
    const rapidjson::Value* evidence = GetMember(e, "evidence");
    if (!evidence || !evidence->IsArray()) continue;
    for (const auto& ev : evidence->GetArray()) {
      const rapidjson::Value* d = GetMember(ev, "doc");
      if (d) edge_docs[i].push_back(intern(PyStr(*d)));
    }
  }

  // Documents by base name and by stem.
  std::unordered_map<std::string, std::vector<size_t>> by_name;
  for (size_t d = 0; d < doc_names.size(); ++d) {
    std::string base = BaseName(doc_names[d]), stem = Stem(base);
    by_name[base].push_back(d);
    if (stem != base) by_name[stem].push_back(d);
  }

  std::vector<DocumentScore> scores;
  for (const GoldText& file : gold_files) {
    DocumentScore score;
    score.gold_file = file.source;
    std::string base = BaseName(file.source);
    score.name = base.size() > 5 && base.compare(base.size() - 5, 5, ".json") == 0 ? base.substr(0, base.size() - 5)
                                                                                     : Stem(base);
    std::vector<bool> wanted(doc_names.size(), false);
    auto found = by_name.find(score.name);
    if (found == by_name.end()) {  // else the page the gold file names in its "doc" field
      rapidjson::Document g;
      const rapidjson::Value* named = ParseJson(file.text, file.source, &g).ok() ? GetMember(g, "doc") : nullptr;
      if (named && named->IsString()) {
        std::string named_base = BaseName(named->GetString());
        found = by_name.find(named_base);
        if (found == by_name.end()) found = by_name.find(Stem(named_base));
      }
    }
    if (found != by_name.end()) {
      for (size_t d : found->second) {
        if (!wanted[d]) ++score.graph_documents;
        wanted[d] = true;
      }
    }
    auto from_page = [&](const std::vector<size_t>& docs) {
      for (size_t d : docs)
        if (wanted[d]) return true;
      return false;
    };
    std::vector<bool> keep_node(num_nodes, false), keep_edge(num_edges, false);
    for (size_t i = 0; i < num_nodes; ++i) keep_node[i] = from_page(node_docs[i]);
    for (size_t i = 0; i < num_edges; ++i) {
      if (!from_page(edge_docs[i])) continue;
      keep_edge[i] = true;
      if (edge_ends[i].first != SIZE_MAX) keep_node[edge_ends[i].first] = true;
      if (edge_ends[i].second != SIZE_MAX) keep_node[edge_ends[i].second] = true;
    }
    Gold gold;
    KGB_RETURN_IF_ERROR(ParseGold({file}, &gold));
    EvalResult r;
    KGB_RETURN_IF_ERROR(ScoreParsed(doc, source, gold, &keep_node, &keep_edge, &r));
    score.entities = r.EntityTotal();
    score.relations = r.RelationTotal();
    score.misses = std::move(r.misses);
    score.false_positives = std::move(r.false_positives);
    scores.push_back(std::move(score));
  }
  *out = std::move(overall);
  out->documents = std::move(scores);
  return Status::OK();
}

std::string SummaryLine(const EvalResult& r) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "entity F1 %.3f  relation F1 %.3f", r.EntityF1(), r.RelationF1());
  return buf;
}

std::string FormatReport(const EvalResult& r, bool list_findings) {
  std::string out;
  if (!r.documents.empty()) out = DocumentTable(r.documents) + "\n";
  out += std::string(19, ' ') + "   tp   fp   fn      P      R     F1\n";
  out += "entities\n";
  for (int t = 0; t < kNumEntityTypes; ++t) out += Row(kEntityTypes[t], r.entities[t]);
  out += Row("all", r.EntityTotal());
  out += "relations\n";
  for (int t = 0; t < kNumRelationTypes; ++t) out += Row(kRelationTypes[t], r.relations[t]);
  out += Row("all", r.RelationTotal());
  if (list_findings && !r.documents.empty()) {
    for (const DocumentScore& d : r.documents) {
      out += "\n== " + d.name + (d.graph_documents == 0 ? "  (not in the graph)" : "") + "\n";
      out += "missed (in gold, not in graph):\n";
      for (const Finding& f : d.misses) out += "  " + FormatFinding(f) + "\n";
      out += "false positives (in graph, not in gold):\n";
      for (const Finding& f : d.false_positives) out += "  " + FormatFinding(f) + "\n";
    }
  } else if (list_findings) {
    out += "\nmissed (in gold, not in graph):\n";
    for (const Finding& f : r.misses) out += "  " + FormatFinding(f) + "\n";
    out += "\nfalse positives (in graph, not in gold):\n";
    for (const Finding& f : r.false_positives) out += "  " + FormatFinding(f) + "\n";
  }
  return out + SummaryLine(r) + "\n";
}

std::string FormatJsonReport(const EvalResult& r) {
  std::string out = "{\n";
  JsonTable("entities", r.entities, kEntityTypes, kNumEntityTypes, &out);
  JsonTable("relations", r.relations, kRelationTypes, kNumRelationTypes, &out);
  out += " \"entity_f1\": " + PyFloatRepr(r.EntityF1()) + ",\n";
  out += " \"relation_f1\": " + PyFloatRepr(r.RelationF1());
  if (!r.documents.empty()) {
    out += ",\n \"documents\": [\n";
    for (size_t i = 0; i < r.documents.size(); ++i) {
      const DocumentScore& d = r.documents[i];
      out += "  {\n";
      out += "   \"doc\": " + JsonString(d.name) + ",\n";
      out += "   \"gold\": " + JsonString(d.gold_file) + ",\n";
      out += std::string("   \"in_graph\": ") + (d.graph_documents ? "true" : "false") + ",\n";
      out += "   \"entities\": ";
      JsonCounts(d.entities, "   ", &out);
      out += ",\n   \"relations\": ";
      JsonCounts(d.relations, "   ", &out);
      out += i + 1 < r.documents.size() ? "\n  },\n" : "\n  }\n";
    }
    out += " ]";
  }
  out += "\n}\n";
  return out;
}

}  // namespace eval
}  // namespace kgb
