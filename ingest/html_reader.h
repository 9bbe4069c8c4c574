// HTML reader: a saved web page -> the text of its article, with every byte
// of that text mapped back to the byte of the original file it came from.
//
// Stages, in order:
//   1. charset: a BOM decides; else a <meta charset> or http-equiv
//      Content-Type declaration in the first 4 KiB names one, which is
//      trusted only where DecodeText cannot tell (Big5, Shift_JIS, EUC-KR...
//      through ICU); UTF-8 and GB2312/GBK/GB18030 declarations, and none,
//      go to DecodeText's detection, so a GBK page declared UTF-8 (or the
//      reverse) still reads. Western single-byte labels (ISO-8859-1,
//      windows-1252) are ignored: Chinese pages carry them by mistake.
//   2. parsing: gumbo, an HTML5 parser, over the decoded UTF-8.
//   3. the article body: site furniture is left out (script, style, nav,
//      header, footer, aside, form, iframe...; elements whose class or id
//      says navigation, menu, breadcrumb, share, comment, sidebar, footer,
//      copyright, related... unless they hold more than half of the page's
//      text outside links (a wrapper named "header-wrap", an article in
//      class="top-news"); hidden elements); each block holding at least
//      20 characters of text outside links scores 1 + its clause punctuation
//      + its length / 100 (at most 3), added to the block that holds it and
//      half to the next one up; scores are scaled by (1 - link density) and
//      the best block is the body. Inside it, link-dense blocks (related
//      articles) are left out.
//   4. text: each block (p, div, li, td, h1...) is a paragraph, separated
//      from the next by a blank line; <br> is a line break; runs of white
//      space are one space, and none between two CJK characters. When the
//      body holds no heading, the page's first <h1> is put before it, or
//      else the <title> (its first part, before a " - ", "_" or "|" site
//      name).
// The publication date comes from the page's <meta> (publishdate, PubDate,
// article:published_time, dc.date...): the caller dates articles that state
// none with it.
#ifndef KGB_INGEST_HTML_READER_H_
#define KGB_INGEST_HTML_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/decode.h"
#include "util/status.h"

namespace kgb {

struct HtmlOptions {
  // Larger pages are refused: gumbo's tree costs about 15 times the markup,
  // and news pages are far smaller.
  uint64_t max_bytes = 16ull << 20;
  // Markup nested deeper (by a conservative count of open tags) is refused:
  // gumbo frees its tree recursively.
  size_t max_depth = 4000;
};

struct HtmlText {
  // The article as UTF-8; text.OrigOffset(i) is the byte of the original
  // file that byte i of the text came from (non-decreasing). Inserted line
  // breaks point at the next character's byte.
  DecodedText text;
  std::string title;    // the <title>, white space collapsed ("" if none)
  std::string date;     // publication date from <meta>, YYYY-MM-DD, or ""
  std::string charset;  // the declared charset label, lower case, or ""
};

// Reads the page `bytes` named `name`. Fails (Unsupported, naming `name`)
// when the page is too large or too deeply nested, does not decode, or holds
// no text outside its furniture.
Status ReadHtml(std::string_view bytes, const std::string& name, const HtmlOptions& options, HtmlText* out);

// The publication date in a <meta> content value ("2024-05-12T08:00:00+08:00",
// "2024/5/12", "2024年5月12日", "20240512") as YYYY-MM-DD, or "" (exposed for
// tests).
std::string ParseMetaDate(std::string_view content);

// The charset label declared by a <meta> in `head` (lower case), or "".
std::string DeclaredCharset(std::string_view head);

}  // namespace kgb

#endif  // KGB_INGEST_HTML_READER_H_
