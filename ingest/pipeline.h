// Extractor: the one orchestrator of ingest, in fixed order —
// decode -> repair layout and split (articles, sentences) -> words -> recognize
// entities -> resolve the paper's own zone and known names -> extract
// relations -> extraction records for the graph.
//
// An Extractor is immutable after Create and may be shared by threads.
#ifndef KGB_INGEST_PIPELINE_H_
#define KGB_INGEST_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>

#include "graph/records.h"
#include "ingest/decode.h"
#include "ingest/layout.h"
#include "ingest/lexicon.h"
#include "ingest/recognize.h"
#include "ingest/words.h"
#include "util/status.h"

namespace kgb {

struct ExtractOptions {
  // Year for dates that state none, when the page states none either (0: such
  // dates are left out).
  int default_year = 0;
  // Documents longer than this (bytes of decoded UTF-8 text) are read in
  // sections of at most this size, cut at paragraph boundaries
  // (ingest/sections.h); each section is read as a page of its own. Bounds the
  // memory of extraction (about 8 bytes per byte of a section) whatever the
  // size of a document. 0: no limit.
  uint64_t max_doc_bytes = kDefaultMaxDocBytes;
  static constexpr uint64_t kDefaultMaxDocBytes = 16ull << 20;
};

// What one document yielded besides its records (for summaries and bench).
struct DocumentStats {
  Encoding encoding = Encoding::kUtf8;
  size_t bytes = 0;
  size_t sentences = 0;
  size_t articles = 0;
};

// One sentence as the extractor read it.
struct InspectedSentence {
  int article = 0;
  bool headline = false;
  uint64_t start = 0, end = 0;
  std::string text;                   // as displayed (original characters)
  std::vector<std::string> mentions;  // "type:name" of each entity found
  std::string words;                  // the word layer: "word/tag word/tag ..." 
};

class Extractor {
 public:
  // Uses the embedded lexicon when `lexicon` is null.
  static Status Create(std::shared_ptr<const Lexicon> lexicon, const ExtractOptions& options,
                       std::unique_ptr<Extractor>* out);

  // Extracts the records of one document. `doc` names it in evidence and
  // errors. Fails (Unsupported/Corrupt) only when the bytes are not text.
  Status Process(const std::string& doc, std::string_view bytes, DocumentRecords* out,
                 DocumentStats* stats = nullptr) const;
  // Same, taking the bytes and releasing them once decoded (less memory for
  // a long document).
  Status Process(const std::string& doc, std::string&& bytes, DocumentRecords* out,
                 DocumentStats* stats = nullptr) const;

  // Same, for text already decoded to UTF-8 (JSONL input); offsets are then
  // byte offsets into `text`.
  Status ProcessUtf8(const std::string& doc, std::string_view text, const std::string& date,
                     DocumentRecords* out, DocumentStats* stats = nullptr) const;

  // Same, for text a document reader produced (ingest/document.h: HTML, PDF,
  // DOCX); evidence offsets are text.OrigOffset(...), and `date` dates the
  // articles that state none. Fills *inspected (may be null) like Inspect.
  Status ProcessText(const std::string& doc, const DecodedText& text, const std::string& date, DocumentRecords* out,
                     DocumentStats* stats = nullptr, std::vector<InspectedSentence>* inspected = nullptr) const;

  // Like Process, and also returns every sentence with its entities, for
  // `kgb inspect`.
  Status Inspect(const std::string& doc, std::string_view bytes, std::vector<InspectedSentence>* sentences,
                 DocumentRecords* out) const;

  const Lexicon& lexicon() const { return *lex_; }
  const WordSegmenter& words() const { return *words_; }

 private:
  Extractor(std::shared_ptr<const Lexicon> lex, std::shared_ptr<const WordSegmenter> words,
            const ExtractOptions& options)
      : lex_(std::move(lex)), words_(std::move(words)), options_(options), recognizer_(*lex_) {}
  // Extract, section by section when the text is over options_.max_doc_bytes.
  // Both release *text as soon as it has been segmented.
  void ExtractDocument(const std::string& doc, DecodedText* text, const std::string& date,
                       DocumentRecords* out, DocumentStats* stats,
                       std::vector<InspectedSentence>* inspected = nullptr) const;
  void Extract(const std::string& doc, DecodedText* text, const std::string& date, DocumentRecords* out,
               DocumentStats* stats, std::vector<InspectedSentence>* inspected = nullptr) const;

  // Finds recurring names and short forms of names defined on the page.
  void AddKnownNames(const Page& page, std::vector<std::vector<Mention>>* mentions) const;
  // Merges the variants of one name on the page (quotes, short forms).
  void UnifyNames(const Page& page, std::vector<std::vector<Mention>>* mentions) const;

  std::shared_ptr<const Lexicon> lex_;
  std::shared_ptr<const WordSegmenter> words_;
  ExtractOptions options_;
  Recognizer recognizer_;
};

}  // namespace kgb

#endif  // KGB_INGEST_PIPELINE_H_
