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

}  // namespace kgb

#endif  // KGB_INGEST_DATES_H_
