// Fuzzes the graph reader that query, export and merge load graphs through.
// Besides crashes and sanitizer reports it checks that whatever it accepts
// writes back as JSON that reads again and is stable after one round, and
// exports to GraphML.
#include <cstddef>
#include <cstdint>
#include <string>

#include "export/graphml.h"
#include "graph/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  kgb::GraphReadOptions options;
  options.allow_foreign = size % 2 == 1;  // both paths, from the same seeds
  options.max_nodes = 100000;
  options.max_edges = 100000;
  kgb::KnowledgeGraph g;
  if (!kgb::ReadGraphJson(text, "fuzz.json", options, &g).ok()) {
    if (g.num_nodes() != 0 || g.num_edges() != 0) __builtin_trap();  // no half-read graph
    return 0;
  }
  std::string once = kgb::WriteGraphJson(g);
  kgb::KnowledgeGraph g2;
  if (!kgb::ReadGraphJson(once, "once.json", kgb::GraphReadOptions(), &g2).ok()) __builtin_trap();
  if (kgb::WriteGraphJson(g2) != once) __builtin_trap();
  std::string xml = kgb::WriteGraphml(g);
  if (xml.empty()) __builtin_trap();
  return 0;
}
