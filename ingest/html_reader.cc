#include "ingest/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

#include "util/utf8.h"

namespace kgb {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsCjk(char32_t c) {
  return IsHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2000 && c <= 0x206F);
}

bool IsPunct(char32_t c) {
  return c == U'，' || c == U'。' || c == U'、' || c == U'；' || c == U'：' || c == U'！' || c == U'？' || c == U'“' ||
         c == U'”';
}

// Elements never read: code, styling, forms, embedded content and the
// page's frame.
bool IsFurnitureTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP: case GUMBO_TAG_MENU: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME: case GUMBO_TAG_APPLET:
      return true;
    default:
      return false;
  }
}

// Inline elements: their text belongs to the block around them.
bool IsInline(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DFN: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_KBD: case GUMBO_TAG_MARK: case GUMBO_TAG_Q:
    case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_U: case GUMBO_TAG_VAR:
    case GUMBO_TAG_BIG: case GUMBO_TAG_STRIKE: case GUMBO_TAG_TT: case GUMBO_TAG_LABEL: case GUMBO_TAG_NOBR:
    case GUMBO_TAG_WBR: case GUMBO_TAG_IMG: case GUMBO_TAG_BR: case GUMBO_TAG_UNKNOWN: case GUMBO_TAG_RUBY:
    case GUMBO_TAG_RT: case GUMBO_TAG_RP:
      return true;
    default:
      return false;
  }
}

// Blocks that hold paragraphs (their score also goes to themselves).
bool IsContainer(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_TD: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3;
}

// Class and id words of site furniture. Matched as substrings of the lower-
// cased value ("mainNav", "share-bar", "comment_list")...
const char* const kFurnitureParts[] = {"nav", "menu", "breadcrumb", "crumb", "share", "comment", "sidebar",
                                       "footer", "copyright", "banner", "advert", "toolbar", "social", "login",
                                       "jiathis", "bdshare", "pagination", "pager", "related", "recommend",
                                       "hotnews", "friendlink", "weixin", "qrcode", "masthead", "topbar"};
// ...and as whole words (split at anything but letters and digits).
const char* const kFurnitureWords[] = {"header", "head", "foot", "top", "bottom", "side", "ad", "ads",
                                       "tags", "search", "links", "print", "close", "gotop", "logo"};

bool IsFurnitureValue(const char* v) {
  if (!v || !*v) return false;
  std::string s = AsciiLower(v);
  for (const char* p : kFurnitureParts)
    if (s.find(p) != std::string::npos) return true;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    size_t b = i;
    while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    if (i == b) break;
    std::string_view w(s.data() + b, i - b);
    for (const char* f : kFurnitureWords)
      if (w == f) return true;
  }
  return false;
}

bool IsHidden(const GumboElement& e) {
  if (gumbo_get_attribute(&e.attributes, "hidden")) return true;
  const GumboAttribute* st = gumbo_get_attribute(&e.attributes, "style");
  if (!st) return false;
  std::string s = AsciiLower(st->value);
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return IsAsciiSpace(c); }), s.end());
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

// Furniture by class, id or role.
bool IsFurnitureByName(const GumboElement& e) {
  for (const char* attr : {"class", "id", "role"}) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, attr);
    if (a && IsFurnitureValue(a->value)) return true;
  }
  return false;
}

// A conservative count of the deepest nesting of open tags, skipping
// comments and the contents of script and style. Elements that close
// themselves (p, li, td...) and void elements do not count.
size_t NestingDepth(std::string_view s) {
  static const char* const kNoDepth[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                          "meta", "param", "source", "track", "wbr", "p", "li", "td", "th",
                                          "tr", "option", "dt", "dd", "keygen", "basefont", "frame", "isindex"};
  size_t depth = 0, max_depth = 0;
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.compare(i, 4, "<!--") == 0) {
      size_t e = s.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    bool end = i + 1 < s.size() && s[i + 1] == '/';
    size_t b = i + (end ? 2 : 1);
    size_t e = b;
    while (e < s.size() && std::isalnum(static_cast<unsigned char>(s[e]))) ++e;
    if (e == b || !std::isalpha(static_cast<unsigned char>(s[b]))) { ++i; continue; }
    std::string name = AsciiLower(s.substr(b, e - b));
    size_t close = s.find('>', e);
    if (close == std::string_view::npos) break;
    bool self_closing = close > 0 && s[close - 1] == '/';
    i = close + 1;
    if (end) {
      if (depth > 0) --depth;
      continue;
    }
    if (name == "script" || name == "style" || name == "textarea" || name == "xmp") {
      std::string closing = "</" + name;
      size_t k = i;
      bool found = false;
      while ((k = s.find("</", k)) != std::string_view::npos) {
        if (AsciiLower(s.substr(k, closing.size())) == closing) { found = true; break; }
        k += 2;
      }
      if (!found) break;
      i = k;
      continue;
    }
    if (self_closing) continue;
    bool counts = true;
    for (const char* v : kNoDepth)
      if (name == v) { counts = false; break; }
    if (counts && ++depth > max_depth) max_depth = depth;
  }
  return max_depth;
}

bool IsWestern(const std::string& l) {
  return l.rfind("iso-8859", 0) == 0 || l.rfind("iso8859", 0) == 0 || l.rfind("windows-125", 0) == 0 ||
         l.rfind("cp125", 0) == 0 || l.rfind("latin", 0) == 0 || l == "us-ascii" || l == "ascii" || l == "l1";
}

bool IsDetected(const std::string& l) {
  return l.empty() || l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "gb2312" || l == "gbk" ||
         l == "gb18030" || l == "cp936" || l == "x-gbk" || l == "euc-cn" || l == "csgb2312" || l == "gb_2312-80" ||
         l == "chinese" || l.rfind("utf-16", 0) == 0 || l == "unicode";
}

Status DecodeHtml(std::string_view bytes, const std::string& name, HtmlText* out) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
  bool bom = (bytes.size() >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) ||
             (bytes.size() >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)));
  if (!bom) out->charset = DeclaredCharset(bytes.substr(0, 4096));
  const std::string& label = out->charset;
  if (!bom && !IsDetected(label) && !IsWestern(label) && !IsValidUtf8(bytes)) {
    if (DecodeWithCharset(bytes, name, label, &out->text).ok()) return Status::OK();
  }
  return DecodeText(bytes, name, &out->text);
}

// Maps each byte of gumbo's decoded text (`text`) to the offset in the
// parser's buffer of the character it came from; `orig` is the source span
// (before character references were decoded) starting at buffer offset
// `base`.
void AlignText(std::string_view orig, size_t base, std::string_view text, std::vector<size_t>* map) {
  map->assign(text.size(), base + orig.size());
  size_t i = 0, j = 0;
  while (j < text.size()) {
    if (i >= orig.size()) {
      (*map)[j++] = base + orig.size();
      continue;
    }
    char o = orig[i];
    if (o == '\r') {
      ++i;
      if (text[j] == '\n' && (i >= orig.size() || orig[i] != '\n')) (*map)[j++] = base + i - 1;
      continue;
    }
    if (o == '&') {
      size_t k = i + 1;
      while (k < orig.size() && k - i < 40 && (std::isalnum(static_cast<unsigned char>(orig[k])) || orig[k] == '#')) ++k;
      if (k < orig.size() && orig[k] == ';') ++k;
      if (text.substr(j, k - i) == orig.substr(i, k - i)) {  // not a reference: copied as is
        for (size_t t = 0; t < k - i; ++t) (*map)[j + t] = base + i + t;
        j += k - i;
        i = k;
        continue;
      }
      size_t len = std::min(Utf8SeqLen(static_cast<unsigned char>(text[j])), text.size() - j);
      for (size_t t = 0; t < len; ++t) (*map)[j + t] = base + i;
      j += len;
      i = k;
      continue;
    }
    if (o == text[j]) {
      (*map)[j++] = base + i++;
      continue;
    }
    // Anything else (a replaced character): one character of each.
    size_t len = std::min(Utf8SeqLen(static_cast<unsigned char>(text[j])), text.size() - j);
    for (size_t t = 0; t < len; ++t) (*map)[j + t] = base + i;
    j += len;
    i += std::min(Utf8SeqLen(static_cast<unsigned char>(o)), orig.size() - i);
  }
}

struct El {
  const GumboNode* node = nullptr;
  int parent = -1;
  bool skip = false;       // furniture, or inside it
  bool named_furniture = false;  // class, id or role names furniture
  bool in_link = false;    // inside <a>
  size_t chars = 0;        // non-space characters of its own text (inline children included)
  size_t link_chars = 0;
  size_t punct = 0;
  size_t sub_chars = 0;    // the same over the whole subtree
  size_t sub_link = 0;
  size_t sub_size = 1;     // elements in the subtree, itself included (pre-order: [i, i + sub_size))
  double score = 0;
};

class Reader {
 public:
  Reader(const DecodedText& decoded, const GumboOutput* g) : decoded_(decoded), g_(g) {}

  void Run(HtmlText* out) {
    Index();
    FindTitleAndDate(out);
    int body = ChooseBody();
    if (body < 0) return;
    // A heading before the body, or the title.
    bool has_heading = false;
    for (size_t i = body; i < body + els_[body].sub_size; ++i) {
      if (!els_[i].skip && els_[i].node->v.element.tag == GUMBO_TAG_H1) has_heading = true;
      if (!els_[i].skip && IsHeading(els_[i].node->v.element.tag) && els_[i].sub_chars > 0) has_heading = true;
    }
    if (!has_heading) {
      int h1 = -1;
      for (size_t i = 0; i < static_cast<size_t>(body); ++i)
        if (!els_[i].skip && els_[i].node->v.element.tag == GUMBO_TAG_H1 && els_[i].sub_chars > 0) { h1 = static_cast<int>(i); break; }
      if (h1 >= 0) {
        Emit(els_[h1].node, -1);
      } else if (title_node_) {
        EmitTitle();
      }
    }
    Emit(els_[body].node, body);
    Finish(out);
  }

 private:
  // Pre-order list of elements with their furniture flags and text counts.
  void Index() {
    std::vector<std::pair<const GumboNode*, int>> stack;
    const GumboNode* root = g_->document;
    for (size_t k = root->v.document.children.length; k-- > 0;)
      stack.emplace_back(static_cast<const GumboNode*>(root->v.document.children.data[k]), -1);
    while (!stack.empty()) {
      auto [node, parent] = stack.back();
      stack.pop_back();
      if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
        const GumboElement& e = node->v.element;
        El el;
        el.node = node;
        el.parent = parent;
        bool parent_skip = parent >= 0 && els_[parent].skip;
        el.skip = parent_skip || IsFurnitureTag(e.tag) || IsHidden(e);
        el.named_furniture = IsFurnitureByName(e);
        el.in_link = (parent >= 0 && els_[parent].in_link) || e.tag == GUMBO_TAG_A;
        if (e.tag == GUMBO_TAG_TITLE && !title_node_ && e.children.length > 0) title_node_ = node;
        if (e.tag == GUMBO_TAG_META) metas_.push_back(node);
        int index = static_cast<int>(els_.size());
        els_.push_back(el);
        index_of_[node] = index;
        for (size_t k = e.children.length; k-- > 0;)
          stack.emplace_back(static_cast<const GumboNode*>(e.children.data[k]), index);
      } else if ((node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) && parent >= 0 &&
                 !els_[parent].skip) {
        int block = parent;
        while (block >= 0 && IsInline(els_[block].node->v.element.tag) && els_[block].parent >= 0) block = els_[block].parent;
        std::string_view t = node->v.text.text;
        for (size_t i = 0; i < t.size();) {
          size_t len;
          char32_t c = DecodeUtf8(t, i, &len);
          i += len;
          if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x3000 || c == 0xA0) continue;
          els_[block].chars++;
          if (els_[parent].in_link) els_[block].link_chars++;
          if (IsPunct(c)) els_[block].punct++;
        }
      }
    }
    Sum();
    // Elements named like furniture are left out, unless they hold most of
    // the page's text: a wrapper named "header-wrap" or an article in
    // class="top-news" is not furniture.
    size_t total = 0;
    for (const El& e : els_)
      if (e.parent < 0) total += e.sub_chars - e.sub_link;
    bool changed = false;
    for (size_t i = 0; i < els_.size(); ++i) {
      El& e = els_[i];
      if (e.skip || !e.named_furniture) continue;
      GumboTag tag = e.node->v.element.tag;
      if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE) continue;
      if ((e.sub_chars - e.sub_link) * 2 > total) continue;
      for (size_t k = i; k < i + e.sub_size; ++k) {
        els_[k].skip = true;
        els_[k].chars = els_[k].link_chars = els_[k].punct = 0;
      }
      changed = true;
    }
    if (changed) Sum();
  }

  // Subtree sums of the text counts and sizes.
  void Sum() {
    for (El& e : els_) {
      e.sub_chars = e.sub_link = 0;
      e.sub_size = 1;
    }
    for (size_t i = els_.size(); i-- > 0;) {
      El& e = els_[i];
      e.sub_chars += e.chars;
      e.sub_link += e.link_chars;
      if (e.parent >= 0) {
        els_[e.parent].sub_chars += e.sub_chars;
        els_[e.parent].sub_link += e.sub_link;
        els_[e.parent].sub_size += e.sub_size;
      }
    }
  }

  double LinkDensity(const El& e) const {
    return e.sub_chars == 0 ? 0.0 : static_cast<double>(e.sub_link) / e.sub_chars;
  }

  int ChooseBody() {
    for (size_t i = 0; i < els_.size(); ++i) {
      const El& e = els_[i];
      if (e.skip) continue;
      size_t own = e.chars - e.link_chars;
      if (own < 20) continue;
      double s = 1.0 + e.punct + std::min(own / 100.0, 3.0);
      GumboTag tag = e.node->v.element.tag;
      if (IsContainer(tag)) {
        els_[i].score += s;
        if (e.parent >= 0) els_[e.parent].score += s / 2;
      } else {
        if (e.parent >= 0) {
          els_[e.parent].score += s;
          int gp = els_[e.parent].parent;
          if (gp >= 0) els_[gp].score += s / 2;
        }
      }
    }
    int best = -1;
    double best_score = 0;
    for (size_t i = 0; i < els_.size(); ++i) {
      const El& e = els_[i];
      if (e.skip || e.score <= 0) continue;
      double s = e.score * (1.0 - LinkDensity(e));
      if (s > best_score) { best_score = s; best = static_cast<int>(i); }
    }
    if (best >= 0) return best;
    // No paragraph of 20 characters: the whole body, if it has any text.
    for (size_t i = 0; i < els_.size(); ++i)
      if (els_[i].node->v.element.tag == GUMBO_TAG_BODY && !els_[i].skip && els_[i].sub_chars > 0) return static_cast<int>(i);
    return -1;
  }

  void FindTitleAndDate(HtmlText* out) {
    if (title_node_) {
      std::string t;
      for (size_t k = 0; k < title_node_->v.element.children.length; ++k) {
        const GumboNode* c = static_cast<const GumboNode*>(title_node_->v.element.children.data[k]);
        if (c->type == GUMBO_NODE_TEXT) t += c->v.text.text;
      }
      std::string collapsed;
      for (char c : t) {
        if (IsAsciiSpace(c)) {
          if (!collapsed.empty() && collapsed.back() != ' ') collapsed.push_back(' ');
        } else {
          collapsed.push_back(c);
        }
      }
      while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
      out->title = ScrubUtf8(collapsed);  // gumbo can emit stray bytes for overflowing references
    }
    static const char* const kDateKeys[] = {"publishdate", "pubdate", "publish_date", "publishtime", "publish-date",
                                            "publication_date", "article:published_time", "og:published_time",
                                            "datepublished", "date", "dc.date", "dc.date.issued", "dc.date.created",
                                            "dcterms.issued", "dcterms.created", "dcterms.date", "firstpublishedtime",
                                            "releasedate", "release_date", "parsely-pub-date", "sailthru.date"};
    for (const GumboNode* m : metas_) {
      const GumboElement& e = m->v.element;
      const GumboAttribute* content = gumbo_get_attribute(&e.attributes, "content");
      if (!content) continue;
      for (const char* attr : {"name", "property", "itemprop", "http-equiv"}) {
        const GumboAttribute* a = gumbo_get_attribute(&e.attributes, attr);
        if (!a) continue;
        std::string key = AsciiLower(a->value);
        for (const char* k : kDateKeys) {
          if (key != k) continue;
          std::string d = ParseMetaDate(content->value);
          if (!d.empty() && out->date.empty()) out->date = d;
        }
      }
    }
  }

  // Appends a character of the output with its buffer offset.
  // `end` is the offset after the character's source.
  void Put(std::string_view bytes, size_t off, size_t end) {
    if (pending_break_ > 0 && !text_.empty()) {
      // Line breaks point just after the previous character.
      const char* br = pending_break_ == 2 ? "\n\n" : "\n";
      for (const char* c = br; *c; ++c) Push(*c, last_end_);
    }
    pending_break_ = 0;
    for (char c : bytes) Push(c, off);
    last_end_ = std::max(end, last_off_);
  }
  void Push(char c, size_t off) {
    if (off < last_off_) off = last_off_;
    last_off_ = off;
    text_.push_back(c);
    offs_.push_back(off);
  }
  void Break(int kind) {
    pending_space_ = false;
    pending_space_off_set_ = false;
    pending_break_ = std::max(pending_break_, kind);
  }

  void EmitText(const GumboNode* node, bool pre) {
    const GumboText& t = node->v.text;
    std::string_view text = t.text;
    const char* buf = decoded_.text.data();
    size_t base = t.start_pos.offset;
    std::string_view orig(t.original_text.data, t.original_text.length);
    if (orig.data() >= buf && orig.data() <= buf + decoded_.text.size()) base = static_cast<size_t>(orig.data() - buf);
    std::vector<size_t> map;
    AlignText(orig, base, text, &map);
    for (size_t i = 0; i < text.size();) {
      size_t len;
      char32_t c = DecodeUtf8(text, i, &len);
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0;
      if (pre && c == '\n') {
        Break(1);
      } else if (space) {
        if (!text_.empty() && pending_break_ == 0) {
          pending_space_ = true;
          if (!pending_space_off_set_) { space_off_ = map[i]; pending_space_off_set_ = true; }
        }
      } else {
        if (pending_space_ && pending_break_ == 0 && !(IsCjk(last_char_) && IsCjk(c))) Put(" ", space_off_, map[i]);
        pending_space_ = false;
        pending_space_off_set_ = false;
        // gumbo turns an overflowing reference (&#x6587EEEE…;) into stray
        // bytes; they leave as U+FFFD so the text stays valid UTF-8.
        std::string_view bytes = c == 0xFFFD && len == 1 ? std::string_view("\xEF\xBF\xBD") : text.substr(i, len);
        Put(bytes, map[i], i + len < text.size() ? map[i + len] : base + orig.size());
        last_char_ = c;
      }
      i += len;
    }
  }

  // Emits the text of `root`'s subtree; `root_index` is its element index
  // (-1: emit even link-dense blocks).
  void Emit(const GumboNode* root, int root_index) {
    struct Item {
      const GumboNode* node;
      bool exit;
      bool pre;
    };
    std::vector<Item> stack{{root, false, false}};
    while (!stack.empty()) {
      Item it = stack.back();
      stack.pop_back();
      const GumboNode* n = it.node;
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
        EmitText(n, it.pre);
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      const GumboElement& e = n->v.element;
      bool block = !IsInline(e.tag);
      if (it.exit) {
        if (block) Break(2);
        continue;
      }
      auto idx = index_of_.find(n);
      if (idx == index_of_.end()) continue;
      const El& el = els_[idx->second];
      if (el.skip) continue;
      if (n != root && block && el.sub_chars >= 10 && LinkDensity(el) > 0.5 && root_index >= 0) continue;
      if (e.tag == GUMBO_TAG_BR) {  // <br><br> ends a paragraph
        Break(pending_break_ >= 1 ? 2 : 1);
        continue;
      }
      if (block) Break(2);
      bool pre = it.pre || e.tag == GUMBO_TAG_PRE;
      stack.push_back({n, true, pre});
      for (size_t k = e.children.length; k-- > 0;)
        stack.push_back({static_cast<const GumboNode*>(e.children.data[k]), false, pre});
    }
    Break(2);
  }

  // The title's first part (before a site name), as a heading.
  void EmitTitle() {
    const GumboNode* text_node = nullptr;
    for (size_t k = 0; k < title_node_->v.element.children.length; ++k) {
      const GumboNode* c = static_cast<const GumboNode*>(title_node_->v.element.children.data[k]);
      if (c->type == GUMBO_NODE_TEXT) { text_node = c; break; }
    }
    if (!text_node) return;
    std::string_view t = text_node->v.text.text;
    size_t cut = t.size();
    for (const char* sep : {" - ", "_", "|", "－", "——", " – ", " — "}) {
      size_t at = t.find(sep);
      if (at != std::string_view::npos && CountChars(Trim(t.substr(0, at))) >= 4) cut = std::min(cut, at);
    }
    // Emit through a copy of the node limited to the first part.
    GumboNode part = *text_node;
    std::string first(t.substr(0, cut));
    part.v.text.text = first.c_str();
    // original_text may hold references; keep it whole (AlignText maps what
    // matches).
    EmitText(&part, false);
    Break(2);
  }

  void Finish(HtmlText* out) {
    while (!text_.empty() && (text_.back() == '\n' || text_.back() == ' ')) {
      text_.pop_back();
      offs_.pop_back();
    }
    bool text_empty = text_.empty();
    DecodedText& d = out->text;
    Encoding enc = decoded_.encoding;
    uint64_t end = decoded_.OrigOffset(decoded_.text.size());
    d.text = std::move(text_);
    d.encoding = enc;
    d.shift = 0;
    d.runs.clear();
    // Each character of the text points at its own bytes in the file:
    // appended one by one, as AddChar reads the last bytes of the text.
    std::string text = std::move(d.text);
    d.text.clear();
    d.text.reserve(text.size());
    for (size_t p = 0; p < text.size();) {
      size_t len = 1;
      const unsigned char c = static_cast<unsigned char>(text[p]);
      if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
      len = std::min(len, text.size() - p);
      const size_t at = std::min(offs_[p], decoded_.text.size());
      const uint64_t orig = decoded_.OrigOffset(at);
      const uint64_t next = decoded_.OrigOffset(std::min(at + len, decoded_.text.size()));
      const size_t orig_len = next > orig ? static_cast<size_t>(std::min<uint64_t>(next - orig, 255)) : 1;
      d.text.append(text, p, len);
      d.AddChar(len, static_cast<size_t>(orig), orig_len);
      p += len;
    }
    d.orig_size = text_empty ? end : decoded_.OrigOffset(std::min(last_end_, decoded_.text.size()));
  }

  const DecodedText& decoded_;
  const GumboOutput* g_;
  std::vector<El> els_;
  std::unordered_map<const GumboNode*, int> index_of_;
  const GumboNode* title_node_ = nullptr;
  std::vector<const GumboNode*> metas_;

  std::string text_;
  std::vector<size_t> offs_;
  size_t last_off_ = 0;
  size_t last_end_ = 0;
  int pending_break_ = 0;
  bool pending_space_ = false;
  bool pending_space_off_set_ = false;
  size_t space_off_ = 0;
  char32_t last_char_ = 0;
};

}  // namespace

std::string DeclaredCharset(std::string_view head) {
  std::string low = AsciiLower(head);
  size_t i = 0;
  while ((i = low.find("<meta", i)) != std::string::npos) {
    size_t end = low.find('>', i);
    if (end == std::string::npos) end = low.size();
    std::string_view tag(low.data() + i, end - i);
    i = end;
    size_t c = tag.find("charset");
    if (c == std::string_view::npos) continue;
    size_t k = c + 7;
    while (k < tag.size() && IsAsciiSpace(tag[k])) ++k;
    if (k >= tag.size() || tag[k] != '=') continue;
    ++k;
    while (k < tag.size() && (IsAsciiSpace(tag[k]) || tag[k] == '"' || tag[k] == '\'')) ++k;
    size_t b = k;
    while (k < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[k])) || tag[k] == '-' || tag[k] == '_' ||
                              tag[k] == '.' || tag[k] == ':'))
      ++k;
    if (k > b) return std::string(tag.substr(b, k - b));
  }
  return "";
}

std::string ParseMetaDate(std::string_view s) {
  auto digits = [&](size_t i, size_t max, size_t* end) -> int {
    int v = 0;
    size_t k = i;
    while (k < s.size() && k - i < max && std::isdigit(static_cast<unsigned char>(s[k]))) v = v * 10 + (s[k++] - '0');
    *end = k;
    return k == i ? -1 : v;
  };
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])) || (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1]))))
      continue;
    size_t k;
    int y = digits(i, 4, &k);
    if (k - i != 4 || y < 1900 || y > 2100) continue;
    int m = -1, d = -1;
    auto sep = [&](size_t* p, const char* cjk) {
      if (*p < s.size() && (s[*p] == '-' || s[*p] == '/' || s[*p] == '.')) { ++*p; return true; }
      if (s.compare(*p, 3, cjk) == 0) { *p += 3; return true; }
      return false;
    };
    size_t p = k;
    if (sep(&p, "年")) {
      m = digits(p, 2, &p);
      if (m < 0 || !sep(&p, "月")) continue;
      d = digits(p, 2, &p);
    } else if (p + 4 <= s.size()) {  // 20240512
      size_t e;
      int md = digits(p, 4, &e);
      if (e - p != 4 || (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e])))) continue;
      m = md / 100;
      d = md % 100;
    }
    if (m < 1 || m > 12 || d < 1 || d > 31) continue;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
  }
  return "";
}

Status ReadHtml(std::string_view bytes, const std::string& name, const HtmlOptions& options, HtmlText* out) {
  *out = HtmlText();
  if (bytes.size() > options.max_bytes)
    return Status::Unsupported(name + ": HTML page of " + std::to_string(bytes.size() >> 20) + " MB, over the " +
                               std::to_string(options.max_bytes >> 20) + " MB kgb parses (a news page is far smaller)");
  HtmlText decoded;
  KGB_RETURN_IF_ERROR(DecodeHtml(bytes, name, &decoded));
  const std::string& utf8 = decoded.text.text;
  size_t depth = NestingDepth(utf8);
  if (depth > options.max_depth)
    return Status::Unsupported(name + ": HTML nested " + std::to_string(depth) + " elements deep, over the " +
                               std::to_string(options.max_depth) + " kgb reads");
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.max_errors = 0;
  std::unique_ptr<GumboOutput, std::function<void(GumboOutput*)>> g(
      gumbo_parse_with_options(&gopts, utf8.data(), utf8.size()),
      [gopts](GumboOutput* o) { gumbo_destroy_output(&gopts, o); });
  if (!g) return Status::Corrupt(name + ": the HTML parser failed");
  Reader reader(decoded.text, g.get());
  reader.Run(out);
  out->charset = decoded.charset;
  if (out->text.text.empty())
    return Status::Unsupported(name + ": HTML page without article text (no body, or only navigation, scripts and markup)");
  return Status::OK();
}

}  // namespace kgb
