// kgb text: prints the text kgb reads in one file -- for PDF and DOCX the
// rendering that their evidence offsets point into -- or one evidence span.
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "ingest/document.h"
#include "util/file_io.h"

namespace kgb {

namespace {

bool ParseOffset(const std::string& s, uint64_t* out) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 18) return false;
  *out = std::strtoull(s.c_str(), nullptr, 10);
  return true;
}

}  // namespace

int RunText(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || (args.size() != 1 && args.size() != 3)) {
    (args.empty() || args[0] == "--help" || args[0] == "-h" ? std::cout : std::cerr)
        << "usage: kgb text FILE [START END]\n\n"
           "Prints the text kgb reads in FILE (- for standard input), in UTF-8:\n"
           "  PDF   the text rendering: pages in reading order (columns kept apart),\n"
           "        a blank line between paragraphs, each page ended by a form feed line\n"
           "  DOCX  the text rendering: one paragraph per line with a blank line after it,\n"
           "        tables row by row, each cell a paragraph\n"
           "  HTML  the article kgb found (title or heading, body paragraphs)\n"
           "  text  the decoded text\n"
           "Evidence offsets of PDF and DOCX inputs are byte offsets into the rendering:\n"
           "  kgb text FILE | tail -c +$((START+1)) | head -c $((END-START))\n"
           "shows an evidence sentence. Those of HTML and text inputs are byte offsets\n"
           "into the file itself.\n\n"
           "With START END, prints only the evidence span [START, END): of the\n"
           "rendering for PDF and DOCX, of the original file (decoded to UTF-8; HTML\n"
           "with its tags) for HTML and text.\n";
    return args.empty() || (args[0] != "--help" && args[0] != "-h") ? kExitUsage : kExitOk;
  }
  uint64_t start = 0, end = 0;
  bool range = args.size() == 3;
  if (range && (!ParseOffset(args[1], &start) || !ParseOffset(args[2], &end) || end < start)) {
    std::cerr << "kgb text: START and END must be byte offsets with START <= END\n";
    return kExitUsage;
  }
  std::string bytes;
  Status s = ReadFile(args[0], &bytes);
  if (!s.ok()) {
    std::cerr << "kgb text: " << s.message() << "\n";
    return kExitIOError;
  }
  InputFormat format = SniffFormat(args[0], bytes);
  SourceText source;
  s = ReadDocument(args[0], bytes, format, ReadOptions(), &source);
  if (!s.ok()) {
    std::cerr << "kgb text: " << s.message() << "\n";
    return kExitIOError;
  }
  if (!range) {
    std::cout << source.text.text;
    return kExitOk;
  }
  if (source.rendered) {
    const std::string& t = source.text.text;
    if (start > t.size()) start = t.size();
    if (end > t.size()) end = t.size();
    std::cout << t.substr(start, end - start);
    return kExitOk;
  }
  if (start > bytes.size()) start = bytes.size();
  if (end > bytes.size()) end = bytes.size();
  // Decode the file and print the characters that came from [start, end).
  DecodedText whole;
  s = DecodeText(bytes, args[0], &whole);
  if (!s.ok() && format == InputFormat::kHtml) s = DecodeWithCharset(bytes, args[0], "UTF-8", &whole);
  if (!s.ok()) {
    std::cout << bytes.substr(start, end - start);
    return kExitOk;
  }
  std::string out;
  for (size_t i = 0; i < whole.text.size(); ++i) {
    uint64_t o = whole.OrigOffset(i);
    if (o >= start && o < end) out.push_back(whole.text[i]);
  }
  std::cout << out;
  return kExitOk;
}

}  // namespace kgb
