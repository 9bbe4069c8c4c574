#include "export/html.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export/layout.h"
#include "export/style.h"
#include "export/viewer_assets.h"
#include "query/views.h"
#include "util/pinyin.h"
#include "util/utf8.h"

namespace kgb {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Edge colours by relation (Paul Tol's "muted" scheme, apart from the node
// palette of style.h). The viewer's legend shows them.
const char* RelationColor(RelationType t) {
  switch (t) {
    case RelationType::kHoldsPosition: return "#88CCEE";
    case RelationType::kMetWith: return "#882255";
    case RelationType::kSignedAgreement: return "#117733";
    case RelationType::kLocatedIn: return "#DDCC77";
    case RelationType::kVisited: return "#332288";
  }
  return "#999999";
}

void Str(JsonWriter& w, const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); }

void Num(JsonWriter& w, double v) {
  std::string s = FormatCoordinate(v);
  w.RawValue(s.c_str(), s.size(), rapidjson::kNumberType);
}

// Compact pinyin of a name for the page's search, "" when it has no reading.
class PinyinMemo {
 public:
  std::string Of(std::string_view name) {
    bool han = false;
    std::string out = cache_.Compact(name, &han);
    return han ? out : "";
  }

 private:
  PinyinCache cache_;
};

// The `keep` entities of `graph` (ascending) and the relations among them.
KnowledgeGraph Subgraph(const KnowledgeGraph& graph, const std::vector<Vertex>& keep) {
  KnowledgeGraph sub;
  const Graph& g = graph.graph();
  std::vector<int64_t> index(graph.num_nodes(), -1);
  for (size_t i = 0; i < keep.size(); ++i) {
    index[keep[i]] = static_cast<int64_t>(i);
    sub.AddNode(g[keep[i]]);
  }
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(g))) {
    int64_t s = index[boost::source(e, g)], t = index[boost::target(e, g)];
    if (s >= 0 && t >= 0) sub.AddEdge(static_cast<Vertex>(s), static_cast<Vertex>(t), g[e]);
  }
  sub.set_documents(graph.documents());
  sub.RebuildIndex();
  return sub;
}

std::string HtmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// Appends the JSON text of `buf` to *out with every "<" written \u003c: "<"
// only occurs inside JSON strings, where \u003c means the same, and then no
// text can close the script element holding it.
void ScriptSafe(const rapidjson::StringBuffer& buf, std::string* out) {
  out->reserve(out->size() + buf.GetSize() + buf.GetSize() / 50);
  const char* p = buf.GetString();
  for (size_t i = 0, n = buf.GetSize(); i < n; ++i) {
    if (p[i] == '<') *out += "\\u003c";
    else out->push_back(p[i]);
  }
}

struct ViewData {
  std::string data;      // the kgb-view JSON
  std::string evidence;  // the evidence lines
};

void ViewJson(const KnowledgeGraph& kg, const KnowledgeGraph& whole, bool pagerank, const HtmlOptions& options,
              ViewData* view) {
  const Graph& g = kg.graph();
  const Layout layout = ComputeLayout(kg);

  // Documents of the evidence, sorted.
  std::map<std::string, size_t> docs;
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(g)))
    for (const Evidence& ev : g[e].evidence) docs.emplace(ev.doc, 0);
  size_t k = 0;
  for (auto& d : docs) d.second = k++;

  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("format"); w.String("kgb-view");
  w.Key("version"); w.Int(2);
  w.Key("title"); Str(w, options.title);
  w.Key("entities"); w.Uint64(whole.num_nodes());
  w.Key("relations"); w.Uint64(whole.num_edges());
  w.Key("kept"); w.String(pagerank ? "pagerank" : "all");
  w.Key("types");
  w.StartArray();
  for (int t = 0; t < kNumEntityTypes; ++t) {
    w.StartArray();
    w.String(EntityTypeName(static_cast<EntityType>(t)));
    w.String(EntityColor(static_cast<EntityType>(t)).hex);
    w.EndArray();
  }
  w.EndArray();
  w.Key("rels");
  w.StartArray();
  for (int t = 0; t < kNumRelationTypes; ++t) {
    auto r = static_cast<RelationType>(t);
    w.StartArray();
    w.String(RelationTypeName(r));
    w.String(RelationColor(r));
    w.Bool(IsSymmetric(r));
    w.EndArray();
  }
  w.EndArray();
  w.Key("docs");
  w.StartArray();
  for (const auto& d : docs) Str(w, d.first);
  w.EndArray();

  PinyinMemo pinyin;
  w.Key("nodes");
  w.StartArray();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    w.StartArray();
    Str(w, n.id);
    Str(w, n.label);
    w.Int(static_cast<int>(n.type));
    w.Uint64(n.mentions);
    Num(w, NodeSize(n.mentions));
    Num(w, layout.position[v].x);
    Num(w, layout.position[v].y);
    w.StartArray();
    for (const std::string& a : n.aliases) Str(w, a);
    w.EndArray();
    std::string py = pinyin.Of(n.label);
    for (const std::string& a : n.aliases) {
      std::string p = pinyin.Of(a);
      if (!p.empty()) py += "|" + p;
    }
    Str(w, py);
    w.EndArray();
  }
  w.EndArray();

  w.Key("edges");
  w.StartArray();
  for (EdgeDesc ed : boost::make_iterator_range(boost::edges(g))) {
    const Edge& e = g[ed];
    w.StartArray();
    w.Uint64(boost::source(ed, g));
    w.Uint64(boost::target(ed, g));
    w.Int(static_cast<int>(e.type));
    w.Uint64(e.weight);
    Str(w, e.date);
    Str(w, e.title);
    w.EndArray();
  }
  w.EndArray();
  w.EndObject();
  ScriptSafe(buf, &view->data);

  // The evidence, one JSON array a line in edge order; the page parses a
  // line when its relation is shown.
  rapidjson::StringBuffer ebuf;
  for (EdgeDesc ed : boost::make_iterator_range(boost::edges(g))) {
    JsonWriter ew(ebuf);
    ew.StartArray();
    for (const Evidence& ev : g[ed].evidence) {
      ew.StartArray();
      ew.Uint64(docs[ev.doc]);
      ew.Uint64(ev.start);
      ew.Uint64(ev.end);
      Str(ew, ev.sentence);
      Str(ew, ev.date);
      Str(ew, ev.title);
      ew.EndArray();
    }
    ew.EndArray();
    ebuf.Put('\n');
  }
  ScriptSafe(ebuf, &view->evidence);
}

}  // namespace

bool HtmlViewerAvailable() { return GetViewerAssets().libraries; }

Status CheckHtmlViewer() {
  if (HtmlViewerAvailable()) return Status::OK();
  return Status::Unsupported(
      "this kgb was built without the viewer's libraries (web/node_modules: sigma.js, graphology); "
      "run scripts/setup.sh, then cmake and the build again");
}

Status WriteHtml(const KnowledgeGraph& graph, const HtmlOptions& options, std::string* out) {
  KGB_RETURN_IF_ERROR(CheckHtmlViewer());
  const size_t n = graph.num_nodes(), m = graph.num_edges();
  const KnowledgeGraph* shown = &graph;
  KnowledgeGraph sub;
  bool pagerank = false;
  if (options.max_nodes > 0 && options.max_nodes < n) {
    std::vector<double> rank = PageRank(BuildSimpleGraph(graph));
    std::vector<Vertex> order(n);
    std::iota(order.begin(), order.end(), 0);
    // Ties as `kgb query top --by pagerank` breaks them: more mentions first.
    const Graph& g = graph.graph();
    std::stable_sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
      if (rank[a] != rank[b]) return rank[a] > rank[b];
      return g[a].mentions > g[b].mentions;
    });
    order.resize(options.max_nodes);
    std::sort(order.begin(), order.end());
    sub = Subgraph(graph, order);
    shown = &sub;
    pagerank = true;
  } else if (options.max_nodes == 0 && (n > kHtmlMaxNodes || m > kHtmlMaxEdges)) {
    return Status::Unsupported("the graph has " + std::to_string(n) + " entities and " + std::to_string(m) +
                               " relations, more than a browser shows smoothly (" + std::to_string(kHtmlMaxNodes) +
                               " entities, " + std::to_string(kHtmlMaxEdges) +
                               " relations); give --max-nodes N to show the N most central entities (PageRank)");
  }
  if (shown->num_nodes() > kHtmlMaxNodes || shown->num_edges() > kHtmlMaxEdges)
    return Status::Unsupported("the " + std::to_string(shown->num_nodes()) + " entities kept have " +
                               std::to_string(shown->num_edges()) + " relations, more than a browser shows smoothly (" +
                               std::to_string(kHtmlMaxNodes) + " entities, " + std::to_string(kHtmlMaxEdges) +
                               " relations); give a smaller --max-nodes");

  const ViewerAssets& a = GetViewerAssets();
  ViewData view;
  ViewJson(*shown, graph, pagerank, options, &view);
  std::string& o = *out;
  o.clear();
  o.reserve(view.data.size() + view.evidence.size() + a.graphology.size() + a.sigma.size() + a.script.size() + a.style.size() + 4096);
  o += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       "<meta name=\"generator\" content=\"kgb\">\n<title>";
  o += HtmlEscape(options.title);
  o += "</title>\n<style>\n";
  o += a.style;
  o += "</style>\n</head>\n<body>\n";
  o += a.page;
  // Errors of the library scripts, for the viewer's message.
  o += "<script>window.kgbLoadErrors = []; window.addEventListener(\"error\", function (e) { "
       "window.kgbLoadErrors.push(e.message); });</script>\n";
  o += "<script>\n/* graphology 0.26.0 (npm), licence:\n";
  o += a.graphology_license;
  o += "*/\n";
  o += a.graphology;
  o += "\n</script>\n";
  // sigma.js probes MAX_TEXTURE_SIZE with a WebGL context of its own while
  // it loads, twice (for its image programs, which the viewer does not use);
  // a WebGL context costs up to a second with software rendering. While the
  // library loads, a WebGL context asked of a canvas outside the document
  // answers that probe without creating one.
  o += "<script>window.kgbGetContext = HTMLCanvasElement.prototype.getContext;\n"
       "HTMLCanvasElement.prototype.getContext = function (type) {\n"
       "  if (type === \"webgl\" && !this.isConnected)\n"
       "    return { canvas: this, MAX_TEXTURE_SIZE: 3379, getParameter: function () { return 4096; } };\n"
       "  return window.kgbGetContext.apply(this, arguments);\n"
       "};</script>\n";
  o += "<script>\n/* sigma.js 3.0.3 (npm), licence:\n";
  o += a.sigma_license;
  o += "*/\n";
  o += a.sigma;
  o += "\n</script>\n<script>HTMLCanvasElement.prototype.getContext = window.kgbGetContext;</script>\n";
  o += "<script type=\"application/json\" id=\"kgb-data\">";
  o += view.data;
  o += "</script>\n<script type=\"application/x-kgb-evidence\" id=\"kgb-evidence\">";
  o += view.evidence;
  o += "</script>\n<script>\n";
  o += a.script;
  o += "</script>\n</body>\n</html>\n";
  return Status::OK();
}

}  // namespace kgb
