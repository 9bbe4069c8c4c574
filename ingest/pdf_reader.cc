#include "ingest/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <mutex>

namespace kgb {
namespace {

constexpr size_t kMaxOrderedWords = 20000;

struct LineOut {
  double x0, y0, x1, y1, h;
  std::string text;
};

double Height(const PdfWord& w) { return std::max(w.y1 - w.y0, 0.0); }

double MedianHeight(const std::vector<PdfWord>& words, const std::vector<int>& ids) {
  std::vector<double> hs;
  hs.reserve(ids.size());
  for (int i : ids) hs.push_back(Height(words[i]));
  if (hs.empty()) return 1.0;
  std::nth_element(hs.begin(), hs.begin() + hs.size() / 2, hs.end());
  return std::max(hs[hs.size() / 2], 1.0);
}

LineOut MakeLine(const std::vector<PdfWord>& words, std::vector<int> ids) {
  std::sort(ids.begin(), ids.end(), [&](int a, int b) {
    return words[a].x0 != words[b].x0 ? words[a].x0 < words[b].x0 : a < b;
  });
  LineOut l{1e300, 1e300, -1e300, -1e300, MedianHeight(words, ids), ""};
  for (size_t k = 0; k < ids.size(); ++k) {
    const PdfWord& w = words[ids[k]];
    l.x0 = std::min(l.x0, w.x0);
    l.y0 = std::min(l.y0, w.y0);
    l.x1 = std::max(l.x1, w.x1);
    l.y1 = std::max(l.y1, w.y1);
    if (k > 0) {
      const PdfWord& prev = words[ids[k - 1]];
      bool wide = w.x0 - prev.x1 > 0.5 * l.h;
      if ((prev.space_after || wide) && !l.text.empty() && l.text.back() != ' ') l.text.push_back(' ');
    }
    l.text += w.text;
  }
  while (!l.text.empty() && l.text.back() == ' ') l.text.pop_back();
  return l;
}

// Splits `ids` at gaps along one axis. Returns the parts in order, or one
// part when there is no acceptable gap. Horizontal cuts go at the widest gaps,
// or with `all_gaps` at every gap (plain line order).
// *width is set to the width of the gap cut at (0 when none).
std::vector<std::vector<int>> Cut(const std::vector<PdfWord>& words, std::vector<int> ids, bool vertical, double h,
                                  bool all_gaps = false, double* width = nullptr) {
  if (width) *width = 0;
  auto lo = [&](int i) { return vertical ? words[i].x0 : words[i].y0; };
  auto hi = [&](int i) { return vertical ? words[i].x1 : words[i].y1; };
  std::sort(ids.begin(), ids.end(), [&](int a, int b) { return lo(a) != lo(b) ? lo(a) < lo(b) : a < b; });
  // Gaps: (position in sorted ids where the right/lower part starts, width).
  std::vector<std::pair<size_t, double>> gaps;
  double end = hi(ids[0]);
  for (size_t k = 1; k < ids.size(); ++k) {
    double g = lo(ids[k]) - end;
    if (g > (vertical ? 0.7 * h : 0.05 * h)) gaps.emplace_back(k, g);
    end = std::max(end, hi(ids[k]));
  }
  if (gaps.empty()) return {ids};
  auto span_y = [&](size_t b, size_t e) {
    double y0 = 1e300, y1 = -1e300;
    for (size_t k = b; k < e; ++k) {
      y0 = std::min(y0, words[ids[k]].y0);
      y1 = std::max(y1, words[ids[k]].y1);
    }
    return y1 - y0;
  };
  std::vector<size_t> cuts;
  if (vertical) {
    // The widest gutter with more than one line on a side.
    std::sort(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (const auto& [k, g] : gaps) {
      if (span_y(0, k) >= 1.8 * h || span_y(k, ids.size()) >= 1.8 * h) {
        cuts.push_back(k);
        if (width) *width = g;
        break;
      }
    }
    if (cuts.empty()) return {ids};
  } else {
    double widest = 0;
    for (const auto& [k, g] : gaps) widest = std::max(widest, g);
    for (const auto& [k, g] : gaps)
      if (all_gaps || g >= 0.95 * widest) cuts.push_back(k);
    if (width) *width = widest;
  }
  std::vector<std::vector<int>> parts;
  size_t b = 0;
  for (size_t k : cuts) {
    parts.emplace_back(ids.begin() + b, ids.begin() + k);
    b = k;
  }
  parts.emplace_back(ids.begin() + b, ids.end());
  return parts;
}

std::vector<LineOut> OrderLines(const std::vector<PdfWord>& words) {
  std::vector<int> all;
  for (size_t i = 0; i < words.size(); ++i)
    if (!words[i].text.empty() && std::isfinite(words[i].x0) && std::isfinite(words[i].x1) &&
        std::isfinite(words[i].y0) && std::isfinite(words[i].y1))
      all.push_back(static_cast<int>(i));
  std::vector<LineOut> lines;
  if (all.empty()) return lines;
  double h = MedianHeight(words, all);
  if (all.size() > kMaxOrderedWords) {
    // Plain line order: bands of overlapping words, top to bottom.
    for (auto& band : Cut(words, all, false, 0.0, true)) lines.push_back(MakeLine(words, band));
    return lines;
  }
  // Depth-first over regions; the stack holds later regions below earlier ones.
  // Pathological pages (gaps shrinking line by line peel one line per step)
  // would cost quadratic time: past a budget, regions are read in plain line
  // order.
  const size_t budget = 64 * all.size() + 100000;
  size_t work = 0;
  std::vector<std::vector<int>> stack{all};
  while (!stack.empty()) {
    std::vector<int> region = std::move(stack.back());
    stack.pop_back();
    if (region.size() == 1) {
      lines.push_back(MakeLine(words, region));
      continue;
    }
    work += region.size();
    if (work > budget) {
      for (auto& band : Cut(words, std::move(region), false, 0.0, true)) lines.push_back(MakeLine(words, band));
      continue;
    }
    // The wider of the two cuts; a gutter wins ties.
    double vw, hw;
    auto parts = Cut(words, region, true, h, false, &vw);
    auto bands = Cut(words, region, false, h, false, &hw);
    if (parts.size() == 1 || (bands.size() > 1 && hw > vw)) parts = std::move(bands);
    if (parts.size() == 1) {
      lines.push_back(MakeLine(words, std::move(parts[0])));
      continue;
    }
    for (size_t k = parts.size(); k-- > 0;) stack.push_back(std::move(parts[k]));
  }
  return lines;
}

std::once_flag poppler_once;

void QuietPoppler() {
  std::call_once(poppler_once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

}  // namespace

std::string LayoutPdfPage(const std::vector<PdfWord>& words) {
  std::vector<LineOut> lines = OrderLines(words);
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineOut& l = lines[i];
    if (l.text.empty()) continue;
    if (i > 0 && !out.empty()) {
      const LineOut& p = lines[i - 1];
      double h = std::max(p.h, l.h);
      bool brk = l.y0 < p.y0 - 0.5 * h          // up: a new column
                 || l.x0 > p.x1                  // to the right at the same height
                 || l.y0 - p.y1 > 0.8 * h        // a wider gap
                 || std::fabs(l.h - p.h) > 0.25 * h  // another font size
                 || l.x0 - p.x0 > 1.2 * h        // an indented first line
                 || p.x1 < l.x1 - 2.0 * h;       // after a short last line
      if (brk) out.push_back('\n');
    }
    out += l.text;
    out.push_back('\n');
  }
  return out;
}

Status ReadPdf(std::string_view bytes, const std::string& name, const PdfOptions& options, PdfText* out) {
  *out = PdfText();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return Status::Unsupported(name + ": PDF larger than 2 GiB");
  QuietPoppler();
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status::Corrupt(name + ": damaged PDF that poppler cannot open (truncated or corrupt)");
  if (doc->is_locked())
    return Status::Unsupported(name + ": encrypted PDF that needs a password; kgb cannot read it");
  int pages = doc->pages();
  if (pages <= 0) return Status::Unsupported(name + ": PDF without pages");
  out->pages = static_cast<size_t>(pages);
  size_t n = std::min(out->pages, options.max_pages);
  for (size_t p = 0; p < n; ++p) {
    out->page_starts.push_back(out->text.size());
    std::unique_ptr<poppler::page> page(doc->create_page(static_cast<int>(p)));
    if (page) {
      std::vector<PdfWord> words;
      for (const poppler::text_box& box : page->text_list()) {
        poppler::byte_array utf8 = box.text().to_utf8();
        PdfWord w;
        poppler::rectf r = box.bbox();
        w.x0 = r.left();
        w.x1 = r.right();
        w.y0 = r.top();
        w.y1 = r.bottom();
        if (w.x1 < w.x0) std::swap(w.x0, w.x1);
        if (w.y1 < w.y0) std::swap(w.y0, w.y1);
        w.text.assign(utf8.begin(), utf8.end());
        // Control characters would end lines or pages in the rendering.
        for (char& c : w.text)
          if (static_cast<unsigned char>(c) < 0x20) c = ' ';
        w.space_after = box.has_space_after();
        words.push_back(std::move(w));
      }
      std::string text = LayoutPdfPage(words);
      if (text.find_first_not_of(" \n") != std::string::npos) out->pages_with_text++;
      out->text += text;
    }
    out->text += "\f\n";
  }
  if (out->pages_with_text == 0)
    return Status::Unsupported(name + ": PDF without a text layer (" + std::to_string(out->pages) +
                               (out->pages == 1 ? " page" : " pages") +
                               " of images, a scan?): run OCR first (e.g. ocrmypdf) and read its output");
  return Status::OK();
}

}  // namespace kgb
