// BmpSet: a set of BMP code points as an 8 KB bitmap. A lookup is one shift
// and one read of a table small enough to stay in the cache, for the tests
// that run at every character of a text ("may a word start here", "does
// normalization change this character"). Code points beyond the BMP are
// never members: callers that must not miss them test c >= 0x10000 first.
#ifndef KGB_UTIL_BMP_SET_H_
#define KGB_UTIL_BMP_SET_H_

#include <cstdint>
#include <vector>

namespace kgb {

class BmpSet {
 public:
  BmpSet() : words_(0x10000 / 64, 0) {}

  // Adds c (ignored beyond the BMP).
  void Insert(char32_t c) {
    if (c < 0x10000) words_[c >> 6] |= uint64_t{1} << (c & 63);
  }
  bool Contains(char32_t c) const { return c < 0x10000 && ((words_[c >> 6] >> (c & 63)) & 1); }

 private:
  std::vector<uint64_t> words_;
};

}  // namespace kgb

#endif  // KGB_UTIL_BMP_SET_H_
