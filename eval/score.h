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

struct EvalResult {
  Counts entities[kNumEntityTypes];     // by kEntityTypes index
  Counts relations[kNumRelationTypes];  // by kRelationTypes index
  std::vector<Finding> misses;          // gold entities, then gold relations, in gold order
  std::vector<Finding> false_positives; // nodes in graph order, then edges in graph order

  Counts EntityTotal() const;
  Counts RelationTotal() const;
  double EntityF1() const { return ComputePrf(EntityTotal()).f1; }
  double RelationF1() const { return ComputePrf(RelationTotal()).f1; }
};

// Scores the graph JSON `text` (named `source` in errors). Fails only on
// malformed JSON or a structure kgscore could not read either (the top level,
// "nodes" or "edges" not being what they must, a node without an id).
Status ScoreGraph(const std::string& text, const std::string& source, const Gold& gold, EvalResult* out);

// The summary line kgscore prints last: "entity F1 0.812  relation F1 0.640".
std::string SummaryLine(const EvalResult& r);

// kgscore's text report: a tp/fp/fn/P/R/F1 table per entity type and per
// relation type with an "all" row each, with `list_findings` the misses and
// false positives, and the summary line last. Ends with a newline.
std::string FormatReport(const EvalResult& r, bool list_findings);

// kgscore --json: {"entities": {TYPE: {tp, fp, fn, p, r, f}}, "relations":
// {...}, "entity_f1", "relation_f1"}, laid out as Python's json.dumps with
// indent=1, so the two outputs compare byte for byte. Ends with a newline.
std::string FormatJsonReport(const EvalResult& r);

}  // namespace eval
}  // namespace kgb

#endif  // KGB_EVAL_SCORE_H_
