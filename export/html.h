// The HTML viewer: one self-contained page that shows the graph in a browser.
//
// The page inlines everything it needs (no network access when opened): the
// style sheet and script of the viewer (web/viewer.*), the graph-drawing
// libraries graphology and sigma.js (WebGL; embedded at build time,
// export/viewer_assets.h), and the graph in two elements:
//
// <script type="application/json" id="kgb-data">, parsed when the page opens:
//
//   {"format": "kgb-view", "version": 2,
//    "title": ..., "entities": N, "relations": M,   // the whole graph's counts
//    "kept": "all" | "pagerank",                    // see max_nodes
//    "types": [[name, color], ...],                 // EntityType order, style.h
//    "rels": [[name, color, symmetric], ...],       // RelationType order
//    "docs": [name, ...],                           // evidence documents
//    "nodes": [[id, label, type, mentions, size, x, y, aliases, pinyin], ...],
//    "edges": [[source, target, rel, weight, date, title], ...]}
//
// <script type="application/x-kgb-evidence" id="kgb-evidence">, the evidence
// of the edges: line i (each ending in "\n") is the JSON array of edge i,
//
//   [[doc, start, end, sentence, date, title], ...]
//
// which the page parses only when it shows that relation (most of a page's
// bytes are evidence; docs/viewer.md). Type, rel, doc, source and target are
// indexes into the lists above, size is NodeSize(mentions) (the GEXF
// viz:size), x and y come from ComputeLayout (export/layout.h) rounded to two
// decimals, aliases is a list and pinyin the compact toneless pinyin of the
// label and aliases joined by "|" (for search). "<" is written \u003c in
// both, so that no text closes the script element.
//
// The same graph and options give byte-identical pages.
//
// Size limits: a browser stays usable up to about kHtmlMaxNodes entities and
// kHtmlMaxEdges relations (sigma.js, WebGL; docs/viewer.md). A larger graph
// is refused with a message naming --max-nodes, unless max_nodes is given:
// then only the max_nodes entities of highest PageRank (query/views.h, as
// `kgb query top --by pagerank` ranks them; ties by node order) and the
// relations among them are shown, and the page says so.
#ifndef KGB_EXPORT_HTML_H_
#define KGB_EXPORT_HTML_H_

#include <string>

#include "graph/knowledge_graph.h"
#include "util/status.h"

namespace kgb {

inline constexpr size_t kHtmlMaxNodes = 50000;
inline constexpr size_t kHtmlMaxEdges = 200000;

struct HtmlOptions {
  size_t max_nodes = 0;            // 0: the whole graph (within the limits)
  std::string title = "kgb graph";
};

// True when the browser libraries were embedded at build time.
bool HtmlViewerAvailable();
// Unsupported with a message saying how to install them, when they were not.
Status CheckHtmlViewer();

// Writes the page into *out. Unsupported when the viewer is unavailable or
// the graph (after max_nodes) is over the size limits.
Status WriteHtml(const KnowledgeGraph& graph, const HtmlOptions& options, std::string* out);

}  // namespace kgb

#endif  // KGB_EXPORT_HTML_H_
