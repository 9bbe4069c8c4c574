// Helpers for extraction tests: run the extractor on a text and dump what it
// found as one-line strings ("official:林致远",
// "holds_position(林致远,江州高新区)"), so tests read as tables.
#ifndef KGB_TESTS_EXTRACT_UTIL_H_
#define KGB_TESTS_EXTRACT_UTIL_H_

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "graph/builder.h"
#include "ingest/pipeline.h"

namespace kgb {
namespace testing {

inline const Extractor& TestExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    std::unique_ptr<Extractor> e;
    ExtractOptions opts;
    opts.default_year = 2023;
    Status s = Extractor::Create(nullptr, opts, &e);
    if (!s.ok()) throw std::runtime_error(s.ToString());
    return e;
  }();
  return *ex;
}

// Entities ("type:label") and relations ("rel(head,tail)") of the graph built
// from `text`, after merging. Symmetric relations are dumped in both orders.
inline std::set<std::string> Dump(const std::string& text) {
  DocumentRecords r;
  Status s = TestExtractor().Process("test.txt", text, &r);
  if (!s.ok()) throw std::runtime_error(s.ToString());
  GraphBuilder b;
  b.Add(r);
  KnowledgeGraph g = b.Build();
  std::set<std::string> out;
  const Graph& gr = g.graph();
  for (Vertex v : boost::make_iterator_range(boost::vertices(gr))) {
    out.insert(std::string(EntityTypeName(gr[v].type)) + ":" + gr[v].label);
    for (const std::string& a : gr[v].aliases) out.insert(std::string("alias:") + gr[v].label + "=" + a);
  }
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(gr))) {
    std::string h = gr[boost::source(e, gr)].label, t = gr[boost::target(e, gr)].label;
    std::string rel = RelationTypeName(gr[e].type);
    out.insert(rel + "(" + h + "," + t + ")");
    if (IsSymmetric(gr[e].type)) out.insert(rel + "(" + t + "," + h + ")");
    if (!gr[e].title.empty()) {
      out.insert(rel + "(" + h + "," + t + ").title=" + gr[e].title);
      if (IsSymmetric(gr[e].type)) out.insert(rel + "(" + t + "," + h + ").title=" + gr[e].title);
    }
  }
  return out;
}

inline std::string Join(const std::set<std::string>& s) {
  std::string out;
  for (const std::string& x : s) out += x + "\n";
  return out;
}

// A row of a construction table: the text, what its graph must hold and what
// it must not (lines as Dump writes them).
struct Row {
  const char* text;
  std::vector<const char*> must;
  std::vector<const char*> must_not;
};

// Checks one row; a failure names the text, what was found and the line.
inline void Check(const Row& row) {
  std::set<std::string> got = Dump(row.text);
  INFO("text: " << row.text << "\ngot:\n" << Join(got));
  for (const char* m : row.must) {
    INFO("expected: " << m);
    CHECK(got.count(m) == 1);
  }
  for (const char* m : row.must_not) {
    INFO("unexpected: " << m);
    CHECK(got.count(m) == 0);
  }
}

}  // namespace testing
}  // namespace kgb

#endif  // KGB_TESTS_EXTRACT_UTIL_H_
