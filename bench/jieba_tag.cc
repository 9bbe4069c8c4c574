// jieba_tag: cppjieba's part-of-speech tagging (MixSegment::Tag, what
// Jieba::Tag calls) over files, line by line: the speed anchor of
// bench/vs_cppjieba.sh. Built only by that script, and only when it is given
// cppjieba's source; nothing of cppjieba is kept in this repository.
//
//   jieba_tag DICT HMM_MODEL USER_DICT FILE...
//
// Prints one line: "load_s TAG_S bytes BYTES lines LINES words WORDS", where
// load_s is the CPU time of loading the dictionaries and TAG_S the CPU time
// of reading and tagging the files (the steady-state tagging speed is
// BYTES / TAG_S).
#include <time.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cppjieba/MixSegment.hpp"

namespace {

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: jieba_tag DICT HMM_MODEL USER_DICT FILE...\n");
    return 2;
  }
  double t0 = CpuSeconds();
  cppjieba::DictTrie trie(argv[1], argv[3]);
  cppjieba::HMMModel model(argv[2]);
  cppjieba::MixSegment seg(&trie, &model);
  double t1 = CpuSeconds();
  size_t bytes = 0, lines = 0, words = 0;
  std::vector<std::pair<std::string, std::string>> tagged;
  for (int i = 4; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "jieba_tag: cannot read %s\n", argv[i]);
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      bytes += line.size() + 1;
      ++lines;
      tagged.clear();
      seg.Tag(line, tagged);
      words += tagged.size();
    }
  }
  double t2 = CpuSeconds();
  std::printf("load_s %.3f tag_s %.3f bytes %zu lines %zu words %zu\n", t1 - t0, t2 - t1, bytes, lines, words);
  return 0;
}
