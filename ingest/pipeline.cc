#include "ingest/pipeline.h"

#include <algorithm>
#include <map>
#include <set>

#include "ingest/dates.h"
#include "ingest/normalize.h"
#include "ingest/relate.h"

namespace kgb {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Zone words that a bare reference (高新区, 我区) can stand for.
const char* const kZoneWords[] = {"高新区", "经开区", "开发区", "自贸区", "综保区", "保税区", "新区", "示范区", "实验区", "试验区", "产业集聚区"};

// The paper's own zone for each bare zone word, and overall: the named zone
// mentioned most often on the page (ties: the first named).
struct HomeZones {
  std::map<std::string, std::string> by_word;
  std::string any;
};

HomeZones FindHomeZones(const std::vector<std::vector<Mention>>& mentions) {
  std::map<std::string, std::pair<int, size_t>> counts;  // name -> (count, first seen)
  size_t order = 0;
  for (const auto& ms : mentions)
    for (const Mention& m : ms) {
      if (m.type != EntityType::kPark || m.ref != RefKind::kNone) continue;
      bool zone = false;
      for (const char* w : kZoneWords) zone |= EndsWith(m.name, w);
      if (!zone) continue;
      auto [it, inserted] = counts.emplace(m.name, std::make_pair(0, order++));
      it->second.first++;
    }
  HomeZones h;
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

}  // namespace

Status Extractor::Create(std::shared_ptr<const Lexicon> lexicon, const ExtractOptions& options,
                         std::unique_ptr<Extractor>* out) {
  if (!lexicon) {
    Status s;
    lexicon = Lexicon::Embedded(&s);
    if (!s.ok()) return s;
  }
  Normalizer::Get();  // build the tables before any thread needs them
  out->reset(new Extractor(std::move(lexicon), options));
  return Status::OK();
}

Status Extractor::Process(const std::string& doc, std::string_view bytes, DocumentRecords* out,
                          DocumentStats* stats) const {
  DecodedText text;
  KGB_RETURN_IF_ERROR(DecodeText(bytes, doc, &text));
  Extract(doc, text, "", out, stats);
  return Status::OK();
}

Status Extractor::ProcessUtf8(const std::string& doc, std::string_view utf8, const std::string& date,
                              DocumentRecords* out, DocumentStats* stats) const {
  DecodedText text;
  KGB_RETURN_IF_ERROR(DecodeText(utf8, doc, &text));
  Extract(doc, text, date, out, stats);
  return Status::OK();
}

void Extractor::Extract(const std::string& doc, const DecodedText& text, const std::string& doc_date,
                        DocumentRecords* out, DocumentStats* stats) const {
  *out = DocumentRecords();
  out->doc = doc;
  Page page;
  SegmentPage(text, *lex_, &page);

  // 1. Entities, sentence by sentence.
  std::vector<std::vector<Mention>> mentions(page.sentences.size());
  for (size_t i = 0; i < page.sentences.size(); ++i) recognizer_.Find(page.sentences[i], &mentions[i]);

  // 2. Names known on the page are found wherever they recur.
  std::vector<std::u32string> persons;
  {
    std::set<std::u32string> seen;
    for (const auto& ms : mentions)
      for (const Mention& m : ms)
        if (m.type == EntityType::kOfficial && seen.insert(ToUtf32(m.name)).second) persons.push_back(ToUtf32(m.name));
    std::sort(persons.begin(), persons.end(), [](const std::u32string& a, const std::u32string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
  }
  for (size_t i = 0; i < page.sentences.size(); ++i) recognizer_.AddKnownPersons(page.sentences[i], persons, &mentions[i]);

  // 3. The paper's own zone replaces bare 高新区 / 我区.
  HomeZones home = FindHomeZones(mentions);
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
      std::string d = FindDate(page.sentences[i].text, year);
      dates[i] = !d.empty() ? d : HasVagueDay(page.sentences[i].text) ? "" : lede;
    }
  }

  // 5. Relations.
  RelateInput in;
  in.page = &page;
  in.mentions = &mentions;
  in.home_zone = home.any;
  in.doc = doc;
  in.dates = dates;
  ExtractRelations(in, *lex_, &out->relations);

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
      const std::string& d = dates[i];
      if (!d.empty()) {
        if (e.first_seen.empty() || d < e.first_seen) e.first_seen = d;
        if (e.last_seen.empty() || d > e.last_seen) e.last_seen = d;
      }
    }
  }
  for (auto& [key, e] : ents) out->entities.push_back(std::move(e));
  if (stats) {
    stats->encoding = text.encoding;
    stats->bytes = text.OrigOffset(text.text.size());
    stats->sentences = page.sentences.size();
    stats->articles = page.articles.size();
  }
}

}  // namespace kgb
