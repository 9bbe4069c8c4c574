// Dates in news text (ingest/dates.h): table-driven cases for FindDate,
// HasVagueDay and PageYear, and the dates the pipeline gives to evidence.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "graph/records.h"
#include "ingest/dates.h"
#include "util/normalize.h"
#include "ingest/pipeline.h"

namespace kgb {
namespace {

struct DateCase {
  const char* text;
  int default_year;
  const char* want;
};

TEST_CASE("FindDate reads full and month-day dates", "[dates]") {
  const DateCase kCases[] = {
      // Full dates carry their own year; the default is ignored.
      {"2022年2月19日，签约仪式举行。", 0, "2022-02-19"},
      {"2022年2月19日，签约仪式举行。", 2019, "2022-02-19"},
      {"自 2021年 11月 29日被纳入试点", 0, "2021-11-29"},
      {"2020 年 3 月 4 号", 0, "2020-03-04"},
      // Month-day dates take the default year, and need one.
      {"4月30日下午，座谈会举行。", 2022, "2022-04-30"},
      {"本报讯 5月9日下午，双方会谈。", 2017, "2017-05-09"},
      {"3月4日", 2021, "2021-03-04"},
      {"12月31日晚", 1999, "1999-12-31"},
      {"4月30日下午，座谈会举行。", 0, ""},
      // The first date wins.
      {"5月6日至5月8日", 2020, "2020-05-06"},
      {"截至2022年10月，又于11月3日完成", 2022, "2022-11-03"},
      // Invalid days are skipped; leap years are known.
      {"2月30日", 2021, ""},
      {"2月29日", 2021, ""},
      {"2月29日", 2020, "2020-02-29"},
      {"1900年2月29日", 0, ""},
      {"2000年2月29日", 0, "2000-02-29"},
      {"13月1日", 2020, ""},
      {"0月1日", 2020, ""},
      {"4月0日", 2020, ""},
      {"4月31日", 2020, ""},
      // Not dates: months or years alone, relative words, too many digits.
      {"截至2022年10月，", 2022, ""},
      {"2022年度创新积分", 2022, ""},
      {"近日，推进会召开。", 2022, ""},
      {"日前，双方签约。", 2022, ""},
      {"产值123月4日", 2020, ""},
      {"第15月3日", 2020, ""},
      {"12345年1月2日", 0, ""},
      {"", 2020, ""},
  };
  for (const DateCase& c : kCases) {
    INFO(c.text << " (default year " << c.default_year << ")");
    CHECK(FindDate(ToUtf32(c.text), c.default_year) == c.want);
  }
}

TEST_CASE("HasVagueDay flags relative and vague days only", "[dates]") {
  const std::pair<const char*, bool> kCases[] = {
      {"近日，推进会在江阴召开。", true},
      {"日前，双方签订协议。", true},
      {"近期将开工。", true},
      {"前不久，该公司落户。", true},
      {"昨天上午，检查组来到工地。", true},
      {"当天上午，一行来到产业园。", false},  // the day already stated
      {"同日，双方签约。", false},
      {"4月30日下午，座谈会举行。", false},
      {"每日产量", false},
      {"", false},
  };
  for (const auto& [text, want] : kCases) {
    INFO(text);
    CHECK(HasVagueDay(ToUtf32(text)) == want);
  }
}

Page MakePage(const std::vector<const char*>& sentences) {
  Page page;
  for (const char* s : sentences) {
    Sentence sent;
    sent.text = ToUtf32(s);
    page.sentences.push_back(sent);
  }
  page.articles.push_back(Article{0, page.sentences.size()});
  return page;
}

TEST_CASE("PageYear takes the year a page states most often", "[dates]") {
  struct Case {
    std::vector<const char*> sentences;
    int want;
  };
  const std::vector<Case> kCases = {
      {{"4月30日下午，座谈会举行。"}, 0},
      {{"2022年累计服务企业。", "2022年已评价。", "始建于1988年。"}, 2022},
      {{"2019年增长。", "2020年增长。"}, 2020},  // a tie goes to the later year
      {{"2020年", "2019年", "2019 年"}, 2019},
      {{"1900年的旧址", "12345年"}, 0},        // out of range, too long
      {{"截至2022 年 10 月"}, 2022},
      {{"投资2022万元"}, 0},                   // a number, not a year
  };
  for (const Case& c : kCases) {
    std::string joined;
    for (const char* s : c.sentences) joined += std::string(s) + " / ";
    INFO(joined);
    CHECK(PageYear(MakePage(c.sentences)) == c.want);
  }
}

// The pipeline: a sentence's own date, else its article's lede date; a vague
// lede dates nothing. Names are invented.
std::vector<std::string> EvidenceDates(const std::string& text, int default_year) {
  ExtractOptions opts;
  opts.default_year = default_year;
  std::unique_ptr<Extractor> ex;
  REQUIRE(Extractor::Create(nullptr, opts, &ex).ok());
  DocumentRecords rec;
  REQUIRE(ex->Process("t.txt", text, &rec).ok());
  std::vector<std::string> dates;
  for (const RelationRecord& r : rec.relations) dates.push_back(r.evidence.date);
  return dates;
}

TEST_CASE("Evidence carries the sentence's or the lede's date", "[dates][pipeline]") {
  const std::string dated =
      "本报讯 6月18日上午，江州高新区党工委书记柯望舒会见青岩科技有限公司总经理闵树达一行。\n\n"
      "当天下午，柯望舒会见云帆材料有限公司董事长费子衡一行。\n";
  SECTION("the page's year") {
    std::vector<std::string> dates = EvidenceDates("2019年江州高新区成立。\n\n" + dated, 0);
    REQUIRE_FALSE(dates.empty());
    for (const std::string& d : dates) CHECK(d == "2019-06-18");
  }
  SECTION("--year when the page states none") {
    std::vector<std::string> dates = EvidenceDates(dated, 2024);
    REQUIRE_FALSE(dates.empty());
    for (const std::string& d : dates) CHECK(d == "2024-06-18");
  }
  SECTION("no year, no date") {
    std::vector<std::string> dates = EvidenceDates(dated, 0);
    REQUIRE_FALSE(dates.empty());
    for (const std::string& d : dates) CHECK(d.empty());
  }
  SECTION("a vague lede dates nothing after it") {
    std::vector<std::string> dates = EvidenceDates(
        "本报讯 近日，江州高新区党工委书记柯望舒会见青岩科技有限公司总经理闵树达一行。\n\n"
        "青岩科技有限公司于2021年3月5日落户江州高新区。\n",
        2024);
    // The meeting of the vague lede has no date; the settling keeps its own.
    REQUIRE(dates.size() >= 2);
    CHECK(dates.front().empty());
    CHECK(dates.back() == "2021-03-05");
  }
}

}  // namespace
}  // namespace kgb
