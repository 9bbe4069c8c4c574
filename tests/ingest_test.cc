// Table-driven tests of the ingest stages: encoding detection, normalization
// with offsets, line joining, article and sentence splitting.
#include <catch2/catch.hpp>

#include <unicode/ucnv.h>

#include "ingest/decode.h"
#include "ingest/layout.h"
#include "util/normalize.h"
#include "util/utf8.h"

namespace kgb {
namespace {

std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  REQUIRE(U_SUCCESS(err));
  out.resize(static_cast<size_t>(n));
  return out;
}

const Lexicon& Lex() {
  Status s;
  static std::shared_ptr<const Lexicon> lex = Lexicon::Embedded(&s);
  REQUIRE(lex);
  return *lex;
}

TEST_CASE("encodings are detected and decoded", "[ingest][decode]") {
  const std::string text = "郑州高新区党工委书记会见了客人。\r\n第二行";
  struct Case {
    const char* name;
    std::string bytes;
    Encoding want;
  };
  const Case cases[] = {
      {"UTF-8", text, Encoding::kUtf8},
      {"UTF-8 with BOM", "\xEF\xBB\xBF" + text, Encoding::kUtf8Bom},
      {"GB18030", Encode(text, "GB18030"), Encoding::kGb18030},
      {"GBK", Encode(text, "GBK"), Encoding::kGb18030},
      {"UTF-16LE with BOM", Encode(text, "UTF-16LE").insert(0, "\xFF\xFE"), Encoding::kUtf16LE},
      {"UTF-16BE with BOM", Encode(text, "UTF-16BE").insert(0, "\xFE\xFF"), Encoding::kUtf16BE},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    DecodedText d;
    REQUIRE(DecodeText(c.bytes, "t.txt", &d).ok());
    CHECK(d.encoding == c.want);
    CHECK(d.text == text);
    // Every decoded byte maps into the original, in order, ending at its size.
    CHECK(d.OrigOffset(d.text.size()) == c.bytes.size());
    for (size_t i = 1; i <= d.text.size(); ++i) CHECK(d.OrigOffset(i - 1) <= d.OrigOffset(i));
  }
}

TEST_CASE("binary input is refused with the file's name", "[ingest][decode]") {
  std::string elf("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0", 24);
  for (int i = 0; i < 200; ++i) elf.push_back(static_cast<char>(i % 7 == 0 ? 0 : i));
  DecodedText d;
  Status s = DecodeText(elf, "a.out", &d);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("a.out") != std::string::npos);
}

TEST_CASE("normalization maps full-width forms and Traditional characters", "[ingest][normalize]") {
  const std::pair<const char*, const char*> cases[] = {
      {"郑州（国家）高新区", "郑州(国家)高新区"},
      {"２０２３年", "2023年"},
      {"洛陽高新區管委會", "洛阳高新区管委会"},
      {"會見，簽訂協議", "会见,签订协议"},
      {"ＡＢＣ科技", "ABC科技"},
      {"郑\xE2\x80\x8B州", "郑州"},  // a zero-width space disappears
  };
  for (auto [in, want] : cases) {
    INFO(in);
    CHECK(Normalizer::Get().Normalize(in) == want);
  }
}

// Sentences of a page, as displayed, with their byte ranges checked against
// the original.
std::vector<std::string> Sentences(const std::string& bytes, std::vector<int>* articles = nullptr,
                                   bool contiguous = true) {
  DecodedText d;
  REQUIRE(DecodeText(bytes, "t.txt", &d).ok());
  Page page;
  SegmentPage(d, Lex(), &page);
  std::vector<std::string> out;
  for (const Sentence& s : page.sentences) {
    out.push_back(s.Display());
    if (articles) articles->push_back(s.article);
    // The original bytes of the range are the sentence, up to removed spaces.
    std::string orig = bytes.substr(s.orig_begin, s.orig_end - s.orig_begin);
    std::string squeezed;
    for (char c : orig)
      if (c != '\n' && c != '\r' && c != ' ') squeezed.push_back(c);
    std::string shown;
    for (char c : s.Display())
      if (c != ' ') shown.push_back(c);
    if (contiguous) {
      CHECK(squeezed == shown);
    } else {  // a headline set aside lies inside the range
      CHECK(squeezed.compare(0, 9, shown, 0, 9) == 0);
      CHECK(squeezed.substr(squeezed.size() - 9) == shown.substr(shown.size() - 9));
    }
  }
  return out;
}

TEST_CASE("hard line breaks inside words are rejoined", "[ingest][layout]") {
  struct Case {
    std::string text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"本报讯 五一前夕，江州高新\n区党工委书记林致远带队\n检查安全生产。\n", {"本报讯五一前夕，江州高新区党工委书记林致远带队检查安全生产。"}},
      // A page break with a blank line inside a word.
      {"林致远详细询问了员工日常安全教\n\n育等方面的措施。", {"林致远详细询问了员工日常安全教育等方面的措施。"}},
      // CRLF line ends.
      {"江州高新区\r\n召开大会。\r\n", {"江州高新区召开大会。"}},
      // Spaces between Chinese characters go, spaces between Latin words stay.
      {"江州 高新区 始建于 1988年，GDP growth 9.6%。", {"江州高新区始建于1988年，GDP growth 9.6%。"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Sentences(c.text) == c.want);
  }
}

TEST_CASE("sentences split at final punctuation, not inside quotes", "[ingest][layout]") {
  const std::string text =
      "林致远表示：“我们要抓好落实。要加快进度！”随后他来到企业。这是第三句？是的。";
  std::vector<std::string> got = Sentences(text);
  std::vector<std::string> want = {"林致远表示：“我们要抓好落实。要加快进度！”随后他来到企业。", "这是第三句？",
                                   "是的。"};
  CHECK(got == want);
}

TEST_CASE("a headline between the halves of a sentence is set aside", "[ingest][layout]") {
  const std::string text =
      "本报讯 江州高新区与云溪经开区签订战略合作\n\n"
      "两地共谋发展新篇章\n\n"
      "协议，双方将深化合作。\n";
  std::vector<std::string> got = Sentences(text, nullptr, false);
  REQUIRE(got.size() == 2);
  CHECK(got[0] == "本报讯江州高新区与云溪经开区签订战略合作协议，双方将深化合作。");
  CHECK(got[1] == "两地共谋发展新篇章");
}

TEST_CASE("a page splits into articles at bylines and 本报讯", "[ingest][layout]") {
  const std::string text =
      "本报讯 江州高新区召开大会。会议部署了全年工作。\n"
      "记者 郑小雨 通讯员 冯丹 文/图\n\n"
      "云溪经开区来访\n\n"
      "本报讯 云溪经开区考察团来到江州。\n"
      "记者 郑小雨\n\n"
      "本报讯 第三篇文章。\n";
  std::vector<int> articles;
  std::vector<std::string> got = Sentences(text, &articles);
  std::vector<std::string> want = {"本报讯江州高新区召开大会。", "会议部署了全年工作。", "云溪经开区来访",
                                   "本报讯云溪经开区考察团来到江州。", "本报讯第三篇文章。"};
  CHECK(got == want);
  CHECK(articles == std::vector<int>{0, 0, 1, 1, 2});
}

TEST_CASE("site furniture of web pages is dropped", "[ingest][layout]") {
  const std::string text =
      "首页 > 新闻中心 > 工作动态\n【字体：大 中 小】【打印本页】\n\n江州高新区召开大会。\n"
      "版权所有：江州高新区管委会 豫ICP备12345678号\n";
  CHECK(Sentences(text) == std::vector<std::string>{"江州高新区召开大会。"});
}

}  // namespace
}  // namespace kgb
