#include "ingest/recognize.h"

#include <algorithm>

#include "ingest/normalize.h"
#include "util/utf8.h"

namespace kgb {
namespace {

bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || c == '.' || c == U'．'; }
bool IsCnDigit(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百千万两零〇").find(c) != std::u32string_view::npos;
}
bool IsMeasure(char32_t c) {
  return std::u32string_view(U"年月日家个项批所座名位多余").find(c) != std::u32string_view::npos;
}

// Words that end a person name on its left when the name is found by the
// word that follows it (张红军会见): its start must be a clause start.
const std::u32string_view kStrongAfter[] = {U"一行", U"会见", U"会晤", U"接见", U"表示", U"指出", U"强调",
                                           U"带队", U"率队", U"带领", U"率领", U"主持", U"陪同", U"调研",
                                           U"考察", U"要求", U"介绍", U"等"};

bool StartsAt(std::u32string_view t, size_t pos, std::u32string_view w) {
  return t.size() >= pos + w.size() && t.substr(pos, w.size()) == w;
}

}  // namespace

bool Recognizer::IsNameChar(char32_t c) {
  if (IsHan(c)) return true;
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) || c == '(' || c == ')' || c == '.' || c == '-' || c == '&';
  return c == U'·' || c == U'・';
}

std::u32string Recognizer::CanonicalPark(std::u32string name) {
  for (std::u32string_view p : {std::u32string_view(U"(国家)"), std::u32string_view(U"（国家）")}) {
    size_t k;
    while ((k = name.find(p)) != std::u32string::npos) name.erase(k, p.size());
  }
  const std::pair<std::u32string_view, std::u32string_view> kShort[] = {
      {U"高新技术产业开发区", U"高新区"}, {U"经济技术开发区", U"经开区"}};
  for (auto [longer, shorter] : kShort) {
    if (name.size() > longer.size() && name.compare(name.size() - longer.size(), longer.size(), longer) == 0) {
      name.replace(name.size() - longer.size(), longer.size(), shorter);
      break;
    }
  }
  return name;
}

Mention Recognizer::Make(const Sentence& s, size_t b, size_t e, EntityType type, std::u32string name,
                         int priority) const {
  Mention m;
  m.begin = static_cast<uint32_t>(b);
  m.end = static_cast<uint32_t>(e);
  m.type = type;
  m.name = ToUtf8(name);
  m.priority = priority;
  std::string surface = ToUtf8(std::u32string_view(s.text).substr(b, e - b));
  if (surface != m.name) m.aliases.push_back(surface);
  std::string orig = s.OrigSpan(b, e);
  if (!orig.empty() && orig != m.name && orig != surface) m.aliases.push_back(orig);
  return m;
}

bool Recognizer::BylineBefore(std::u32string_view t, size_t pos) const {
  bool found = false;
  lex_.byline_words.ForEachEndingAt(t, pos, [&](size_t, int32_t) {
    found = true;
    return false;
  });
  return found;
}

bool Recognizer::ClauseStart(std::u32string_view t, size_t pos) const {
  if (pos == 0) return true;
  char32_t c = t[pos - 1];
  if (!IsNameChar(c) || c == '(' || c == ')') return true;
  bool found = false;
  lex_.boundaries.ForEachEndingAt(t, pos, [&](size_t len, int32_t) {
    found = true;
    return false;
  });
  return found;
}

size_t Recognizer::NameAt(std::u32string_view t, size_t pos) const {
  int32_t sl_v;
  size_t sl = lex_.surnames.LongestAt(t, pos, &sl_v);
  if (sl == 0) return 0;
  size_t g = pos + sl;
  if (g >= t.size() || !IsHan(t[g]) || lex_.not_given.count(t[g])) return 0;
  int32_t v;
  if (lex_.after_words.LongestAt(t, g, &v) > 0) return 0;  // 王表示
  size_t len = sl + 1;
  size_t g2 = g + 1;
  if (g2 < t.size() && IsHan(t[g2]) && !lex_.not_given.count(t[g2]) && !lex_.stop_chars.count(t[g2]) &&
      lex_.after_words.LongestAt(t, g2, &v) == 0) {
    len = sl + 2;
  }
  if (sl == 2 && len == 3 && g2 < t.size() && IsHan(t[g2]) && !lex_.not_given.count(t[g2])) len = 4;
  return len;
}

void Recognizer::AddPlaces(const Sentence& s, std::vector<Mention>* c) const {
  std::u32string_view t = s.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!IsHan(t[i])) continue;
    int32_t id;
    size_t len = lex_.places.LongestAt(t, i, &id);
    if (len == 0) continue;
    const PlaceInfo& info = lex_.place_info[id];
    Mention m = Make(s, i, i + len, EntityType::kLocation, ToUtf32(info.name), 2);
    if (info.is_short) {
      std::string surface = ToUtf8(t.substr(i, len));
      if (std::find(m.aliases.begin(), m.aliases.end(), surface) == m.aliases.end()) m.aliases.push_back(surface);
    }
    c->push_back(std::move(m));
    i += len - 1;
  }
}

void Recognizer::AddNational(const Sentence& s, std::vector<Mention>* c) const {
  std::u32string_view t = s.text;
  for (size_t i = 0; i < t.size(); ++i) {
    int32_t id;
    size_t len = lex_.national.LongestAt(t, i, &id);
    if (len == 0) continue;
    const NationalBody& b = lex_.national_bodies[id];
    c->push_back(Make(s, i, i + len, b.type, ToUtf32(b.name), 5));
    i += len - 1;
  }
}

void Recognizer::AddBySuffix(const Sentence& s, const std::vector<Mention>& places, std::vector<Mention>* c) const {
  std::u32string_view t = s.text;
  for (size_t e = 1; e <= t.size(); ++e) {
    int32_t sid = -1;
    size_t slen = lex_.suffixes.LongestEndingAt(t, e, &sid);
    if (slen == 0) continue;
    const SuffixInfo& info = lex_.suffix_info[sid];
    size_t s0 = e - slen;
    // 1. Extend leftwards to the nearest boundary.
    size_t j = s0;
    const size_t kMaxPrefix = info.type == EntityType::kProject ? 30 : 22;
    while (j > 0 && s0 - j < kMaxPrefix) {
      if (!IsNameChar(t[j - 1])) break;
      bool stop = false;
      lex_.boundaries.ForEachEndingAt(t, j, [&](size_t, int32_t v) {
        if (v == 0 || info.type != EntityType::kProject) {
          stop = true;
          return false;
        }
        return true;
      });
      if (stop) break;
      --j;
    }
    // Unbalanced brackets: the name starts after an unmatched ')' or '('.
    {
      int depth = 0;
      for (size_t k = s0; k > j; --k) {
        if (t[k - 1] == ')') ++depth;
        else if (t[k - 1] == '(') {
          if (depth == 0) { j = k; break; }
          --depth;
        }
      }
    }
    // 2. Cut determiners and counts off the front (该公司, 133家试点高新区).
    for (bool changed = true; changed && j < s0;) {
      changed = false;
      int32_t v;
      size_t dl = lex_.determiners.LongestAt(t, j, &v);
      if (dl > 0 && j + dl <= s0) { j += dl; changed = true; continue; }
      size_t k = j;
      while (k < s0 && (IsDigit(t[k]) || IsCnDigit(t[k]))) ++k;
      if (k > j && k < s0 && IsMeasure(t[k])) { j = k + 1; changed = true; continue; }
      if (k > j && k == s0) { j = k; changed = true; }
    }
    std::u32string_view cand = t.substr(j, e - j);
    std::u32string_view prefix = t.substr(j, s0 - j);
    // 3. Generic or ordinary words are not names.
    if (lex_.stop_exact.count(std::u32string(cand))) {
      if (prefix.empty() && info.type == EntityType::kPark && info.rule == SuffixRule::kPlace) {
        // bare 高新区: the paper's own zone (resolved later).
        Mention m = Make(s, j, e, EntityType::kPark, std::u32string(cand), 1);
        m.ref = RefKind::kHome;
        m.home_suffix = ToUtf8(cand);
        c->push_back(std::move(m));
      }
      continue;
    }
    bool stop_end = false;
    lex_.stop_ends.ForEachEndingAt(t, e, [&](size_t len, int32_t) {
      if (len >= 2 && len <= cand.size()) stop_end = true;
      return !stop_end;
    });
    if (stop_end) continue;
    // 4. The suffix's rule.
    bool ok = false;
    if (info.rule == SuffixRule::kPlace) {
      for (const Mention& p : places) {
        if (p.begin >= j && p.end <= s0) { ok = true; break; }
      }
      if (!ok && prefix.empty() && info.type == EntityType::kPark) {
        Mention m = Make(s, j, e, EntityType::kPark, std::u32string(cand), 1);
        m.ref = RefKind::kHome;
        m.home_suffix = ToUtf8(cand);
        c->push_back(std::move(m));
        continue;
      }
    } else if (info.rule == SuffixRule::kName) {
      ok = prefix.size() >= 2 && !lex_.IsGeneric(prefix);
      if (ok && info.type == EntityType::kProject) {
        bool anchored = false;
        for (const Mention& p : places) anchored |= p.begin >= j && p.end <= s0;
        ok = anchored || prefix.size() >= 4;
        // "7个项目", "三项工程": counted things, not names.
        for (size_t k = 0; ok && k + 1 < prefix.size(); ++k)
          if ((IsDigit(prefix[k]) || IsCnDigit(prefix[k])) && (prefix[k + 1] == U'个' || prefix[k + 1] == U'项'))
            ok = false;
      }
    } else {
      ok = !prefix.empty() && !lex_.IsGeneric(prefix);
    }
    if (!ok) continue;
    // 5. Canonical form; a zone's governing body is the zone.
    std::u32string name(cand);
    size_t end = e;
    if (info.type == EntityType::kPark) {
      name = CanonicalPark(name);
      int32_t v;
      size_t bl = lex_.title_bodies.LongestAt(t, e, &v);
      std::u32string_view body = bl ? t.substr(e, bl) : std::u32string_view();
      if (body == U"党工委" || body == U"管委会" || body == U"管理委员会" || body == U"工委") end = e + bl;
    }
    Mention m = Make(s, j, end, info.type, name, 3);
    if (end != e) {
      std::string short_surface = ToUtf8(cand);
      if (short_surface != m.name) m.aliases.push_back(short_surface);
    }
    c->push_back(std::move(m));
  }
}

void Recognizer::AddPersons(const Sentence& s, std::vector<Mention>* c) const {
  std::u32string_view t = s.text;
  std::vector<char> taken(t.size() + 1, 0);
  auto add = [&](size_t b, size_t len, bool strong, int priority) {
    if (BylineBefore(t, b)) return;
    for (size_t k = b; k < b + len; ++k)
      if (taken[k]) return;
    for (size_t k = b; k < b + len; ++k) taken[k] = 1;
    Mention m = Make(s, b, b + len, EntityType::kOfficial, std::u32string(t.substr(b, len)), priority);
    m.strong_person = strong;
    c->push_back(std::move(m));
  };
  // (a) after a title: 管委会主任郭程明
  for (size_t p = 1; p < t.size(); ++p) {
    int32_t v;
    if (lex_.titles_ending.LongestEndingAt(t, p, &v) == 0) continue;
    size_t len = NameAt(t, p);
    if (len) add(p, len, true, 4);
  }
  // (b) before an action word at a clause start: 张红军会见, 郭程明一行
  for (size_t i = 0; i < t.size(); ++i) {
    if (!ClauseStart(t, i)) continue;
    size_t len = NameAt(t, i);
    if (!len) continue;
    bool strong_after = false;
    for (std::u32string_view w : kStrongAfter) strong_after |= StartsAt(t, i + len, w);
    if (strong_after) add(i, len, false, 2);
  }
  // (c) lists: 钱峰、卫东、韩立等参加会见
  for (size_t i = 0; i < t.size(); ++i) {
    if (!ClauseStart(t, i)) continue;
    std::vector<std::pair<size_t, size_t>> items;
    size_t k = i;
    for (;;) {
      size_t len = NameAt(t, k);
      if (!len) break;
      items.emplace_back(k, len);
      k += len;
      if (k < t.size() && t[k] == U'、') { ++k; continue; }
      break;
    }
    if (items.size() < 2) continue;
    int32_t v;
    if (!(k < t.size() && (t[k] == U'等' || lex_.after_words.LongestAt(t, k, &v) > 0))) continue;
    for (auto [b, len] : items) add(b, len, false, 2);
    i = k;
  }
}

void Recognizer::AddRefs(const Sentence& s, std::vector<Mention>* c) const {
  std::u32string_view t = s.text;
  static const std::pair<std::u32string_view, RefKind> kRefs[] = {
      {U"该公司", RefKind::kCompany}, {U"该企业", RefKind::kCompany}, {U"该集团", RefKind::kCompany},
      {U"该项目", RefKind::kProject}, {U"双方", RefKind::kBoth},      {U"我区", RefKind::kHome},
      {U"本区", RefKind::kHome}};
  for (size_t i = 0; i < t.size(); ++i) {
    for (auto [w, kind] : kRefs) {
      if (!StartsAt(t, i, w)) continue;
      Mention m;
      m.begin = static_cast<uint32_t>(i);
      m.end = static_cast<uint32_t>(i + w.size());
      m.ref = kind;
      m.priority = 1;
      m.type = kind == RefKind::kHome ? EntityType::kPark
               : kind == RefKind::kProject ? EntityType::kProject
                                           : EntityType::kOrganization;
      m.name = ToUtf8(w);
      c->push_back(std::move(m));
    }
  }
}

void ResolveOverlaps(std::vector<Mention>* ms) {
  std::vector<size_t> order(ms->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Mention& x = (*ms)[a];
    const Mention& y = (*ms)[b];
    if (x.priority >= 4 || y.priority >= 4) {
      if (x.priority != y.priority) return x.priority > y.priority;
    }
    if (x.length() != y.length()) return x.length() > y.length();
    if (x.priority != y.priority) return x.priority > y.priority;
    return x.begin < y.begin;
  });
  std::vector<Mention> kept;
  for (size_t i : order) {
    const Mention& m = (*ms)[i];
    bool overlap = false;
    for (const Mention& k : kept) overlap |= m.begin < k.end && k.begin < m.end;
    if (!overlap) kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  *ms = std::move(kept);
}

void Recognizer::Find(const Sentence& s, std::vector<Mention>* out) const {
  out->clear();
  if (s.byline) return;
  std::vector<Mention> places;
  AddPlaces(s, &places);
  std::vector<Mention> c = places;
  AddNational(s, &c);
  AddBySuffix(s, places, &c);
  AddPersons(s, &c);
  AddRefs(s, &c);
  ResolveOverlaps(&c);
  *out = std::move(c);
}

void Recognizer::AddKnownPersons(const Sentence& s, const std::vector<std::u32string>& names,
                                 std::vector<Mention>* mentions) const {
  std::u32string_view t = s.text;
  bool added = false;
  for (const std::u32string& name : names) {
    for (size_t pos = t.find(name); pos != std::u32string_view::npos; pos = t.find(name, pos + 1)) {
      size_t e = pos + name.size();
      bool overlap = false;
      for (const Mention& m : *mentions) overlap |= pos < m.end && m.begin < e;
      if (overlap || BylineBefore(t, pos)) continue;
      // The name must not run on into a longer name (李海 in 李海涛).
      if (e < t.size() && IsHan(t[e]) && NameAt(t, pos) > name.size()) {
        int32_t v;
        if (lex_.after_words.LongestAt(t, e, &v) == 0 && !lex_.stop_chars.count(t[e])) continue;
      }
      mentions->push_back(Make(s, pos, e, EntityType::kOfficial, name, 2));
      added = true;
    }
  }
  if (added) {
    std::sort(mentions->begin(), mentions->end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  }
}

}  // namespace kgb
