// Scoring a graph against gold annotations: the library behind `kgb eval`.
// The figures equal those of the reference scorer (kgscore) on the same files;
// the rules are those of ANNOTATION.md:
//
// Entities. A node of a scored type matches the gold entity of its type whose
// name or alias equals its label, else the one whose NAME equals one of its
// aliases (a node alias never matches a gold alias). Names compare after
// NormalizeName. A node matching nothing is a false positive. A node matching
// an optional entity neither counts nor penalizes; the first node matching a
// required entity is a hit, any further one is a false positive ("second
// node"). A required entity no node matched is a miss.
//
// Relations. An edge of a scored type whose ends are not both matched nodes is
// a false positive. Otherwise it is keyed by type and the two matched
// entities (either order for met_with and signed_agreement): the first edge on
// a required gold relation is a hit, further ones are ignored, as are edges on
// optional gold relations; an edge on no gold relation is ignored when one of
// its ends is an optional entity, else a false positive. Required gold
// relations no edge hit are misses.
//
// The graph is read leniently, as kgscore reads it: only nodes[].{id, label,
// type, aliases} and edges[].{source, target, type} matter, any of them but
// a node's id may be missing, other fields and types are ignored, ids compare
// as Python's str() of their JSON value. P, R and F1 are micro-averaged over
// each table and are 0 when undefined.
#ifndef KGB_EVAL_SCORE_H_
#define KGB_EVAL_SCORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "eval/gold.h"
#include "util/status.h"

namespace kgb {
namespace eval {

struct Counts {
  int64_t tp = 0;
  int64_t fp = 0;
  int64_t fn = 0;
  Counts& operator+=(const Counts& o) {
    tp += o.tp, fp += o.fp, fn += o.fn;
    return *this;
  }
};

struct Prf {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};
Prf ComputePrf(const Counts& c);

// A miss or a false positive, as kgscore lists it.
struct Finding {
  bool edge = false;     // an edge (relation) rather than a node (entity)
  std::string type;      // entity or relation type
  std::string label;     // entity: node label or gold name; edge: head end
  std::string tail;      // edge: tail end
  std::string note;      // "second node for NAME", or ""
};
// "entity  official      张三", "edge    met_with          A -> B", ...
std::string FormatFinding(const Finding& f);

// One annotated page scored alone (kgb eval --by-doc).
struct DocumentScore {
  std::string name;       // the gold file's name without folder and extension: "d01"
  std::string gold_file;  // the gold file as read
  size_t graph_documents = 0;  // documents of the graph it matched; 0: the page is not in the graph
  Counts entities;        // all entity types
  Counts relations;       // all relation types
  std::vector<Finding> misses;
  std::vector<Finding> false_positives;
};

struct EvalResult {
  Counts entities[kNumEntityTypes];     // by kEntityTypes index
  Counts relations[kNumRelationTypes];  // by kRelationTypes index
  std::vector<Finding> misses;          // gold entities, then gold relations, in gold order
  std::vector<Finding> false_positives; // nodes in graph order, then edges in graph order
  std::vector<DocumentScore> documents; // ScoreGraphByDocument only: one per gold file, in order

  Counts EntityTotal() const;
  Counts RelationTotal() const;
  double EntityF1() const { return ComputePrf(EntityTotal()).f1; }
  double RelationF1() const { return ComputePrf(RelationTotal()).f1; }
};

// Scores the graph JSON `text` (named `source` in errors). Fails only on
// malformed JSON or a structure kgscore could not read either (the top level,
// "nodes" or "edges" not being what they must, a node without an id).
Status ScoreGraph(const std::string& text, const std::string& source, const Gold& gold, EvalResult* out);

// ScoreGraph over all the gold files merged (the figures above, unchanged),
// plus, in out->documents, each gold file scored alone against the part of
// the graph that comes from its page, with the same rules:
//  - a gold file matches the graph's documents (the top-level "documents"
//    and the evidence "doc" names) whose base name, or base name without its
//    last extension, equals the gold file's base name without ".json":
//    gold/d01.json <-> pages/d01.txt (or a JSONL id d01); several matches
//    are scored together;
//  - the part of the graph from a document: the nodes recognized in it (their
//    "docs", indices into "documents", as kgb build writes them), the edges
//    with evidence from it, and the ends of those edges.
// A gold file no document matches is scored against nothing (all misses,
// graph_documents 0). Fails with Unsupported, naming the graph, when it carries
// no per-document information: no "documents" list (not written by kgb
// build), or nodes without "docs" (written by an older kgb). Gold errors are
// those of ParseGold.
Status ScoreGraphByDocument(const std::string& text, const std::string& source,
                            const std::vector<GoldText>& gold_files, EvalResult* out);

// The summary line kgscore prints last: "entity F1 0.812  relation F1 0.640".
std::string SummaryLine(const EvalResult& r);

// kgscore's text report: a tp/fp/fn/P/R/F1 table per entity type and per
// relation type with an "all" row each, with `list_findings` the misses and
// false positives, and the summary line last. Ends with a newline.
// With r.documents (--by-doc): first one aligned line per document (name,
// entity tp fp fn F1, relation tp fp fn F1), then the tables, then with
// `list_findings` the misses and false positives under a "== NAME" heading
// per document instead of the whole-graph lists, and the summary line last.
std::string FormatReport(const EvalResult& r, bool list_findings);

// kgscore --json: {"entities": {TYPE: {tp, fp, fn, p, r, f}}, "relations":
// {...}, "entity_f1", "relation_f1"}, laid out as Python's json.dumps with
// indent=1, so the two outputs compare byte for byte. Ends with a newline.
// With r.documents, a last member "documents": [{"doc", "gold", "in_graph",
// "entities": {tp, fp, fn, p, r, f}, "relations": {...}}, ...].
std::string FormatJsonReport(const EvalResult& r);

}  // namespace eval
}  // namespace kgb

#endif  // KGB_EVAL_SCORE_H_
