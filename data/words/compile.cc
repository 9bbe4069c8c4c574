// kgb-words-compile: the build step that turns the word layer's source blob
// (data/words/jieba_convert.py's output) into the compiled blob embedded in
// kgb: words normalized, character codes assigned, the double-array trie
// built (WordSegmenter::Compile). Run by the build, not installed.
//
//   kgb-words-compile SOURCE.bin COMPILED.bin
#include <cstdio>
#include <string>

#include "ingest/words.h"
#include "util/file_io.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: kgb-words-compile SOURCE.bin COMPILED.bin\n");
    return 2;
  }
  std::string source, compiled;
  kgb::Status s = kgb::ReadFile(argv[1], &source);
  if (s.ok()) s = kgb::WordSegmenter::Compile(source, argv[1], &compiled);
  if (s.ok()) s = kgb::WriteFileAtomic(argv[2], compiled);
  if (!s.ok()) {
    std::fprintf(stderr, "kgb-words-compile: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}
