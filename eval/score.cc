#include "eval/score.h"

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

void JsonTable(const char* title, const Counts* counts, const char* const* names, int n, std::string* out) {
  *out += std::string(" \"") + title + "\": {\n";
  for (int t = 0; t < n; ++t) {
    Prf p = ComputePrf(counts[t]);
    *out += std::string("  \"") + names[t] + "\": {\n";
    *out += "   \"tp\": " + std::to_string(counts[t].tp) + ",\n";
    *out += "   \"fp\": " + std::to_string(counts[t].fp) + ",\n";
    *out += "   \"fn\": " + std::to_string(counts[t].fn) + ",\n";
    *out += "   \"p\": " + PyFloatRepr(p.precision) + ",\n";
    *out += "   \"r\": " + PyFloatRepr(p.recall) + ",\n";
    *out += "   \"f\": " + PyFloatRepr(p.f1) + "\n";
    *out += t + 1 < n ? "  },\n" : "  }\n";
  }
  *out += " },\n";
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

Status ScoreGraph(const std::string& text, const std::string& source, const Gold& gold, EvalResult* out) {
  *out = EvalResult();
  rapidjson::Document doc;
  KGB_RETURN_IF_ERROR(ParseJson(text, source, &doc));
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

std::string SummaryLine(const EvalResult& r) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "entity F1 %.3f  relation F1 %.3f", r.EntityF1(), r.RelationF1());
  return buf;
}

std::string FormatReport(const EvalResult& r, bool list_findings) {
  std::string out = std::string(19, ' ') + "   tp   fp   fn      P      R     F1\n";
  out += "entities\n";
  for (int t = 0; t < kNumEntityTypes; ++t) out += Row(kEntityTypes[t], r.entities[t]);
  out += Row("all", r.EntityTotal());
  out += "relations\n";
  for (int t = 0; t < kNumRelationTypes; ++t) out += Row(kRelationTypes[t], r.relations[t]);
  out += Row("all", r.RelationTotal());
  if (list_findings) {
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
  out += " \"relation_f1\": " + PyFloatRepr(r.RelationF1()) + "\n}\n";
  return out;
}

}  // namespace eval
}  // namespace kgb
