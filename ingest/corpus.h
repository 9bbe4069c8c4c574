// Corpus driver: expands input arguments into documents and runs the
// Extractor over them on several threads, feeding a GraphBuilder in input
// order so that the graph does not depend on the thread count.
#ifndef KGB_INGEST_CORPUS_H_
#define KGB_INGEST_CORPUS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "graph/builder.h"
#include "ingest/pipeline.h"
#include "util/status.h"

namespace kgb {

// An input that was skipped, and why.
struct InputIssue {
  std::string input;
  Status status;
};

// Expands files, folders (walked recursively, sorted by path, skipping hidden
// files and README/LICENSE files; links
// to folders are not followed, so link loops cannot trap the walk) and "-"
// (standard input). Inputs that do not exist or cannot be listed become
// issues; the rest go on.
void ListInputs(const std::vector<std::string>& args, std::vector<std::string>* files,
                std::vector<InputIssue>* issues);

struct CorpusProgress {
  size_t files_done = 0, files_total = 0;
  uint64_t bytes_done = 0;
};

struct CorpusOptions {
  int threads = 1;  // worker threads (>= 1)
  // Called on the calling thread after each document (may be empty).
  std::function<void(const CorpusProgress&)> progress;
};

struct CorpusStats {
  size_t documents = 0;  // read and extracted
  size_t skipped = 0;
  uint64_t bytes = 0;
  size_t sentences = 0;
};

// Reads and extracts every file, adding its records to *builder in the order
// of `files`. Unreadable or non-text files are reported in *issues and
// skipped.
void ExtractFiles(const Extractor& extractor, const std::vector<std::string>& files, const CorpusOptions& options,
                  GraphBuilder* builder, std::vector<InputIssue>* issues, CorpusStats* stats);

}  // namespace kgb

#endif  // KGB_INGEST_CORPUS_H_
