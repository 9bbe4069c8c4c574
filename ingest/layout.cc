#include "ingest/layout.h"

#include <algorithm>

#include "util/normalize.h"
#include "util/utf8.h"

namespace kgb {
namespace {

struct Unit {
  char32_t ch;
  uint32_t ob, oe;  // original byte range
};

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0x3000 || c == 0xA0; }
bool IsAsciiAlnum(char32_t c) { return c < 0x80 && (std::isalnum(static_cast<int>(c)) != 0); }

// Sentence-final punctuation after normalization (NFKC turns ！？ into !?).
bool IsTerminal(char32_t c) { return c == U'。' || c == U'!' || c == U'?' || c == U'｡'; }
// Longest sentence kept whole. Prose sentences are far shorter; a run-on
// line without punctuation (a 50 MB one-line file) is cut into pieces of this
// size so that per-sentence work stays linear in the size of the page.
constexpr size_t kMaxSentenceChars = 1000;
bool IsCloser(char32_t c) { return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U')' || c == U'】' || c == U'》'; }
// Punctuation that marks running text rather than a headline.
bool IsClausePunct(char32_t c) {
  return IsTerminal(c) || c == U',' || c == U'，' || c == U';' || c == U':' || c == U'、';
}

enum class LineKind { kBlank, kText, kHeading, kByline, kDrop };

struct Line {
  std::vector<uint32_t> units;  // indices of non-space-trimmed units
  std::u32string norm;          // normalized, spaces removed (for classification)
  LineKind kind = LineKind::kText;
  bool article_start = false;
};

bool StartsWith(const std::u32string& s, const std::u32string& p) {
  return s.size() >= p.size() && std::equal(p.begin(), p.end(), s.begin());
}

class Segmenter {
 public:
  Segmenter(const DecodedText& text, const Lexicon& lex, Page* page) : text_(text), lex_(lex), page_(page) {
    // The markers without spaces, once per page rather than once per line.
    for (const auto& [m, k] : lex_.layout_markers) {
      std::u32string mm = m;
      mm.erase(std::remove(mm.begin(), mm.end(), U' '), mm.end());
      markers_.emplace_back(std::move(mm), k);
    }
  }

  void Run() {
    ReadUnits();
    SplitLines();
    for (Line& l : lines_) Classify(&l);
    BuildParagraphs();
  }

 private:
  void ReadUnits() {
    const std::string& s = text_.text;
    units_.reserve(s.size() / 2);
    for (size_t i = 0; i < s.size();) {
      size_t len;
      char32_t c = DecodeUtf8(s, i, &len);
      units_.push_back(Unit{c, static_cast<uint32_t>(text_.OrigOffset(i)),
                            static_cast<uint32_t>(text_.OrigOffset(i + len))});
      i += len;
    }
  }

  void SplitLines() {
    Line cur;
    for (uint32_t i = 0; i < units_.size(); ++i) {
      char32_t c = units_[i].ch;
      if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85) {
        lines_.push_back(std::move(cur));
        cur = Line();
        continue;
      }
      cur.units.push_back(i);
    }
    lines_.push_back(std::move(cur));
    const Normalizer& norm = Normalizer::Get();
    for (Line& l : lines_) {
      // Trim spaces at both ends.
      size_t b = 0, e = l.units.size();
      while (b < e && IsSpace(units_[l.units[b]].ch)) ++b;
      while (e > b && IsSpace(units_[l.units[e - 1]].ch)) --e;
      l.units = std::vector<uint32_t>(l.units.begin() + b, l.units.begin() + e);
      for (uint32_t u : l.units) {
        if (!IsSpace(units_[u].ch)) norm.Append(units_[u].ch, &l.norm);
      }
      // NFKC maps U+3000 to a space; drop what normalized to spaces too.
      l.norm.erase(std::remove(l.norm.begin(), l.norm.end(), U' '), l.norm.end());
    }
  }

  bool HasMarker(const std::u32string& s, LayoutKind kind, bool at_start) const {
    for (const auto& [mm, k] : markers_) {
      if (k != kind) continue;
      if (at_start ? StartsWith(s, mm) : s.find(mm) != std::u32string::npos) return true;
    }
    return false;
  }

  void Classify(Line* l) {
    if (l->norm.empty()) { l->kind = LineKind::kBlank; return; }
    const std::u32string& n = l->norm;
    if (n[0] == U'#') { l->kind = LineKind::kHeading; return; }
    if (n.size() <= 60 && HasMarker(n, LayoutKind::kDrop, false)) { l->kind = LineKind::kDrop; return; }
    // Navigation trails and menus: "首页 > 新闻中心 > 园区动态", "政务公开 | 投资指南".
    {
      size_t seps = 0;
      bool period = false;
      for (char32_t c : n) {
        seps += c == U'>' || c == U'|' || c == U'»' || c == U'›';
        period |= c == U'。';
      }
      if (seps >= 2 && !period && n.size() <= 80) { l->kind = LineKind::kDrop; return; }
    }
    std::u32string body = n;
    while (!body.empty() && (body[0] == U'(' || body[0] == U'【' || body[0] == U'[')) body.erase(0, 1);
    if (n.size() <= 40 && HasMarker(body, LayoutKind::kByline, true)) { l->kind = LineKind::kByline; return; }
    // Publication time and source lines stand alone, like a heading.
    if (n.size() <= 80 && HasMarker(n, LayoutKind::kMeta, true)) { l->kind = LineKind::kHeading; return; }
    l->kind = LineKind::kText;
    if (HasMarker(n, LayoutKind::kArticle, true)) {
      l->article_start = true;
    } else if (StartsWith(n, U"本报") && n.find(U'讯') != std::u32string::npos && n.find(U'讯') < 14) {
      l->article_start = true;  // 本报郑州5月9日讯
    } else {
      size_t dian = n.find(U'电');
      if (dian != std::u32string::npos && dian < 20 &&
          (StartsWith(n, U"新华社") || StartsWith(n, U"中新社") || StartsWith(n, U"中新网") || StartsWith(n, U"人民网")))
        l->article_start = true;
    }
    SplitInlineByline(l);
  }

  // "…传出的消息。 记者 孙庆辉 文/图": a byline glued to the end of a paragraph.
  void SplitInlineByline(Line* l) {
    for (size_t k = 0; k + 1 < l->units.size(); ++k) {
      char32_t c = units_[l->units[k]].ch;
      if (c != U'。' && c != U'！' && c != U'？' && c != U'!' && c != U'?') continue;
      size_t j = k + 1;
      while (j < l->units.size() && IsSpace(units_[l->units[j]].ch)) ++j;
      if (j == k + 1 || j >= l->units.size()) continue;  // bylines are set off by spaces
      std::u32string rest;
      for (size_t t = j; t < l->units.size(); ++t)
        if (!IsSpace(units_[l->units[t]].ch)) Normalizer::Get().Append(units_[l->units[t]].ch, &rest);
      if (rest.size() <= 30 && HasMarker(rest, LayoutKind::kByline, true)) {
        Line tail;
        tail.units.assign(l->units.begin() + j, l->units.end());
        tail.norm = rest;
        tail.kind = LineKind::kByline;
        l->units.resize(k + 1);
        std::u32string n;
        for (uint32_t u : l->units)
          if (!IsSpace(units_[u].ch)) Normalizer::Get().Append(units_[u].ch, &n);
        l->norm = n;
        pending_tails_.emplace_back(l, std::move(tail));
        return;
      }
    }
  }

  struct Chunk {
    std::vector<size_t> lines;
    LineKind kind = LineKind::kText;
    bool article_start = false;
    bool headline_like = false;
  };

  struct Para {
    std::vector<size_t> lines;
    enum Kind { kBody, kHeadline, kByline } kind = kBody;
    bool article_start = false;
  };

  void BuildParagraphs() {
    // Materialize inline bylines as lines of their own right after their line.
    if (!pending_tails_.empty()) {
      std::vector<Line> merged;
      for (Line& l : lines_) {
        merged.push_back(std::move(l));
        for (auto& [owner, tail] : pending_tails_)
          if (owner == &l) merged.push_back(std::move(tail));
      }
      lines_ = std::move(merged);
      pending_tails_.clear();
    }
    // 1. Chunks: runs of text lines between blank lines; every heading and
    // byline line is a chunk of its own; an article start opens a chunk.
    std::vector<Chunk> chunks;
    Chunk cur;
    auto flush = [&] {
      if (!cur.lines.empty()) chunks.push_back(std::move(cur));
      cur = Chunk();
    };
    for (size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      switch (l.kind) {
        case LineKind::kBlank: flush(); break;
        case LineKind::kDrop: flush(); break;
        case LineKind::kHeading:
        case LineKind::kByline:
          flush();
          cur.kind = l.kind;
          cur.lines.push_back(i);
          flush();
          break;
        case LineKind::kText:
          if (l.article_start) flush();
          if (cur.lines.empty()) cur.article_start = l.article_start;
          cur.lines.push_back(i);
          break;
      }
    }
    flush();
    // The column width of a hard-wrapped page: most body lines are this
    // long. A chunk whose last line fills the column was cut by a page break,
    // however short it is.
    size_t column = 0;
    {
      std::vector<size_t> widths;
      for (const Line& l : lines_)
        if (l.kind == LineKind::kText && !l.norm.empty()) widths.push_back(l.norm.size());
      if (!widths.empty()) {
        std::sort(widths.begin(), widths.end());
        column = widths[widths.size() * 3 / 4];
      }
    }
    for (size_t ci = 0; ci < chunks.size(); ++ci) {
      Chunk& c = chunks[ci];
      if (c.kind != LineKind::kText || c.article_start) continue;
      size_t chars = 0;
      bool punct = false;
      for (size_t li : c.lines) {
        chars += lines_[li].norm.size();
        for (char32_t ch : lines_[li].norm) punct |= IsClausePunct(ch);
      }
      c.headline_like = !punct && chars <= 40 && c.lines.size() <= 3;
      if (c.headline_like && column > 0 && column <= 40 && ci + 1 < chunks.size()) {
        const Chunk& next = chunks[ci + 1];
        size_t last = lines_[c.lines.back()].norm.size();
        bool next_body = next.kind == LineKind::kText && !next.article_start;
        if (next_body && last * 20 >= column * 17) c.headline_like = false;
      }
    }

    // 2. Paragraphs: a text chunk continues the open paragraph when that
    // paragraph stops mid-sentence. A headline-like chunk between the halves
    // of a sentence is set aside as a headline of its own.
    std::vector<Para> paras;
    int open = -1;  // index of the open body paragraph
    auto unterminated = [&](const Para& p) {
      const std::u32string& n = lines_[p.lines.back()].norm;
      if (n.empty()) return false;
      char32_t last = n.back();
      size_t k = n.size();
      while (k > 0 && IsCloser(n[k - 1])) --k;
      if (k > 0 && IsTerminal(n[k - 1])) return false;
      return !IsTerminal(last) && last != U';' && last != U':';
    };
    for (size_t ci = 0; ci < chunks.size(); ++ci) {
      const Chunk& c = chunks[ci];
      if (c.kind == LineKind::kByline) {
        paras.push_back(Para{c.lines, Para::kByline, false});
        open = -1;
        continue;
      }
      if (c.kind == LineKind::kHeading) {
        paras.push_back(Para{c.lines, Para::kHeadline, false});
        open = -1;
        continue;
      }
      if (c.headline_like) {
        bool keep_open = false;
        if (open >= 0 && unterminated(paras[open])) {
          // Is there a continuation after this run of headline chunks?
          for (size_t d = ci + 1; d < chunks.size(); ++d) {
            if (chunks[d].kind != LineKind::kText || chunks[d].article_start) break;
            if (chunks[d].headline_like) continue;
            keep_open = true;
            break;
          }
        }
        paras.push_back(Para{c.lines, Para::kHeadline, false});
        if (!keep_open) open = -1;
        continue;
      }
      if (open >= 0 && !c.article_start && unterminated(paras[open])) {
        auto& pl = paras[open].lines;
        pl.insert(pl.end(), c.lines.begin(), c.lines.end());
        continue;
      }
      paras.push_back(Para{c.lines, Para::kBody, c.article_start});
      open = static_cast<int>(paras.size()) - 1;
    }

    // 3. Articles and sentences.
    bool after_byline = false;
    bool has_body = false;
    page_->articles.push_back(Article{0, 0});
    auto new_article = [&] {
      if (page_->articles.back().count == 0) return;
      page_->articles.push_back(Article{page_->sentences.size(), 0});
      has_body = false;
    };
    for (size_t pi = 0; pi < paras.size(); ++pi) {
      const Para& p = paras[pi];
      if (p.kind == Para::kByline) {
        // A byline closes its article when a new one follows (a headline, 本报讯,
        // the end of the page); a photo credit inside an article does not.
        size_t next = pi + 1;
        while (next < paras.size() && paras[next].kind == Para::kByline) ++next;
        if (next >= paras.size() || paras[next].kind == Para::kHeadline || paras[next].article_start)
          after_byline = true;
        continue;
      }
      if (after_byline) { new_article(); after_byline = false; }
      if (p.kind == Para::kBody && p.article_start && has_body) new_article();
      if (p.kind == Para::kBody) has_body = true;
      EmitParagraph(p.lines, p.kind == Para::kHeadline);
    }
    if (page_->articles.back().count == 0 && page_->articles.size() > 1) page_->articles.pop_back();
  }

  // The length of a pinyin reading "(fā)" that some web copies put after a
  // character, starting at l.units[k], or 0.
  size_t PinyinReadingAt(const Line& l, size_t k) const {
    char32_t open = units_[l.units[k]].ch;
    if (open != '(' && open != U'（') return 0;
    static const std::u32string_view kToned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";
    size_t j = k + 1;
    bool toned = false;
    while (j < l.units.size() && j - k <= 7) {
      char32_t c = units_[l.units[j]].ch;
      bool letter = c >= 'a' && c <= 'z';
      bool tone = kToned.find(c) != std::u32string_view::npos;
      if (!letter && !tone) break;
      toned |= tone;
      ++j;
    }
    if (j == k + 1 || j >= l.units.size() || !toned) return 0;
    char32_t close = units_[l.units[j]].ch;
    if (close != ')' && close != U'）') return 0;
    return j - k + 1;
  }

  // Joins the lines of a paragraph (dropping spaces except between ASCII
  // words and any leading '#') and splits it into sentences.
  void EmitParagraph(const std::vector<size_t>& line_ids, bool headline) {
    std::vector<uint32_t> us;
    for (size_t li : line_ids) {
      const Line& l = lines_[li];
      size_t k = 0;
      if (lines_[li].kind == LineKind::kHeading) {
        while (k < l.units.size() && (units_[l.units[k]].ch == '#' || IsSpace(units_[l.units[k]].ch))) ++k;
      }
      for (; k < l.units.size(); ++k) {
        uint32_t u = l.units[k];
        if (!us.empty() && IsHan(units_[us.back()].ch)) {
          size_t r = PinyinReadingAt(l, k);  // 開發(fā)區(qū): the reading is no part of the text
          if (r) { k += r - 1; continue; }
        }
        if (IsSpace(units_[u].ch)) {
          bool keep = !us.empty() && IsAsciiAlnum(units_[us.back()].ch) && k + 1 < l.units.size() &&
                      IsAsciiAlnum(units_[l.units[k + 1]].ch) && !IsSpace(units_[us.back()].ch);
          if (!keep) continue;
        }
        us.push_back(u);
      }
    }
    if (us.empty()) return;
    const Normalizer& norm = Normalizer::Get();
    Sentence s;
    int depth = 0;
    size_t since_open = 0;
    auto finish = [&] {
      if (!s.text.empty()) {
        s.src.push_back(static_cast<uint32_t>(s.orig.size()));
        s.article = static_cast<int>(page_->articles.size()) - 1;
        s.headline = headline;
        page_->sentences.push_back(std::move(s));
        page_->articles.back().count++;
      }
      s = Sentence();
      depth = 0;
      since_open = 0;
    };
    for (size_t k = 0; k < us.size(); ++k) {
      const Unit& u = units_[us[k]];
      if (s.orig.empty()) s.orig_begin = u.ob;
      size_t before = s.text.size();
      norm.Append(u.ch, &s.text);
      for (size_t t = before; t < s.text.size(); ++t) s.src.push_back(static_cast<uint32_t>(s.orig.size()));
      s.orig.push_back(u.ch);
      s.orig_end = u.oe;
      if (s.text.size() >= kMaxSentenceChars) {
        finish();
        continue;
      }
      if (s.text.size() == before) continue;
      char32_t c = s.text.back();
      if (c == U'“' || c == U'「' || c == U'『') { ++depth; since_open = 0; }
      if ((c == U'”' || c == U'」' || c == U'』') && depth > 0) --depth;
      if (depth > 0 && ++since_open > 160) depth = 0;  // an unbalanced quote
      if (headline || !IsTerminal(c) || depth > 0) continue;
      // Absorb further terminals and closing quotes or brackets.
      while (k + 1 < us.size()) {
        std::u32string next;
        norm.Append(units_[us[k + 1]].ch, &next);
        if (next.size() != 1 || !(IsTerminal(next[0]) || IsCloser(next[0]))) break;
        ++k;
        s.src.push_back(static_cast<uint32_t>(s.orig.size()));
        s.text.push_back(next[0]);
        s.orig.push_back(units_[us[k]].ch);
        s.orig_end = units_[us[k]].oe;
      }
      finish();
    }
    finish();
  }

  const DecodedText& text_;
  const Lexicon& lex_;
  std::vector<std::pair<std::u32string, LayoutKind>> markers_;  // spaces removed
  Page* page_;
  std::vector<Unit> units_;
  std::vector<Line> lines_;
  std::vector<std::pair<Line*, Line>> pending_tails_;
};

}  // namespace

std::string Sentence::OrigSpan(size_t b, size_t e) const {
  if (b >= e || e > text.size()) return {};
  size_t ob = src[b];
  size_t oe = src[e - 1] + 1;
  return ToUtf8(std::u32string_view(orig).substr(ob, oe - ob));
}

std::string Sentence::Display() const { return ToUtf8(orig); }

void SegmentPage(const DecodedText& text, const Lexicon& lex, Page* page) {
  *page = Page();
  Segmenter(text, lex, page).Run();
}

}  // namespace kgb
