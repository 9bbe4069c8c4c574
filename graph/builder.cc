#include "graph/builder.h"

#include <algorithm>
#include <tuple>

namespace kgb {
namespace {

bool HasBracket(const std::string& s) {
  static const char* const kMarks[] = {"(", ")", "（", "）", "“", "”", "《", "》", "\"", "【", "】"};
  for (const char* m : kMarks) {
    if (s.find(m) != std::string::npos) return true;
  }
  return false;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Names of a zone's governing bodies and long official forms rank below the
// short form a reader uses (江州高新区 over 江州高新区管委会).
int ParkFormPenalty(const std::string& s) {
  static const char* const kBody[] = {"管委会", "党工委", "管理委员会", "工委"};
  for (const char* b : kBody) {
    if (EndsWith(s, b)) return 2;
  }
  static const char* const kLong[] = {"技术产业开发区", "经济技术开发区", "经济开发区", "新技术开发区"};
  for (const char* l : kLong) {
    if (EndsWith(s, l)) return 1;
  }
  return 0;
}

void MinDate(std::string* acc, const std::string& d) {
  if (!d.empty() && (acc->empty() || d < *acc)) *acc = d;
}
void MaxDate(std::string* acc, const std::string& d) {
  if (!d.empty() && (acc->empty() || d > *acc)) *acc = d;
}

}  // namespace

bool LabelLess(EntityType type, const std::string& a, const std::string& b) {
  // Returns true when `a` is a worse label than `b`.
  int pa = HasBracket(a) ? 4 : 0, pb = HasBracket(b) ? 4 : 0;
  if (type == EntityType::kPark) {
    pa += ParkFormPenalty(a);
    pb += ParkFormPenalty(b);
  }
  if (pa != pb) return pa > pb;
  if (a.size() != b.size()) return a.size() < b.size();
  return a > b;
}

int GraphBuilder::NameId(EntityType type, const std::string& name) {
  key_.assign(1, static_cast<char>('0' + static_cast<int>(type)));
  key_ += name;
  auto it = index_.find(key_);
  if (it != index_.end()) return it->second;
  int id = static_cast<int>(names_.size());
  index_.emplace(key_, id);
  names_.push_back(name);
  types_.push_back(type);
  NameInfo info;
  info.parent = id;
  info_.push_back(info);
  return id;
}

int GraphBuilder::Find(int id) const {
  while (info_[id].parent != id) {
    info_[id].parent = info_[info_[id].parent].parent;
    id = info_[id].parent;
  }
  return id;
}

void GraphBuilder::Union(int a, int b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return;
  if (a < b) std::swap(a, b);
  info_[a].parent = b;
}

uint32_t GraphBuilder::DocId(const std::string& doc) {
  if (doc.empty()) return kNoDoc;
  auto [it, added] = doc_ids_.emplace(doc, static_cast<uint32_t>(doc_names_.size()));
  if (added) doc_names_.push_back(doc);
  return it->second;
}

void GraphBuilder::AddEntity(const EntityRecord& e, uint32_t doc) {
  if (e.name.empty()) return;
  int id = NameId(e.type, e.name);
  NameInfo& info = info_[id];
  info.candidate = true;
  info.mentions += e.mentions;
  // A document's records come together: checking the last id keeps the list short.
  if (doc != kNoDoc && (info.docs.empty() || info.docs.back() != doc)) info.docs.push_back(doc);
  MinDate(&info.first_seen, e.first_seen);
  MaxDate(&info.last_seen, e.last_seen.empty() ? e.first_seen : e.last_seen);
  for (const std::string& alias : e.aliases) {
    if (alias.empty() || alias == e.name) continue;
    Union(id, NameId(e.type, alias));
  }
}

void GraphBuilder::AddRelation(const RelationRecord& r) {
  if (r.head.empty() || r.tail.empty()) return;
  int h = NameId(r.head_type, r.head);
  int t = NameId(r.tail_type, r.tail);
  edges_[EdgeKey{r.type, h, t}].push_back(r.evidence);
}

void GraphBuilder::Add(const DocumentRecords& records) {
  uint32_t doc = DocId(records.doc);
  for (const EntityRecord& e : records.entities) AddEntity(e, doc);
  for (const RelationRecord& r : records.relations) AddRelation(r);
}

void GraphBuilder::Add(DocumentRecords&& records) {
  uint32_t doc = DocId(records.doc);
  for (const EntityRecord& e : records.entities) AddEntity(e, doc);
  for (RelationRecord& r : records.relations) {
    if (r.head.empty() || r.tail.empty()) continue;
    int h = NameId(r.head_type, r.head);
    int t = NameId(r.tail_type, r.tail);
    edges_[EdgeKey{r.type, h, t}].push_back(std::move(r.evidence));
  }
}

void GraphBuilder::AddGraph(const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  std::vector<uint32_t> doc_of_index;  // kg.documents() index -> doc id
  for (const std::string& d : kg.documents()) doc_of_index.push_back(DocId(d));
  auto add_docs = [&](int id, const Node& n) {
    for (uint32_t i : n.docs) {
      if (i < doc_of_index.size() && doc_of_index[i] != kNoDoc) info_[id].docs.push_back(doc_of_index[i]);
    }
  };
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    EntityRecord e;
    e.type = n.type;
    e.name = n.label;
    e.aliases = n.aliases;
    e.mentions = n.mentions;
    e.first_seen = n.first_seen;
    e.last_seen = n.last_seen;
    if (n.mentions == 0 && n.aliases.empty()) {
      // A node only relations named: its name is no label candidate.
      int id = NameId(n.type, n.label);
      MinDate(&info_[id].first_seen, n.first_seen);
      MaxDate(&info_[id].last_seen, n.last_seen.empty() ? n.first_seen : n.last_seen);
      add_docs(id, n);
      continue;
    }
    AddEntity(e, kNoDoc);
    add_docs(NameId(n.type, n.label), n);
  }
  for (EdgeDesc ed : boost::make_iterator_range(boost::edges(g))) {
    const Edge& e = g[ed];
    const Node& s = g[boost::source(ed, g)];
    const Node& t = g[boost::target(ed, g)];
    int h = NameId(s.type, s.label);
    int tl = NameId(t.type, t.label);
    auto& list = edges_[EdgeKey{e.type, h, tl}];
    list.insert(list.end(), e.evidence.begin(), e.evidence.end());
  }
}

KnowledgeGraph GraphBuilder::Build() const {
  // 1. Components: one node per union-find root that has a candidate label.
  struct Comp {
    EntityType type = EntityType::kOrganization;
    std::string label;
    std::vector<std::string> names;
    uint64_t mentions = 0;
    std::string first_seen, last_seen;
    std::vector<uint32_t> docs;  // doc ids
    bool has_candidate = false;
  };
  std::unordered_map<int, size_t> comp_of_root;
  std::vector<Comp> comps;
  for (int id = 0; id < static_cast<int>(names_.size()); ++id) {
    int root = Find(id);
    auto [it, inserted] = comp_of_root.emplace(root, comps.size());
    if (inserted) {
      Comp c;
      c.type = types_[id];
      comps.push_back(std::move(c));
    }
    Comp& c = comps[it->second];
    const NameInfo& info = info_[id];
    c.names.push_back(names_[id]);
    c.mentions += info.mentions;
    c.docs.insert(c.docs.end(), info.docs.begin(), info.docs.end());
    MinDate(&c.first_seen, info.first_seen);
    MaxDate(&c.last_seen, info.last_seen);
    if (info.candidate) {
      if (!c.has_candidate || LabelLess(c.type, c.label, names_[id])) c.label = names_[id];
      c.has_candidate = true;
    }
  }
  for (Comp& c : comps) {
    if (!c.has_candidate) {  // only reachable through relation ends: still a node
      for (const std::string& n : c.names) {
        if (c.label.empty() || LabelLess(c.type, c.label, n)) c.label = n;
      }
    }
    std::sort(c.names.begin(), c.names.end());
    c.names.erase(std::remove(c.names.begin(), c.names.end(), c.label), c.names.end());
  }

  // 2. Node order: by type, then label.
  std::vector<size_t> order(comps.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (comps[a].type != comps[b].type) return comps[a].type < comps[b].type;
    return comps[a].label < comps[b].label;
  });
  std::vector<size_t> vertex_of_comp(comps.size());
  // Documents sorted by name; Node::docs index this list.
  std::vector<uint32_t> doc_order(doc_names_.size());
  for (uint32_t i = 0; i < doc_order.size(); ++i) doc_order[i] = i;
  std::sort(doc_order.begin(), doc_order.end(),
            [&](uint32_t a, uint32_t b) { return doc_names_[a] < doc_names_[b]; });
  std::vector<uint32_t> doc_index(doc_names_.size());
  std::vector<std::string> docs;
  docs.reserve(doc_order.size());
  for (uint32_t k = 0; k < doc_order.size(); ++k) {
    doc_index[doc_order[k]] = k;
    docs.push_back(doc_names_[doc_order[k]]);
  }
  KnowledgeGraph kg;
  for (size_t k = 0; k < order.size(); ++k) {
    Comp& c = comps[order[k]];
    vertex_of_comp[order[k]] = k;
    Node n;
    n.id = "n" + std::to_string(k);
    n.label = c.label;
    n.type = c.type;
    n.aliases = c.names;
    n.mentions = c.mentions;
    n.first_seen = c.first_seen;
    n.last_seen = c.last_seen;
    n.docs.reserve(c.docs.size());
    for (uint32_t d : c.docs) n.docs.push_back(doc_index[d]);
    std::sort(n.docs.begin(), n.docs.end());
    n.docs.erase(std::unique(n.docs.begin(), n.docs.end()), n.docs.end());
    kg.AddNode(std::move(n));
  }

  // 3. Edges: one per (source, target, type), evidence unioned.
  std::map<std::tuple<size_t, size_t, RelationType>, std::vector<Evidence>> merged;
  for (const auto& [key, evidence] : edges_) {
    size_t s = vertex_of_comp[comp_of_root.at(Find(key.head))];
    size_t t = vertex_of_comp[comp_of_root.at(Find(key.tail))];
    if (s == t) continue;
    if (IsSymmetric(key.type) && t < s) std::swap(s, t);
    auto& list = merged[{s, t, key.type}];
    list.insert(list.end(), evidence.begin(), evidence.end());
  }
  for (auto& [key, evidence] : merged) {
    std::sort(evidence.begin(), evidence.end(), [](const Evidence& a, const Evidence& b) {
      if (!a.SamePlace(b)) return a < b;
      // Keep the titled copy of a duplicate first; the rest makes the order
      // total, so the kept copy does not depend on the input order.
      if (a.title != b.title) return a.title > b.title;
      if (a.sentence != b.sentence) return a.sentence < b.sentence;
      return a.date < b.date;
    });
    std::vector<Evidence> unique;
    for (Evidence& e : evidence) {
      if (!unique.empty() && unique.back().SamePlace(e)) continue;
      unique.push_back(std::move(e));
    }
    Edge edge;
    edge.type = std::get<2>(key);
    for (const Evidence& e : unique) {
      if (edge.title.empty() && !e.title.empty()) edge.title = e.title;
      MinDate(&edge.date, e.date);
    }
    edge.weight = unique.size();
    edge.evidence = std::move(unique);
    kg.AddEdge(std::get<0>(key), std::get<1>(key), std::move(edge));
  }
  kg.set_documents(std::move(docs));
  kg.RebuildIndex();
  return kg;
}

Status PlanGraphMerge(const std::vector<std::vector<std::string>>& documents,
                      const std::vector<std::string>& names, std::vector<bool>* keep,
                      std::vector<int>* dropped_into) {
  const size_t n = documents.size();
  keep->assign(n, true);
  dropped_into->assign(n, -1);
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return documents[a].size() > documents[b].size(); });
  std::unordered_map<std::string, size_t> owner;  // document -> kept graph
  auto name = [&](size_t i) { return i < names.size() ? names[i] : "graph " + std::to_string(i + 1); };
  for (size_t i : order) {
    const std::vector<std::string>& docs = documents[i];  // sorted, unique
    if (docs.empty()) continue;
    size_t covered = 0;
    const std::string* shared = nullptr;
    size_t shared_with = 0;
    for (const std::string& d : docs) {
      auto it = owner.find(d);
      if (it == owner.end()) continue;
      ++covered;
      if (!shared) {
        shared = &d;
        shared_with = it->second;
      }
    }
    if (covered == 0) {
      for (const std::string& d : docs) owner.emplace(d, i);
    } else if (covered == docs.size()) {  // lists are sorted and unique
      (*keep)[i] = false;
      (*dropped_into)[i] = static_cast<int>(shared_with);
    } else {
      return Status::InvalidArgument(name(i) + " and " + name(shared_with) + " share document \"" + *shared +
                                     "\" but not all their documents: the counts of the shared documents "
                                     "cannot be separated; rebuild one of them without the shared documents");
    }
  }
  return Status::OK();
}

}  // namespace kgb
