#include "ingest/sections.h"

#include "util/utf8.h"

namespace kgb {
namespace {

// The best cut in text[lo, hi]: after the last blank line of the second half,
// else after the last line break, else at the last character boundary; 0 if
// none.
size_t BestCut(std::string_view text, size_t lo, size_t hi) {
  size_t half = lo + (hi - lo) / 2;
  size_t line = 0;
  for (size_t i = hi; i > lo; --i) {
    if (text[i - 1] != '\n') continue;
    if (line == 0) line = i;
    if (i <= half) break;  // blank lines count in the second half only
    // A blank line: only white space back to the previous line break.
    size_t k = i - 1;
    while (k > lo && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\r')) --k;
    if (k > lo && text[k - 1] == '\n') return i;
  }
  if (line > lo) return line;
  for (size_t i = hi; i > lo; --i)
    if (!IsUtf8Continuation(text[i])) return i;
  return 0;
}

}  // namespace

std::vector<size_t> SectionStarts(std::string_view text, size_t max_bytes) {
  std::vector<size_t> starts{0};
  if (max_bytes == 0) return starts;
  size_t b = 0;
  while (text.size() - b > max_bytes) {
    size_t cut = BestCut(text, b, b + max_bytes);
    if (cut <= b) {  // one character longer than the limit
      cut = b + 1;
      while (cut < text.size() && IsUtf8Continuation(text[cut])) ++cut;
    }
    if (cut >= text.size()) break;
    starts.push_back(cut);
    b = cut;
  }
  return starts;
}

DecodedText SliceDecoded(const DecodedText& text, size_t b, size_t e) {
  DecodedText out;
  out.encoding = text.encoding;
  out.text.assign(text.text, b, e - b);
  if (text.runs.empty()) {
    out.shift = static_cast<uint32_t>(text.shift + b);
    return out;
  }
  // The runs that cover [b, e), the first one cut at b (a character boundary).
  size_t hint = 0;
  out.orig_size = text.OrigOffset(e, &hint);
  for (size_t k = 0; k < text.runs.size(); ++k) {
    const OffsetRun& r = text.runs[k];
    size_t end = k + 1 < text.runs.size() ? text.runs[k + 1].text : text.text.size();
    if (end <= b || r.text >= e) continue;
    OffsetRun x = r;
    if (r.text < b) {
      x.text = static_cast<uint32_t>(b);
      x.orig = static_cast<uint32_t>(r.orig + (b - r.text) / r.text_len * r.orig_len);
    }
    x.text -= static_cast<uint32_t>(b);
    out.runs.push_back(x);
  }
  if (out.runs.empty()) out.runs.push_back(OffsetRun{0, static_cast<uint32_t>(out.orig_size), 1, 1});
  return out;
}

}  // namespace kgb
