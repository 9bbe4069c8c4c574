#include "ingest/dates.h"

#include <cstdio>
#include <map>

#include "ingest/word_starts.h"

namespace kgb {
namespace {

bool Digit(char32_t c) { return c >= '0' && c <= '9'; }

// Reads up to `max` digits at text[*pos]; returns -1 if none.
int ReadNumber(std::u32string_view t, size_t* pos, int max) {
  int v = 0, n = 0;
  while (*pos < t.size() && Digit(t[*pos]) && n < max) {
    v = v * 10 + static_cast<int>(t[*pos] - '0');
    ++*pos;
    ++n;
  }
  if (n == 0) return -1;
  if (*pos < t.size() && Digit(t[*pos])) return -1;  // too long a number
  return v;
}

int DaysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

size_t SkipSpaces(std::u32string_view t, size_t pos) {
  while (pos < t.size() && t[pos] == ' ') ++pos;
  return pos;
}

}  // namespace

int PageYear(const Page& page) {
  std::map<int, int> counts;
  for (const Sentence& s : page.sentences) {
    std::u32string_view t = s.text;
    for (size_t i = 0; i + 4 < t.size(); ++i) {
      if (!Digit(t[i]) || (i > 0 && Digit(t[i - 1]))) continue;
      size_t p = i;
      int y = ReadNumber(t, &p, 4);
      p = SkipSpaces(t, p);
      if (p - i >= 4 && y >= 1949 && y <= 2100 && p < t.size() && t[p] == U'年') ++counts[y];
      // A numeric date (a web page's publication line) says more than a
      // year in the text.
      if (p - i == 4 && y >= 1949 && y <= 2100 && p + 1 < t.size() && (t[p] == '-' || t[p] == '/') &&
          Digit(t[p + 1]))
        counts[y] += 3;
    }
  }
  int best = 0, best_n = 0;
  for (auto [y, n] : counts) {
    if (n >= best_n) { best = y; best_n = n; }
  }
  return best;
}

std::string FindDate(std::u32string_view t, int default_year) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (!Digit(t[i]) || (i > 0 && Digit(t[i - 1]))) continue;
    size_t p = i;
    int year = 0;
    int first = ReadNumber(t, &p, 4);
    if (first < 0) continue;
    if (p - i == 4 && p < t.size() && (t[p] == '-' || t[p] == '/' || t[p] == '.')) {
      // 2023-06-12, 2023/6/12, 2023.06.12 (web pages' publication lines)
      char32_t sep = t[p];
      size_t q = p + 1;
      int month = ReadNumber(t, &q, 2);
      if (month > 0 && q < t.size() && t[q] == sep) {
        ++q;
        int day = ReadNumber(t, &q, 2);
        if (first >= 1900 && month <= 12 && day >= 1 && day <= DaysIn(first, month)) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", first, month, day);
          return buf;
        }
      }
      continue;
    }
    p = SkipSpaces(t, p);
    int month = -1;
    if (p - i >= 4 && p < t.size() && t[p] == U'年') {
      year = first;
      p = SkipSpaces(t, p + 1);
      month = ReadNumber(t, &p, 2);
      if (month < 0) continue;
    } else {
      month = first;
    }
    p = SkipSpaces(t, p);
    if (p >= t.size() || t[p] != U'月') continue;
    p = SkipSpaces(t, p + 1);
    int day = ReadNumber(t, &p, 2);
    p = SkipSpaces(t, p);
    if (day < 0 || p >= t.size() || (t[p] != U'日' && t[p] != U'号')) continue;
    if (year == 0) year = default_year;
    if (year < 1900 || month < 1 || month > 12 || day < 1 || day > DaysIn(year, month)) continue;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  return "";
}

bool HasVagueDay(std::u32string_view t) {
  static const std::u32string_view kWords[] = {U"近日", U"日前", U"近期", U"前不久", U"不久前",
                                               U"昨天", U"昨日", U"前天", U"上周"};
  static const WordStarts kStarts(kWords);  // one pass over t, not one search per word
  return kStarts.Contains(t);
}

}  // namespace kgb
