// Corpus driver: expands input arguments into documents and runs the
// Extractor over them on several threads, feeding a GraphBuilder in input
// order so that the graph does not depend on the thread count.
#ifndef KGB_INGEST_CORPUS_H_
#define KGB_INGEST_CORPUS_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/builder.h"
#include "ingest/document.h"
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
  size_t files_done = 0, files_total = 0;  // files_total: 0 when unknown (JSONL)
  uint64_t bytes_done = 0;                  // input bytes consumed
  uint64_t bytes_total = 0;                 // 0 when unknown
};

struct CorpusOptions {
  int threads = 1;  // worker threads (>= 1)
  // Larger files are skipped unread (offsets into a file are 32-bit). Long
  // documents below this are read in sections (ExtractOptions::max_doc_bytes).
  uint64_t max_file_bytes = kMaxFileBytes;
  static constexpr uint64_t kMaxFileBytes = 2ull << 30;
  // Called on the calling thread after each document (may be empty).
  std::function<void(const CorpusProgress&)> progress;
  // Total input bytes, for progress only (0: unknown).
  uint64_t bytes_total = 0;
};

struct CorpusStats {
  size_t documents = 0;   // read, extracted and added
  size_t skipped = 0;     // unreadable or not text (see the issues)
  size_t duplicates = 0;  // not added: a document of that name was already in
                          // the builder (an earlier input, or the graph of
                          // `build --into`)
  uint64_t bytes = 0;     // text bytes of the documents added
  size_t sentences = 0;
};

// One line of progress for a terminal: files (or documents) and MB done, the
// rate and, when the totals are known, the time left. `seconds` is the time
// since the start. No line break and no terminal control characters.
std::string FormatProgress(const CorpusProgress& progress, double seconds);

// A stream of documents for ExtractDocuments. Next() hands out work and is
// called by one thread at a time, in order; Extract() does the expensive part
// (reading, parsing, extraction) and is called concurrently from the worker
// threads, so it must be thread-safe.
class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  struct Item {
    std::string name;  // for issues: a path, or "FILE:LINE"
    std::string data;  // what Extract() needs beyond the name (a JSONL line)
  };
  // The next item, or false at the end (or after a read error, which is then
  // returned by status()).
  virtual bool Next(Item* item) = 0;
  // Reads and extracts one item. Sets *input_bytes to the input it consumed.
  virtual Status Extract(const Extractor& extractor, const Item& item, DocumentRecords* out,
                         DocumentStats* stats, uint64_t* input_bytes) const = 0;
  // An error that ended the stream early (OK otherwise).
  virtual Status status() const { return Status::OK(); }
  // The number of items, when known in advance (0 otherwise).
  virtual size_t size() const { return 0; }
};

// Files (or "-" for standard input): each is one document named by its path,
// read as text, HTML, PDF or DOCX by its content (ingest/document.h); PDF
// evidence gets its page.
class FileSource : public DocumentSource {
 public:
  // Files over `max_file_bytes` are skipped unread (see CorpusOptions).
  explicit FileSource(std::vector<std::string> files, uint64_t max_file_bytes = CorpusOptions::kMaxFileBytes)
      : files_(std::move(files)), max_file_bytes_(max_file_bytes) {}
  bool Next(Item* item) override;
  Status Extract(const Extractor& extractor, const Item& item, DocumentRecords* out, DocumentStats* stats,
                 uint64_t* input_bytes) const override;
  size_t size() const override { return files_.size(); }

 private:
  std::vector<std::string> files_;
  uint64_t max_file_bytes_;
  size_t next_ = 0;
};

// JSON Lines: one document per line, {"id": ..., "text": ..., "date": ...}.
// "id" (a string or an integer) names the document in evidence; "text" is its
// UTF-8 text, or "html" (instead of "text") a web page, read by the HTML
// reader (ingest/html_reader.h); "date" (optional, YYYY-MM-DD) dates articles
// that state no date and gives the year for dates without one (for "html",
// the page's <meta> date when absent). Blank lines are ignored; a line that
// is not such an object is an issue ("FILE:LINE: ..."), the rest go on.
// Offsets in evidence are byte offsets into "text" (or "html"). Reads `path` ("-":
// standard input) as a stream: memory does not grow with the file.
class JsonlSource : public DocumentSource {
 public:
  explicit JsonlSource(std::string path);
  ~JsonlSource() override;
  bool Next(Item* item) override;
  Status Extract(const Extractor& extractor, const Item& item, DocumentRecords* out, DocumentStats* stats,
                 uint64_t* input_bytes) const override;
  Status status() const override { return status_; }

 private:
  std::string path_;
  std::istream* in_ = nullptr;
  std::unique_ptr<std::istream> file_;
  size_t line_ = 0;
  Status status_;
};

// Parses one JSONL line (exposed for tests). Fails (Corrupt) when the line is
// not an object with a string or integer "id" and a string "text", or when
// "date" is present but not a string. With `html` given, a string "html" may
// stand instead of "text": *text is then the page and *html true.
Status ParseJsonlDocument(std::string_view line, std::string* id, std::string* text, std::string* date,
                          bool* html = nullptr);

// Extracts every document of `source` on options.threads threads, adding the
// records to *builder in source order, so the graph does not depend on the
// thread count. At most a few documents per thread are in flight: memory does
// not grow with the corpus. A document whose name the builder already has is
// not added again (stats->duplicates). Unreadable or non-text documents are
// reported in *issues and skipped; an error that ends the source early is an
// issue too.
void ExtractDocuments(const Extractor& extractor, DocumentSource* source, const CorpusOptions& options,
                      GraphBuilder* builder, std::vector<InputIssue>* issues, CorpusStats* stats);

// ExtractDocuments over files. Files whose path the builder already has (or
// that come again later in `files`) are not even read. Files that cannot be
// read (vanished, unreadable, over options.max_file_bytes) or hold no text
// (empty, white space only, binary, undecodable) are reported in *issues,
// naming the file and the reason, and skipped; the others go on.
void ExtractFiles(const Extractor& extractor, const std::vector<std::string>& files, const CorpusOptions& options,
                  GraphBuilder* builder, std::vector<InputIssue>* issues, CorpusStats* stats);

}  // namespace kgb

#endif  // KGB_INGEST_CORPUS_H_
