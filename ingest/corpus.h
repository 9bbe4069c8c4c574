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

// Expands files, named pipes, folders (walked recursively, sorted by path,
// passing over hidden files and folders and README/LICENSE files) and "-"
// (standard input). Inside folders, links to files are read but links to
// folders are not followed, so link loops cannot trap the walk. Each input
// that is not read becomes an issue naming it and the reason (no such file,
// dangling link, link loop, link to a folder, device, pipe or socket inside a
// folder, folder that cannot be listed); the rest go on.
void ListInputs(const std::vector<std::string>& args, std::vector<std::string>* files,
                std::vector<InputIssue>* issues);

struct CorpusProgress {
  size_t files_done = 0, files_total = 0;
  uint64_t bytes_done = 0;
};

struct CorpusOptions {
  int threads = 1;  // worker threads (>= 1)
  // Larger files are skipped unread: news pages are kilobytes, and extraction
  // needs about 40 bytes of memory per input character.
  uint64_t max_file_bytes = 64ull << 20;
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
// of `files`. Files that cannot be read (vanished, unreadable, too large) or
// hold no text (empty, white space only, binary, undecodable) are reported in
// *issues, naming the file and the reason, and skipped; the others go on.
void ExtractFiles(const Extractor& extractor, const std::vector<std::string>& files, const CorpusOptions& options,
                  GraphBuilder* builder, std::vector<InputIssue>* issues, CorpusStats* stats);

}  // namespace kgb

#endif  // KGB_INGEST_CORPUS_H_
