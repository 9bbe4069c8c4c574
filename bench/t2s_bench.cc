// kgb-t2s-bench: compares the Traditional -> Simplified converters of
// util/t2s.h on the files given (docs/design.md, "Traditional pages").
//
//   kgb-t2s-bench [--context] FILE...
//
// Prints, for each converter, its throughput over the files' text (NFKC
// applied first, as in kgb; best of 5 passes), then how many characters the
// two converters turn into different Simplified characters, grouped by kind
// ("著 -> icu 着 / opencc 著") with counts; --context adds each difference
// with two characters on either side (for the reader's eyes; text from
// third-party pages stays out of the repository). With OpenCC's library
// linked in, also the throughput of OpenCC's own converter (UTF-8 in and out)
// and where its output differs from kgb's (only on 著, util/t2s.h). Measures;
// asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "util/file_io.h"
#include "util/normalize.h"
#include "util/t2s.h"

#ifdef KGB_BENCH_OPENCC_DICT_DIR
#include <opencc/Config.hpp>
#include <opencc/Converter.hpp>
#endif

namespace {

using kgb::ScriptConverter;
using kgb::ScriptConverterKind;

double Seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }

template <typename F>
double Best(F f) {
  double best = 1e30;
  for (int i = 0; i < 5; ++i) {
    auto t = std::chrono::steady_clock::now();
    f();
    best = std::min(best, Seconds(std::chrono::steady_clock::now() - t));
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  bool context = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--context") == 0) context = true;
    else files.push_back(argv[i]);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: kgb-t2s-bench [--context] FILE...\n");
    return 2;
  }
  const kgb::Normalizer& norm = kgb::Normalizer::Get();
  std::vector<std::u32string> texts;  // NFKC, not yet converted
  std::string utf8_all;
  size_t chars = 0, bytes = 0;
  for (const std::string& f : files) {
    std::string bytes_in;
    kgb::Status s = kgb::ReadFile(f, &bytes_in);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
    std::u32string t;
    for (char32_t c : kgb::ToUtf32(bytes_in)) norm.AppendCompat(c, &t);
    chars += t.size();
    bytes += bytes_in.size();
    utf8_all += kgb::ToUtf8(t);
    texts.push_back(std::move(t));
  }
  std::printf("%zu files, %zu characters, %.2f MB\n", files.size(), chars, bytes / 1e6);

  std::map<ScriptConverterKind, std::vector<std::u32string>> out;
  for (ScriptConverterKind kind : {ScriptConverterKind::kIcu, ScriptConverterKind::kOpenCC}) {
    if (!ScriptConverter::Available(kind)) continue;
    std::unique_ptr<const ScriptConverter> conv;
    auto t0 = std::chrono::steady_clock::now();
    kgb::Status s = ScriptConverter::Create(kind, &conv);
    double load = Seconds(std::chrono::steady_clock::now() - t0);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
    std::vector<std::u32string> result;
    double sec = Best([&] {
      result = texts;
      for (auto& t : result) conv->Convert(&t);
    });
    out[kind] = result;
    std::printf("%-8s load %.1f ms, %.1f M chars/s (%.1f MB/s of input)\n", std::string(ScriptConverter::KindName(kind)).c_str(),
                load * 1e3, chars / sec / 1e6, bytes / sec / 1e6);
  }
#ifdef KGB_BENCH_OPENCC_DICT_DIR
  {
    opencc::Config config;
    opencc::ConverterPtr lib = config.NewFromString(kgb::kOpenCCLibraryT2s, KGB_BENCH_OPENCC_DICT_DIR "/");
    std::string converted;
    double sec = Best([&] { converted = lib->Convert(utf8_all); });
    // kgb's differs from t2s on 著 only (util/t2s.h).
    std::u32string theirs = kgb::ToUtf32(converted), ours, in;
    for (const auto& t : out[ScriptConverterKind::kOpenCC]) ours += t;
    for (const auto& t : texts) in += t;
    size_t zhu = 0, other = theirs.size() == ours.size() ? 0 : ours.size();
    for (size_t i = 0; other == 0 && i < ours.size(); ++i) {
      if (theirs[i] == ours[i]) continue;
      if (in[i] == U'著') ++zhu;
      else ++other;
    }
    std::printf("%-8s %.1f M chars/s (%.1f MB/s of input); differs from kgb's opencc converter in %zu characters (著: %zu)\n",
                "libopencc", chars / sec / 1e6, bytes / sec / 1e6, other, zhu);
  }
#endif
  if (out.size() < 2) return 0;
  const auto& a = out[ScriptConverterKind::kIcu];
  const auto& b = out[ScriptConverterKind::kOpenCC];
  std::map<std::string, size_t> kinds;
  size_t diff = 0, han = 0;
  for (size_t f = 0; f < texts.size(); ++f) {
    for (size_t i = 0; i < texts[f].size(); ++i) {
      if (texts[f][i] >= 0x3400) ++han;
      if (a[f][i] == b[f][i]) continue;
      ++diff;
      std::string k = kgb::ToUtf8(texts[f].substr(i, 1)) + " -> icu " + kgb::ToUtf8(a[f].substr(i, 1)) + " / opencc " +
                      kgb::ToUtf8(b[f].substr(i, 1));
      ++kinds[k];
      if (context) {
        size_t from = i >= 2 ? i - 2 : 0;
        std::printf("  %s: %s | icu %s | opencc %s\n", files[f].c_str(), kgb::ToUtf8(texts[f].substr(from, 5)).c_str(),
                    kgb::ToUtf8(a[f].substr(from, 5)).c_str(), kgb::ToUtf8(b[f].substr(from, 5)).c_str());
      }
    }
  }
  std::printf("characters converted differently: %zu of %zu (CJK: %zu)\n", diff, chars, han);
  std::vector<std::pair<size_t, std::string>> sorted;
  for (auto& [k, n] : kinds) sorted.emplace_back(n, k);
  std::sort(sorted.rbegin(), sorted.rend());
  for (auto& [n, k] : sorted) std::printf("  %6zu  %s\n", n, k.c_str());
  return 0;
}
