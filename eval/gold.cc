#include "eval/gold.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>
#include <utility>

#include "eval/pyjson.h"
#include "util/file_io.h"

namespace kgb {
namespace eval {
namespace {

// One entity annotation, before merging.
struct Annotation {
  int type = 0;
  std::string name;
  std::set<std::string> keys;
  std::string norm_name;
  bool optional = false;
};

struct RawRelation {
  int type = 0;
  size_t head = 0;
  size_t tail = 0;
  bool optional = false;
};

// The order in which CPython iterates frozenset((a, b)) of two small
// non-negative ints (hash(n) == n): by slot of an 8-slot table, where b
// probes on from a's slot when they collide. kgscore prints the ends of a
// missed symmetric relation in this order.
std::pair<size_t, size_t> FrozensetOrder(size_t a, size_t b) {
  if (a == b) return {a, b};
  size_t slot_a = a & 7, slot_b = b & 7, perturb = b;
  while (slot_b == slot_a) {
    perturb >>= 5;
    slot_b = (slot_b * 5 + 1 + perturb) & 7;
  }
  return slot_a < slot_b ? std::make_pair(a, b) : std::make_pair(b, a);
}

Status ParseOneFile(const GoldText& file, std::vector<Annotation>* ents, std::vector<RawRelation>* rels) {
  rapidjson::Document doc;
  KGB_RETURN_IF_ERROR(ParseJson(file.text, file.source, &doc));
  auto bad = [&](const std::string& msg) { return Status::Corrupt(file.source + ": " + msg); };
  if (!doc.IsObject()) return bad("a gold file is a JSON object with \"entities\" and \"relations\"");
  const rapidjson::Value* entities = GetMember(doc, "entities");
  if (!entities || !entities->IsArray()) return bad("\"entities\" must be a list");
  std::map<std::string, size_t> local;  // entity name -> annotation (the last one wins)
  for (rapidjson::SizeType i = 0; i < entities->Size(); ++i) {
    const rapidjson::Value& e = (*entities)[i];
    std::string where = "entity " + std::to_string(i);
    if (!e.IsObject()) return bad(where + " is not an object");
    const rapidjson::Value* type = GetMember(e, "type");
    const rapidjson::Value* name = GetMember(e, "name");
    if (!type) return bad(where + " has no \"type\"");
    if (!name) return bad(where + " has no \"name\"");
    Annotation a;
    a.type = type->IsString() ? EntityTypeIndex(type->GetString()) : -1;
    if (a.type < 0) return bad("unknown entity type '" + PyStr(*type) + "'");
    a.name = PyStr(*name);
    a.norm_name = NormalizeName(a.name);
    a.keys.insert(a.norm_name);
    if (const rapidjson::Value* aliases = GetMember(e, "aliases")) {
      if (!aliases->IsArray()) return bad(where + " (" + a.name + "): \"aliases\" must be a list of names");
      for (const auto& alias : aliases->GetArray()) a.keys.insert(NormalizeName(PyStr(alias)));
    }
    const rapidjson::Value* optional = GetMember(e, "optional");
    a.optional = optional && PyTruthy(*optional);
    local[a.name] = ents->size();
    ents->push_back(std::move(a));
  }
  const rapidjson::Value* relations = GetMember(doc, "relations");
  if (!relations) return Status::OK();
  if (!relations->IsArray()) return bad("\"relations\" must be a list");
  for (rapidjson::SizeType i = 0; i < relations->Size(); ++i) {
    const rapidjson::Value& r = (*relations)[i];
    std::string where = "relation " + std::to_string(i);
    if (!r.IsObject()) return bad(where + " is not an object");
    const rapidjson::Value* type = GetMember(r, "type");
    if (!type) return bad(where + " has no \"type\"");
    RawRelation rel;
    rel.type = type->IsString() ? RelationTypeIndex(type->GetString()) : -1;
    if (rel.type < 0) return bad("unknown relation type '" + PyStr(*type) + "'");
    for (const char* end : {"head", "tail"}) {
      const rapidjson::Value* v = GetMember(r, end);
      if (!v) return bad(where + " has no \"" + end + "\"");
      auto it = local.find(PyStr(*v));
      if (it == local.end()) return bad("relation end '" + PyStr(*v) + "' is not an entity of the file");
      (end[0] == 'h' ? rel.head : rel.tail) = it->second;
    }
    const rapidjson::Value* optional = GetMember(r, "optional");
    rel.optional = optional && PyTruthy(*optional);
    rels->push_back(rel);
  }
  return Status::OK();
}

}  // namespace

int EntityTypeIndex(std::string_view name) {
  for (int i = 0; i < kNumEntityTypes; ++i)
    if (name == kEntityTypes[i]) return i;
  return -1;
}

int RelationTypeIndex(std::string_view name) {
  for (int i = 0; i < kNumRelationTypes; ++i)
    if (name == kRelationTypes[i]) return i;
  return -1;
}

bool IsSymmetricRelation(int t) { return t == 1 || t == 2; }  // met_with, signed_agreement

Status ParseGold(const std::vector<GoldText>& files, Gold* out) {
  *out = Gold();
  if (files.empty()) return Status::NotFound("no gold files found");
  std::vector<Annotation> ents;
  std::vector<RawRelation> rels;
  for (const GoldText& f : files) {
    KGB_RETURN_IF_ERROR(ParseOneFile(f, &ents, &rels));
    out->files.push_back(f.source);
  }

  // Union-find over annotations sharing a type and a key, as kgscore does it
  // (the roots matter only for the order of printed ends, see FrozensetOrder).
  std::vector<size_t> parent(ents.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto find = [&](size_t i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  std::map<std::pair<int, std::string>, size_t> owner;
  for (size_t i = 0; i < ents.size(); ++i) {
    for (const std::string& k : ents[i].keys) {
      size_t j = owner.emplace(std::make_pair(ents[i].type, k), i).first->second;
      if (j != i) parent[find(i)] = find(j);
    }
  }
  std::map<size_t, size_t> group_of_root;
  std::vector<size_t> root_of_group;
  for (size_t i = 0; i < ents.size(); ++i) {
    size_t root = find(i);
    auto [it, added] = group_of_root.emplace(root, out->entities.size());
    if (added) {
      GoldEntity g;
      g.type = ents[i].type;
      g.name = ents[i].name;
      out->entities.push_back(std::move(g));
      root_of_group.push_back(root);
    }
    GoldEntity& g = out->entities[it->second];
    g.keys.insert(ents[i].keys.begin(), ents[i].keys.end());
    g.names.insert(ents[i].norm_name);
    g.optional = g.optional && ents[i].optional;
  }

  std::map<std::tuple<int, size_t, size_t>, size_t> index;  // relation key -> out->relations
  for (const RawRelation& r : rels) {
    size_t h = group_of_root.at(find(r.head));
    size_t t = group_of_root.at(find(r.tail));
    std::tuple<int, size_t, size_t> key(r.type, h, t);
    if (IsSymmetricRelation(r.type)) {
      key = std::make_tuple(r.type, std::min(h, t), std::max(h, t));
      auto [a, b] = FrozensetOrder(root_of_group[h], root_of_group[t]);
      h = group_of_root.at(a);
      t = group_of_root.at(b);
    }
    auto [it, added] = index.emplace(key, out->relations.size());
    if (added) out->relations.push_back(GoldRelation{r.type, h, t, true});
    GoldRelation& g = out->relations[it->second];
    g.optional = g.optional && r.optional;
  }
  return Status::OK();
}

Status ListGoldFiles(const std::vector<std::string>& paths, std::vector<std::string>* files) {
  namespace fs = std::filesystem;
  files->clear();
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> names;
      for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.size() >= 5 && name.compare(name.size() - 5, 5, ".json") == 0) names.push_back(name);
      }
      if (ec) return Status::IOError(p + ": " + ec.message());
      std::sort(names.begin(), names.end());
      for (const std::string& n : names) files->push_back(p.back() == '/' ? p + n : p + "/" + n);
    } else if (fs::exists(p, ec)) {
      files->push_back(p);
    } else {
      return Status::NotFound(p + ": no such file or folder");
    }
  }
  if (files->empty()) return Status::NotFound("no gold files found");
  return Status::OK();
}

Status ReadGoldFiles(const std::vector<std::string>& paths, std::vector<GoldText>* out) {
  out->clear();
  std::vector<std::string> names;
  KGB_RETURN_IF_ERROR(ListGoldFiles(paths, &names));
  for (const std::string& n : names) {
    GoldText f;
    f.source = n;
    KGB_RETURN_IF_ERROR(ReadFile(n, &f.text));
    out->push_back(std::move(f));
  }
  return Status::OK();
}

Status LoadGold(const std::vector<std::string>& paths, Gold* out) {
  std::vector<GoldText> files;
  KGB_RETURN_IF_ERROR(ReadGoldFiles(paths, &files));
  return ParseGold(files, out);
}

}  // namespace eval
}  // namespace kgb
