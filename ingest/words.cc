#include "ingest/words.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "util/normalize.h"
#include "util/utf8.h"

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
bool IsHanChar(char32_t c) {
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
    if (IsHanChar(c)) han = true;
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
  std::vector<float> score;
  std::vector<uint32_t> next;
  std::vector<uint32_t> node;
  std::vector<double> v;      // HMM: 4 per character
  std::vector<uint8_t> from;  // HMM back-pointers: 4 per character
  std::vector<uint8_t> state; // HMM: the best path's state per character
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

struct WordSegmenter::Key {
  std::u16string codes;
  uint32_t word;
};

namespace {

// The compiled blob (all little-endian, each section 16-byte aligned):
//   "KGBWORD2", u32 num_slots, u32 num_words, u32 num_emit, f32 unknown_weight
//   f64 start[4], f64 trans[4][4]
//   u16 code[65536], u16 emit_row[65536]
//   Slot slots[num_slots], u32 freq[num_words], u8 tag[num_words]
//   f64 emit[num_emit][4]
constexpr char kSourceMagic[] = "KGBWORD1";
constexpr char kCompiledMagic[] = "KGBWORD2";

void Pad16(std::string* out) {
  while (out->size() % 16 != 0) out->push_back('\0');
}

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}

}  // namespace

Status WordSegmenter::Compile(std::string_view blob, const std::string& where, std::string* compiled) {
  auto corrupt = [&](const std::string& what) { return Status::Corrupt(where + ": " + what); };
  Reader r{blob};
  const char* magic = r.Take(8);
  if (!magic || std::memcmp(magic, kSourceMagic, 8) != 0) return corrupt("not a word-layer source blob (KGBWORD1)");
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

  // Decode and normalize every word (full-width forms, Traditional
  // characters) to match the text; of the entries that normalize onto one
  // word, the most frequent is kept (below). Words with characters beyond
  // the BMP are left out (Jieba's dictionary has none).
  const Normalizer& norm = Normalizer::Get();
  std::vector<std::u32string> words;
  std::vector<uint32_t> word_freq;
  std::vector<PosTag> word_tag;
  words.reserve(count);
  std::vector<double> char_weight(0x10000, 0.0);
  double total = 0;
  const char* p = text;
  const char* end = text + text_bytes;
  std::u32string word;
  for (uint32_t i = 0; i < count; ++i) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
    if (!nl) return corrupt("word list shorter than its count");
    word.clear();
    std::string_view utf8(p, nl - p);
    for (size_t k = 0; k < utf8.size();) {
      size_t len;
      char32_t c = DecodeUtf8(utf8, k, &len);
      k += len;
      norm.AppendCompat(c, &word);
    }
    norm.ToSimplified(&word);  // with phrase context, as sentences are
    p = nl + 1;
    uint32_t f;
    std::memcpy(&f, freqs + size_t{i} * 4, 4);
    uint8_t t = static_cast<uint8_t>(tags[i]);
    if (t >= tag_map.size()) return corrupt("tag index out of range");
    total += f;
    bool bmp = !word.empty() && f > 0;
    for (char32_t c : word) bmp &= c < 0x10000;
    if (!bmp) continue;
    for (char32_t c : word) char_weight[c] += f;
    words.push_back(word);
    word_freq.push_back(f);
    word_tag.push_back(tag_map[t]);
  }
  if (total <= 0 || words.empty()) return corrupt("empty dictionary");
  // Character codes by frequency (ties: code point), 1 = the most frequent.
  std::vector<char16_t> by_weight;
  for (uint32_t c = 0; c < 0x10000; ++c)
    if (char_weight[c] > 0) by_weight.push_back(static_cast<char16_t>(c));
  std::stable_sort(by_weight.begin(), by_weight.end(),
                   [&](char16_t a, char16_t b) { return char_weight[a] > char_weight[b]; });
  if (by_weight.size() >= 0xFFFF) return corrupt("too many distinct characters");
  std::vector<uint16_t> code(0x10000, 0);
  for (size_t k = 0; k < by_weight.size(); ++k) code[by_weight[k]] = static_cast<uint16_t>(k + 1);

  std::vector<Key> keys;
  keys.reserve(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    Key key;
    for (char32_t c : words[i]) key.codes.push_back(static_cast<char16_t>(code[c]));
    key.word = static_cast<uint32_t>(i);
    keys.push_back(std::move(key));
  }
  // Of the entries that normalize to the same word (Jieba lists 傢, freq 2,
  // long before 家, freq 41022; OpenCC also maps the variant 甦 to 苏), the
  // most frequent wins, then the first: the rare variant's entry must not
  // replace the common word's frequency and tag.
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.codes != b.codes) return a.codes < b.codes;
    if (word_freq[a.word] != word_freq[b.word]) return word_freq[a.word] > word_freq[b.word];
    return a.word < b.word;
  });
  // The first entry of a word wins; number the kept words in key order.
  const double log_total = std::log(total);
  std::vector<Key> kept;
  std::vector<uint32_t> freq;
  std::vector<PosTag> tag;
  kept.reserve(keys.size());
  for (Key& k : keys) {
    if (!kept.empty() && kept.back().codes == k.codes) continue;
    uint32_t w = k.word;
    k.word = static_cast<uint32_t>(freq.size());
    freq.push_back(word_freq[w]);
    tag.push_back(word_tag[w]);
    kept.push_back(std::move(k));
  }
  std::vector<Slot> slots;
  BuildTrie(kept, &slots);
  for (Slot& sl : slots)
    if (sl.word != kNone) sl.weight = static_cast<float>(std::log(static_cast<double>(freq[sl.word])) - log_total);

  // HMM. Jieba writes "impossible" as -3.14e100, stored as -1e30 in the
  // source's floats; restore it so that sums of impossibilities keep their
  // order.
  auto log_prob = [](float v) { return v <= -1e29f ? kMinLog : static_cast<double>(v); };
  double start[4], trans[16];
  for (double& v : start) v = log_prob(r.F32());
  for (double& v : trans) v = log_prob(r.F32());
  uint32_t emit_count = r.U32();
  if (!r.ok || emit_count >= 0xFFFF) return corrupt("truncated HMM tables");
  std::vector<uint16_t> emit_row(0x10000, 0);
  std::vector<double> emit;
  for (uint32_t i = 0; i < emit_count; ++i) {
    uint32_t cp = r.U32();
    double e[4];
    for (double& v : e) v = log_prob(r.F32());
    if (!r.ok) return corrupt("truncated HMM emission table");
    if (cp >= 0x10000) continue;
    emit.insert(emit.end(), e, e + 4);
    emit_row[cp] = static_cast<uint16_t>(emit.size() / 4);
  }
  if (r.pos != blob.size()) return corrupt("trailing bytes");

  std::string& out = *compiled;
  out.clear();
  out.append(kCompiledMagic, 8);
  Put(&out, static_cast<uint32_t>(slots.size()));
  Put(&out, static_cast<uint32_t>(freq.size()));
  Put(&out, static_cast<uint32_t>(emit.size() / 4));
  Put(&out, static_cast<float>(-log_total));
  Pad16(&out);
  for (double v : start) Put(&out, v);
  for (double v : trans) Put(&out, v);
  Pad16(&out);
  out.append(reinterpret_cast<const char*>(code.data()), code.size() * 2);
  out.append(reinterpret_cast<const char*>(emit_row.data()), emit_row.size() * 2);
  out.append(reinterpret_cast<const char*>(slots.data()), slots.size() * sizeof(Slot));
  Pad16(&out);
  out.append(reinterpret_cast<const char*>(freq.data()), freq.size() * 4);
  Pad16(&out);
  out.append(reinterpret_cast<const char*>(tag.data()), tag.size());
  Pad16(&out);
  out.append(reinterpret_cast<const char*>(emit.data()), emit.size() * 8);
  return Status::OK();
}

Status WordSegmenter::Map(std::string_view blob, const std::string& where) {
  auto corrupt = [&](const std::string& what) { return Status::Corrupt(where + ": " + what); };
  static_assert(sizeof(Slot) == 16, "Slot is stored as 16 bytes");
  if (reinterpret_cast<uintptr_t>(blob.data()) % 16 != 0) return corrupt("compiled blob not 16-byte aligned");
  Reader r{blob};
  const char* magic = r.Take(8);
  if (!magic || std::memcmp(magic, kCompiledMagic, 8) != 0) return corrupt("not a compiled word-layer blob (KGBWORD2)");
  num_slots_ = r.U32();
  num_words_ = r.U32();
  num_emit_ = r.U32();
  unknown_weight_ = r.F32();
  auto f64 = [&]() {
    const char* q = r.Take(8);
    double v = 0;
    if (q) std::memcpy(&v, q, 8);
    return v;
  };
  r.Take(8);  // padding
  for (double& v : start_) v = f64();
  for (auto& row : trans_)
    for (double& v : row) v = f64();
  auto section = [&](size_t bytes) {
    const char* q = r.Take(bytes);
    if (r.ok) r.Take(std::min((16 - r.pos % 16) % 16, blob.size() - r.pos));
    return q;
  };
  code_ = reinterpret_cast<const uint16_t*>(section(0x10000 * 2));
  emit_row_ = reinterpret_cast<const uint16_t*>(section(0x10000 * 2));
  slots_ = reinterpret_cast<const Slot*>(section(size_t{num_slots_} * sizeof(Slot)));
  freq_ = reinterpret_cast<const uint32_t*>(section(size_t{num_words_} * 4));
  tag_ = reinterpret_cast<const PosTag*>(section(num_words_));
  emit_ = reinterpret_cast<const double*>(r.Take(size_t{num_emit_} * 32));
  if (!r.ok || r.pos != blob.size() || num_slots_ == 0) return corrupt("truncated or oversized compiled blob");
  // Validate what the hot loops trust: slot links, word and emission indexes.
  for (uint32_t i = 0; i < num_slots_; ++i) {
    const Slot& sl = slots_[i];
    if (sl.word != kNone && sl.word >= num_words_) return corrupt("word index out of range");
    if (sl.base < 0) return corrupt("negative base");
  }
  for (uint32_t i = 0; i < num_words_; ++i)
    if (static_cast<uint8_t>(tag_[i]) >= static_cast<uint8_t>(PosTag::kCount)) return corrupt("tag out of range");
  for (uint32_t c = 0; c < 0x10000; ++c)
    if (emit_row_[c] > num_emit_) return corrupt("emission row out of range");
  return Status::OK();
}

Status WordSegmenter::FromBlob(std::string_view blob, const std::string& where, std::unique_ptr<WordSegmenter>* out) {
  std::unique_ptr<WordSegmenter> seg(new WordSegmenter());
  if (blob.size() >= 8 && std::memcmp(blob.data(), kCompiledMagic, 8) == 0) {
    KGB_RETURN_IF_ERROR(seg->Map(blob, where));
  } else {
    KGB_RETURN_IF_ERROR(Compile(blob, where, &seg->storage_));
    KGB_RETURN_IF_ERROR(seg->Map(seg->storage_, where));
  }
  *out = std::move(seg);
  return Status::OK();
}

void WordSegmenter::BuildTrie(const std::vector<Key>& keys, std::vector<Slot>* out) {
  std::vector<Slot>& slots_ = *out;
  // Depth-first from the root: each node's children go at the first base
  // where all their slots are free. `next` finds the first free slot at or
  // after a slot (union-find with path halving over the used slots); a
  // single-child node that fails on many holes gives them up for good (they
  // lie below its code).
  slots_.assign(1 << 16, Slot());
  slots_[0].check = 0;  // the root owns itself
  std::vector<uint32_t> next(slots_.size());
  for (uint32_t i = 0; i < next.size(); ++i) next[i] = i;
  auto grow = [&](size_t size) {
    size_t old = slots_.size();
    if (size < old) return;
    size_t n = old;
    while (n <= size) n *= 2;
    slots_.resize(n);
    next.resize(n + 1);
    for (size_t i = old; i <= n; ++i) next[i] = static_cast<uint32_t>(i);
  };
  auto find = [&](uint32_t t) {
    grow(t);
    while (next[t] != t) {
      next[t] = next[next[t]];
      t = next[t];
    }
    return t;
  };
  auto use = [&](uint32_t t) { next[t] = t + 1; };
  use(0);
  uint32_t first_free = 1;
  struct Task {
    uint32_t slot;
    uint32_t depth;
    uint32_t lo, hi;  // keys[lo, hi) share the node's prefix
  };
  std::vector<Task> stack = {{0, 0, 0, static_cast<uint32_t>(keys.size())}};
  std::vector<char16_t> codes;
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  while (!stack.empty()) {
    Task task = stack.back();
    stack.pop_back();
    uint32_t lo = task.lo;
    if (keys[lo].codes.size() == task.depth) slots_[task.slot].word = keys[lo++].word;
    if (lo >= task.hi) continue;
    codes.clear();
    ranges.clear();
    for (uint32_t k = lo; k < task.hi;) {
      char16_t c = keys[k].codes[task.depth];
      uint32_t e = k + 1;
      while (e < task.hi && keys[e].codes[task.depth] == c) ++e;
      codes.push_back(c);
      ranges.push_back({k, e});
      k = e;
    }
    first_free = find(first_free);
    uint32_t base = 0;
    int tries = 0;
    for (uint32_t t = find(std::max<uint32_t>(first_free, codes[0] + 1));; t = find(t + 1)) {
      uint32_t b = t - codes[0];
      bool ok = true;
      for (size_t k = 1; k < codes.size() && ok; ++k) {
        uint32_t u = b + codes[k];
        ok = u >= slots_.size() || slots_[u].check == kFree;
      }
      if (ok) {
        base = b;
        break;
      }
      if (++tries >= 256 && codes.size() == 1) first_free = t;  // holes too early for any code
    }
    grow(size_t{base} + codes.back() + 1);
    slots_[task.slot].base = static_cast<int32_t>(base);
    for (size_t k = 0; k < codes.size(); ++k) {
      slots_[base + codes[k]].check = task.slot;
      use(base + codes[k]);
      stack.push_back({base + codes[k], task.depth + 1, ranges[k].first, ranges[k].second});
    }
  }
  size_t used = slots_.size();
  while (used > 1 && slots_[used - 1].check == kFree) --used;
  slots_.resize(used);
  slots_.shrink_to_fit();
}

uint32_t WordSegmenter::FindWord(std::u32string_view w) const {
  if (w.empty()) return kNone;
  uint32_t s = 0;
  for (char32_t c : w) {
    s = Step(s, c);
    if (s == kNone) return kNone;
  }
  return slots_[s].word;
}

bool WordSegmenter::Lookup(std::u32string_view word, PosTag* tag, uint32_t* freq) const {
  uint32_t w = FindWord(word);
  if (w == kNone) return false;
  if (tag) *tag = tag_[w];
  if (freq) *freq = freq_[w];
  return true;
}

void WordSegmenter::AppendWord(std::u32string_view text, size_t b, size_t e, uint32_t node,
                               std::vector<Word>* words) const {
  Word w;
  w.begin = static_cast<uint32_t>(b);
  w.end = static_cast<uint32_t>(e);
  if (node == kNone) node = FindWord(text.substr(b, e - b));
  if (node != kNone) {
    w.tag = tag_[node];
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
    return row ? emit_[(row - 1) * 4 + state] : kMinLog;
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
      AppendWord(text, b + done, b + t, kNone, words);
      done = t;
    }
    if (st == 2 || st == 3) {
      AppendWord(text, b + done, b + t + 1, kNone, words);
      done = t + 1;
    }
  }
  if (done < n) AppendWord(text, b + done, e, kNone, words);
}

void WordSegmenter::Segment(std::u32string_view text, std::vector<Word>* words) const {
  words->clear();
  const size_t n = text.size();
  if (n == 0) return;
  Scratch& s = ThreadScratch();
  s.score.resize(n + 1);
  s.next.resize(n + 1);
  s.node.resize(n + 1);
  // Units that no word may cut: an ASCII run, else one character. unit[i] is
  // the end of the unit that starts at i, 0 inside a run (no word starts or
  // ends there).
  s.unit.resize(n + 1);
  for (size_t i = 0; i < n;) {
    if (!IsAsciiAlnum(text[i])) {
      s.unit[i] = static_cast<uint32_t>(i + 1);
      ++i;
      continue;
    }
    size_t j = AsciiRunEnd(text, i);
    s.unit[i] = static_cast<uint32_t>(j);
    for (size_t k = i + 1; k < j; ++k) s.unit[k] = 0;
    i = j;
  }
  s.unit[n] = static_cast<uint32_t>(n + 1);
  // Pass 1 (backward): the best route from every unit start to the end.
  s.score[n] = 0;
  // The walks miss the cache from their second step on: prefetch the second
  // step's slot kAhead2 positions ahead, and the third step's (reached
  // through the second, fetched by then) kAhead positions ahead.
  constexpr size_t kAhead = 4, kAhead2 = 8;
  for (size_t i = n; i-- > 0;) {
    if (i >= kAhead2 && i + 1 - kAhead2 < n) {
      uint32_t first = Step(0, text[i - kAhead2]);
      if (first != kNone && slots_[first].base != 0 && text[i + 1 - kAhead2] < 0x10000)
        __builtin_prefetch(&slots_[static_cast<uint32_t>(slots_[first].base) + code_[text[i + 1 - kAhead2]]]);
    }
    if (i >= kAhead && i + 2 - kAhead < n) {
      uint32_t second = Step(0, text[i - kAhead]);
      if (second != kNone) second = Step(second, text[i + 1 - kAhead]);
      if (second != kNone && slots_[second].base != 0 && text[i + 2 - kAhead] < 0x10000)
        __builtin_prefetch(&slots_[static_cast<uint32_t>(slots_[second].base) + code_[text[i + 2 - kAhead]]]);
    }
    const size_t u = s.unit[i];
    if (u == 0) continue;
    // The unit itself, as a word the dictionary lacks; then every dictionary
    // word that starts here and ends on a unit boundary. Ties go to the
    // longer word (as Jieba).
    float best = unknown_weight_ + s.score[u];
    size_t best_end = u;
    uint32_t best_word = kNone;
    uint32_t at = 0;
    for (size_t j = i; j < n;) {
      at = Step(at, text[j]);
      if (at == kNone) break;
      ++j;
      const Slot& sl = slots_[at];
      if (sl.word != kNone && j >= u && s.unit[j] != 0) {
        float sc = sl.weight + s.score[j];
        if (sc >= best) {
          best = sc;
          best_end = j;
          best_word = sl.word;
        }
      }
    }
    s.score[i] = best;
    s.next[i] = static_cast<uint32_t>(best_end);
    s.node[i] = best_word;
  }
  // Pass 2 (forward): emit the route; runs of single Chinese characters go
  // through the HMM unless the run is itself a dictionary word.
  size_t run = n;  // start of the current run of single characters, or n
  auto flush = [&](size_t end) {
    if (run == n) return;
    if (end - run == 1) {
      AppendWord(text, run, end, s.node[run], words);
    } else if (FindWord(text.substr(run, end - run)) != kNone) {
      for (size_t k = run; k < end; ++k) AppendWord(text, k, k + 1, s.node[k], words);
    } else {
      CutUnknown(text, run, end, words);
    }
    run = n;
  };
  for (size_t i = 0; i < n;) {
    size_t j = s.next[i];
    if (j == i + 1 && IsHanChar(text[i])) {
      if (run == n) run = i;
    } else {
      flush(i);
      Word w;
      w.begin = static_cast<uint32_t>(i);
      w.end = static_cast<uint32_t>(j);
      uint32_t node = s.node[i];
      if (node != kNone) {
        w.tag = tag_[node];
        w.known = true;
      } else {
        w.tag = GuessTag(text.substr(i, j - i));
      }
      words->push_back(w);
    }
    i = j;
  }
  flush(n);
}

}  // namespace kgb
