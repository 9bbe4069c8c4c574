#include "ingest/recognize.h"

#include <algorithm>

#include "ingest/word_starts.h"
#include "util/normalize.h"
#include "util/utf8.h"

namespace kgb {
namespace {

bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || c == '.' || c == U'．'; }
bool IsCnDigit(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百千万亿两零〇").find(c) != std::u32string_view::npos;
}
bool IsMeasure(char32_t c) {
  return std::u32string_view(U"年月日季家个项批所座名位多余条强级").find(c) != std::u32string_view::npos;
}

// Words that end a person name on its left when the name is found by the
// word that follows it (马立新会见): its start must be a clause start.
const std::u32string_view kStrongAfter[] = {U"一行", U"会见", U"会晤", U"接见", U"表示", U"指出", U"强调",
                                           U"带队", U"率队", U"带领", U"率领", U"主持", U"陪同", U"调研",
                                           U"考察", U"要求", U"介绍", U"担任", U"出任", U"兼任"};

bool StartsAt(std::u32string_view t, size_t pos, std::u32string_view w) {
  return t.size() >= pos + w.size() && t.substr(pos, w.size()) == w;
}

}  // namespace

bool Recognizer::IsNameChar(char32_t c) {
  if (IsHan(c)) return true;
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) || c == '(' || c == ')' || c == '.' || c == '-' || c == '&';
  return c == U'·' || c == U'・';
}

std::u32string Recognizer::WithoutNational(std::u32string name) {
  for (std::u32string_view p : {std::u32string_view(U"(国家)"), std::u32string_view(U"（国家）")}) {
    size_t k;
    while ((k = name.find(p)) != std::u32string::npos) name.erase(k, p.size());
  }
  return name;
}

std::u32string Recognizer::CanonicalPark(std::u32string name) {
  name = WithoutNational(std::move(name));
  const std::pair<std::u32string_view, std::u32string_view> kShort[] = {
      {U"高新技术产业开发区", U"高新区"}, {U"高新技术产业园区", U"高新区"}, {U"新技术产业开发区", U"高新区"},
      {U"新技术开发区", U"高新区"},
      {U"经济技术开发区", U"经开区"}, {U"经济开发区", U"经开区"}};
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
  if (pos >= t.size() || !lex_.surnames.MayStartWith(t[pos])) return 0;  // the cheapest test first
  int32_t nv;
  if (lex_.after_words.LongestAt(t, pos, &nv) > 0 || lex_.not_names.LongestAt(t, pos, &nv) > 0) return 0;
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
      lex_.after_words.LongestAt(t, g2, &v) == 0 && lex_.triggers.LongestAt(t, g2, &v) == 0) {
    len = sl + 2;
  }
  if (sl == 2 && len == 3 && g2 < t.size() && IsHan(t[g2]) && !lex_.not_given.count(t[g2])) len = 4;
  if (sl == 1 && lex_.ambiguous_surnames.count(t[pos])) {
    // 何立一行 yes, 向地方政府 no: the name must end clearly.
    size_t e = pos + len;
    bool clear = e >= t.size() || !IsHan(t[e]) || lex_.stop_chars.count(t[e]) ||
                 lex_.after_words.LongestAt(t, e, &v) > 0 || lex_.titles.LongestAt(t, e, &v) > 0;
    if (!clear) return 0;
  }
  return len;
}

size_t Recognizer::NameAt(const Sentence& s, size_t pos) const {
  std::u32string_view t = s.text;
  size_t len = NameAt(t, pos);
  if (len == 0 && (pos >= t.size() || !lex_.surnames.MayStartWith(t[pos]))) return 0;  // no surname here
  int32_t sl_v;
  const size_t sl = lex_.surnames.LongestAt(t, pos, &sl_v);
  if (len == 0) {
    // What the text alone rules out of the reading below, before the words
    // are made: no surname, a given name that starts with no Han character
    // or with a stop character, a word that is no name.
    int32_t v;
    if (sl == 0 || pos + sl >= t.size() || !IsHan(t[pos + sl]) || lex_.stop_chars.count(t[pos + sl]) ||
        lex_.after_words.LongestAt(t, pos, &v) > 0 || lex_.not_names.LongestAt(t, pos, &v) > 0)
      return 0;
  }
  if (s.Words().empty()) return len;
  if (len == 0) {
    // A given name of characters that rarely stand in one (吴日): the word
    // layer found surname + given name as one unknown word or a name.
    // (The surname, the first given character and the word at pos were
    // tested above.)
    const Word* w = WordAt(s, pos);
    if (!w || w->begin != pos || w->size() < sl + 1 || w->size() > sl + 2 ||
        !(w->tag == PosTag::kX || IsPersonName(w->tag)))
      return 0;
    for (size_t k = pos + sl + 1; k < w->end; ++k)
      if (!IsHan(t[k]) || lex_.stop_chars.count(t[k])) return 0;
    return w->size();
  }
  // The word layer read surname + two characters as one unknown word or a
  // person's name (孙广才, where 才 alone would end the name).
  if (len == sl + 1 && pos + sl + 2 <= t.size() && IsHan(t[pos + sl + 1])) {
    const Word* w = WordAt(s, pos);
    if (w && w->begin == pos && w->end == pos + sl + 2 && (w->tag == PosTag::kX || IsPersonName(w->tag))) {
      int32_t v;
      char32_t last = t[w->end - 1];
      if (lex_.after_words.LongestAt(t, w->end - 1, &v) == 0 && !lex_.stop_chars.count(last)) return sl + 2;
    }
    // An unknown word of surname, two characters and a stop character
    // (况立家率|考察组): the name is the first three.
    if (w && w->begin == pos && w->end == pos + sl + 3 && w->tag == PosTag::kX && lex_.stop_chars.count(t[w->end - 1]) &&
        IsHan(t[pos + sl + 1]) && !lex_.stop_chars.count(t[pos + sl + 1]))
      return sl + 2;
    // Or the surname alone, then a two-character given name the dictionary
    // knows as a name (孙|德才).
    const Word* g = WordAt(s, pos + sl);
    if (w && w->begin == pos && w->end == pos + sl && g && g->begin == pos + sl && g->size() == 2 &&
        IsPersonName(g->tag))
      return sl + 2;
  }
  // The third character starts a word that runs on (王沛|出席): two characters.
  if (len == sl + 2) {
    const Word* w = WordAt(s, pos + len - 1);
    if (w && w->begin == pos + len - 1 && w->size() >= 2 && w->end > pos + len &&
        (IsVerb(w->tag) || w->tag == PosTag::kP || w->tag == PosTag::kD || w->tag == PosTag::kC) &&
        w->tag != PosTag::kVn)
      return len - 1;
  }
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
    if (info.is_short && info.level == PlaceLevel::kCounty) {
      // 江阴 (江阴市) but not 高安 in 提高安全: a county-level short form
      // counts only where a place is expected.
      bool before = i == 0 || !IsNameChar(t[i - 1]) ||
                    std::u32string_view(U"在赴到至于与和及、自从往").find(t[i - 1]) != std::u32string_view::npos;
      bool after = i + len >= t.size() || !IsNameChar(t[i + len]);
      // Or where the word layer reads it as a place word (考察|东台|沿海经济区);
      // asked last, as the words may not be made yet.
      auto place_word = [&] {
        const Word* w = WordAt(s, i);
        return w && w->begin == i && w->end == i + len && w->tag == PosTag::kNs;
      };
      if (info.weak) {
        // A county's bare name only after a verb of going or a preposition
        // of place (到玉山), and where the words read a place.
        const bool going = i > 0 && std::u32string_view(U"在赴到至于来从往").find(t[i - 1]) != std::u32string_view::npos;
        if (!going || !place_word()) continue;
      } else if (!before && !after && !place_word()) {
        continue;
      }
    }
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
    // 江西省国资委, 江州市发改委: a place's own body of that kind, not the
    // national one.
    bool local = false;
    for (const Mention& p : *c) local |= p.type == EntityType::kLocation && p.end == i;
    if (local) {
      i += len - 1;
      continue;
    }
    c->push_back(Make(s, i, i + len, b.type, ToUtf32(b.name), 3));
    i += len - 1;
  }
}

const Word* Recognizer::WordEndingAt(const Sentence& s, size_t pos) {
  const std::vector<Word>& words = s.Words();
  auto it = std::lower_bound(words.begin(), words.end(), pos, [](const Word& w, size_t p) { return w.end < p; });
  return it != words.end() && it->end == pos ? &*it : nullptr;
}

const Word* Recognizer::WordAt(const Sentence& s, size_t pos) {
  const std::vector<Word>& words = s.Words();
  auto it = std::upper_bound(words.begin(), words.end(), pos, [](size_t p, const Word& w) { return p < w.end; });
  return it != words.end() && it->begin <= pos ? &*it : nullptr;
}

namespace {
bool FunctionWord(PosTag t) {
  return t == PosTag::kD || t == PosTag::kDf || t == PosTag::kP || t == PosTag::kC || t == PosTag::kR ||
         t == PosTag::kRr || t == PosTag::kRz || (t >= PosTag::kU && t <= PosTag::kUz) || t == PosTag::kY;
}
bool PlainVerb(PosTag t) { return t == PosTag::kV || t == PosTag::kVi || t == PosTag::kVd; }
bool LevelChar(char32_t c) { return std::u32string_view(U"市县区镇乡州省").find(c) != std::u32string_view::npos; }
}  // namespace

bool Recognizer::CommonWords(const Sentence& s, size_t pos, size_t len) const {
  if (s.Words().empty()) return false;
  auto common = [](PosTag t) {
    return !(IsPersonName(t) || t == PosTag::kX || t == PosTag::kNz || t == PosTag::kJ || t == PosTag::kEng ||
             t == PosTag::kNg || t == PosTag::kZg);
  };
  const Word* w = WordAt(s, pos);
  if (!w || w->begin != pos) return false;
  // 阳光, 房东, 连忙: one ordinary word.
  if (w->end == pos + len && common(w->tag)) return true;
  // 向|记者, 和|欧洲: a function word, then an ordinary word to the end.
  const Word* rest = WordAt(s, w->end);
  if (w->size() == 1 && (FunctionWord(w->tag) || IsVerb(w->tag)) && rest && rest->begin == w->end &&
      rest->end == pos + len && common(rest->tag))
    return true;
  // 贺电|中, 罗干|今: a word of two, then a character that ends no name.
  if (len == 3 && w->size() == 2 && common(w->tag) && w->tag != PosTag::kNr) return true;
  return false;
}

bool Recognizer::OrganSuffixAt(const Sentence& s, size_t pos) const {
  const Word* w = WordAt(s, pos);
  if (!w || w->begin != pos) return false;
  int32_t v;
  return lex_.suffixes.LongestEndingAt(s.text, w->end, &v) == w->size() &&
         lex_.suffix_info[v].type == EntityType::kOrganization;
}

bool Recognizer::PlaceHeadedNoun(const Sentence& s, size_t b, size_t e, size_t s0) const {
  // "江州市金融投资集团", "江州城市建设投资有限公司": a verbal noun (vn) that
  // follows a place or a brand and a few nouns names the body's trade.
  const Word* w = WordAt(s, b);
  if (!w || w->begin != b || w->end != e) return false;
  const Word* next = WordAt(s, e);
  // 招商|投资: a verb joined to a verbal noun names a trade too.
  if (w->tag != PosTag::kVn && !(w->tag == PosTag::kV && next && next->tag == PosTag::kVn)) return false;
  // Only common nouns up to the suffix: 江州市建设|华创|集团 names 华创集团.
  for (const Word* n = WordAt(s, e); n && n->end <= s0; n = WordAt(s, n->end))
    if (n->tag != PosTag::kN && n->tag != PosTag::kVn) return false;
  std::u32string_view t = s.text;
  const Word* p = WordEndingAt(s, b);
  for (int nouns = 0; p && nouns <= 3; ++nouns) {
    int32_t v;
    if (p->tag == PosTag::kNs && lex_.places.LongestAt(t, p->begin, &v) == p->size()) return true;
    // Or a brand: 华森|微电子|科技|发展|有限公司.
    if (nouns > 0 && (p->tag == PosTag::kX || p->tag == PosTag::kEng || p->tag == PosTag::kJ || p->tag == PosTag::kNz))
      return true;
    // Or a word of two that opens the clause (远望|企业|发展|集团): a brand
    // the dictionary knows as some other word.
    if (nouns > 0 && p->size() == 2 && !FunctionWord(p->tag) &&
        (p->begin == 0 || !IsNameChar(t[p->begin - 1])))
      return true;
    if (p->size() == 1 && LevelChar(t[p->begin])) {
      const Word* q = WordEndingAt(s, p->begin);
      return q && q->tag == PosTag::kNs;
    }
    // 招商|投资|局: one verb may name the trade with it.
    const bool verb = nouns == 0 && p->tag == PosTag::kV && p->size() == 2;
    // A brand the words split into single characters (兴|达|建设).
    const bool split_brand = p->size() == 1 && !FunctionWord(p->tag) && p->tag != PosTag::kW && !IsDigit(t[p->begin]);
    if (p->tag != PosTag::kN && p->tag != PosTag::kVn && p->tag != PosTag::kNs && !verb && !split_brand) return false;
    p = WordEndingAt(s, p->begin);
  }
  return false;
}

size_t Recognizer::TrimByWords(const Sentence& s, size_t j, size_t s0) const {
  if (s.Words().empty() || j >= s0) return j;
  std::u32string_view t = s.text;
  // A name starts where a word starts (促进|产业园区 is not 进产业园区).
  // (Not over one character an unknown word glued on: 及|华森 of 及华森.)
  if (const Word* w = WordAt(s, j); w && w->begin < j && w->end <= s0 && !(w->tag == PosTag::kX && w->begin + 1 == j))
    j = w->end;
  // "江州市宣布华创…项目", "林致远宣布…": a verb after a place or a person opens
  // the clause; the name starts after it.
  for (const Word* w = WordAt(s, s0 - 1); w && w->begin > j; w = WordEndingAt(s, w->begin)) {
    if (w->end > s0) continue;  // the word that holds the suffix (建设|项目)
    if (!PlainVerb(w->tag) || w->size() < 2 || lex_.name_verbs.count(std::u32string(t.substr(w->begin, w->size()))) ||
        PlaceHeadedNoun(s, w->begin, w->end, s0))
      continue;
    const Word* before = WordEndingAt(s, w->begin);
    bool place = false;
    if (before && before->size() == 1 && LevelChar(t[before->begin])) {
      before = WordEndingAt(s, before->begin);
      place = before != nullptr;  // 禄丰|市|宣布
    }
    // A place, or a three-character person name (the dictionary lacks most).
    int32_t pv;
    const bool known_place = before && before->tag == PosTag::kNs &&
                             lex_.places.LongestAt(t, before->begin, &pv) == before->size();
    // Or a body: 华创公司|融入|江州经济区.
    int32_t sv;
    size_t sl = lex_.suffixes.LongestEndingAt(t, w->begin, &sv);
    const bool body = sl > 0 && w->begin - sl > j && lex_.suffix_info[sv].type == EntityType::kOrganization;
    if (before && (place || known_place || body ||
                   ((IsPersonName(before->tag) || before->tag == PosTag::kX) && before->size() == 3))) {
      j = w->end;
      break;
    }
  }
  // Nor does a name start with a verb, an adverb, a preposition, a
  // conjunction or a pronoun (来|江州园区, 更为|开发区).
  for (const Word* w = WordAt(s, j); w && w->begin == j && w->end <= s0;) {
    std::u32string word(t.substr(w->begin, w->size()));
    // A longer verb only in a predicate (共同|搭建|园区): brands are often
    // verbs to the dictionary (远望物流集团).
    const Word* before = WordEndingAt(s, w->begin);
    bool predicate = before && (before->tag == PosTag::kD || before->tag == PosTag::kDf || before->tag == PosTag::kAd);
    bool strip = FunctionWord(w->tag) ||
                 (PlainVerb(w->tag) && !lex_.name_verbs.count(word) && (w->size() == 1 || predicate));
    if (!strip) break;
    j = w->end;
    w = WordAt(s, j);
  }
  return j;
}

size_t Recognizer::ExtendLeft(const Sentence& s, size_t s0, bool project) const {
  std::u32string_view t = s.text;
  size_t j = s0;
  const size_t kMax = project ? 30 : 22;
  while (j > 0 && s0 - j < kMax) {
    char32_t c = t[j - 1];
    if (c == U'”') {
      // A quoted part of a name: 江州(国家)高新区“一城多谷”智慧城市实验场.
      size_t k = j - 1;
      while (k > 0 && j - k < 12 && IsNameChar(t[k - 1])) --k;
      if (k > 0 && t[k - 1] == U'“' && k + 1 < j) {
        j = k - 1;
        continue;
      }
      break;
    }
    if (!IsNameChar(c)) break;
    bool stop = false;
    size_t stop_len = 0;
    int32_t iv;
    if (lex_.inner_words.LongestAt(t, j - 1, &iv) > 1) {  // 对外 in 江州对外经济贸易职业学院
      --j;
      continue;
    }
    int32_t stop_v = -1;
    lex_.boundaries.ForEachEndingAt(t, j, [&](size_t len, int32_t v) {
      if (v == 0 || !project) {
        stop = true;
        stop_len = len;
        stop_v = v;
        return false;
      }
      return true;
    });
    if (stop && !s.Words().empty() && j > stop_len) {
      // A boundary the word layer reads inside a longer word is none: 据 of
      // 数据, 为 of 华为, 由 of 自由贸易.
      const Word* w = WordAt(s, j - stop_len);
      // An unknown word glued by the HMM counts only with the boundary inside it
      // (制是|科技部 is not one word).
      if (stop_len == 1 && w && w->size() > 1 && w->end >= j &&
          (w->tag != PosTag::kX || (w->begin < j - 1 && w->end > j)) &&
          !IsVerb(w->tag) && !FunctionWord(w->tag) && w->tag != PosTag::kT && w->tag != PosTag::kM) {
        --j;
        continue;
      }
    }
    if (stop && !project && stop_v == 2 && j > stop_len) {
      // "云帆科投资控股有限公司": a noun-like verb right after a brand (a word
      // the dictionary lacks, Latin letters, an abbreviation) is part of the name.
      const Word* brand = WordEndingAt(s, j - stop_len);
      if (brand && (brand->tag == PosTag::kX || brand->tag == PosTag::kEng || brand->tag == PosTag::kJ ||
                    brand->tag == PosTag::kNz)) {
        j -= stop_len;
        continue;
      }
    }
    if (stop && !project && stop_v == 0 && stop_len >= 2 && j < s0 && j > stop_len &&
        IsNameChar(t[j - stop_len - 1]) && OrganSuffixAt(s, j)) {
      // 投资促进局, 贸易促进委员会: a verb right before a body's suffix names
      // what the body does.
      j -= stop_len;
      continue;
    }
    if (stop && !project && stop_v == 2 && j > stop_len && PlaceHeadedNoun(s, j - stop_len, j, s0)) {
      j -= stop_len;
      continue;
    }
    if (stop) {
      // A one-character boundary inside a name (华为技术有限公司, 为 a
      // preposition elsewhere): when what is left is too short or generic to
      // be a name, the character belongs to it.
      std::u32string_view rest = t.substr(j, s0 - j);
      if (stop_len == 1 && (c == U'为' || c == U'以') && (rest.size() < 2 || lex_.IsGeneric(rest)) && j >= 2 &&
          IsHan(t[j - 2])) {
        --j;
        continue;
      }
      break;
    }
    --j;
  }
  j = TrimByWords(s, j, s0);
  // Unbalanced brackets: the name starts after an unmatched '(' or ')'.
  int depth = 0;
  for (size_t k = s0; k > j; --k) {
    if (t[k - 1] == ')') {
      ++depth;
    } else if (t[k - 1] == '(') {
      if (depth == 0) return k;
      --depth;
    }
  }
  if (depth > 0) {
    for (size_t k = j; k < s0; ++k)
      if (t[k] == ')') return k + 1;
  }
  // A quote that opens the name stays only if it is closed inside it.
  while (j < s0 && (t[j] == U'“' || t[j] == U'”')) {
    if (t[j] == U'“' && t.substr(j, s0 - j).find(U'”') != std::u32string_view::npos) break;
    ++j;
  }
  return j;
}

// A count or a time just before: "133家", "2025年", "47个", "百强".
static size_t CountEnd(std::u32string_view t, size_t b, size_t e, bool* counted) {
  size_t cut = b;
  *counted = false;
  for (size_t k = b; k < e; ++k) {
    if (!(IsDigit(t[k]) || IsCnDigit(t[k]))) continue;
    size_t m = k;
    while (m < e && (IsDigit(t[m]) || IsCnDigit(t[m]))) ++m;
    if (m < e && IsMeasure(t[m])) {
      bool time = t[m] == U'年' || t[m] == U'月' || t[m] == U'日' || t[m] == U'季';
      // 第一家 is a rank, not a count, but still not part of a name.
      cut = m + 1;
      *counted = !time;
      k = m;
    } else {
      k = m;
    }
  }
  return cut;
}

void Recognizer::AddBySuffix(const Sentence& s, const std::vector<Mention>& anchors, std::vector<Mention>* c) const {
  std::u32string_view t = s.text;
  for (size_t e = 1; e <= t.size(); ++e) {
    int32_t sid = -1;
    size_t slen = lex_.suffixes.LongestEndingAt(t, e, &sid);
    if (slen == 0 || !NameMayEndAt(s, e)) continue;
    const SuffixInfo& info = lex_.suffix_info[sid];
    const bool project = info.type == EntityType::kProject;
    size_t s0 = e - slen;
    size_t j = ExtendLeft(s, s0, project);
    // Determiners and counts come off the front (该公司, 133家试点高新区).
    bool counted = false;
    for (bool changed = true; changed && j < s0;) {
      changed = false;
      int32_t v;
      size_t dl = lex_.determiners.LongestAt(t, j, &v);
      // 贵州 is no 贵 + 州: a determiner inside a longer word stays.
      if (const Word* w = WordAt(s, j); dl > 0 && w && w->begin == j && w->size() > dl && w->tag != PosTag::kR &&
                                        w->tag != PosTag::kRz && w->tag != PosTag::kRr)
        dl = 0;
      if (dl > 0 && j + dl <= s0) { j += dl; changed = true; continue; }
      bool c2 = false;
      size_t cut = CountEnd(t, j, s0, &c2);
      if (cut > j) { j = cut; counted |= c2; changed = true; }
    }
    if (counted) continue;  // "47个路段照明工程": a counted kind of thing
    // "…研究中心5家": a category being counted, not a name.
    {
      size_t k = e;
      while (k < t.size() && (IsDigit(t[k]) || IsCnDigit(t[k]))) ++k;
      if (k > e && k < t.size() && IsMeasure(t[k]) && t[k] != U'年' && t[k] != U'月' && t[k] != U'日') continue;
    }
    // The name goes on into a longer one (河南省工程研究中心, 科技园区,
    // 湖滨板块项目指挥部), or names a category (工程类项目): not a name here.
    {
      bool longer = false;
      // …集团党委书记: a body's organ before a title does not make a longer name.
      bool organ_title = false;
      for (std::u32string_view organ : {U"党委", U"党组", U"党总支", U"党支部", U"董事会", U"监事会"}) {
        int32_t tv;
        organ_title |= StartsAt(t, e, organ) && lex_.titles.LongestAt(t, e + organ.size(), &tv) > 0;
      }
      // Nor does a title (…有限公司董事长兼党委书记).
      int32_t tv0;
      organ_title |= lex_.titles.LongestAt(t, e, &tv0) > 1;
      for (size_t k = e + 1; k <= t.size() && k <= e + 6 && !longer && !organ_title; ++k) {
        if (!IsNameChar(t[k - 1])) break;
        bool boundary = false;
        lex_.boundaries.ForEachEndingAt(t, k, [&](size_t, int32_t) { boundary = true; return false; });
        if (boundary) break;
        int32_t v2;
        if (lex_.suffixes.LongestEndingAt(t, k, &v2) > 0 && lex_.suffix_info[v2].type != EntityType::kLocation &&
            NameMayEndAt(s, k))
          longer = true;
      }
      if (longer || (e < t.size() && t[e] == U'类')) continue;
      // "社会投资类工业定制地项目": a kind within a kind.
      if (j > 0 && t[j - 1] == U'类') continue;
      // A project name ends where the clause goes on (…项目位于, …工程建设,
      // …项目、): "屋顶绿化工程绿化面积" is not one.
      if (project && e < t.size() && IsHan(t[e])) {
        int32_t v2;
        bool ends = lex_.boundaries_fwd.LongestAt(t, e, &v2) > 0 || lex_.triggers.LongestAt(t, e, &v2) > 0 ||
                    lex_.stop_chars.count(t[e]) > 0;
        if (!ends) continue;
      }
    }
    if (info.rule == SuffixRule::kPlace && info.type == EntityType::kPark) {
      // A zone starts at its place (立足江州高新区), unless the place stands in
      // brackets within the name (中国(江南)自由贸易试验区).
      for (const Mention& p : anchors) {
        if (p.begin >= j && p.end <= s0 && !(p.begin > 0 && t[p.begin - 1] == '(')) {
          j = p.begin;
          break;
        }
      }
    }
    if (info.type == EntityType::kLocation) {
      // A street in a zone: 江州高新区科学大道 is 科学大道.
      for (size_t k = s0; k > j + 1; --k) {
        int32_t v2;
        size_t l2 = lex_.suffixes.LongestEndingAt(t, k, &v2);
        if (l2 && lex_.suffix_info[v2].type != EntityType::kLocation && k - l2 > j) { j = k; break; }
      }
    }
    if (project) {
      // "在合肥经开区投资建设动力电池生产基地项目": a zone or place followed by
      // a verb opens a clause; the project name starts after the verb.
      for (size_t k = s0; k > j; --k) {
        int32_t bv = -1;
        size_t bl = 0;
        lex_.boundaries.ForEachEndingAt(t, k, [&](size_t l, int32_t v) { bl = l; bv = v; return true; });
        if (bl == 0 || bv != 2 || k - bl <= j) continue;
        size_t vb = k - bl;
        while (vb > j) {  // 投资建设: verbs in a row
          size_t l2 = 0;
          lex_.boundaries.ForEachEndingAt(t, vb, [&](size_t l, int32_t v) { if (v == 2) l2 = l; return true; });
          if (l2 == 0 || vb - l2 < j) break;
          vb -= l2;
        }
        bool after_place = false;
        for (const Mention& p : anchors) after_place |= p.end == vb && p.begin >= j;
        int32_t v3;
        size_t zl = lex_.suffixes.LongestEndingAt(t, vb, &v3);
        if (zl && lex_.suffix_info[v3].type == EntityType::kPark) after_place = true;
        if (after_place) { j = k; break; }
      }
    }
    if (project && !s.Words().empty()) {
      // "活动设湖滨区…项目", "暨江州…产业园项目": a verb or a conjunction
      // before a place in the name opens it; the name starts at the place.
      for (const Mention& p : anchors) {
        if (p.begin <= j || p.end > s0 || p.type != EntityType::kLocation) continue;
        const Word* w = WordEndingAt(s, p.begin);
        if (w && (PlainVerb(w->tag) || w->tag == PosTag::kC)) j = p.begin;
      }
    }
    std::u32string_view cand = t.substr(j, e - j);
    std::u32string_view prefix = t.substr(j, s0 - j);
    if (info.type == EntityType::kPark) {
      // A district of the division list named like a zone (…新区) is a place.
      bool place = false;
      for (const Mention& p : anchors) place |= p.type == EntityType::kLocation && p.begin == j && p.end == e;
      if (place) continue;
    }
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
    // A scope word before the suffix makes a kind, not a name (…全市园区, 全区项目).
    {
      bool scoped = false;
      for (std::u32string_view w : {U"全市", U"全区", U"全省", U"全县", U"全国", U"全镇"})
        scoped |= prefix.size() >= w.size() && prefix.substr(prefix.size() - w.size()) == w;
      if (scoped) continue;
    }
    bool stop_end = false;
    lex_.stop_ends.ForEachEndingAt(t, e, [&](size_t len, int32_t) {
      if (len >= 2 && len <= cand.size()) stop_end = true;
      return !stop_end;
    });
    if (stop_end) continue;
    // "是一家…的交通科技公司": a description, not a name.
    if (info.rule != SuffixRule::kPlace) {
      size_t cb = j;
      while (cb > 0 && t[cb - 1] != U',' && t[cb - 1] != U'，' && t[cb - 1] != U'。' && t[cb - 1] != U';') --cb;
      std::u32string_view before = t.substr(cb, j - cb);
      if (before.find(U"一家") != std::u32string_view::npos || before.find(U"是一") != std::u32string_view::npos ||
          before.find(U"一个") != std::u32string_view::npos)
        continue;
    }
    bool ok = false;
    if (info.rule == SuffixRule::kPlace) {
      // The place may end inside the suffix: 新乡市|委 for 新乡市委.
      const bool admin_suffix = std::u32string_view(U"市县区省镇乡").find(t[s0]) != std::u32string_view::npos;
      const Mention* anchor = nullptr;
      for (const Mention& p : anchors)
        if (p.begin >= j && (p.end <= s0 || (admin_suffix && p.end == s0 + 1))) { anchor = &p; break; }
      ok = anchor != nullptr;
      if (!ok && !prefix.empty() && info.type != EntityType::kLocation) {
        // A place the division list does not know (a new district, a made-up
        // name): a short proper prefix right after a boundary, 江州高新区,
        // 湖滨区委, 江州市人民政府.
        std::u32string bare = WithoutNational(std::u32string(prefix));
        std::u32string_view prefix = bare;
        bool all_han = !prefix.empty();
        for (char32_t ch : prefix) all_han &= IsHan(ch);
        bool admin_end = std::u32string_view(U"市县省区镇乡州").find(prefix.back()) != std::u32string_view::npos;
        size_t max_len = admin_end ? 4 : 3;
        ok = all_han && prefix.size() >= 2 && prefix.size() <= max_len && !lex_.IsGeneric(prefix) &&
             !(admin_end && prefix.size() >= 3 && lex_.IsGeneric(prefix.substr(0, prefix.size() - 1)));
        // Nor a verb, an adverb or a time word read as a place (观摩|高新区, 今后|市委).
        for (const Word* w = WordAt(s, j); ok && w && w->begin < s0; w = WordAt(s, w->end)) {
          if (w->end > s0) break;
          if (IsVerb(w->tag) || FunctionWord(w->tag) || w->tag == PosTag::kT) ok = false;
        }
        // Nor one common noun (规划建设|土地|局), nor what follows 各 (各|盟市委).
        const Word* only = WordAt(s, j);
        if (ok && info.type != EntityType::kPark && only && only->begin == j && (only->end == s0 || only->end == e) &&
            (only->tag == PosTag::kN || only->tag == PosTag::kVn || only->tag == PosTag::kNt))
          ok = false;
        if (ok && ((j > 0 && (t[j - 1] == U'各' || t[j - 1] == U'该')) || t[j] == U'各')) ok = false;
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
      // A verb alone before a zone's suffix is no name (玩转|园区, 创建|园区).
      const Word* only = WordAt(s, j);
      if (ok && info.type == EntityType::kPark && only && only->begin == j && PlainVerb(only->tag) &&
          (only->end == s0 || (only->end < s0 && t[only->end] == U'“')))
        ok = false;  // …or before a quoted slogan (创建“四化”园区)
      if (ok && project) {
        bool anchored = false;
        for (const Mention& p : anchors) anchored |= p.begin >= j && p.end <= s0;
        ok = anchored || prefix.size() >= 4;
        // "双方合作项目", "招商引资项目": a kind of project, not a name; a short
        // name holds a proper word (a place, a brand, a person, Latin
        // letters) or a quoted part.
        if (ok && !anchored && prefix.size() < 6 && !s.Words().empty()) ok = ProperWordIn(s, j, s0);
        // "各相关部门要与项目": a project name does not end its prefix with a conjunction.
        if (ok && (prefix.back() == U'与' || prefix.back() == U'和' || prefix.back() == U'及')) ok = false;
      }
    } else if (info.rule == SuffixRule::kZone) {
      for (size_t k = j + 2; k + 2 <= s0 && !ok; ++k) {
        int32_t zv;
        size_t zl = lex_.suffixes.LongestEndingAt(t, k, &zv);
        ok = zl > 0 && k - zl > j && lex_.suffix_info[zv].type == EntityType::kPark;
      }
    } else {
      ok = !prefix.empty() && !lex_.IsGeneric(prefix);
    }
    if (!ok) continue;
    if (info.type == EntityType::kOrganization && info.rule == SuffixRule::kPlace && s0 > j) {
      // A zone's own organ is the zone: 合肥高新区政府, 江州高新区党委.
      int32_t pv;
      size_t pl = lex_.suffixes.LongestEndingAt(t, s0, &pv);
      if (pl && lex_.suffix_info[pv].type == EntityType::kPark && s0 - pl > j) {
        Mention m = Make(s, j, s0, EntityType::kPark, CanonicalPark(std::u32string(t.substr(j, s0 - j))), 3);
        m.aliases.push_back(ToUtf8(WithoutNational(std::u32string(cand))));
        c->push_back(std::move(m));
        continue;
      }
    }
    std::u32string name = info.type == EntityType::kPark ? CanonicalPark(std::u32string(cand))
                                                         : WithoutNational(std::u32string(cand));
    // 江州市政府 is 江州市人民政府.
    if (info.type == EntityType::kOrganization && name.size() > 3 && name.compare(name.size() - 2, 2, U"政府") == 0 &&
        std::u32string_view(U"市区县州镇乡省").find(name[name.size() - 3]) != std::u32string_view::npos)
      name.insert(name.size() - 2, U"人民");
    Mention m = Make(s, j, e, info.type, name, 3);
    if (info.type == EntityType::kPark) {
      // A zone's governing body is the zone: 江州高新区管委会 is an alias.
      int32_t v;
      size_t bl = lex_.title_bodies.LongestAt(t, e, &v);
      std::u32string_view body = bl ? t.substr(e, bl) : std::u32string_view();
      if (body == U"党工委" || body == U"管委会" || body == U"管理委员会") m.aliases.push_back(ToUtf8(name + std::u32string(body)));
    }
    c->push_back(std::move(m));
  }
}

void Recognizer::AddTypedLists(const Sentence& s, std::vector<Mention>* c) const {
  // "A、B、C等项目": every item of a list closed by 等 + a kind is of that kind.
  static const std::u32string_view kMarkers[] = {U"等项目", U"等重点项目", U"等重大项目", U"等工程", U"等企业",
                                                 U"等公司", U"等银行",     U"等高校",     U"等单位", U"等园区"};
  static const EntityType kTypes[] = {EntityType::kProject,      EntityType::kProject,      EntityType::kProject,
                                      EntityType::kProject,      EntityType::kOrganization, EntityType::kOrganization,
                                      EntityType::kOrganization, EntityType::kOrganization, EntityType::kOrganization,
                                      EntityType::kPark};
  static const WordStarts kStarts(kMarkers);
  std::u32string_view t = s.text;
  kStarts.ForEach(t, [&](size_t pos, size_t k) {
    const std::u32string_view marker = kMarkers[k];
    const EntityType type = kTypes[k];
    size_t end = pos;
    std::vector<std::pair<size_t, size_t>> items;
    for (;;) {
      size_t b = end;
      while (b > 0 && t[b - 1] != U'、' && IsNameChar(t[b - 1])) --b;
      if (t[b > 0 ? b - 1 : 0] != U'、' || b == 0) {
        b = ExtendLeft(s, end, type == EntityType::kProject);
        items.emplace_back(b, end);
        break;
      }
      items.emplace_back(b, end);
      end = b - 1;
    }
    if (items.size() < 2) return;
    // "A、B、C等项目建设工地和企业": projects and companies; a member
    // without a project's suffix is a company.
    // So is "A、B、C等企业和项目": a member with a project's suffix is a project.
    bool mixed = false;
    if (type == EntityType::kProject || type == EntityType::kOrganization) {
      size_t after = pos + marker.size();
      std::u32string_view other = type == EntityType::kProject ? U"企业" : U"项目";
      for (size_t k = after; k < t.size() && k < after + 10 && IsNameChar(t[k]); ++k) mixed |= StartsAt(t, k, other);
    }
    for (auto [b, e] : items) {
      int32_t v;
      while (b < e && lex_.determiners.LongestAt(t, b, &v) > 0) b += lex_.determiners.LongestAt(t, b, &v);
      std::u32string_view item = t.substr(b, e - b);
      if (item.size() < 2 || item.size() > 30 || lex_.IsGeneric(item) || HoldsTitle(item)) continue;
      std::u32string name(item);
      if (type == EntityType::kPark) name = CanonicalPark(name);
      EntityType kind = type;
      if (mixed) {
        int32_t sv;
        size_t sl = lex_.suffixes.LongestEndingAt(t, e, &sv);
        kind = sl && lex_.suffix_info[sv].type == EntityType::kProject ? EntityType::kProject
                                                                        : EntityType::kOrganization;
      }
      c->push_back(Make(s, b, e, kind, name, 4));
    }
  });
}

void Recognizer::AddPredicated(const Sentence& s, std::vector<Mention>* c) const {
  std::u32string_view t = s.text;
  // Companies by what only companies do: "云帆科技成功上市", "…顺利过会".
  static const std::u32string_view kListing[] = {U"上市", U"过会", U"挂牌"};
  static const std::u32string_view kAdverbs[] = {U"成功", U"顺利", U"即将", U"正式", U"已", U"将", U"率先"};
  static const WordStarts kListingStarts(kListing);
  kListingStarts.ForEach(t, [&](size_t pos, size_t k) {
    std::u32string_view w = kListing[k];
    if (pos + w.size() < t.size() && IsHan(t[pos + w.size()])) return;  // 上市公司
    size_t e = pos;
    for (bool again = true; again;) {
      again = false;
      for (std::u32string_view a : kAdverbs)
        if (e >= a.size() && t.substr(e - a.size(), a.size()) == a) { e -= a.size(); again = true; break; }
    }
    size_t b = ExtendLeft(s, e, false);
    std::u32string_view name = t.substr(b, e - b);
    if (name.size() < 4 || lex_.IsGeneric(name)) return;
    c->push_back(Make(s, b, e, EntityType::kOrganization, std::u32string(name), 3));
  });
  // A named construction site: "在翠湖壹号院施工现场".
  static const std::u32string_view kSite[] = {U"施工现场", U"项目工地", U"施工工地", U"建设现场"};
  static const WordStarts kSiteStarts(kSite);
  kSiteStarts.ForEach(t, [&](size_t pos, size_t) {
    if (pos == 0 || !IsHan(t[pos - 1])) return;
    size_t b = ExtendLeft(s, pos, true);
    std::u32string_view name = t.substr(b, pos - b);
    if (name.size() < 4 || lex_.IsGeneric(name)) return;
    c->push_back(Make(s, b, pos, EntityType::kProject, std::u32string(name), 2));
  });
}

bool Recognizer::NameMayEndAt(const Sentence& s, size_t e) const {
  if (s.Words().empty() || e >= s.text.size()) return true;
  const Word* w = WordAt(s, e - 1);
  if (!w || w->end <= e) return true;
  // 区委书记 is one word to the dictionary: a title may follow inside it.
  int32_t v;
  return lex_.titles.LongestAt(s.text, e, &v) > 0 || lex_.title_bodies.LongestAt(s.text, e, &v) > 0;
}

bool Recognizer::ProperWordIn(const Sentence& s, size_t b, size_t e) const {
  for (size_t k = b; k < e; ++k)
    if (s.text[k] == U'“' || s.text[k] == U'《' || (s.text[k] < 0x80 && std::isalnum(static_cast<int>(s.text[k]))))
      return true;
  for (const Word* w = WordAt(s, b); w && w->begin < e; w = WordAt(s, w->end)) {
    PosTag t = w->tag;
    if (t == PosTag::kNs || IsPersonName(t) || t == PosTag::kNz || t == PosTag::kNt || t == PosTag::kX ||
        t == PosTag::kEng || t == PosTag::kJ)
      return true;
    int32_t v;
    if (lex_.places.LongestAt(s.text, w->begin, &v) > 0) return true;
  }
  return false;
}

bool Recognizer::HoldsTitle(std::u32string_view item) const {
  for (size_t k = 0; k < item.size(); ++k) {
    int32_t v;
    size_t l = lex_.titles.LongestAt(item, k, &v);
    if (l >= 2) return true;
  }
  return false;
}

void Recognizer::AddRouteItems(const Sentence& s, std::vector<Mention>* c) const {
  // "来到A、B、C考察": the stops of a visit are named places even when no
  // suffix tells their kind (武汉光谷生物城, 凯旋路第一胡同). Each item becomes a
  // weak candidate that a recognized name of the same extent overrides.
  static const std::u32string_view kGo[] = {U"来到", U"走进", U"前往", U"走访", U"参观", U"察看", U"莅临",
                                            U"先后到", U"深入", U"考察了", U"调研了", U"视察了"};
  // What a visit sees of a body (…集团展厅, …公司生产车间): the body is the stop.
  static const std::u32string_view kSites[] = {U"展示中心", U"展厅", U"生产车间", U"车间"};
  static const std::u32string_view kStopWords[] = {U"考察", U"调研", U"检查", U"视察", U"慰问", U"督导", U"参观",
                                                   U"了解", U"查看", U"指导", U"实地", U"表示", U"等"};
  static const std::u32string_view kNotPlaces[] = {U"车间", U"现场", U"一线", U"基层", U"工地", U"企业", U"公司",
                                                   U"园区", U"社区", U"项目", U"单位", U"部门", U"场所", U"区域"};
  static const WordStarts kGoStarts(kGo);
  static const WordStarts kStopStarts(kStopWords);
  std::u32string_view t = s.text;
  kGoStarts.ForEach(t, [&](size_t pos, size_t go_k) {
    const std::u32string_view go = kGo[go_k];
    size_t b = pos + go.size();
    if (b < t.size() && t[b] == U'了') ++b;
    if (StartsAt(t, b, U"先后")) b += 2;
    // "深入梳理…": an adverb before another verb, not a route.
    if (const Word* w = WordAt(s, b);
        w && w->begin == b && (PlainVerb(w->tag) || (go == U"深入" && (w->tag == PosTag::kI || w->tag == PosTag::kL))))
      return;
    // The items run to the clause end or the next visit word.
    size_t end = b;
    while (end < t.size() && t[end] != U',' && t[end] != U'，' && t[end] != U'。' && t[end] != U';' &&
           t[end] != U'!' && t[end] != U'?') {
      if (kStopStarts.AnyAt(t, end)) break;
      ++end;
    }
    size_t ib = b;
    for (size_t k = b; k <= end; ++k) {
      if (k < end && t[k] != U'、') continue;
      std::u32string_view item = t.substr(ib, k - ib);
      size_t item_b = ib;
      ib = k + 1;
      // "高新区的A、B": the stops are what follows 的.
      if (item_b == b) {
        size_t de = item.find(U'的');
        if (de != std::u32string_view::npos && de + 1 < item.size()) {
          item_b += de + 1;
          item.remove_prefix(de + 1);
        }
      }
      for (std::u32string_view site : kSites)
        if (item.size() > site.size() + 2 && item.substr(item.size() - site.size()) == site) {
          item.remove_suffix(site.size());
          break;
        }
      if (item.size() < 3 || item.size() > 14) continue;
      bool clean = !IsDigit(item[0]) && !IsCnDigit(item[0]);
      for (char32_t ch : item)
        clean &= (IsHan(ch) || (ch < 0x80 && std::isalnum(static_cast<int>(ch)))) && ch != U'的' && ch != U'了';
      if (!clean || lex_.IsGeneric(item)) continue;
      bool not_place = false;
      for (std::u32string_view w : kNotPlaces) {
        if (item.size() >= w.size() && (item.substr(item.size() - w.size()) == w || item.substr(0, w.size()) == w))
          not_place = true;
      }
      int32_t v;
      if (not_place || lex_.determiners.LongestAt(item, 0, &v) > 0 || lex_.boundaries_fwd.LongestAt(item, 0, &v) > 0)
        continue;
      if (HoldsTitle(item)) continue;  // 华创集团总裁林致远: a person with a post
      EntityType type = EntityType::kOrganization;
      auto ends = [&](std::u32string_view w) {
        return item.size() > w.size() && item.substr(item.size() - w.size()) == w;
      };
      for (std::u32string_view w : {U"路", U"街", U"巷", U"大道", U"胡同", U"桥", U"涵洞", U"隧道", U"村", U"小区", U"交叉口"})
        if (ends(w)) type = EntityType::kLocation;
      for (std::u32string_view w : {U"园", U"基地", U"城", U"新区", U"港"})
        if (ends(w)) type = EntityType::kPark;
      for (std::u32string_view w : {U"项目", U"工程", U"一期", U"二期", U"三期", U"四期"})
        if (ends(w)) type = EntityType::kProject;
      c->push_back(Make(s, item_b, item_b + item.size(), type, std::u32string(item), 1));
    }
  });
}

void Recognizer::SplitInnerOrgans(const Sentence& s, std::vector<Mention>* ms) const {
  // "华创科技有限公司党委书记、董事长周文斌": the Party committee or board of a
  // named body is that body; the organ word belongs to the title.
  std::u32string_view t = s.text;
  for (auto it = ms->begin(); it != ms->end();) {
    Mention& m = *it;
    bool erase = false;
    if (m.type == EntityType::kOrganization && m.ref == RefKind::kNone) {
      for (std::u32string_view organ : {U"党委", U"党组", U"党总支", U"党支部", U"董事会", U"监事会", U"工会"}) {
        if (m.length() <= organ.size() + 1 || t.substr(m.end - organ.size(), organ.size()) != organ) continue;
        size_t e = m.end - organ.size();
        // The body is named: it holds a body's suffix (…集团华南院党委 too).
        size_t sl = 0, k = e;
        for (; k > m.begin && sl == 0; --k) {
          int32_t v;
          size_t l = lex_.suffixes.LongestEndingAt(t, k, &v);
          if (l && lex_.suffix_info[v].type == EntityType::kOrganization && lex_.suffix_info[v].rule != SuffixRule::kPlace)
            sl = l;
        }
        if (sl == 0) break;
        std::u32string_view body = t.substr(m.begin, e - m.begin);
        if (k + 1 - m.begin <= sl || lex_.IsGeneric(t.substr(m.begin, k + 1 - sl - m.begin))) {
          erase = true;  // 集团党委: no name left
        } else {
          m = Make(s, m.begin, e, EntityType::kOrganization, WithoutNational(std::u32string(body)), m.priority);
        }
        break;
      }
    }
    it = erase ? ms->erase(it) : it + 1;
  }
}

void Recognizer::AddBodiesBeforeTitles(const Sentence& s, std::vector<Mention>* ms) const {
  // "宇通客车董事长汤玉祥": a company named without a suffix stands before a
  // company title and a person.
  // Longer titles first: 副总经理 before 总经理.
  static const std::u32string_view kCompanyTitles[] = {U"首席执行官", U"副董事长", U"副总经理", U"执行董事", U"董事长",
                                                       U"总经理", U"副总裁", U"创始人", U"总裁", U"CEO"};
  std::u32string_view t = s.text;
  std::vector<Mention> added;
  for (const Mention& p : *ms) {
    if (p.type != EntityType::kOfficial) continue;
    for (std::u32string_view title : kCompanyTitles) {
      if (p.begin < title.size() || t.substr(p.begin - title.size(), title.size()) != title) continue;
      size_t tb = p.begin - title.size();
      // The whole title: 行政总裁, not 总裁 after a body named 行政.
      int32_t tv;
      if (size_t full = lex_.titles_ending.LongestEndingAt(t, p.begin, &tv); full > title.size()) tb = p.begin - full;
      bool taken = false;
      for (const Mention& m : *ms) taken |= m.end == tb || (m.begin < tb && m.end > tb);
      if (taken) break;
      size_t b = ExtendLeft(s, tb, false);
      std::u32string_view name = t.substr(b, tb - b);
      bool han = !name.empty();
      for (char32_t ch : name) han &= IsHan(ch) || (ch < 0x80 && std::isalnum(static_cast<int>(ch)));
      // A chain of posts is no body: 董事会副主席兼|行政总裁.
      for (size_t k = 0; han && k < name.size(); ++k) {
        int32_t v2;
        han = name[k] != U'兼' && lex_.titles.LongestAt(name, k, &v2) == 0;
      }
      int32_t v;
      if (!han || name.size() < 2 || name.size() > 10 || lex_.IsGeneric(name) ||
          lex_.stop_exact.count(std::u32string(name)) ||
          lex_.title_bodies.LongestAt(name, 0, &v) == name.size())
        break;
      bool overlap = false;
      for (const Mention& m : *ms) overlap |= m.begin < tb && b < m.end;
      if (!overlap) added.push_back(Make(s, b, tb, EntityType::kOrganization, std::u32string(name), 2));
      break;
    }
  }
  if (added.empty()) return;
  ms->insert(ms->end(), added.begin(), added.end());
  std::sort(ms->begin(), ms->end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

void Recognizer::AddPersons(const Sentence& s, std::vector<Mention>* c) const {
  std::u32string_view t = s.text;
  std::vector<char> taken(t.size() + 1, 0);
  // Steps (b) and (c) ask the same positions whether a clause and a name
  // start there: each answer is computed once (-1: not yet).
  std::vector<int8_t> clause_memo(t.size() + 1, -1);
  std::vector<int8_t> name_memo(t.size() + 1, -1);
  auto clause_start = [&](size_t i) {
    if (clause_memo[i] < 0) clause_memo[i] = ClauseStart(t, i) ? 1 : 0;
    return clause_memo[i] == 1;
  };
  auto name_at = [&](size_t i) -> size_t {
    if (i > t.size()) return 0;
    if (name_memo[i] < 0) name_memo[i] = static_cast<int8_t>(NameAt(s, i));
    return static_cast<size_t>(name_memo[i]);
  };
  // Steps (b) and (c) read what follows a name before they ask for it (the
  // name may need the word layer, made only when first read): what a name
  // of any length NameAt can give (a surname and two characters) may be
  // followed by.
  const size_t max_name = lex_.surnames.max_length() + 2;
  auto followed_within = [&](size_t i, auto&& pred) {
    for (size_t e = i + 1; e <= i + max_name && e < t.size(); ++e)
      if (pred(e)) return true;
    return false;
  };
  static const WordStarts kStrongStarts(kStrongAfter);
  auto add = [&](size_t b, size_t len, bool strong, int priority) {
    if (BylineBefore(t, b)) return;
    for (size_t k = b; k < b + len; ++k)
      if (taken[k]) return;
    for (size_t k = b; k < b + len; ++k) taken[k] = 1;
    Mention m = Make(s, b, b + len, EntityType::kOfficial, std::u32string(t.substr(b, len)), priority);
    m.strong_person = strong;
    c->push_back(std::move(m));
  };
  // (a) after a title: 管委会主任林致远, 党工委书记(兼)林致远
  for (size_t p = 1; p < t.size(); ++p) {
    size_t at = t[p] == U'(' && StartsAt(t, p, U"(兼)") ? p + 3 : p;
    // No surname, no name (and no word to read): asked before the title,
    // since most positions start no name.
    if (at >= t.size() || !lex_.surnames.MayStartWith(t[at])) continue;
    int32_t v;
    if (lex_.titles_ending.LongestEndingAt(t, p, &v) == 0) continue;
    size_t len = name_at(at);
    int32_t sv;
    const size_t sl = lex_.surnames.LongestAt(t, at, &sv);
    if (len == 0 && sl == 0) continue;  // no name, no surname: no words to read
    // "领导班子": a noun the dictionary knows holds title and "name" alike.
    if (const Word* nw = len ? WordAt(s, at) : nullptr;
        nw && nw->begin < at && nw->end == at + len && (nw->tag == PosTag::kN || nw->tag == PosTag::kVn))
      len = 0;
    if (!s.Words().empty()) {
      // After a title the name is likelier whole: a surname word, then a
      // given name the dictionary reads as one other word (谭|大为). So is a
      // surname that also starts ordinary words (马|立新亲切会见), when the
      // given name is no common noun or verb (向|来宾 stays out).
      const Word* sw = WordAt(s, at);
      const Word* gw = WordAt(s, at + sl);
      const bool split = sl > 0 && sw && sw->begin == at && sw->end == at + sl && gw && gw->begin == at + sl &&
                         gw->size() == 2;
      if (split && len == sl + 1 && !IsVerb(gw->tag)) len = sl + 2;
      if (split && len == 0 &&
          (gw->tag == PosTag::kX || IsPersonName(gw->tag) || gw->tag == PosTag::kNz || gw->tag == PosTag::kD ||
           gw->tag == PosTag::kA || gw->tag == PosTag::kAd))
        len = sl + 2;
    }
    if (len) add(at, len, true, 4);
  }
  // (b) before an action word at a clause start: 马立新会见, 林致远一行
  for (size_t i = 0; i < t.size(); ++i) {
    if (!lex_.surnames.MayStartWith(t[i])) continue;  // no name starts here
    if (!clause_start(i)) continue;
    // An action word, a title then 一行 or 等, or a bracket must follow.
    if (!followed_within(i, [&](size_t e) {
          if (t[e] == U'(' || kStrongStarts.AnyAt(t, e)) return true;
          int32_t v;
          const size_t tl = lex_.titles.LongestAt(t, e, &v);
          return tl > 0 && (StartsAt(t, e + tl, U"一行") || StartsAt(t, e + tl, U"等"));
        }))
      continue;
    size_t len = name_at(i);
    if (!len) continue;
    bool strong_after = kStrongStarts.AnyAt(t, i + len);
    // "接待了林致远主任一行": a title after the name, then 一行.
    {
      int32_t v;
      size_t tl = lex_.titles.LongestAt(t, i + len, &v);
      if (tl > 0 && (StartsAt(t, i + len + tl, U"一行") || StartsAt(t, i + len + tl, U"等"))) strong_after = true;
    }
    // "周文斌（华创科技有限公司董事长）", "张三（右二）": a post or a place in a
    // photo in brackets after the name.
    if (!strong_after && i + len < t.size() && t[i + len] == U'(') {
      size_t close = t.find(U')', i + len);
      if (close != std::u32string_view::npos && close - (i + len) <= 40) {
        int32_t v;
        std::u32string_view inner = t.substr(i + len + 1, close - i - len - 1);
        strong_after = lex_.titles_ending.LongestEndingAt(t, close, &v) > 0 ||
                       (!inner.empty() && inner.size() <= 4 &&
                        (inner[0] == U'左' || inner[0] == U'右' || inner[0] == U'中' || inner.substr(0, 2) == U"前排" ||
                         inner.substr(0, 2) == U"后排"));
      }
    }
    if (strong_after && !CommonWords(s, i, len)) add(i, len, false, 2);
  }
  // (b2) a name, its title, then 一行, anywhere: "接待了林致远主任一行".
  for (size_t pos = t.find(U"一行"); pos != std::u32string_view::npos; pos = t.find(U"一行", pos + 2)) {
    int32_t v;
    size_t tl = lex_.titles_ending.LongestEndingAt(t, pos, &v);
    if (tl == 0 || pos < tl + 2) continue;
    size_t e = pos - tl;
    for (size_t len : {size_t{3}, size_t{2}}) {
      if (e < len || name_at(e - len) < len) continue;  // the title bounds the name
      add(e - len, len, false, 2);
      break;
    }
  }
  // (c) lists: 钱峰、卫东、韩立等参加会见
  for (size_t i = 0; i < t.size(); ++i) {
    bool after_leaders = i >= 2 && t[i - 2] == U'领' && t[i - 1] == U'导';
    // Not inside a word (领导|班子 is 领导班子).
    if (after_leaders)
      if (const Word* lw = WordAt(s, i); lw && lw->begin < i) after_leaders = false;
    if (!after_leaders && !lex_.surnames.MayStartWith(t[i])) continue;  // no name starts here
    if (!after_leaders && !clause_start(i)) continue;
    // Two members or more, unless after 领导: a list mark follows the first,
    // and a surname the mark.
    if (!after_leaders && !followed_within(i, [&](size_t e) {
          return t[e] == U'、' && e + 1 < t.size() && lex_.surnames.MayStartWith(t[e + 1]);
        }))
      continue;
    std::vector<std::pair<size_t, size_t>> items;
    size_t k = i;
    for (;;) {
      size_t len = name_at(k);
      if (!len && after_leaders) {
        // A member whose surname the list lacks: a two- or three-character
        // word the word layer could not place, between list marks.
        const Word* w = WordAt(s, k);
        if (w && w->begin == k && w->size() >= 2 && w->size() <= 3 &&
            (w->tag == PosTag::kX || IsPersonName(w->tag)) &&
            (w->end == t.size() || t[w->end] == U'、' || !IsNameChar(t[w->end]) || t[w->end] == U'等'))
          len = w->size();
        // Or two or three characters between two list marks (…、A、…).
        size_t m = k;
        while (m < t.size() && m - k <= 3 && IsHan(t[m]) && t[m] != U'等') ++m;
        if (!len && m - k >= 2 && m - k <= 3 && m < t.size() && t[m] == U'、' && k > i && t[k - 1] == U'、')
          len = m - k;
      }
      if (!len) break;
      items.emplace_back(k, len);
      k += len;
      if (k < t.size() && t[k] == U'、') { ++k; continue; }
      break;
    }
    // "区领导A、B、C出席", "市领导A、B": a list after 领导 is of people.
    const bool leaders = after_leaders;
    if (items.size() < 2 && !leaders) continue;
    int32_t v;
    if (!(k < t.size() && (t[k] == U'等' || lex_.after_words.LongestAt(t, k, &v) > 0)) &&
        !(leaders && (k == t.size() || !IsNameChar(t[k]))))
      continue;
    for (auto [b, len] : items) add(b, len, false, 2);
    i = k;
  }
}

void Recognizer::AddRefs(const Sentence& s, std::vector<Mention>* c) const {
  std::u32string_view t = s.text;
  static const std::u32string_view kRefs[] = {U"该公司", U"该企业", U"该集团", U"该项目",
                                              U"双方",   U"我区",   U"本区"};
  static const RefKind kKinds[] = {RefKind::kCompany, RefKind::kCompany, RefKind::kCompany, RefKind::kProject,
                                   RefKind::kBoth,    RefKind::kHome,    RefKind::kHome};
  static const WordStarts kStarts(kRefs);
  kStarts.ForEach(t, [&](size_t i, size_t k) {
    const std::u32string_view w = kRefs[k];
    const RefKind kind = kKinds[k];
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
  });
}

void Recognizer::AddOrganRefs(const Sentence& s, std::vector<Mention>* c) const {
  // "代表区政府签约", "市委市政府高度重视" is generic: a bare organ word names the
  // organ of the place the article is set in (resolved with the relations).
  static const std::u32string_view kOrgans[] = {U"人民政府", U"政府", U"政协", U"人大常委会", U"委"};
  static const std::u32string_view kLevels[] = {U"市", U"区", U"县", U"州", U"镇"};
  std::u32string_view t = s.text;
  static const WordStarts kLevelStarts(kLevels);
  static const WordStarts kOrganStarts(kOrgans);
  for (size_t i = 0; i + 2 <= t.size(); ++i) {
    if (!kLevelStarts.MayStart(t[i])) continue;
    if (!kOrganStarts.MayStart(t[i + 1])) continue;
    for (std::u32string_view lvl : kLevels) {
      if (t[i] != lvl[0]) continue;
      for (std::u32string_view organ : kOrgans) {
        if (!StartsAt(t, i + 1, organ)) continue;
        size_t e = i + 1 + organ.size();
        bool opens = i == 0 || !IsNameChar(t[i - 1]) ||
                     std::u32string_view(U"与和及同向代表由经在对").find(t[i - 1]) != std::u32string_view::npos;
        int32_t v;
        // 市委书记 is a title; 市委市政府, 区委区政府 a pair of organs; 区委党校 a body.
        bool closes = e == t.size() || !IsHan(t[e]) || lex_.boundaries_fwd.LongestAt(t, e, &v) > 0 ||
                      lex_.triggers.LongestAt(t, e, &v) > 0 || StartsAt(t, e, U"分别") || StartsAt(t, e, U"签");
        if (StartsAt(t, e, lvl) || (i > 0 && t[i - 1] == U'委')) closes = false;
        if (!opens || !closes) break;
        Mention m;
        m.begin = static_cast<uint32_t>(i);
        m.end = static_cast<uint32_t>(e);
        m.ref = RefKind::kOrgan;
        m.priority = 1;
        m.type = EntityType::kOrganization;
        m.home_suffix = ToUtf8(t.substr(i, e - i));
        m.name = m.home_suffix;
        c->push_back(std::move(m));
        break;
      }
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
    Mention& m = (*ms)[i];
    bool overlap = false;
    for (const Mention& k : kept) overlap |= m.begin < k.end && k.begin < m.end;
    if (!overlap) kept.push_back(std::move(m));  // each index comes once
  }
  std::sort(kept.begin(), kept.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  *ms = std::move(kept);
}

void Recognizer::Find(const Sentence& s, std::vector<Mention>* out) const {
  out->clear();
  if (s.byline) return;
  std::vector<Mention> anchors;
  AddPlaces(s, &anchors);
  AddNational(s, &anchors);
  std::vector<Mention> c = anchors;
  AddBySuffix(s, anchors, &c);
  AddTypedLists(s, &c);
  AddPredicated(s, &c);
  AddRouteItems(s, &c);
  AddPersons(s, &c);
  AddRefs(s, &c);
  AddOrganRefs(s, &c);
  ResolveOverlaps(&c);
  SplitInnerOrgans(s, &c);
  AddBodiesBeforeTitles(s, &c);
  *out = std::move(c);
}

void Recognizer::AddKnownNames(const Sentence& s, const KnownNames& known, std::vector<Mention>* mentions) const {
  std::u32string_view t = s.text;
  if (known.names.empty() || t.empty()) return;
  // Every occurrence of a known surface, through the page's trie (at most the
  // length of the longest surface per position), visited in the order of the
  // names and then of position.
  std::vector<std::pair<uint32_t, uint32_t>> hits;  // (index into known.names, position)
  for (size_t i = 0; i < t.size(); ++i)
    known.surfaces.ForEachPrefix(t, i, [&](size_t, int32_t g) {
      for (uint32_t k : known.groups[g]) hits.emplace_back(k, static_cast<uint32_t>(i));
      return true;
    });
  if (hits.empty()) return;
  std::sort(hits.begin(), hits.end());
  // The characters mentions cover, and the places of empty mentions (which
  // overlap a span that strictly contains them).
  std::vector<uint8_t> covered(t.size() + 1, 0), empty(t.size() + 1, 0);
  auto cover = [&](size_t b, size_t e) {
    e = std::min(e, t.size());
    if (b == e) empty[b] = 1;
    for (size_t k = b; k < e; ++k) covered[k] = 1;
  };
  for (const Mention& m : *mentions) cover(std::min<size_t>(m.begin, t.size()), m.end);
  bool added = false;
  for (const auto& [index, start] : hits) {
    const KnownName& k = known.names[index];
    const std::u32string& surface = k.surface;
    size_t pos = start;
    size_t e = pos + surface.size();
    bool overlap = false;
    for (size_t j = pos; j < e && !overlap; ++j) overlap = covered[j] || (j > pos && empty[j]);
    if (overlap || BylineBefore(t, pos)) continue;
    if (k.type == EntityType::kOfficial) {
      // The name must not run on into a longer name (周文 in 周文斌).
      if (e < t.size() && IsHan(t[e]) && NameAt(t, pos) > surface.size()) {
        int32_t v;
        if (lex_.after_words.LongestAt(t, e, &v) == 0 && !lex_.stop_chars.count(t[e])) continue;
      }
    } else if (pos > 0 && IsHan(t[pos - 1]) && !ClauseStart(t, pos)) {
      continue;  // inside a longer word
    }
    Mention m = Make(s, pos, e, k.type, ToUtf32(k.name), 2);
    std::string surf = ToUtf8(surface);
    if (surf != k.name && std::find(m.aliases.begin(), m.aliases.end(), surf) == m.aliases.end())
      m.aliases.push_back(surf);
    cover(pos, e);
    mentions->push_back(std::move(m));
    added = true;
  }
  if (added) {
    std::sort(mentions->begin(), mentions->end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  }
}

}  // namespace kgb
