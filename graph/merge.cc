#include "graph/merge.h"

#include <memory>

#include "graph/builder.h"

namespace kgb {

Status MergeGraphFiles(const std::vector<std::string>& paths, const GraphReadOptions& options,
                       KnowledgeGraph* out, MergeReport* report) {
  *report = MergeReport();
  std::vector<std::vector<std::string>> documents;
  std::unique_ptr<KnowledgeGraph> from_stdin;  // cannot be read twice
  for (const std::string& p : paths) {
    KnowledgeGraph g;
    KGB_RETURN_IF_ERROR(LoadGraphFile(p, options, &g));
    documents.push_back(g.documents());
    if (p == "-") from_stdin = std::make_unique<KnowledgeGraph>(std::move(g));
  }
  std::vector<bool> keep;
  std::vector<int> into;
  KGB_RETURN_IF_ERROR(PlanGraphMerge(documents, paths, &keep, &into));
  documents.clear();

  GraphBuilder builder;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (!keep[i]) {
      report->dropped.push_back(paths[i] + ": all its documents are in " +
                                (into[i] >= 0 ? paths[into[i]] : std::string("the other graphs")));
      continue;
    }
    if (paths[i] == "-") {
      builder.AddGraph(*from_stdin);
      from_stdin.reset();
    } else {
      KnowledgeGraph g;
      KGB_RETURN_IF_ERROR(LoadGraphFile(paths[i], options, &g));
      builder.AddGraph(g);
    }
    report->merged++;
  }
  *out = builder.Build();
  return Status::OK();
}

}  // namespace kgb
