#include "ingest/words.h"

#include <cmath>
#include <cstring>
#include <mutex>

#include "data/embedded_data.h"
#include "util/normalize.h"

namespace kgb {
namespace {

constexpr const char* kTagNames[] = {
    "x",  "a",  "ad", "ag", "an", "b",  "c",  "d",  "df", "dg", "e",  "eng", "f",  "g",  "h",
    "i",  "j",  "k",  "l",  "m",  "mg", "mq", "n",  "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz",
    "o",  "p",  "q",  "r",  "rg", "rr", "rz", "s",  "t",  "tg", "u",  "ud", "ug", "uj", "ul",
    "uv", "uz", "v",  "vd", "vg", "vi", "vn", "vq", "y",  "z",  "zg", "w"};
static_assert(sizeof(kTagNames) / sizeof(kTagNames[0]) == static_cast<size_t>(PosTag::kCount),
              "one name per tag");

// Reads the blob's little-endian fields in order; any overrun sets ok=false.
struct Reader {
  std::string_view data;
  size_t pos = 0;
  bool ok = true;

  const char* Take(size_t n) {
    if (!ok || data.size() - pos < n) {
      ok = false;
      return nullptr;
    }
    const char* p = data.data() + pos;
    pos += n;
    return p;
  }
  uint32_t U32() {
    const char* p = Take(4);
    if (!p) return 0;
    uint32_t v;
    std::memcpy(&v, p, 4);  // the build host and target are both little-endian
    return v;
  }
  float F32() {
    const char* p = Take(4);
    if (!p) return 0;
    float v;
    std::memcpy(&v, p, 4);
    return v;
  }
};

constexpr double kMinLog = -3.14e100;  // Jieba's MIN_FLOAT: impossible

bool IsAsciiAlnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Chinese characters that the HMM may join into words (Jieba's [\u4E00-\u9FD5]
// and the extension blocks).
bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3134F) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

// True if text[i, i + 3) are digits and text[i + 3] is not (1,200 but not 1,2).
bool ThousandsGroup(std::u32string_view text, size_t i) {
  if (i + 3 > text.size()) return false;
  for (size_t k = i; k < i + 3; ++k)
    if (!IsDigit(text[k])) return false;
  return i + 3 == text.size() || !IsDigit(text[i + 3]);
}

// End of the ASCII unit that starts at text[i]: a run of letters and digits,
// with a decimal point between digits (3.5), thousands separators (1,200) and
// a trailing %.
size_t AsciiRunEnd(std::u32string_view text, size_t i) {
  size_t j = i;
  while (j < text.size()) {
    char32_t c = text[j];
    if (IsAsciiAlnum(c)) {
      ++j;
    } else if (c == '.' && j > i && IsDigit(text[j - 1]) && j + 1 < text.size() && IsDigit(text[j + 1])) {
      ++j;
    } else if (c == ',' && j > i && IsDigit(text[j - 1]) && ThousandsGroup(text, j + 1)) {
      ++j;
    } else {
      break;
    }
  }
  if (j < text.size() && text[j] == '%' && IsDigit(text[j - 1])) ++j;
  return j;
}

// Tag of a word the dictionary lacks.
PosTag GuessTag(std::u32string_view w) {
  bool digits = true, ascii = true, han = false, digit = false;
  for (char32_t c : w) {
    if (!IsDigit(c) && c != '.' && c != ',' && c != '%') digits = false;
    if (IsDigit(c)) digit = true;
    if (c >= 0x80) ascii = false;
    if (IsHan(c)) han = true;
  }
  if (ascii && digits && digit) return PosTag::kM;
  if (ascii) {
    for (char32_t c : w)
      if (IsAsciiAlnum(c)) return PosTag::kEng;
    return PosTag::kW;
  }
  return han ? PosTag::kX : PosTag::kW;
}

// Per-thread scratch space, reused across sentences.
struct Scratch {
  std::vector<double> score;
  std::vector<uint32_t> next;
  std::vector<double> v;      // HMM: 4 per character
  std::vector<uint8_t> from;  // HMM back-pointers: 4 per character
  std::vector<uint8_t> state; // HMM: the best path's state per character
  std::vector<uint8_t> inside;
  std::vector<uint32_t> unit;
};

Scratch& ThreadScratch() {
  static thread_local Scratch s;
  return s;
}

}  // namespace

std::string_view PosTagName(PosTag tag) {
  size_t i = static_cast<size_t>(tag);
  return i < static_cast<size_t>(PosTag::kCount) ? kTagNames[i] : "x";
}

bool ParsePosTag(std::string_view name, PosTag* tag) {
  for (size_t i = 0; i < static_cast<size_t>(PosTag::kCount); ++i)
    if (name == kTagNames[i]) {
      *tag = static_cast<PosTag>(i);
      return true;
    }
  return false;
}

Status WordSegmenter::FromBlob(std::string_view blob, const std::string& where, std::unique_ptr<WordSegmenter>* out) {
  auto corrupt = [&](const std::string& what) { return Status::Corrupt(where + ": " + what); };
  Reader r{blob};
  const char* magic = r.Take(8);
  if (!magic || std::memcmp(magic, "KGBWORD1", 8) != 0) return corrupt("not a word-layer blob (KGBWORD1)");
  uint32_t count = r.U32();
  uint32_t text_bytes = r.U32();
  const char* text = r.Take(text_bytes);
  const char* freqs = r.Take(size_t{count} * 4);
  const char* tags = r.Take(count);
  uint32_t tag_count = r.U32();
  uint32_t tag_bytes = r.U32();
  const char* tag_text = r.Take(tag_bytes);
  if (!r.ok) return corrupt("truncated word list");

  std::vector<PosTag> tag_map;
  {
    std::string_view t(tag_text, tag_bytes);
    size_t p = 0;
    while (p < t.size()) {
      size_t nl = t.find('\n', p);
      if (nl == std::string_view::npos) return corrupt("unterminated tag name");
      PosTag tag;
      if (!ParsePosTag(t.substr(p, nl - p), &tag)) return corrupt("unknown tag '" + std::string(t.substr(p, nl - p)) + "'");
      tag_map.push_back(tag);
      p = nl + 1;
    }
    if (tag_map.size() != tag_count) return corrupt("tag count mismatch");
  }

  std::unique_ptr<WordSegmenter> seg(new WordSegmenter());
  seg->freq_.reserve(count);
  seg->tag_.reserve(count);
  const Normalizer& norm = Normalizer::Get();
  std::u32string word, normalized;
  double total = 0;
  const char* p = text;
  const char* end = text + text_bytes;
  for (uint32_t i = 0; i < count; ++i) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
    if (!nl) return corrupt("word list shorter than its count");
    word = ToUtf32(std::string_view(p, nl - p));
    p = nl + 1;
    uint32_t f;
    std::memcpy(&f, freqs + size_t{i} * 4, 4);
    uint8_t t = static_cast<uint8_t>(tags[i]);
    if (t >= tag_map.size()) return corrupt("tag index out of range");
    total += f;
    // Match the text's normalization (full-width forms, Traditional
    // characters); a word that normalizes onto another keeps the first entry.
    normalized.clear();
    for (char32_t c : word) norm.Append(c, &normalized);
    if (normalized.empty()) continue;
    int32_t index = static_cast<int32_t>(seg->freq_.size());
    if (seg->trie_.Find(normalized) >= 0) continue;
    seg->trie_.Add(normalized, index);
    seg->freq_.push_back(f);
    seg->tag_.push_back(tag_map[t]);
  }
  if (total <= 0) return corrupt("empty dictionary");
  double log_total = std::log(total);
  seg->weight_.reserve(seg->freq_.size());
  for (uint32_t f : seg->freq_) seg->weight_.push_back(static_cast<float>(std::log(static_cast<double>(f)) - log_total));
  seg->unknown_weight_ = static_cast<float>(-log_total);

  // Jieba writes "impossible" as -3.14e100, stored as -1e30 in the blob's
  // floats; restore it so that sums of impossibilities keep their order.
  auto log_prob = [](float v) { return v <= -1e29f ? kMinLog : static_cast<double>(v); };
  for (double& v : seg->start_) v = log_prob(r.F32());
  for (auto& row : seg->trans_)
    for (double& v : row) v = log_prob(r.F32());
  uint32_t emit_count = r.U32();
  if (!r.ok || emit_count >= 0xFFFF) return corrupt("truncated HMM tables");
  seg->emit_row_.assign(0x10000, 0);
  seg->emit_.reserve(emit_count);
  for (uint32_t i = 0; i < emit_count; ++i) {
    uint32_t cp = r.U32();
    std::array<double, 4> e;
    for (double& v : e) v = log_prob(r.F32());
    if (!r.ok) return corrupt("truncated HMM emission table");
    if (cp >= 0x10000) continue;
    seg->emit_.push_back(e);
    seg->emit_row_[cp] = static_cast<uint16_t>(seg->emit_.size());
  }
  if (r.pos != blob.size()) return corrupt("trailing bytes");
  *out = std::move(seg);
  return Status::OK();
}

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

bool WordSegmenter::Lookup(std::u32string_view word, PosTag* tag, uint32_t* freq) const {
  int32_t i = trie_.Find(word);
  if (i < 0) return false;
  if (tag) *tag = tag_[i];
  if (freq) *freq = freq_[i];
  return true;
}

void WordSegmenter::AppendWord(std::u32string_view text, size_t b, size_t e, std::vector<Word>* words) const {
  Word w;
  w.begin = static_cast<uint32_t>(b);
  w.end = static_cast<uint32_t>(e);
  int32_t i = trie_.Find(text.substr(b, e - b));
  if (i >= 0) {
    w.tag = tag_[i];
    w.known = true;
  } else {
    w.tag = GuessTag(text.substr(b, e - b));
  }
  words->push_back(w);
}

void WordSegmenter::CutUnknown(std::u32string_view text, size_t b, size_t e, std::vector<Word>* words) const {
  // Viterbi over states B(0) M(1) E(2) S(3), as Jieba's finalseg.
  Scratch& s = ThreadScratch();
  const size_t n = e - b;
  s.v.resize(n * 4);
  s.from.resize(n * 4);
  auto emit = [&](size_t t, int state) -> double {
    char32_t c = text[b + t];
    uint16_t row = c < 0x10000 ? emit_row_[c] : 0;
    return row ? emit_[row - 1][state] : kMinLog;
  };
  static const int kPrev[4][2] = {{2, 3}, {1, 0}, {0, 1}, {3, 2}};  // B<-E,S  M<-M,B  E<-B,M  S<-S,E
  for (int y = 0; y < 4; ++y) s.v[y] = start_[y] + emit(0, y);
  for (size_t t = 1; t < n; ++t) {
    for (int y = 0; y < 4; ++y) {
      double em = emit(t, y);
      int y0 = kPrev[y][0], y1 = kPrev[y][1];
      double a = s.v[(t - 1) * 4 + y0] + trans_[y0][y];
      double c = s.v[(t - 1) * 4 + y1] + trans_[y1][y];
      if (a >= c) {
        s.v[t * 4 + y] = a + em;
        s.from[t * 4 + y] = static_cast<uint8_t>(y0);
      } else {
        s.v[t * 4 + y] = c + em;
        s.from[t * 4 + y] = static_cast<uint8_t>(y1);
      }
    }
  }
  int state = s.v[(n - 1) * 4 + 2] >= s.v[(n - 1) * 4 + 3] ? 2 : 3;
  s.state.resize(n);
  for (size_t t = n; t-- > 0;) {
    s.state[t] = static_cast<uint8_t>(state);
    if (t > 0) state = s.from[t * 4 + state];
  }
  // B...E and S are words; `done` keeps the words contiguous whatever the path.
  size_t done = 0;
  for (size_t t = 0; t < n; ++t) {
    int st = s.state[t];
    if (st == 3 && done < t) {
      AppendWord(text, b + done, b + t, words);
      done = t;
    }
    if (st == 2 || st == 3) {
      AppendWord(text, b + done, b + t + 1, words);
      done = t + 1;
    }
  }
  if (done < n) AppendWord(text, b + done, e, words);
}

void WordSegmenter::Segment(std::u32string_view text, std::vector<Word>* words) const {
  words->clear();
  const size_t n = text.size();
  if (n == 0) return;
  Scratch& s = ThreadScratch();
  s.score.assign(n + 1, 0.0);
  s.next.assign(n + 1, 0);
  // Units that no word may cut: an ASCII run, else one character. unit[i]
  // is the end of the unit starting at i; inside[i] marks a position within
  // an ASCII run (not a unit start, so no word starts or ends there).
  std::vector<uint8_t>& inside = s.inside;
  inside.assign(n + 1, 0);
  std::vector<uint32_t>& unit = s.unit;
  unit.assign(n + 1, 0);
  for (size_t i = 0; i < n;) {
    size_t j = IsAsciiAlnum(text[i]) ? AsciiRunEnd(text, i) : i + 1;
    unit[i] = static_cast<uint32_t>(j);
    for (size_t k = i + 1; k < j; ++k) inside[k] = 1;
    i = j;
  }
  // Pass 1 (backward): the best route from every unit start to the end.
  for (size_t i = n; i-- > 0;) {
    if (inside[i]) continue;
    size_t u = unit[i];
    // The unit itself is always a candidate.
    int32_t self = trie_.Find(text.substr(i, u - i));
    double best = (self >= 0 ? weight_[self] : unknown_weight_) + s.score[u];
    size_t best_end = u;
    trie_.ForEachPrefix(text, i, [&](size_t len, int32_t v) {
      size_t end = i + len;
      if (end <= u || inside[end]) return true;
      double sc = weight_[v] + s.score[end];
      if (sc >= best) {  // ties: the longer word (as Jieba)
        best = sc;
        best_end = end;
      }
      return true;
    });
    s.score[i] = best;
    s.next[i] = static_cast<uint32_t>(best_end);
  }
  // Pass 2 (forward): emit the route; runs of single Chinese characters go
  // through the HMM unless the run is itself a dictionary word.
  size_t run = n;  // start of the current run of single characters, or n
  auto flush = [&](size_t end) {
    if (run == n) return;
    if (end - run == 1 || trie_.Find(text.substr(run, end - run)) >= 0) {
      for (size_t k = run; k < end; ++k) AppendWord(text, k, k + 1, words);
    } else {
      CutUnknown(text, run, end, words);
    }
    run = n;
  };
  for (size_t i = 0; i < n;) {
    size_t j = s.next[i];
    if (j == i + 1 && IsHan(text[i])) {
      if (run == n) run = i;
    } else {
      flush(i);
      AppendWord(text, i, j, words);
    }
    i = j;
  }
  flush(n);
}

}  // namespace kgb
