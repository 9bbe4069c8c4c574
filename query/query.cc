#include "query/query.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

#include "util/messages.h"
#include "util/utf8.h"

namespace kgb {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// YYYY, YYYY-MM or YYYY-MM-DD naming a real year (0001-9999), month and day
// (2024-02-29 yes, 2023-02-29 and 2023-13 no).
bool ValidDate(const std::string& s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!AllDigits(s.substr(0, 4))) return false;
  if (s.size() >= 7 && (s[4] != '-' || !AllDigits(s.substr(5, 2)))) return false;
  if (s.size() == 10 && (s[7] != '-' || !AllDigits(s.substr(8, 2)))) return false;
  int y = std::atoi(s.substr(0, 4).c_str());
  if (y < 1) return false;
  if (s.size() == 4) return true;
  int m = std::atoi(s.substr(5, 2).c_str());
  if (m < 1 || m > 12) return false;
  if (s.size() == 7) return true;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int d = std::atoi(s.substr(8, 2).c_str());
  return d >= 1 && d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// The last day a --until bound covers, for comparing with --since: "2023"
// -> "2023-12-31", "2023-04" -> "2023-04-31" (an upper bound as text).
std::string UntilEnd(const std::string& until) {
  if (until.size() == 4) return until + "-12-31";
  if (until.size() == 7) return until + "-31";
  return until;
}

bool ParseCount(const std::string& s, size_t lo, size_t hi, size_t* out) {
  if (!AllDigits(s) || s.size() > 9) return false;
  size_t v = std::strtoul(s.c_str(), nullptr, 10);
  if (v < lo || v > hi) return false;
  *out = v;
  return true;
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string item(Trim(std::string_view(s).substr(start, comma - start)));
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

std::string RelationNames() {
  std::string out;
  for (int t = 0; t < kNumRelationTypes; ++t) out += std::string(t ? ", " : "") + RelationTypeName(static_cast<RelationType>(t));
  return out;
}

std::string EntityTypeNames() {
  std::string out;
  for (int t = 0; t < kNumEntityTypes; ++t) out += std::string(t ? ", " : "") + EntityTypeName(static_cast<EntityType>(t));
  return out;
}

// Options each command accepts (besides --format and --help).
const std::map<std::string, std::set<std::string>>& CommandOptions() {
  static const auto* m = new std::map<std::string, std::set<std::string>>{
      {"entity", {}},
      {"neighbors", {"--rel", "--type", "--depth"}},
      {"path", {"--rel", "--all"}},
      {"edges", {"--rel", "--from", "--to", "--since", "--until"}},
      {"top", {"--by", "--type", "-n"}},
      {"stats", {"-n"}},
      {"search", {"--type", "-n"}},
  };
  return *m;
}

std::vector<std::string> MaskNames(uint32_t mask, int n, const char* (*name)(int)) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i)
    if ((mask >> i) & 1u) out.push_back(name(i));
  return out;
}
const char* RelName(int i) { return RelationTypeName(static_cast<RelationType>(i)); }
const char* TypeName(int i) { return EntityTypeName(static_cast<EntityType>(i)); }

// Direction of edge `e` read from `from` to the other end.
const char* Dir(const Graph& g, EdgeDesc e, Vertex from) {
  if (IsSymmetric(g[e].type)) return "--";
  return boost::source(e, g) == from ? "->" : "<-";
}

// The evidence a hop shows: the first one with a sentence.
const Evidence* FirstEvidence(const Edge& e) {
  for (const Evidence& x : e.evidence)
    if (!x.sentence.empty()) return &x;
  return e.evidence.empty() ? nullptr : &e.evidence[0];
}

bool DateInRange(const std::string& d, const std::string& since, const std::string& until) {
  if (d.empty()) return false;
  if (!since.empty() && d < since) return false;
  if (!until.empty() && d.substr(0, until.size()) > until) return false;
  return true;
}

// An edge is in [since, until] when one of its dated evidence sentences is;
// an edge without dated evidence is judged by its own date.
bool EdgeInRange(const Edge& e, const std::string& since, const std::string& until) {
  if (since.empty() && until.empty()) return true;
  bool dated = false;
  for (const Evidence& x : e.evidence) {
    if (x.date.empty()) continue;
    dated = true;
    if (DateInRange(x.date, since, until)) return true;
  }
  return !dated && DateInRange(e.date, since, until);
}

}  // namespace

const std::vector<std::string>& QueryCommands() {
  static const auto* k =
      new std::vector<std::string>{"entity", "neighbors", "path", "edges", "top", "stats", "search"};
  return *k;
}

Status ParseQueryArgs(const std::vector<std::string>& args, QueryRequest* out) {
  *out = QueryRequest();
  std::vector<std::pair<std::string, std::string>> options;  // (name, value)
  bool rest_positional = false;
  Status error;  // the first one; --help anywhere wins over it
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    if (rest_positional || a.size() < 2 || a[0] != '-') {
      if (out->command.empty()) out->command = a;
      else out->names.push_back(a);
      continue;
    }
    if (a == "--") {
      rest_positional = true;
      continue;
    }
    if (a == "--help" || a == "-h") {
      out->help = true;
      continue;
    }
    if (a == "--all") {
      options.push_back({a, ""});
      continue;
    }
    std::string value;
    size_t eq = a.find('=');
    if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = a.substr(eq + 1);
      a = a.substr(0, eq);
    } else {
      if (a == "--limit") a = "-n";
      static const std::set<std::string> kValued = {"--format", "--rel",  "--type",  "--depth", "--from",
                                                    "--to",     "--since", "--until", "--by",    "-n"};
      if (!kValued.count(a)) {
        if (error.ok()) {
          std::vector<std::string> known(kValued.begin(), kValued.end());
          known.insert(known.end(), {"--all", "--help", "--limit"});
          error = Status::InvalidArgument("unknown option " + a + DidYouMean(a, known));
        }
        continue;
      }
      if (i + 1 >= args.size()) {
        if (error.ok()) error = Status::InvalidArgument(a + " needs a value");
        continue;
      }
      value = args[++i];
    }
    if (a == "--limit") a = "-n";
    options.push_back({a, value});
  }
  if (out->help) {
    auto& cmds = QueryCommands();
    if (std::find(cmds.begin(), cmds.end(), out->command) == cmds.end()) out->command.clear();
    return Status::OK();
  }
  KGB_RETURN_IF_ERROR(error);
  if (out->command.empty()) {
    std::string list;
    for (const std::string& c : QueryCommands()) list += (list.empty() ? "" : ", ") + c;
    return Status::InvalidArgument("no query command given (" + list + ")");
  }
  auto allowed = CommandOptions().find(out->command);
  if (allowed == CommandOptions().end())
    return Status::InvalidArgument("unknown query command '" + out->command + "'" +
                                   DidYouMean(out->command, QueryCommands()));

  for (const auto& [name, value] : options) {
    if (name == "--format") {
      if (!ParseOutputFormat(value, &out->format))
        return Status::InvalidArgument("--format takes table, json, csv or tsv, not '" + value + "'");
      continue;
    }
    if (!allowed->second.count(name)) {
      std::string takes;
      for (const std::string& o : allowed->second) takes += (takes.empty() ? "" : ", ") + o;
      return Status::InvalidArgument(out->command + " does not take " + name +
                                     (takes.empty() ? " (it takes no options)" : " (it takes " + takes + ")"));
    }
    if (name == "--rel") {
      out->relations = 0;
      for (const std::string& item : SplitList(value)) {
        RelationType t;
        if (!ParseRelationType(item, &t))
          return Status::InvalidArgument("unknown relation '" + item + "' (relations: " + RelationNames() + ")" +
                                         DidYouMean(item, MaskNames(kAllRelations, kNumRelationTypes, RelName)));
        out->relations |= RelationBit(t);
      }
      if (!out->relations) return Status::InvalidArgument("--rel needs at least one relation");
    } else if (name == "--type") {
      out->types = 0;
      for (const std::string& item : SplitList(value)) {
        EntityType t;
        if (!ParseEntityType(item, &t))
          return Status::InvalidArgument("unknown entity type '" + item + "' (types: " + EntityTypeNames() + ")" +
                                         DidYouMean(item, MaskNames(kAllEntityTypes, kNumEntityTypes, TypeName)));
        out->types |= 1u << static_cast<int>(t);
      }
      if (!out->types) return Status::InvalidArgument("--type needs at least one entity type");
    } else if (name == "--depth") {
      size_t d;
      if (!ParseCount(value, 1, 100, &d)) return Status::InvalidArgument("--depth takes a number from 1 to 100");
      out->depth = static_cast<uint32_t>(d);
    } else if (name == "-n") {
      if (!ParseCount(value, 1, 1000000, &out->limit))
        return Status::InvalidArgument("-n takes a number from 1 to 1000000");
    } else if (name == "--all") {
      out->all = true;
    } else if (name == "--from") {
      out->from = value;
    } else if (name == "--to") {
      out->to = value;
    } else if (name == "--since" || name == "--until") {
      if (!ValidDate(value))
        return Status::InvalidArgument(name + " takes a date YYYY, YYYY-MM or YYYY-MM-DD, not '" + value +
                                       "' (months 01-12, days as in the calendar)");
      (name == "--since" ? out->since : out->until) = value;
    } else if (name == "--by") {
      if (value != "degree" && value != "mentions" && value != "betweenness" && value != "pagerank")
        return Status::InvalidArgument("--by takes degree, mentions, betweenness or pagerank");
      out->by = value;
    }
  }

  if (!out->since.empty() && !out->until.empty() && out->since > UntilEnd(out->until))
    return Status::InvalidArgument("--since " + out->since + " is after --until " + out->until);

  const std::string& c = out->command;
  size_t n = out->names.size();
  if (c == "path") {
    if (n != 2) return Status::InvalidArgument("path takes two names: FROM TO");
  } else if (c == "entity" || c == "neighbors" || c == "search") {
    if (n == 0) return Status::InvalidArgument(c + (c == "search" ? " takes a TEXT" : " takes a NAME"));
    // Unquoted words ("lin zhi yuan") are one name.
    std::string joined;
    for (size_t i = 0; i < n; ++i) joined += (i ? " " : "") + out->names[i];
    out->names = {joined};
  } else if (n != 0) {
    return Status::InvalidArgument(c + " takes no NAME (got '" + out->names[0] + "')");
  }
  return Status::OK();
}

// ---------------------------------------------------------------------------

QueryEngine::QueryEngine(const KnowledgeGraph& graph) : graph_(graph), names_(graph) {}
QueryEngine::~QueryEngine() = default;

const TraversalView& QueryEngine::traversal() {
  if (!traversal_) traversal_ = std::make_unique<TraversalView>(graph_);
  return *traversal_;
}

Status QueryEngine::Resolve(const std::string& name, NameMatch* m) { return names_.Resolve(name, m); }

Status QueryEngine::Run(const QueryRequest& r, Result* out) {
  *out = Result();
  out->command = r.command;
  if (r.command == "entity") return Entity(r, out);
  if (r.command == "neighbors") return Neighbors(r, out);
  if (r.command == "path") return Path(r, out);
  if (r.command == "edges") return Edges(r, out);
  if (r.command == "top") return Top(r, out);
  if (r.command == "stats") return Stats(r, out);
  if (r.command == "search") return Search(r, out);
  return Status::InvalidArgument("unknown query command '" + r.command + "'");
}

Status QueryEngine::Entity(const QueryRequest& r, Result* out) {
  NameMatch m;
  KGB_RETURN_IF_ERROR(Resolve(r.names[0], &m));
  const Graph& g = graph_.graph();
  const Vertex v = m.vertex;
  const Node& n = g[v];
  out->info = {{"entity", n.label},
               {"id", n.id},
               {"type", EntityTypeName(n.type)},
               {"aliases", Value::List(n.aliases)},
               {"mentions", n.mentions},
               {"first_seen", n.first_seen},
               {"last_seen", n.last_seen},
               {"degree", static_cast<uint64_t>(boost::degree(v, g))},
               {"match", MatchKindName(m.kind)}};
  out->columns = {"relation", "dir", "other", "other_id", "other_type", "title", "date", "doc", "sentence"};
  // (relation, other vertex, edge order) keeps the rows stable.
  std::vector<std::tuple<int, Vertex, size_t, EdgeDesc>> incident;
  size_t order = 0;
  for (EdgeDesc e : boost::make_iterator_range(boost::out_edges(v, g)))
    incident.emplace_back(static_cast<int>(g[e].type), boost::target(e, g), order++, e);
  for (EdgeDesc e : boost::make_iterator_range(boost::in_edges(v, g)))
    if (boost::source(e, g) != v) incident.emplace_back(static_cast<int>(g[e].type), boost::source(e, g), order++, e);
  std::sort(incident.begin(), incident.end(),
            [](const auto& a, const auto& b) { return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
                                                      std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b)); });
  for (const auto& item : incident) {
    const Vertex other = std::get<1>(item);
    const EdgeDesc e = std::get<3>(item);  // named, not bound: the lambda below captures it
    const Edge& edge = g[e];
    const Node& o = g[other];
    auto row = [&](const Evidence* x) {
      out->rows.push_back({RelationTypeName(edge.type), Dir(g, e, v), o.label, o.id, EntityTypeName(o.type),
                           x && !x->title.empty() ? x->title : edge.title, x ? x->date : edge.date,
                           x ? x->doc : "", x ? x->sentence : ""});
    };
    if (edge.evidence.empty()) row(nullptr);
    for (const Evidence& x : edge.evidence) row(&x);
  }
  return Status::OK();
}

Status QueryEngine::Neighbors(const QueryRequest& r, Result* out) {
  NameMatch m;
  KGB_RETURN_IF_ERROR(Resolve(r.names[0], &m));
  const Graph& g = graph_.graph();
  const Node& n = g[m.vertex];
  out->info = {{"entity", n.label},
               {"id", n.id},
               {"type", EntityTypeName(n.type)},
               {"match", MatchKindName(m.kind)},
               {"depth", static_cast<uint64_t>(r.depth)},
               {"relations", Value::List(MaskNames(r.relations, kNumRelationTypes, RelName))},
               {"types", Value::List(MaskNames(r.types, kNumEntityTypes, TypeName))}};
  out->columns = {"depth", "via", "relation", "dir", "neighbor", "id", "type", "weight", "date", "title"};
  const TraversalView& view = traversal();
  std::vector<uint32_t> dist, parent;
  view.Bfs(m.vertex, r.relations, r.depth, &dist, &parent);
  // (depth, relation, neighbor, edge index)
  std::vector<std::tuple<uint32_t, int, Vertex, uint32_t>> found;
  for (Vertex w = 0; w < dist.size(); ++w) {
    if (dist[w] == kUnreached || dist[w] == 0) continue;
    if (!((r.types >> static_cast<int>(g[w].type)) & 1u)) continue;
    for (uint32_t i : view.EdgesBetween(parent[w], w, r.relations))
      found.emplace_back(dist[w], static_cast<int>(g[view.edges()[i]].type), w, i);
  }
  std::sort(found.begin(), found.end());
  for (const auto& [depth, type, w, i] : found) {
    EdgeDesc e = view.edges()[i];
    const Edge& edge = g[e];
    const Node& via = g[parent[w]];
    const Node& nb = g[w];
    out->rows.push_back({static_cast<uint64_t>(depth), via.label, RelationTypeName(edge.type),
                         Dir(g, e, parent[w]), nb.label, nb.id, EntityTypeName(nb.type), edge.weight, edge.date,
                         edge.title});
  }
  return Status::OK();
}

Status QueryEngine::Path(const QueryRequest& r, Result* out) {
  NameMatch from, to;
  KGB_RETURN_IF_ERROR(Resolve(r.names[0], &from));
  KGB_RETURN_IF_ERROR(Resolve(r.names[1], &to));
  const Graph& g = graph_.graph();
  const TraversalView& view = traversal();
  bool truncated = false;
  auto paths = view.ShortestPaths(from.vertex, to.vertex, r.relations, r.all, kMaxPaths, &truncated);
  int64_t length = paths.empty() ? -1 : static_cast<int64_t>(paths[0].size()) - 1;
  out->info = {{"from", g[from.vertex].label},
               {"from_id", g[from.vertex].id},
               {"to", g[to.vertex].label},
               {"to_id", g[to.vertex].id},
               {"length", length},
               {"paths", static_cast<uint64_t>(paths.size())},
               {"truncated", truncated ? "yes" : "no"}};
  out->columns = {"path", "step", "from", "relation", "dir", "to", "date", "doc", "sentence"};
  for (size_t p = 0; p < paths.size(); ++p) {
    const auto& path = paths[p];
    for (size_t s = 0; s + 1 < path.size(); ++s) {
      Vertex a = path[s], b = path[s + 1];
      std::vector<uint32_t> between = view.EdgesBetween(a, b, r.relations);
      // The strongest edge of the hop: most evidence, then relation order.
      uint32_t best = between.front();
      for (uint32_t i : between) {
        const Edge& x = g[view.edges()[i]];
        const Edge& y = g[view.edges()[best]];
        if (x.weight > y.weight || (x.weight == y.weight && x.type < y.type)) best = i;
      }
      EdgeDesc e = view.edges()[best];
      const Edge& edge = g[e];
      const Evidence* ev = FirstEvidence(edge);
      out->rows.push_back({static_cast<uint64_t>(p + 1), static_cast<uint64_t>(s + 1), g[a].label,
                           RelationTypeName(edge.type), Dir(g, e, a), g[b].label,
                           ev ? ev->date : edge.date, ev ? ev->doc : "",
                           ev ? ev->sentence : ""});
    }
  }
  return Status::OK();
}

Status QueryEngine::Edges(const QueryRequest& r, Result* out) {
  std::optional<Vertex> from, to;
  NameMatch m;
  if (!r.from.empty()) {
    KGB_RETURN_IF_ERROR(Resolve(r.from, &m));
    from = m.vertex;
  }
  if (!r.to.empty()) {
    KGB_RETURN_IF_ERROR(Resolve(r.to, &m));
    to = m.vertex;
  }
  const Graph& g = graph_.graph();
  out->info = {{"relations", Value::List(MaskNames(r.relations, kNumRelationTypes, RelName))},
               {"from", from ? g[*from].label : ""},
               {"to", to ? g[*to].label : ""},
               {"since", r.since},
               {"until", r.until}};
  out->columns = {"source", "source_id", "relation", "dir", "target", "target_id", "weight", "date", "title"};
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& edge = g[e];
    if (!((r.relations >> static_cast<int>(edge.type)) & 1u)) continue;
    Vertex s = boost::source(e, g), t = boost::target(e, g);
    auto matches = [&](Vertex a, Vertex b) { return (!from || *from == a) && (!to || *to == b); };
    if (!matches(s, t)) {
      // A symmetric relation reads both ways: show it from the --from side.
      if (!IsSymmetric(edge.type) || !matches(t, s)) continue;
      std::swap(s, t);
    }
    if (!EdgeInRange(edge, r.since, r.until)) continue;
    out->rows.push_back({g[s].label, g[s].id, RelationTypeName(edge.type), Dir(g, e, s), g[t].label, g[t].id,
                         edge.weight, edge.date, edge.title});
  }
  return Status::OK();
}

Status QueryEngine::Top(const QueryRequest& r, Result* out) {
  const Graph& g = graph_.graph();
  const size_t n = graph_.num_nodes();
  std::vector<double> score(n, 0.0);
  bool real = r.by == "betweenness" || r.by == "pagerank";
  if (real) {
    if (!simple_) simple_ = BuildSimpleGraph(graph_);
    score = r.by == "betweenness" ? Betweenness(*simple_) : PageRank(*simple_);
  } else {
    for (Vertex v = 0; v < n; ++v)
      score[v] = r.by == "degree" ? static_cast<double>(boost::degree(v, g)) : static_cast<double>(g[v].mentions);
  }
  std::vector<Vertex> order;
  for (Vertex v = 0; v < n; ++v)
    if ((r.types >> static_cast<int>(g[v].type)) & 1u) order.push_back(v);
  std::stable_sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
    if (score[a] != score[b]) return score[a] > score[b];
    return g[a].mentions > g[b].mentions;
  });
  size_t k = r.limit ? r.limit : 10;
  if (order.size() > k) order.resize(k);
  out->info = {{"by", r.by}, {"types", Value::List(MaskNames(r.types, kNumEntityTypes, TypeName))}};
  out->columns = {"rank", "label", "id", "type", "score", "degree", "mentions"};
  for (size_t i = 0; i < order.size(); ++i) {
    Vertex v = order[i];
    Value s = real ? Value::Real(score[v]) : Value(static_cast<uint64_t>(score[v]));
    out->rows.push_back({static_cast<uint64_t>(i + 1), g[v].label, g[v].id, EntityTypeName(g[v].type), s,
                         static_cast<uint64_t>(boost::degree(v, g)), g[v].mentions});
  }
  return Status::OK();
}

Status QueryEngine::Stats(const QueryRequest& r, Result* out) {
  const Graph& g = graph_.graph();
  out->columns = {"group", "key", "value"};
  auto add = [&](const char* group, const std::string& key, uint64_t value) {
    out->rows.push_back({group, key, value});
  };
  add("entities", "total", graph_.num_nodes());
  auto nodes = graph_.NodeCountsByType();
  for (int t = 0; t < kNumEntityTypes; ++t) add("entities", TypeName(t), nodes[t]);
  add("edges", "total", graph_.num_edges());
  auto edges = graph_.EdgeCountsByType();
  for (int t = 0; t < kNumRelationTypes; ++t) add("edges", RelName(t), edges[t]);
  if (!simple_) simple_ = BuildSimpleGraph(graph_);
  std::vector<int> component;
  size_t count = ConnectedComponents(*simple_, &component);
  std::vector<uint64_t> size(count, 0);
  for (int c : component) ++size[c];
  uint64_t isolated = 0;
  for (Vertex v = 0; v < graph_.num_nodes(); ++v) isolated += boost::degree(v, *simple_) == 0;
  add("components", "count", count);
  add("components", "largest", size.empty() ? 0 : *std::max_element(size.begin(), size.end()));
  add("components", "isolated", isolated);
  std::vector<Vertex> hubs(graph_.num_nodes());
  for (Vertex v = 0; v < hubs.size(); ++v) hubs[v] = v;
  std::stable_sort(hubs.begin(), hubs.end(), [&](Vertex a, Vertex b) {
    size_t da = boost::degree(a, g), db = boost::degree(b, g);
    if (da != db) return da > db;
    return g[a].mentions > g[b].mentions;
  });
  size_t k = r.limit ? r.limit : 5;
  for (size_t i = 0; i < hubs.size() && i < k; ++i)
    if (boost::degree(hubs[i], g) > 0) add("hub", g[hubs[i]].label, boost::degree(hubs[i], g));
  return Status::OK();
}

Status QueryEngine::Search(const QueryRequest& r, Result* out) {
  const Graph& g = graph_.graph();
  out->info = {{"query", r.names[0]}};
  out->columns = {"label", "id", "type", "mentions", "match", "part", "name"};
  static const char* kPart[] = {"whole", "prefix", "inside"};
  size_t k = r.limit ? r.limit : 20;
  for (const SearchHit& h : names_.Search(r.names[0])) {
    const Node& n = g[h.vertex];
    if (!((r.types >> static_cast<int>(n.type)) & 1u)) continue;
    if (out->rows.size() == k) break;
    out->rows.push_back({n.label, n.id, EntityTypeName(n.type), n.mentions, MatchKindName(h.kind), kPart[h.quality],
                         h.matched});
  }
  return Status::OK();
}

}  // namespace kgb
