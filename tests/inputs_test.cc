// Input formats (issue 13): the format sniffer, the HTML, PDF and DOCX
// readers and the way their offsets point back at the source. The fixtures
// in tests/fixtures/inputs are made by make_inputs.py there from one
// invented article.
#include <unicode/ucnv.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "ingest/format.h"
#include "ingest/html_reader.h"
#include "ingest/pdf_reader.h"
#include "ingest/pipeline.h"
#include "test_paths.h"
#include "util/file_io.h"
#include "util/utf8.h"

namespace kgb {
namespace {

#define INPUTS KGB_FIXTURES_DIR "/inputs/"

std::string Slurp(const std::string& path) {
  std::string s;
  REQUIRE(ReadFile(path, &s).ok());
  return s;
}

// `s` without white space (ASCII, U+3000, U+00A0).
std::string Squeeze(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t c = DecodeUtf8(s, i, &len);
    if (!(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x3000 || c == 0xA0))
      out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

std::string Convert(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  REQUIRE(U_SUCCESS(err));
  out.resize(n);
  return out;
}

// The article of the fixtures: headline and paragraphs, as in article.txt.
std::vector<std::string> ArticleParts() {
  std::string txt = Slurp(INPUTS "article.txt");
  std::vector<std::string> parts;
  size_t b = 0;
  while (b < txt.size()) {
    size_t e = txt.find("\n\n", b);
    if (e == std::string::npos) e = txt.size();
    std::string p = txt.substr(b, e - b);
    while (!p.empty() && p.back() == '\n') p.pop_back();
    if (!p.empty()) parts.push_back(p);
    b = e + 2;
  }
  return parts;
}

TEST_CASE("formats are told apart by content, then by extension", "[inputs]") {
  struct Row {
    const char* name;
    std::string bytes;
    InputFormat want;
  };
  const std::vector<Row> rows = {
      {"a.txt", "%PDF-1.7\n...", InputFormat::kPdf},
      {"a.bin", "junk\n%PDF-1.4\n", InputFormat::kPdf},
      {"a", std::string("PK\x03\x04", 4) + "....word/document.xml....", InputFormat::kDocx},
      {"a.docx", std::string("PK\x03\x04", 4) + "....", InputFormat::kDocx},
      {"a.zip", std::string("PK\x03\x04", 4) + "....xl/workbook.xml", InputFormat::kText},
      {"page", "<!DOCTYPE html><html><body>x</body></html>", InputFormat::kHtml},
      {"page.txt", "\xEF\xBB\xBF  <!-- saved --> <HTML><body>x", InputFormat::kHtml},
      {"page", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", InputFormat::kHtml},
      {"page", "<meta charset=\"gbk\"><p>x</p>", InputFormat::kHtml},
      {"a.htm", "江州新闻\n<div>正文</div>", InputFormat::kHtml},
      {"a.shtml", "<p>正文</p>", InputFormat::kHtml},
      {"a.html", "没有标记的文字", InputFormat::kText},
      {"a.txt", "江州新闻 <div>正文</div>", InputFormat::kText},
      {"a.txt", "<header> is not <head>", InputFormat::kText},
      {"a.txt", "本报讯 江州高新区……", InputFormat::kText},
  };
  for (const Row& r : rows) {
    INFO(r.name << ": " << r.bytes);
    CHECK(SniffFormat(r.name, r.bytes) == r.want);
  }
  // UTF-16 with a BOM.
  std::string u16 = "\xFF\xFE" + Convert("<html><body>正文</body></html>", "UTF-16LE");
  CHECK(SniffFormat("x", u16) == InputFormat::kHtml);
}

TEST_CASE("meta dates and charsets", "[inputs]") {
  const std::vector<std::pair<std::string, std::string>> dates = {
      {"2024-05-12", "2024-05-12"},
      {"2024-05-12T08:30:00+08:00", "2024-05-12"},
      {"2024/5/9 10:22", "2024-05-09"},
      {"2024年5月9日", "2024-05-09"},
      {"20240512", "2024-05-12"},
      {"2024-13-01", ""},
      {"no date", ""},
      {"12345-01-01", ""},
  };
  for (const auto& [in, want] : dates) {
    INFO(in);
    CHECK(ParseMetaDate(in) == want);
  }
  const std::vector<std::pair<std::string, std::string>> charsets = {
      {"<meta charset=\"GBK\">", "gbk"},
      {"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">", "gb2312"},
      {"<meta charset='big5' />", "big5"},
      {"<meta name=\"x\" content=\"y\"><meta charset=utf-8>", "utf-8"},
      {"<p>charset=gbk</p>", ""},
  };
  for (const auto& [in, want] : charsets) {
    INFO(in);
    CHECK(DeclaredCharset(in) == want);
  }
}

// A word box of a CJK line: `n` characters of size 10 at (x, y).
PdfWord Word(double x, double y, const std::string& text) {
  double w = 10.0 * CountChars(text);
  return PdfWord{x, y, x + w, y + 10, text, false};
}

TEST_CASE("PDF reading order keeps newspaper columns apart", "[inputs]") {
  // A headline over two columns whose lines sit at the same heights.
  std::vector<PdfWord> words = {
      Word(200, 52, "右栏第一行文字"), Word(50, 52, "左栏第一行文字"),  // stream order is not reading order
      Word(50, 10, "江州高新区新闻标题"),
      Word(50, 66, "左栏第二行。"),   Word(200, 66, "右栏第二行。"),
      Word(70, 80, "左栏第三行文字"), Word(200, 80, "右栏第三行文字"),
      Word(50, 94, "左栏第四行。"),
  };
  words[2].y1 = 30;  // a larger headline font
  words[2].x1 = 330;
  std::string text = LayoutPdfPage(words);
  CHECK(text ==
        "江州高新区新闻标题\n\n"
        "左栏第一行文字\n左栏第二行。\n\n左栏第三行文字\n左栏第四行。\n\n"
        "右栏第一行文字\n右栏第二行。\n右栏第三行文字\n");
  // Two articles stacked on the same two-column grid: the gap between them
  // is wider than the gutter, so each article's columns are read in turn.
  std::vector<PdfWord> stacked = {
      Word(50, 10, "甲文左栏一行"), Word(140, 10, "甲文右栏一行"), Word(50, 24, "甲文左栏二行"),
      Word(140, 24, "甲文右栏二行"), Word(50, 80, "乙文左栏一行"), Word(140, 80, "乙文右栏一行"),
      Word(50, 94, "乙文左栏二行"), Word(140, 94, "乙文右栏二行"),
  };
  CHECK(LayoutPdfPage(stacked) ==
        "甲文左栏一行\n甲文左栏二行\n\n甲文右栏一行\n甲文右栏二行\n\n"
        "乙文左栏一行\n乙文左栏二行\n\n乙文右栏一行\n乙文右栏二行\n");
  // A wide space inside one line is not a gutter.
  std::vector<PdfWord> line = {Word(50, 10, "记者"), Word(100, 10, "林致远")};
  CHECK(LayoutPdfPage(line) == "记者 林致远\n");
  CHECK(LayoutPdfPage({}).empty());
}

TEST_CASE("PDF reading order: large and pathological pages keep every word", "[inputs]") {
  // Gaps that shrink line by line: the cut peels one line per step until its
  // budget runs out, then reads in line order.
  std::vector<PdfWord> words;
  double y = 0;
  for (int i = 0; i < 3000; ++i) {
    words.push_back(Word(50, y, "字"));
    y += 10 + (3000 - i) * 0.01;
  }
  std::string t = LayoutPdfPage(words);
  CHECK(CountChars(Squeeze(t)) == 3000);
  // Over 20000 words: plain line order, top to bottom.
  words.clear();
  for (int i = 0; i < 25000; ++i) words.push_back(Word(50 + (i % 2) * 100, 12.0 * (i / 2), i % 2 ? "右" : "左"));
  t = LayoutPdfPage(words);
  CHECK(t.compare(0, 16, "左 右\n左 右\n") == 0);
  CHECK(CountChars(Squeeze(t)) == 25000);
}

TEST_CASE("PDF: the two-column page reads as the article", "[inputs]") {
  std::string pdf = Slurp(INPUTS "article.pdf");
  PdfText out;
  REQUIRE(ReadPdf(pdf, "article.pdf", PdfOptions(), &out).ok());
  CHECK(out.pages == 1);
  REQUIRE(out.page_starts.size() == 1);
  std::string want;
  for (const std::string& p : ArticleParts()) want += Squeeze(p);
  CHECK(Squeeze(out.text) == want);
  CHECK(out.text.size() >= 2);
  CHECK(out.text.substr(out.text.size() - 2) == "\f\n");
}

TEST_CASE("PDF: scans, encrypted and damaged files are refused with the reason", "[inputs]") {
  PdfText out;
  Status s = ReadPdf(Slurp(INPUTS "scan.pdf"), "scan.pdf", PdfOptions(), &out);
  CHECK(s.code() == Status::Code::kUnsupported);
  CHECK_THAT(s.message(), Catch::Contains("scan.pdf") && Catch::Contains("text layer") && Catch::Contains("OCR"));
  s = ReadPdf(Slurp(INPUTS "encrypted.pdf"), "encrypted.pdf", PdfOptions(), &out);
  CHECK(s.code() == Status::Code::kUnsupported);
  CHECK_THAT(s.message(), Catch::Contains("encrypted.pdf") && Catch::Contains("password"));
  s = ReadPdf("%PDF-1.4\nnot really", "junk.pdf", PdfOptions(), &out);
  CHECK(!s.ok());
  CHECK_THAT(s.message(), Catch::Contains("junk.pdf"));
  // Every truncation of the page is read or refused, never a crash.
  std::string pdf = Slurp(INPUTS "article.pdf");
  for (size_t n = 0; n < pdf.size(); n += pdf.size() / 23 + 1) {
    PdfText t;
    Status st = ReadPdf(std::string_view(pdf).substr(0, n), "cut.pdf", PdfOptions(), &t);
    if (!st.ok()) CHECK_THAT(st.message(), Catch::Contains("cut.pdf"));
  }
}

TEST_CASE("HTML: a GBK page's article without its navigation, offsets into the file", "[inputs]") {
  std::string page = Slurp(INPUTS "article.html");
  HtmlText out;
  REQUIRE(ReadHtml(page, "article.html", HtmlOptions(), &out).ok());
  CHECK(out.charset == "gb2312");
  CHECK(out.date == "2024-05-12");
  CHECK_THAT(out.title, Catch::StartsWith("江州高新区与华创科技有限公司签约"));
  std::string want;
  for (const std::string& p : ArticleParts()) want += Squeeze(p);
  CHECK(Squeeze(out.text.text) == want);
  for (const char* nav : {"青山", "海川", "首页", "分享", "评论", "版权", "发布时间"}) {
    INFO(nav);
    CHECK(out.text.text.find(nav) == std::string::npos);
  }
  // Every character comes from its own bytes in the file: GBK for Han
  // characters, a character reference for the quotes.
  const std::string& t = out.text.text;
  uint64_t last = 0;
  for (size_t i = 0; i < t.size();) {
    size_t len;
    char32_t c = DecodeUtf8(t, i, &len);
    uint64_t off = out.text.OrigOffset(i);
    CHECK(off >= last);
    last = off;
    if (IsHan(c)) {
      std::string gbk = Convert(std::string(t.substr(i, len)), "GBK");
      REQUIRE(off + gbk.size() <= page.size());
      CHECK(page.compare(off, gbk.size(), gbk) == 0);
    } else if (c == U'“') {
      CHECK(page.compare(off, 7, "&ldquo;") == 0);
    }
    i += len;
  }
}

TEST_CASE("HTML: charsets, declared right or wrong", "[inputs]") {
  const std::string body = "<p>江州高新区党工委书记林致远会见了华创科技有限公司董事长周海峰一行。</p>";
  const std::string big5 = "江州高新區黨工委書記林致遠會見了華創科技有限公司董事長周海峰一行。";
  struct Row {
    const char* what;
    std::string bytes;
  };
  const std::vector<Row> rows = {
      {"UTF-8 declared", "<html><head><meta charset=\"utf-8\"></head><body>" + body + "</body></html>"},
      {"UTF-8 declared GBK", "<html><head><meta charset=\"gbk\"></head><body>" + body + "</body></html>"},
      {"GBK declared UTF-8", Convert("<html><head><meta charset=\"utf-8\"></head><body>" + body + "</body></html>", "GBK")},
      {"GBK undeclared", Convert("<html><body>" + body + "</body></html>", "GBK")},
      {"GBK declared ISO-8859-1", Convert("<html><head><meta charset=\"iso-8859-1\"></head><body>" + body, "GBK")},
      {"Big5 declared", Convert("<html><head><meta charset=\"big5\"></head><body><p>" + big5 + "</p></body></html>", "Big5")},
      {"UTF-16 with BOM", "\xFF\xFE" + Convert("<html><body>" + body + "</body></html>", "UTF-16LE")},
  };
  for (const Row& r : rows) {
    INFO(r.what);
    HtmlText out;
    Status s = ReadHtml(r.bytes, "p.html", HtmlOptions(), &out);
    REQUIRE(s.ok());
    std::string want = std::string(r.what).rfind("Big5", 0) == 0 ? big5 : "江州高新区党工委书记林致远会见了华创科技有限公司董事长周海峰一行。";
    CHECK(out.text.text == want);
  }
}

TEST_CASE("HTML: furniture by name, unless it holds the article", "[inputs]") {
  const std::string article =
      "<p>江州高新区党工委书记林致远会见了华创科技有限公司董事长周海峰一行。</p>"
      "<p>双方就智能传感器产业园项目建设进行了深入交流，并签署了合作协议。</p>";
  const std::string want =
      "江州高新区党工委书记林致远会见了华创科技有限公司董事长周海峰一行。\n\n"
      "双方就智能传感器产业园项目建设进行了深入交流，并签署了合作协议。";
  const std::string nav = "<div class=\"mainNav\"><a href=\"/\">青山经开区</a> <a href=\"/h\">海川集团有限公司</a></div>";
  const std::string comments = "<div id=\"comment_list\"><p>网友：青山经开区管委会主任赵东明在海川集团有限公司调研，指出要加快建设。</p></div>";
  struct Row {
    const char* what;
    std::string page;
  };
  const std::vector<Row> rows = {
      {"plain", "<body>" + nav + "<div class=\"content\">" + article + "</div>" + comments + "</body>"},
      {"a wrapper named header-wrap", "<body><div class=\"header-wrap\">" + nav + "<div>" + article + "</div>" + comments +
                                          "</div></body>"},
      {"the article in class top-news", "<body>" + nav + "<div class=\"top-news\">" + article + "</div></body>"},
      {"body class menu-open", "<body class=\"menu-open\">" + nav + "<div>" + article + "</div></body>"},
      {"text in a td with br", "<body><table><tr><td>" + nav + "</td></tr><tr><td>"
                               "江州高新区党工委书记林致远会见了华创科技有限公司董事长周海峰一行。<br><br>"
                               "双方就智能传感器产业园项目建设进行了深入交流，并签署了合作协议。</td></tr></table></body>"},
  };
  for (const Row& r : rows) {
    INFO(r.what);
    HtmlText out;
    REQUIRE(ReadHtml(r.page, "p.html", HtmlOptions(), &out).ok());
    CHECK(out.text.text == want);
  }
}

TEST_CASE("HTML: pages without an article, huge or deeply nested pages are refused", "[inputs]") {
  struct Row {
    const char* what;
    std::string bytes;
    const char* reason;
  };
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "<div>";
  deep += "江州高新区";
  const std::vector<Row> rows = {
      {"no body", "<html><head><title>江州</title></head></html>", "without article text"},
      {"only scripts", "<html><body><script>var a = '江州高新区';</script><nav>首页</nav></body></html>",
       "without article text"},
      {"nested 10000 deep", deep, "nested"},
      {"over the size limit", "<html><body>" + std::string(2 << 20, 'x') + "</body></html>", "MB"},
  };
  for (const Row& r : rows) {
    INFO(r.what);
    HtmlText out;
    HtmlOptions opts;
    opts.max_bytes = 1 << 20;
    Status s = ReadHtml(r.bytes, "p.html", opts, &out);
    CHECK(s.code() == Status::Code::kUnsupported);
    CHECK_THAT(s.message(), Catch::Contains("p.html") && Catch::Contains(r.reason));
  }
  // A title alone is not an article, but a short body is read.
  HtmlText out;
  REQUIRE(ReadHtml("<title>标题</title><body><p>短讯。</p></body>", "p.html", HtmlOptions(), &out).ok());
  CHECK(out.text.text == "标题\n\n短讯。");
}

TEST_CASE("HTML: character references that overflow leave valid UTF-8", "[inputs]") {
  // gumbo turns an unterminated hex reference with too many digits into stray
  // bytes; the reader's text and title must stay well-formed.
  const std::vector<std::string> refs = {"&#x6587EEEEEEEEhars", "&#x6587EEEEEEEEEEEEEEEEEEEE;", "&#99999999999",
                                         "&#x110000;"};
  for (const std::string& ref : refs) {
    INFO(ref);
    HtmlText out;
    std::string page = "<html><head><title>标" + ref + "题</title></head><body><p>前" + ref + "后</p></body></html>";
    REQUIRE(ReadHtml(page, "p.html", HtmlOptions(), &out).ok());
    CHECK(IsValidUtf8(out.text.text));
    CHECK(IsValidUtf8(out.title));
    CHECK(out.text.text.find("前") != std::string::npos);
    CHECK(out.text.text.find("后") != std::string::npos);
  }
}

TEST_CASE("DOCX: paragraphs in order, tables row by row", "[inputs]") {
  std::string text;
  REQUIRE(ReadDocx(Slurp(INPUTS "article.docx"), "article.docx", DocxOptions(), &text).ok());
  CHECK(text == Slurp(INPUTS "article_docx.txt"));

  Status s = ReadDocx(Slurp(INPUTS "broken.docx"), "broken.docx", DocxOptions(), &text);
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK_THAT(s.message(), Catch::Contains("broken.docx") && Catch::Contains("zip"));

  DocxOptions small;
  small.max_xml_bytes = 1000;
  s = ReadDocx(Slurp(INPUTS "article.docx"), "big.docx", small, &text);
  CHECK(s.code() == Status::Code::kUnsupported);
  CHECK_THAT(s.message(), Catch::Contains("big.docx") && Catch::Contains("zip bomb"));

  s = ReadDocx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'), "locked.docx",
               DocxOptions(), &text);
  CHECK_THAT(s.message(), Catch::Contains("locked.docx") && Catch::Contains("encrypted"));
  s = ReadDocx(std::string("PK\x05\x06", 4) + std::string(18, '\0'), "empty.docx", DocxOptions(), &text);
  CHECK_THAT(s.message(), Catch::Contains("empty.docx") && Catch::Contains("word/document.xml"));
}

// The records of a document (entities as "type:name", relations as
// "rel(head,tail)"), for comparing formats.
std::vector<std::string> Yield(const Extractor& ex, const std::string& path) {
  std::string bytes = Slurp(path);
  SourceText src;
  REQUIRE(ReadDocument(path, bytes, SniffFormat(path, bytes), ReadOptions(), &src).ok());
  DocumentRecords rec;
  REQUIRE(ex.ProcessText(path, src.text, src.date, &rec).ok());
  std::vector<std::string> out;
  for (const EntityRecord& e : rec.entities) out.push_back(std::string(EntityTypeName(e.type)) + ":" + e.name);
  for (const RelationRecord& r : rec.relations)
    out.push_back(std::string(RelationTypeName(r.type)) + "(" + r.head + "," + r.tail + ")");
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

TEST_CASE("every format yields what the same text yields", "[inputs]") {
  std::unique_ptr<Extractor> ex;
  REQUIRE(Extractor::Create(nullptr, ExtractOptions(), &ex).ok());
  std::vector<std::string> text = Yield(*ex, INPUTS "article.txt");
  CHECK(text.size() >= 8);
  CHECK(Yield(*ex, INPUTS "article.pdf") == text);
  CHECK(Yield(*ex, INPUTS "article.html") == text);
  CHECK(Yield(*ex, INPUTS "article.docx") == Yield(*ex, INPUTS "article_docx.txt"));
}

}  // namespace
}  // namespace kgb
