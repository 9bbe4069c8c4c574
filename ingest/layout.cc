#include "ingest/layout.h"

#include <algorithm>

#include "ingest/word_starts.h"
#include "util/normalize.h"
#include "util/utf8.h"

namespace kgb {
namespace {

struct Unit {
  char32_t ch;
  uint32_t ob, oe;  // original byte range
  uint32_t tb, te;  // its UTF-8 bytes in the decoded text
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

// A line of the page: a byte range of the decoded text and what the later
// steps need of its normalized form (kept as a summary, not a copy, so that a
// page's lines cost a few bytes each).
struct Line {
  uint32_t b = 0, e = 0;      // bytes of the decoded text, spaces trimmed at both ends
  uint32_t chars = 0;         // normalized characters without spaces
  LineKind kind = LineKind::kText;
  bool article_start = false;
  bool clause_punct = false;  // holds clause punctuation
  bool open = false;          // ends mid-sentence
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
    std::vector<std::vector<std::u32string_view>> by_kind;
    for (const auto& [mm, k] : markers_) {
      const size_t kind = static_cast<size_t>(k);
      if (by_kind.size() <= kind) by_kind.resize(kind + 1);
      by_kind[kind].push_back(mm);
    }
    for (auto& words : by_kind) kinds_.emplace_back(std::move(words));
  }

  void Run() {
    SplitLines();
    BuildParagraphs();
  }

 private:
  // The character at byte i of the decoded text, which is well-formed UTF-8
  // (DecodeText's contract): decoded without the checks of DecodeUtf8, which
  // remains the fallback for anything unexpected.
  char32_t CharAt(size_t i, size_t* len) const {
    const std::string& s = text_.text;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
    const unsigned char b = p[0];
    if (b < 0x80) {
      *len = 1;
      return b;
    }
    if (b >= 0xE0 && b < 0xF0 && i + 3 <= s.size()) {  // nearly all Chinese text
      *len = 3;
      return (static_cast<char32_t>(b & 0x0F) << 12) | (static_cast<char32_t>(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    return DecodeUtf8(s, i, len);
  }

  // The end of the line that starts at byte i: the next line break ('\n',
  // U+2028, U+2029, U+0085) or the end of the text; *next is where the
  // following line starts.
  size_t LineEnd(size_t i, size_t* next) const {
    const std::string& s = text_.text;
    const size_t n = s.size();
    for (; i < n; ++i) {
      const unsigned char b = static_cast<unsigned char>(s[i]);
      if (b >= 0xE3 && b <= 0xEF) {  // a three-byte character (all CJK): no break
        i += 2;
        continue;
      }
      if (b == '\n') {
        *next = i + 1;
        return i;
      }
      if (b == 0xE2 && i + 2 < n && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
        *next = i + 3;
        return i;
      }
      if (b == 0xC2 && i + 1 < n && static_cast<unsigned char>(s[i + 1]) == 0x85) {
        *next = i + 2;
        return i;
      }
    }
    *next = n + 1;
    return n;
  }

  // Appends the normalized characters of bytes [b, e), spaces left out;
  // true if there were spaces.
  bool NormalizeRange(size_t b, size_t e, std::u32string* out) const {
    const Normalizer& norm = Normalizer::Get();
    bool spaces = false;
    for (size_t i = b, len; i < e; i += len) {
      char32_t c = CharAt(i, &len);
      if (IsSpace(c)) {
        spaces = true;
      } else {
        norm.Append(c, out);
      }
    }
    return spaces;
  }

  // Cuts the text into lines, classifies each as it comes and keeps its
  // summary (an inline byline becomes a line of its own right after it).
  void SplitLines() {
    const std::string& s = text_.text;
    std::u32string norm;
    for (size_t start = 0; start <= s.size();) {
      size_t next;
      const size_t end = LineEnd(start, &next);
      // Trim spaces at both ends.
      size_t b = start, e = start;
      bool any = false;
      for (size_t k = start, l; k < end; k += l) {
        if (!IsSpace(CharAt(k, &l))) {
          b = k;
          any = true;
          break;
        }
      }
      if (any) {
        for (size_t k = end; k > b;) {  // back over the last characters
          size_t lead = k - 1;
          while (lead > b && IsUtf8Continuation(s[lead])) --lead;
          size_t l;
          if (!IsSpace(CharAt(lead, &l))) {
            e = lead + l;
            break;
          }
          k = lead;
        }
      }
      Line line;
      line.b = static_cast<uint32_t>(b);
      line.e = static_cast<uint32_t>(any ? e : b);
      norm.clear();
      const bool spaces = NormalizeRange(line.b, line.e, &norm);
      // NFKC maps U+3000 to a space; drop what normalized to spaces too.
      norm.erase(std::remove(norm.begin(), norm.end(), U' '), norm.end());
      Line tail;
      std::u32string tail_norm;
      bool has_tail = Classify(&line, &norm, spaces, &tail, &tail_norm);
      Summarize(&line, norm);
      lines_.push_back(line);
      if (has_tail) {
        Summarize(&tail, tail_norm);
        lines_.push_back(tail);
      }
      start = next;
    }
  }

  // What BuildParagraphs reads of a line's normalized form.
  static void Summarize(Line* l, const std::u32string& n) {
    l->chars = static_cast<uint32_t>(n.size());
    l->clause_punct = std::any_of(n.begin(), n.end(), IsClausePunct);
    l->open = false;
    if (n.empty()) return;
    char32_t last = n.back();
    size_t k = n.size();
    while (k > 0 && IsCloser(n[k - 1])) --k;
    if (k > 0 && IsTerminal(n[k - 1])) return;
    l->open = !IsTerminal(last) && last != U';' && last != U':';
  }

  // True if a marker of `kind` starts s (at_start) or occurs in it.
  bool HasMarker(const std::u32string& s, LayoutKind kind, bool at_start) const {
    const size_t k = static_cast<size_t>(kind);
    if (k >= kinds_.size()) return false;  // no marker of this kind
    return at_start ? kinds_[k].AnyAt(s, 0) : kinds_[k].Contains(s);
  }

  // Classifies a line from its normalized form `n`; splits off an inline
  // byline into *tail (returns true), shortening the line and `n`.
  // `spaces`: the line holds spaces (an inline byline is set off by them).
  bool Classify(Line* l, std::u32string* norm, bool spaces, Line* tail, std::u32string* tail_norm) {
    const std::u32string& n = *norm;
    if (n.empty()) { l->kind = LineKind::kBlank; return false; }
    if (n[0] == U'#') { l->kind = LineKind::kHeading; return false; }
    if (n.size() <= 60 && HasMarker(n, LayoutKind::kDrop, false)) { l->kind = LineKind::kDrop; return false; }
    // Navigation trails and menus: "首页 > 新闻中心 > 园区动态", "政务公开 | 投资指南".
    if (n.size() <= 80) {
      size_t seps = 0;
      bool period = false;
      for (size_t k = 0; k < n.size(); ++k) {
        char32_t c = n[k];
        seps += c == U'>' || c == U'|' || c == U'»' || c == U'›';
        // "栏目-产业园区-特色小镇": a hyphen between words, not in a number.
        seps += c == U'-' && k > 0 && k + 1 < n.size() && IsHan(n[k - 1]) && IsHan(n[k + 1]);
        period |= c == U'。';
      }
      if (seps >= 2 && !period) { l->kind = LineKind::kDrop; return false; }
    }
    if (n.size() <= 40) {  // (the copy only for short lines)
      std::u32string body = n;
      while (!body.empty() && (body[0] == U'(' || body[0] == U'【' || body[0] == U'[')) body.erase(0, 1);
      if (HasMarker(body, LayoutKind::kByline, true)) { l->kind = LineKind::kByline; return false; }
    }
    // Publication time and source lines stand alone, like a heading.
    if (n.size() <= 80 && HasMarker(n, LayoutKind::kMeta, true)) { l->kind = LineKind::kHeading; return false; }
    l->kind = LineKind::kText;
    if (HasMarker(n, LayoutKind::kArticle, true)) {
      l->article_start = true;
    } else if (StartsWith(n, U"本报") && std::u32string_view(n).substr(0, 14).find(U'讯') != std::u32string::npos) {
      l->article_start = true;  // 本报郑州5月9日讯
    } else {
      size_t dian = std::u32string_view(n).substr(0, 20).find(U'电');
      if (dian != std::u32string::npos &&
          (StartsWith(n, U"新华社") || StartsWith(n, U"中新社") || StartsWith(n, U"中新网") || StartsWith(n, U"人民网")))
        l->article_start = true;
    }
    return spaces && SplitInlineByline(l, norm, tail, tail_norm);
  }

  // "…传出的消息。 记者 孙庆辉 文/图": a byline glued to the end of a paragraph.
  bool SplitInlineByline(Line* l, std::u32string* norm, Line* tail, std::u32string* tail_norm) {
    for (size_t k = l->b, len; k < l->e; k += len) {
      char32_t c = CharAt(k, &len);
      if (k + len >= l->e) break;  // the last character
      if (c != U'。' && c != U'！' && c != U'？' && c != U'!' && c != U'?') continue;
      size_t j = k + len, jl = 0;
      while (j < l->e && IsSpace(CharAt(j, &jl))) j += jl;
      if (j == k + len || j >= l->e) continue;  // bylines are set off by spaces
      std::u32string rest;
      NormalizeRange(j, l->e, &rest);
      if (rest.size() <= 30 && HasMarker(rest, LayoutKind::kByline, true)) {
        tail->b = static_cast<uint32_t>(j);
        tail->e = l->e;
        tail->kind = LineKind::kByline;
        *tail_norm = std::move(rest);
        l->e = static_cast<uint32_t>(k + len);
        norm->clear();
        NormalizeRange(l->b, l->e, norm);
        return true;
      }
    }
    return false;
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
        if (l.kind == LineKind::kText && l.chars > 0) widths.push_back(l.chars);
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
        chars += lines_[li].chars;
        punct |= lines_[li].clause_punct;
      }
      c.headline_like = !punct && chars <= 40 && c.lines.size() <= 3;
      if (c.headline_like && column > 0 && column <= 40 && ci + 1 < chunks.size()) {
        const Chunk& next = chunks[ci + 1];
        size_t last = lines_[c.lines.back()].chars;
        bool next_body = next.kind == LineKind::kText && !next.article_start;
        if (next_body && last * 20 >= column * 17) c.headline_like = false;
      }
    }

    // 2. Paragraphs: a text chunk continues the open paragraph when that
    // paragraph stops mid-sentence. A headline-like chunk between the halves
    // of a sentence is set aside as a headline of its own.
    std::vector<Para> paras;
    int open = -1;  // index of the open body paragraph
    auto unterminated = [&](const Para& p) { return lines_[p.lines.back()].open; };
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

  // The length in bytes of a pinyin reading "(fā)" that some web copies put
  // after a character, starting at byte b of line l, or 0.
  size_t PinyinReadingAt(const Line& l, size_t b) const {
    size_t len;
    char32_t open = CharAt(b, &len);
    if (open != '(' && open != U'（') return 0;
    static const std::u32string_view kToned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";
    size_t j = b + len, units = 1;  // units: characters from b to j
    bool toned = false;
    while (j < l.e && units <= 7) {
      char32_t c = CharAt(j, &len);
      bool letter = c >= 'a' && c <= 'z';
      bool tone = kToned.find(c) != std::u32string_view::npos;
      if (!letter && !tone) break;
      toned |= tone;
      j += len;
      ++units;
    }
    if (units == 1 || j >= l.e || !toned) return 0;
    char32_t close = CharAt(j, &len);
    if (close != ')' && close != U'）') return 0;
    return j + len - b;
  }

  // The characters of a paragraph as sentences read them, one at a time: its
  // lines joined, spaces dropped except between ASCII words, a heading's
  // leading '#' dropped.
  class ParagraphChars {
   public:
    ParagraphChars(const Segmenter& seg, const std::vector<size_t>& line_ids) : seg_(seg), ids_(line_ids) {}

    bool Next(Unit* u) {
      if (!Peek(u)) return false;
      peeked_ = false;
      return true;
    }

    bool Peek(Unit* u) {
      if (!peeked_) {
        if (!Read(&next_)) return false;
        peeked_ = true;
      }
      *u = next_;
      return true;
    }

   private:
    bool Read(Unit* u) {
      for (;;) {
        if (pos_ >= end_) {  // the next line (end_ is 0 before the first)
          if (static_cast<size_t>(line_ + 1) >= ids_.size()) return false;
          l_ = &seg_.lines_[ids_[++line_]];
          pos_ = l_->b;
          end_ = l_->e;
          if (l_->kind == LineKind::kHeading) {
            size_t len;
            for (char32_t c; pos_ < end_ && ((c = seg_.CharAt(pos_, &len)) == '#' || IsSpace(c));) pos_ += len;
          }
          continue;
        }
        size_t len;
        char32_t c = seg_.CharAt(pos_, &len);
        size_t b = pos_;
        pos_ += len;
        if ((c == '(' || c == U'（') && any_ && IsHan(last_)) {
          size_t r = seg_.PinyinReadingAt(*l_, b);  // 開發(fā)區(qū): the reading is no part of the text
          if (r) {
            pos_ = b + r;
            continue;
          }
        }
        if (IsSpace(c)) {
          size_t nl;
          bool keep = any_ && IsAsciiAlnum(last_) && pos_ < end_ && IsAsciiAlnum(seg_.CharAt(pos_, &nl)) &&
                      !IsSpace(last_);
          if (!keep) continue;
        }
        any_ = true;
        last_ = c;
        *u = Unit{c, static_cast<uint32_t>(seg_.text_.OrigOffset(b, &hint_)),
                  static_cast<uint32_t>(seg_.text_.OrigOffset(pos_, &hint_)), static_cast<uint32_t>(b),
                  static_cast<uint32_t>(pos_)};
        return true;
      }
    }

    const Segmenter& seg_;
    const std::vector<size_t>& ids_;
    long line_ = -1;
    const Line* l_ = nullptr;  // lines_[ids_[line_]]
    size_t pos_ = 0, end_ = 0;  // the next byte to read in the line, and its end
    bool any_ = false;  // a character was kept
    char32_t last_ = 0;
    bool peeked_ = false;
    Unit next_{};
    size_t hint_ = 0;  // for OrigOffset
  };

  // Splits a paragraph into sentences. A sentence is built in the scratch
  // buffers text_buf_, orig_buf_ and src_buf_ (reused across sentences) and
  // copied out at its exact size. src_buf_ stays empty while every
  // character normalizes to exactly one (the identity map, nearly always).
  void EmitParagraph(const std::vector<size_t>& line_ids, bool headline) {
    ParagraphChars chars(*this, line_ids);
    const Normalizer& norm = Normalizer::Get();
    Sentence s;
    std::u32string& text = text_buf_;
    std::string& orig = orig_buf_;
    std::vector<uint32_t>& src = src_buf_;
    text.clear();
    orig.clear();
    src.clear();
    bool mapped = false;      // src holds the map (else: the identity so far)
    uint32_t orig_chars = 0;  // characters in orig
    // The bytes of text_ that orig still lacks: consecutive characters are
    // appended as one run rather than one by one.
    size_t run_b = 0, run_e = 0;
    auto take = [&](const Unit& x) {
      if (x.tb != run_e) {
        orig.append(text_.text, run_b, run_e - run_b);
        run_b = x.tb;
      }
      run_e = x.te;
    };
    auto flush_run = [&] {
      orig.append(text_.text, run_b, run_e - run_b);
      run_b = run_e = 0;
    };
    int depth = 0;
    size_t since_open = 0;
    auto finish = [&] {
      flush_run();
      if (!text.empty()) {
        // Traditional -> Simplified over the whole sentence, with phrase
        // context; length-preserving, so the map stays valid (util/t2s.h).
        norm.ToSimplified(&text);
        if (mapped) {
          src.push_back(orig_chars);
          // No map when text[i] came from orig character i throughout.
          bool identity = orig_chars == text.size();
          for (size_t i = 0; identity && i < src.size(); ++i) identity = src[i] == i;
          if (!identity) s.src.assign(src.begin(), src.end());
        }
        s.text.assign(text);
        s.orig.assign(orig);
        s.article = static_cast<int>(page_->articles.size()) - 1;
        s.headline = headline;
        page_->sentences.push_back(std::move(s));
        page_->articles.back().count++;
      }
      s = Sentence();
      text.clear();
      orig.clear();
      src.clear();
      mapped = false;
      orig_chars = 0;
      depth = 0;
      since_open = 0;
    };
    Unit u;
    while (chars.Next(&u)) {
      if (orig_chars == 0) s.orig_begin = u.ob;
      size_t before = text.size();
      norm.AppendCompat(u.ch, &text);
      if (!mapped && (text.size() != before + 1 || before != orig_chars)) {
        mapped = true;  // from here on, the map: the identity up to this character
        for (uint32_t k = 0; k < before; ++k) src.push_back(k);
      }
      if (mapped)
        for (size_t t = before; t < text.size(); ++t) src.push_back(orig_chars);
      take(u);
      ++orig_chars;
      s.orig_end = u.oe;
      if (text.size() >= kMaxSentenceChars) {
        finish();
        continue;
      }
      if (text.size() == before) continue;
      char32_t c = text.back();
      if (c >= 0x4E00 && c < 0xFF00) {  // a Han character (most of a text): no quote, no terminal
        if (depth > 0 && ++since_open > 160) depth = 0;
        continue;
      }
      if (c == U'“' || c == U'「' || c == U'『') { ++depth; since_open = 0; }
      if ((c == U'”' || c == U'」' || c == U'』') && depth > 0) --depth;
      if (depth > 0 && ++since_open > 160) depth = 0;  // an unbalanced quote
      if (headline || !IsTerminal(c) || depth > 0) continue;
      // Absorb further terminals and closing quotes or brackets.
      Unit n;
      while (chars.Peek(&n)) {
        std::u32string next;
        norm.AppendCompat(n.ch, &next);
        if (next.size() != 1 || !(IsTerminal(next[0]) || IsCloser(next[0]))) break;
        chars.Next(&n);
        if (mapped) src.push_back(orig_chars);
        text.push_back(next[0]);
        take(n);
        ++orig_chars;
        s.orig_end = n.oe;
      }
      finish();
    }
    finish();
  }

  const DecodedText& text_;
  const Lexicon& lex_;
  std::vector<std::pair<std::u32string, LayoutKind>> markers_;  // spaces removed
  std::vector<WordStarts> kinds_;  // per LayoutKind: its markers (views of markers_)
  Page* page_;
  std::vector<Line> lines_;
  std::u32string text_buf_;  // EmitParagraph's scratch buffers
  std::string orig_buf_;
  std::vector<uint32_t> src_buf_;
};

}  // namespace

std::string Sentence::OrigSpan(size_t b, size_t e) const {
  if (b >= e || e > text.size()) return {};
  size_t ob = src.empty() ? b : src[b];       // characters of orig
  size_t oe = (src.empty() ? e - 1 : src[e - 1]) + 1;
  size_t i = 0, k = 0;
  for (; k < ob && i < orig.size(); ++k) i += Utf8SeqLen(static_cast<unsigned char>(orig[i]));
  size_t j = i;
  for (; k < oe && j < orig.size(); ++k) j += Utf8SeqLen(static_cast<unsigned char>(orig[j]));
  return orig.substr(i, j - i);
}

std::string Sentence::Display() const { return orig; }

void SegmentPage(const DecodedText& text, const Lexicon& lex, Page* page) {
  *page = Page();
  Segmenter(text, lex, page).Run();
  page->sentences.shrink_to_fit();  // kept through the whole extraction
}

}  // namespace kgb
