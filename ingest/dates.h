// Dates in news text: "2022年2月19日", "4月30日下午", "3月4日". The year comes
// from the expression, else from the page (the year it states most often),
// else from the caller (--year). Relative words (近日, 日前) give no date.
#ifndef KGB_INGEST_DATES_H_
#define KGB_INGEST_DATES_H_

#include <string>
#include <string_view>

#include "ingest/layout.h"

namespace kgb {

// The year a page states most often (four digits before 年, 1949-2100; ties go
// to the later year), or 0.
int PageYear(const Page& page);

// The first full or month-day date in `text` as YYYY-MM-DD, using
// `default_year` when the text gives no year; "" when there is none or no
// year is known. Invalid days (2月30日) are skipped.
std::string FindDate(std::u32string_view text, int default_year);

// True when `text` places its event only vaguely or relative to an unknown
// day: 近日, 日前, 近期, 前不久, 不久前, 昨天, 昨日, 前天, 上周. Such a sentence
// gets no date of its own, and a lede that says so gives its article none.
// (当天 / 当日 / 同日 are not vague: they mean the day already stated.)
bool HasVagueDay(std::u32string_view text);

}  // namespace kgb

#endif  // KGB_INGEST_DATES_H_
