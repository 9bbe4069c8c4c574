// WordSegmenter::Embedded, apart from words.cc so that the build-time
// compiler (data/words/compile.cc) links the segmenter without the blob it
// is making.
#include <mutex>

#include "data/embedded_data.h"
#include "ingest/words.h"

namespace kgb {

std::shared_ptr<const WordSegmenter> WordSegmenter::Embedded(Status* status) {
  static std::once_flag once;
  static std::shared_ptr<const WordSegmenter> instance;
  static Status error;
  std::call_once(once, [] {
    std::unique_ptr<WordSegmenter> seg;
    error = FromBlob(EmbeddedWordsBlob(), "embedded word dictionary", &seg);
    if (error.ok()) instance = std::move(seg);
  });
  if (status) *status = error;
  return instance;
}

}  // namespace kgb
