// kgb inspect: shows how kgb reads one page — articles, sentences, the
// entities found in each and the relations extracted — for checking the
// extractor on new pages.
#include <iostream>

#include "cli/commands.h"
#include "ingest/pipeline.h"
#include "util/normalize.h"
#include "util/file_io.h"

namespace kgb {

int RunInspect(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << "usage: kgb inspect [--words] FILE\n\n"
                 "Prints the articles and sentences kgb reads in FILE (- for standard\n"
                 "input), the entities recognized in each sentence and the relations\n"
                 "extracted, in reading order. --words also prints each sentence's\n"
                 "words and part-of-speech tags (the word layer under recognition).\n";
    return args.empty() ? kExitUsage : kExitOk;
  }
  Args rest = args;
  const bool show_words = rest[0] == "--words";
  if (show_words) rest.erase(rest.begin());
  if (rest.empty()) {
    std::cerr << "kgb inspect: missing FILE\n";
    return kExitUsage;
  }
  std::unique_ptr<Extractor> ex;
  Status s = Extractor::Create(nullptr, ExtractOptions(), &ex);
  if (!s.ok()) {
    std::cerr << "kgb inspect: " << s.ToString() << "\n";
    return kExitIOError;
  }
  std::string bytes;
  s = ReadFile(rest[0], &bytes);
  if (!s.ok()) {
    std::cerr << "kgb inspect: " << s.message() << "\n";
    return kExitIOError;
  }
  std::vector<InspectedSentence> sentences;
  DocumentRecords records;
  s = ex->Inspect(rest[0], bytes, &sentences, &records);
  if (!s.ok()) {
    std::cerr << "kgb inspect: " << s.message() << "\n";
    return kExitIOError;
  }
  int article = -1;
  for (const InspectedSentence& is : sentences) {
    if (is.article != article) {
      article = is.article;
      std::cout << "=== article " << article << "\n";
    }
    std::cout << (is.headline ? "H " : "  ") << "[" << is.start << "," << is.end << ") " << is.text << "\n";
    if (show_words && !is.words.empty()) std::cout << "    | " << is.words << "\n";
    for (const auto& m : is.mentions) std::cout << "      " << m << "\n";
  }
  std::cout << "=== relations\n";
  for (const RelationRecord& r : records.relations) {
    std::cout << RelationTypeName(r.type) << "(" << r.head << ", " << r.tail << ")";
    if (!r.evidence.title.empty()) std::cout << " title=" << r.evidence.title;
    if (!r.evidence.date.empty()) std::cout << " date=" << r.evidence.date;
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace kgb
