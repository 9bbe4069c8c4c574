#include "ingest/pipeline.h"

#include <algorithm>
#include <map>
#include <cstring>
#include <set>
#include <tuple>

#include "ingest/dates.h"
#include "ingest/patterns.h"
#include "util/normalize.h"
#include "util/utf8.h"
#include "ingest/relate.h"
#include "ingest/sections.h"

namespace kgb {
namespace {

// (By view: the word lists below are C strings, and a std::string made of
// each at each call cost an allocation for the longer ones.)
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Zone words that a bare reference (高新区, 我区) can stand for.
const char* const kZoneWords[] = {"高新区", "经开区", "开发区", "自贸区", "综保区", "保税区", "新区", "示范区", "实验区", "试验区", "产业集聚区", "园区"};

// The paper's own zone for each bare zone word, and overall: the named zone
// mentioned most often on the page (ties: the first named).
struct HomeZones {
  std::map<std::string, std::string> by_word;
  std::string any;
};

bool IsZone(const Mention& m) {
  if (m.type != EntityType::kPark || m.ref != RefKind::kNone) return false;
  for (const char* w : kZoneWords)
    if (EndsWith(m.name, w)) return true;
  return false;
}

// The zone the page's own title or source line names: a zone named as host
// (…来江州高新区考察, 莅临…) before a zone named as subject. Headlines and
// meta lines before the first body sentence that names anything count as the
// title.
std::string TitleZone(const Page& page, const std::vector<std::vector<Mention>>& mentions) {
  std::string subject, host;
  for (size_t i = 0; i < page.sentences.size(); ++i) {
    const Sentence& s = page.sentences[i];
    bool named = false;  // the body begins with the first sentence that names anything
    for (const Mention& m : mentions[i]) named |= m.ref == RefKind::kNone;
    // A short line without a full stop that opens the page is its title too.
    bool title_line = s.headline || (s.text.size() <= 50 && s.text.find(U'。') == std::u32string::npos);
    if (!title_line) {
      if (named) break;
      continue;
    }
    for (const Mention& m : mentions[i]) {
      if (!IsZone(m)) continue;
      bool hosted = false;
      for (std::u32string_view w : {U"来", U"莅临", U"来到", U"走进", U"到访", U"来访"})
        hosted |= m.begin >= w.size() && std::u32string_view(s.text).substr(m.begin - w.size(), w.size()) == w;
      if (hosted && host.empty()) host = m.name;
      if (!hosted && subject.empty()) subject = m.name;
    }
    if (!s.headline && named) break;
  }
  return !host.empty() ? host : subject;
}

// The one city the page's places belong to (南阳 for 南阳 and 卧龙区), as
// the division list writes its short form, or "".
std::string PageCity(const std::vector<std::vector<Mention>>& mentions, const Lexicon& lex) {
  std::set<std::string> cities;
  for (const auto& ms : mentions)
    for (const Mention& m : ms) {
      if (m.type != EntityType::kLocation || m.ref != RefKind::kNone) continue;
      int32_t id = lex.places.Find(ToUtf32(m.name));
      if (id < 0) continue;
      const PlaceInfo* p = &lex.place_info[id];
      if (p->level == PlaceLevel::kCounty || p->level == PlaceLevel::kTownship) {
        int32_t up = p->parent.empty() ? -1 : lex.places.Find(ToUtf32(p->parent));
        if (up < 0) continue;
        p = &lex.place_info[up];
        if (p->level == PlaceLevel::kCounty) {  // a town's county
          up = p->parent.empty() ? -1 : lex.places.Find(ToUtf32(p->parent));
          if (up < 0) continue;
          p = &lex.place_info[up];
        }
      }
      if (p->level == PlaceLevel::kCity && !p->short_form.empty()) cities.insert(p->short_form);
    }
  return cities.size() == 1 ? *cities.begin() : "";
}

HomeZones FindHomeZones(const Page& page, const std::vector<std::vector<Mention>>& mentions, const Lexicon& lex) {
  std::string title = TitleZone(page, mentions);
  if (!title.empty()) {
    HomeZones h;
    h.any = title;
    for (const char* w : kZoneWords)
      if (EndsWith(title, w)) h.by_word[w] = title;
    return h;
  }
  // name -> (count, first seen); a zone named after a place (江州经开区,
  // not 纺织产业集聚区) wins a tie.
  std::map<std::string, std::pair<int, size_t>> counts;
  size_t order = 0;
  for (const auto& ms : mentions)
    for (const Mention& m : ms) {
      if (!IsZone(m)) continue;
      auto [it, inserted] = counts.emplace(m.name, std::make_pair(0, order++));
      if (inserted) {
        int32_t v;
        if (lex.places.LongestAt(ToUtf32(m.name), 0, &v) == 0) it->second.second += 1u << 20;
      }
      it->second.first++;
    }
  HomeZones h;
  if (counts.empty()) {
    // No zone named at all, only bare 高新区 / 经开区: the zone of the one
    // city the page's places lie in (南阳 + 高新区), if there is one.
    std::string city = PageCity(mentions, lex);
    if (city.empty()) return h;
    for (const auto& ms : mentions)
      for (const Mention& m : ms)
        if (m.ref == RefKind::kHome && (m.home_suffix == "高新区" || m.home_suffix == "经开区")) {
          h.by_word[m.home_suffix] = city + m.home_suffix;
          if (h.any.empty()) h.any = city + m.home_suffix;
        }
    return h;
  }
  auto better = [](const std::pair<int, size_t>& a, const std::pair<int, size_t>& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  std::pair<int, size_t> best_any{0, 0};
  std::map<std::string, std::pair<int, size_t>> best_word;
  for (const auto& [name, c] : counts) {
    if (h.any.empty() || better(c, best_any)) { h.any = name; best_any = c; }
    for (const char* w : kZoneWords) {
      if (!EndsWith(name, w)) continue;
      auto it = best_word.find(w);
      if (it == best_word.end() || better(c, it->second)) {
        best_word[w] = c;
        h.by_word[w] = name;
      }
    }
  }
  return h;
}

const char* const kCompanySuffixes[] = {"集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司",
                                        "有限公司", "集团公司", "股份公司", "集团", "公司"};

// The name without its quoted parts (江州高新区“一城多谷”智慧城市实验场 ->
// 江州高新区智慧城市实验场): a quoted brand inside a name is one of its
// variants. Keeps the quoted text, without the marks, when little is left.
std::string WithoutQuotes(const std::string& s) {
  if (s.find("“") == std::string::npos && s.find("”") == std::string::npos) return s;  // (nearly every name)
  std::string cut, marks;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "“") == 0) { ++depth; i += 2; continue; }
    if (s.compare(i, 3, "”") == 0) { if (depth > 0) --depth; i += 2; continue; }
    marks.push_back(s[i]);
    if (depth == 0) cut.push_back(s[i]);
  }
  return ToUtf32(cut).size() >= 4 ? cut : marks;
}

}  // namespace

void Extractor::AddKnownNames(const Page& page, std::vector<std::vector<Mention>>* mentions) const {
  Recognizer::KnownNames known;
  std::set<std::pair<std::u32string, int>> seen;
  std::set<std::string, std::less<>> places;  // names of places on the page, for short forms
  for (const auto& ms : *mentions)
    for (const Mention& m : ms)
      if (m.type == EntityType::kLocation && m.ref == RefKind::kNone) {
        places.insert(m.name);
        for (const std::string& a : m.aliases) places.insert(a);
      }
  auto add = [&](const std::u32string& surface, EntityType type, const std::string& name) {
    if (seen.insert({surface, static_cast<int>(type)}).second) known.names.push_back({surface, type, name});
  };
  for (const auto& ms : *mentions) {
    for (const Mention& m : ms) {
      if (m.ref != RefKind::kNone) continue;
      if (m.type == EntityType::kOfficial) {
        add(ToUtf32(m.name), m.type, m.name);
      } else if (m.type == EntityType::kOrganization) {
        // 远望二建集团有限公司 -> 远望二建; 北京华创云帆科技有限公司 -> 华创云帆科技.
        for (const char* suf : kCompanySuffixes) {
          if (!EndsWith(m.name, suf)) continue;
          std::string base = m.name.substr(0, m.name.size() - std::strlen(suf));
          std::u32string b32 = ToUtf32(base);
          if (b32.size() >= 3 && !lex_->IsGeneric(b32)) add(b32, m.type, m.name);
          // The places of the page that begin `base`, shortest first (the
          // order of the set): look up each beginning of the name rather than
          // every place of the page.
          for (size_t len = 0; len < base.size(); ++len) {
            if (IsUtf8Continuation(base[len])) continue;  // (names end on a character boundary)
            if (!places.count(std::string_view(base).substr(0, len))) continue;
            std::u32string rest = ToUtf32(base.substr(len));
            if (rest.size() >= 4 && !lex_->IsGeneric(rest)) add(rest, m.type, m.name);
          }
          break;
        }
      } else if (m.type == EntityType::kPark) {
        // An area of a zone is named later without the zone: …自由贸易试验区江南片区 -> 江南片区.
        std::u32string n32 = ToUtf32(m.name);
        for (size_t k = n32.size() >= 4 ? n32.size() - 4 : 0; k > 2; --k) {
          int32_t v = 0;
          size_t zl = lex_->suffixes.LongestEndingAt(n32, k, &v);
          if (zl == 0 || lex_->suffix_info[v].type != EntityType::kPark) continue;
          std::u32string tail = n32.substr(k);
          int32_t tv = 0;
          size_t tl = lex_->suffixes.LongestEndingAt(n32, n32.size(), &tv);
          if (tl && lex_->suffix_info[tv].rule == SuffixRule::kZone && tail.size() > tl + 1) add(tail, m.type, m.name);
          break;
        }
      }
    }
  }
  if (known.names.empty()) return;
  std::sort(known.names.begin(), known.names.end(),
            [](const Recognizer::KnownName& a, const Recognizer::KnownName& b) {
              return a.surface.size() != b.surface.size() ? a.surface.size() > b.surface.size()
                                                          : a.surface < b.surface;
            });
  // One trie of the surfaces for the whole page.
  for (size_t i = 0; i < known.names.size(); ++i) {
    const std::u32string& surface = known.names[i].surface;
    if (surface.empty()) continue;
    int32_t g = known.surfaces.Find(surface);
    if (g < 0) {
      g = static_cast<int32_t>(known.groups.size());
      known.groups.emplace_back();
      known.surfaces.Add(surface, g);
    }
    known.groups[g].push_back(static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < page.sentences.size(); ++i) recognizer_.AddKnownNames(page.sentences[i], known, &(*mentions)[i]);
}

void Extractor::UnifyNames(const Page& page, std::vector<std::vector<Mention>>* mentions) const {
  // Quotes are not part of a name's identity: 江州高新区“一城多谷”智慧城市实验场
  // is 江州高新区智慧城市实验场, with the quoted form as an alias.
  for (auto& ms : *mentions)
    for (Mention& m : ms) {
      if (m.ref != RefKind::kNone || m.type == EntityType::kOfficial) continue;
      std::string bare = WithoutQuotes(m.name);
      if (bare != m.name && !bare.empty()) {
        m.aliases.push_back(m.name);
        m.name = bare;
      }
    }
  // A name that is another name of the page without its place or zone
  // (智慧城市实验场 / 江州高新区智慧城市实验场) is that entity's short form.
  std::set<std::string, std::less<>> prefixes;  // (looked up by string_view)
  std::map<std::pair<int, std::string>, std::set<std::string>> names;  // (type, name)
  for (auto& ms : *mentions)
    for (Mention& m : ms) {
      if (m.ref != RefKind::kNone) continue;
      if (m.type == EntityType::kLocation || m.type == EntityType::kPark) {
        prefixes.insert(m.name);
        for (const std::string& a : m.aliases) prefixes.insert(a);
      }
      if (m.type != EntityType::kOfficial && m.type != EntityType::kLocation) names[{static_cast<int>(m.type), m.name}];
    }
  std::map<std::pair<int, std::string>, std::string> rename;
  // "X（以下简称Y）" and "X（简称Y）": Y is X.
  for (size_t i = 0; i < mentions->size(); ++i) {
    const auto& ms = (*mentions)[i];
    const std::u32string& text = page.sentences[i].text;
    for (size_t k = 0; k + 1 < ms.size(); ++k) {
      const Mention& x = ms[k];
      const Mention& y = ms[k + 1];
      if (x.ref != RefKind::kNone || y.ref != RefKind::kNone || x.type != y.type || x.name == y.name) continue;
      if (y.begin <= x.end) continue;
      std::u32string_view between = std::u32string_view(text).substr(x.end, y.begin - x.end);
      for (std::u32string_view w : {U"(以下简称", U"(简称", U"(下称", U"(以下称"}) {
        if (between == w) rename[{static_cast<int>(y.type), y.name}] = x.name;
      }
    }
  }
  // The brand at the heart of a body's name (恒远 in 北京恒远控股集团有限公司 and in
  // 恒远集团; 远望二建 in 远望二建集团有限公司): bodies of the page that share it
  // are one, named by the longest form.
  auto core = [&](std::string n) {
    for (const char* suf : kCompanySuffixes)
      if (EndsWith(n, suf) && n.size() > std::strlen(suf)) { n.resize(n.size() - std::strlen(suf)); break; }
    // Trade words come off in any order (远望企业发展集团 -> 远望).
    for (bool cut = true; cut;) {
      cut = false;
      for (const char* word : {"控股", "科技", "实业", "投资", "发展", "股份", "集团", "企业"})
        if (EndsWith(n, word) && n.size() > std::strlen(word) + 3) {
          n.resize(n.size() - std::strlen(word));
          cut = true;
        }
    }
    std::u32string n32 = ToUtf32(n);
    int32_t v;
    size_t pl = lex_->places.LongestAt(n32, 0, &v);
    if (pl > 0 && n32.size() >= pl + 2) return ToUtf8(std::u32string_view(n32).substr(pl));
    // The shortest place or zone of the page that begins the name (the first
    // in the set's order), leaving more than three bytes.
    for (size_t len = 0; len + 3 < n.size(); ++len)
      if (!IsUtf8Continuation(n[len]) &&  // (a name ends on a character boundary)
          prefixes.count(std::string_view(n).substr(0, len))) {
        n = n.substr(len);
        break;
      }
    return n;
  };
  {
    std::map<std::string, std::vector<std::string>> by_core;
    for (const auto& [key, unused] : names) {
      if (key.first != static_cast<int>(EntityType::kOrganization)) continue;
      std::string c = core(key.second);
      if (ToUtf32(c).size() >= 2) by_core[c].push_back(key.second);
    }
    for (const auto& [c, list] : by_core) {
      if (list.size() < 2) continue;
      // Only when one form is a company's full name and the others are shorter.
      std::string longest;
      for (const std::string& n : list)
        if (n.size() > longest.size()) longest = n;
      bool full = false;
      for (const char* suf : kCompanySuffixes) full |= EndsWith(longest, suf);
      if (!full) continue;
      for (const std::string& n : list)
        if (n != longest) rename[{static_cast<int>(EntityType::kOrganization), n}] = longest;
    }
  }
  // Variants of one zone's name on a page: 青禾工业园区 / 青禾园区, 华创产业园区 /
  // 华创产业园, 云溪经开区 / 云溪开发区. One key per variant; a key shared by
  // several names makes them one, named by the longest (经开区 forms first).
  {
    auto zone_key = [](std::string n) {
      static const std::pair<const char*, const char*> kForms[] = {
          {"工业园区", "园"}, {"园区", "园"}, {"经济技术开发区", "开发区"}, {"经济开发区", "开发区"}, {"经开区", "开发区"}};
      for (auto [from, to] : kForms)
        if (EndsWith(n, from) && n.size() > std::strlen(from) + 3) return n.substr(0, n.size() - std::strlen(from)) + to;
      return n;
    };
    std::map<std::string, std::vector<std::string>> by_key;
    for (const auto& [key, unused] : names)
      if (key.first == static_cast<int>(EntityType::kPark)) by_key[zone_key(key.second)].push_back(key.second);
    for (const auto& [k, list] : by_key) {
      if (list.size() < 2) continue;
      std::string best;
      auto rank = [](const std::string& n) {
        return std::make_tuple(EndsWith(n, "经开区") || EndsWith(n, "高新区"), ToUtf32(n).size(), n);
      };
      for (const std::string& n : list)
        if (best.empty() || rank(n) > rank(best)) best = n;
      for (const std::string& n : list)
        if (n != best && !rename.count({static_cast<int>(EntityType::kPark), n}))
          rename[{static_cast<int>(EntityType::kPark), n}] = best;
    }
  }
  // Each name is the short form of the longer names of its type that end
  // with it after a place (the only one, else of none): found by looking up
  // each ending of every name, not by comparing all pairs of names.
  std::map<std::pair<int, std::string>, std::pair<int, std::string>> short_of;  // key -> (hits, last target)
  for (const auto& [other, unused] : names) {
    const std::string& full = other.second;
    // The characters from each cut to the end, counted down as the cut moves.
    size_t rest = 0;
    for (char c : full) rest += !IsUtf8Continuation(c);
    for (size_t cut = 1; cut < full.size(); ++cut) {
      if (IsUtf8Continuation(full[cut])) continue;  // inside a character
      if (--rest < 4) break;  // a short form keeps four characters or more
      std::pair<int, std::string> key{other.first, full.substr(cut)};
      if (!names.count(key)) continue;
      std::string head = full.substr(0, cut);
      std::u32string head32 = ToUtf32(head);
      int32_t pv;
      bool place = prefixes.count(head) || (!head32.empty() && lex_->places.LongestAt(head32, 0, &pv) == head32.size());
      if (!place) continue;
      auto& [hits, target] = short_of[key];
      ++hits;
      target = full;  // names are visited in order: the last is the greatest, as before
    }
  }
  for (const auto& [key, found] : short_of)
    if (found.first == 1 && !rename.count(key)) rename[key] = found.second;
  if (rename.empty()) return;
  for (auto& ms : *mentions)
    for (Mention& m : ms) {
      auto it = rename.find({static_cast<int>(m.type), m.name});
      if (it == rename.end() || m.ref != RefKind::kNone) continue;
      m.aliases.push_back(m.name);
      m.name = it->second;
    }
}

Status Extractor::Create(std::shared_ptr<const Lexicon> lexicon, const ExtractOptions& options,
                         std::unique_ptr<Extractor>* out) {
  if (!lexicon) {
    Status s;
    lexicon = Lexicon::Embedded(&s);
    if (!s.ok()) return s;
  }
  Normalizer::Get();  // build the tables before any thread needs them
  Status s;
  std::shared_ptr<const WordSegmenter> words = WordSegmenter::Embedded(&s);
  if (!s.ok()) return s;
  out->reset(new Extractor(std::move(lexicon), std::move(words), options));
  return Status::OK();
}

Status Extractor::Process(const std::string& doc, std::string_view bytes, DocumentRecords* out,
                          DocumentStats* stats) const {
  DecodedText text;
  KGB_RETURN_IF_ERROR(DecodeText(bytes, doc, &text));
  ExtractDocument(doc, &text, "", out, stats);
  return Status::OK();
}

Status Extractor::Process(const std::string& doc, std::string&& bytes, DocumentRecords* out,
                          DocumentStats* stats) const {
  DecodedText text;
  Status s = DecodeText(bytes, doc, &text);
  std::string().swap(bytes);
  KGB_RETURN_IF_ERROR(s);
  ExtractDocument(doc, &text, "", out, stats);
  return Status::OK();
}

Status Extractor::ProcessUtf8(const std::string& doc, std::string_view utf8, const std::string& date,
                              DocumentRecords* out, DocumentStats* stats) const {
  DecodedText text;
  KGB_RETURN_IF_ERROR(DecodeText(utf8, doc, &text));
  ExtractDocument(doc, &text, date, out, stats);
  return Status::OK();
}

Status Extractor::ProcessText(const std::string& doc, const DecodedText& text, const std::string& date,
                              DocumentRecords* out, DocumentStats* stats,
                              std::vector<InspectedSentence>* inspected) const {
  DecodedText copy = text;  // the stages release what they have read
  ExtractDocument(doc, &copy, date, out, stats, inspected);
  return Status::OK();
}

Status Extractor::Inspect(const std::string& doc, std::string_view bytes, std::vector<InspectedSentence>* sentences,
                          DocumentRecords* out) const {
  DecodedText text;
  KGB_RETURN_IF_ERROR(DecodeText(bytes, doc, &text));
  ExtractDocument(doc, &text, "", out, nullptr, sentences);
  return Status::OK();
}

void Extractor::ExtractDocument(const std::string& doc, DecodedText* whole, const std::string& date,
                                DocumentRecords* out, DocumentStats* stats,
                                std::vector<InspectedSentence>* inspected) const {
  if (options_.max_doc_bytes == 0 || whole->text.size() <= options_.max_doc_bytes) {
    Extract(doc, whole, date, out, stats, inspected);
    return;
  }
  const DecodedText& text = *whole;
  std::vector<size_t> starts = SectionStarts(text.text, options_.max_doc_bytes);
  *out = DocumentRecords();
  out->doc = doc;
  DocumentStats total;
  total.encoding = text.encoding;
  total.bytes = text.OrigOffset(text.text.size());
  if (inspected) inspected->clear();
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t e = i + 1 < starts.size() ? starts[i + 1] : text.text.size();
    DocumentRecords part;
    DocumentStats st;
    std::vector<InspectedSentence> seen;
    {
      DecodedText section = SliceDecoded(text, starts[i], e);
      Extract(doc, &section, date, &part, &st, inspected ? &seen : nullptr);
    }
    for (EntityRecord& r : part.entities) out->entities.push_back(std::move(r));
    for (RelationRecord& r : part.relations) out->relations.push_back(std::move(r));
    for (InspectedSentence& s : seen) {
      s.article += static_cast<int>(total.articles);
      inspected->push_back(std::move(s));
    }
    total.sentences += st.sentences;
    total.articles += st.articles;
  }
  if (stats) *stats = total;
}

void Extractor::Extract(const std::string& doc, DecodedText* text, const std::string& doc_date,
                        DocumentRecords* out, DocumentStats* stats, std::vector<InspectedSentence>* inspected) const {
  *out = DocumentRecords();
  out->doc = doc;
  Page page;
  SegmentPage(*text, *lex_, &page);
  const Encoding encoding = text->encoding;
  const size_t bytes = text->OrigOffset(text->text.size());
  *text = DecodedText();  // the page holds what is needed of it

  // 1. Entities, sentence by sentence, each over its word layer. The words
  // are made when a rule first reads them (Sentence::Words), so a sentence
  // no rule asks about (one that names nothing, mostly) is not segmented. A
  // sentence holds them while it is recognized (in one reused buffer) and
  // drops them after, unless they are inspected or a relation pattern reads
  // words ([v]): a long page does not keep the words of all its sentences.
  const bool keep_words = inspected || PatternsReadWords(lex_->relation_patterns);
  std::vector<std::vector<Mention>> mentions(page.sentences.size());
  std::vector<Word> words;
  for (size_t i = 0; i < page.sentences.size(); ++i) {
    Sentence& s = page.sentences[i];
    s.words.swap(words);
    s.SegmentOnDemand(words_.get());
    recognizer_.Find(s, &mentions[i]);
    if (keep_words) {
      s.Words();
      s.words.shrink_to_fit();
    } else {
      s.words.swap(words);
      s.SegmentOnDemand(nullptr);
    }
  }

  // 2. Names known on the page are found wherever they recur.
  AddKnownNames(page, &mentions);

  // 3. The paper's own zone replaces bare 高新区 / 我区.
  HomeZones home = FindHomeZones(page, mentions, *lex_);
  for (auto& ms : mentions) {
    for (Mention& m : ms) {
      if (m.ref != RefKind::kHome) continue;
      auto it = home.by_word.find(m.home_suffix);
      std::string zone = it != home.by_word.end() ? it->second : (m.home_suffix.empty() ? home.any : "");
      if (zone.empty()) continue;
      m.name = zone;
      m.type = EntityType::kPark;
      m.aliases.clear();
      m.ref = RefKind::kNone;
    }
    ms.erase(std::remove_if(ms.begin(), ms.end(), [](const Mention& m) { return m.ref == RefKind::kHome; }), ms.end());
  }

  UnifyNames(page, &mentions);

  // 4. Dates: the sentence's own, else the article's lede date.
  int year = PageYear(page);
  if (year == 0) year = options_.default_year;
  if (!doc_date.empty() && year == 0 && doc_date.size() >= 4) year = std::atoi(doc_date.substr(0, 4).c_str());
  std::vector<std::string> dates(page.sentences.size());
  for (const Article& a : page.articles) {
    std::string lede = doc_date;
    for (size_t i = a.first; i < a.first + a.count && i < a.first + 3; ++i) {
      if (page.sentences[i].headline) continue;
      std::string d = FindDate(page.sentences[i].text, year);
      if (!d.empty()) { lede = d; break; }
      if (HasVagueDay(page.sentences[i].text)) break;  // "近日，..." dates nothing
    }
    for (size_t i = a.first; i < a.first + a.count; ++i) {
      if (mentions[i].empty()) continue;  // dates only what its mentions and relations carry
      std::string d = FindDate(page.sentences[i].text, year);
      dates[i] = !d.empty() ? d : HasVagueDay(page.sentences[i].text) ? "" : lede;
    }
  }

  if (inspected) {
    inspected->clear();
    for (size_t i = 0; i < page.sentences.size(); ++i) {
      const Sentence& s = page.sentences[i];
      InspectedSentence is;
      is.article = s.article;
      is.headline = s.headline;
      is.start = s.orig_begin;
      is.end = s.orig_end;
      is.text = s.Display();
      for (const Mention& m : mentions[i]) is.mentions.push_back(std::string(EntityTypeName(m.type)) + ":" + m.name);
      for (const Word& w : s.words) {
        if (w.tag == PosTag::kW) continue;
        if (!is.words.empty()) is.words += ' ';
        is.words += ToUtf8(std::u32string_view(s.text).substr(w.begin, w.size()));
        is.words += '/';
        is.words += PosTagName(w.tag);
      }
      inspected->push_back(std::move(is));
    }
  }

  // 5. Relations.
  RelateInput in;
  in.page = &page;
  in.mentions = &mentions;
  in.home_zone = home.any;
  in.doc = doc;
  in.dates = std::move(dates);
  std::vector<EntityRecord> implied;
  ExtractRelations(in, *lex_, &out->relations, &implied);

  // 6. Entity records: one per distinct (type, name), counting mentions.
  std::map<std::pair<EntityType, std::string>, EntityRecord> ents;
  for (size_t i = 0; i < mentions.size(); ++i) {
    for (const Mention& m : mentions[i]) {
      if (m.ref != RefKind::kNone || m.name.empty()) continue;
      EntityRecord& e = ents[{m.type, m.name}];
      if (e.name.empty()) {
        e.type = m.type;
        e.name = m.name;
        e.mentions = 0;
      }
      e.mentions++;
      for (const std::string& a : m.aliases)
        if (a != m.name && std::find(e.aliases.begin(), e.aliases.end(), a) == e.aliases.end()) e.aliases.push_back(a);
      const std::string& d = in.dates[i];
      if (!d.empty()) {
        if (e.first_seen.empty() || d < e.first_seen) e.first_seen = d;
        if (e.last_seen.empty() || d > e.last_seen) e.last_seen = d;
      }
    }
  }
  // Bodies implied by titles (the city's 人民政府 behind 市长).
  for (EntityRecord& r : implied) {
    EntityRecord& e = ents[{r.type, r.name}];
    if (e.name.empty()) {
      e = std::move(r);
      continue;
    }
    e.mentions++;
    for (const std::string& a : r.aliases)
      if (a != e.name && std::find(e.aliases.begin(), e.aliases.end(), a) == e.aliases.end()) e.aliases.push_back(a);
  }
  for (auto& [key, e] : ents) out->entities.push_back(std::move(e));
  if (stats) {
    stats->encoding = encoding;
    stats->bytes = bytes;
    stats->sentences = page.sentences.size();
    stats->articles = page.articles.size();
  }
}

}  // namespace kgb
