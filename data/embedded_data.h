// The lexicon files of data/lexicon/, compiled into the binary.
#ifndef KGB_DATA_EMBEDDED_DATA_H_
#define KGB_DATA_EMBEDDED_DATA_H_

#include <string_view>
#include <vector>

namespace kgb {

struct EmbeddedFile {
  std::string_view name;     // file name, e.g. "titles.txt"
  std::string_view content;  // the file's bytes
};

// All embedded lexicon files, sorted by name.
const std::vector<EmbeddedFile>& EmbeddedFiles();

// The word layer's dictionary and HMM tables (data/words/jieba_convert.py
// over Debian's python3-jieba and data/words/additions.txt).
std::string_view EmbeddedWordsBlob();

}  // namespace kgb

#endif  // KGB_DATA_EMBEDDED_DATA_H_
