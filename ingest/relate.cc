#include "ingest/relate.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "ingest/patterns.h"
#include "util/normalize.h"
#include "util/utf8.h"

namespace kgb {
namespace {

struct Ent {
  EntityType type;
  std::string name;
  bool operator==(const Ent& o) const { return type == o.type && name == o.name; }
};

bool IsClauseBreak(char32_t c) {
  return c == U',' || c == U'，' || c == U';' || c == U'；' || c == U':' || c == U'：' || c == U'。' || c == U'!' ||
         c == U'?';
}

bool IsConj(char32_t c) { return c == U'与' || c == U'和' || c == U'同' || c == U'及'; }

bool IsParty(EntityType t) {
  return t == EntityType::kOfficial || t == EntityType::kOrganization || t == EntityType::kPark;
}

bool IsPlace(EntityType t) { return t != EntityType::kOfficial; }

bool CompanyLike(const Mention& m) {
  if (m.type != EntityType::kOrganization) return false;
  for (const char* k : {"公司", "集团", "企业", "控股", "股份", "有限"})
    if (m.name.find(k) != std::string::npos) return true;
  return false;
}

bool StartsAt(std::u32string_view t, size_t pos, std::u32string_view w) {
  return t.size() >= pos + w.size() && t.substr(pos, w.size()) == w;
}

// Government titles that, without a named body, mean the paper's zone when the
// chain names a zone organ (党工委书记 in 高新时报 is the zone's).
bool NamesZoneOrgan(std::u32string_view chain) {
  return chain.find(U"党工委") != std::u32string_view::npos || chain.find(U"管委会") != std::u32string_view::npos;
}

// Titles held in a company or an institution: "院长吴涛" takes the body named
// just before.
bool InstitutionTitle(std::u32string_view title) {
  for (std::u32string_view w : {U"院长", U"校长", U"董事长", U"总经理", U"总裁", U"行长", U"所长", U"理事长",
                                U"会长", U"董事", U"经理", U"首席", U"总监", U"总工程师", U"创始人", U"馆长"}) {
    if (title.size() >= w.size() && title.substr(title.size() - w.size()) == w) return true;
  }
  return false;
}


const std::u32string_view kLevels[] = {U"自治区", U"自治州", U"省", U"市", U"区", U"县", U"镇", U"乡", U"州", U"旗", U"盟"};

bool EndsWithU(std::u32string_view s, std::u32string_view w) {
  return s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
}

// A post's own title words after an organ (书记, 副主任, 秘书长).
bool PostWord(std::u32string_view rest) {
  if (rest.empty()) return false;
  for (std::u32string_view w : {U"书记", U"常委", U"委员", U"长", U"主席", U"主任", U"成员"})
    if (EndsWithU(rest, w)) return true;
  return false;
}

}  // namespace

// The organ words a place's name is followed by (江州市|人民政府, 湖滨区|委).
const std::pair<std::u32string_view, Organ> kOrganWords[] = {
    {U"人民政府", Organ::kGovernment}, {U"政府", Organ::kGovernment}, {U"人大常委会", Organ::kCongress},
    {U"人大", Organ::kCongress},       {U"政协", Organ::kCppcc},      {U"党委", Organ::kParty},
    {U"委", Organ::kParty}};

OrganTitle PlaceOrganOf(std::u32string_view t) {
  OrganTitle r;
  for (std::u32string_view lvl : kLevels) {
    std::u32string_view bare = t;
    for (std::u32string_view m : {U"常务副", U"代理", U"副", U"代"})
      if (bare.size() > m.size() && bare.substr(0, m.size()) == m) { bare.remove_prefix(m.size()); break; }
    // 市长, 副区长, 代县长, 镇长; 自治区主席.
    if (bare.size() == lvl.size() + 1 && bare.substr(0, lvl.size()) == lvl && bare.back() == U'长' && lvl != U"自治区") {
      r.organ = Organ::kGovernment;
      r.level = std::u32string(lvl);
      return r;
    }
    if (lvl == U"自治区" && (bare == U"自治区主席")) {
      r.organ = Organ::kGovernment;
      r.level = std::u32string(lvl);
      return r;
    }
    if (t.size() <= lvl.size() || t.substr(0, lvl.size()) != lvl) continue;
    std::u32string_view rest = t.substr(lvl.size());
    for (auto [word, organ] : kOrganWords) {
      if (rest.size() <= word.size() || rest.substr(0, word.size()) != word) continue;
      std::u32string_view post = rest.substr(word.size());
      if (!PostWord(post)) break;
      // 市委统战部部长: a department of the committee, not the committee.
      bool department = false;
      for (size_t k = 0; k < post.size(); ++k) {
        char32_t c = post[k];
        if (c == U'部' || c == U'局' || c == U'办' || c == U'室') department = true;
        if (c == U'委' && !(k > 0 && post[k - 1] == U'常') && !(k + 1 < post.size() && post[k + 1] == U'员'))
          department = true;
      }
      if (department) break;
      r.organ = organ;
      r.level = std::u32string(lvl);
      return r;
    }
    return r;
  }
  return r;
}

std::string OrganName(const std::string& place, Organ organ) {
  std::u32string p = ToUtf32(place);
  switch (organ) {
    case Organ::kGovernment: return place + "人民政府";
    case Organ::kCppcc: return place + "政协";
    case Organ::kCongress: return place + "人大常委会";
    case Organ::kParty:
      // 白沙镇党委, 宁夏回族自治区党委; 江州市委, 湖滨区委; 云溪新区区委.
      if (EndsWithU(p, U"镇") || EndsWithU(p, U"乡") || EndsWithU(p, U"自治区")) return place + "党委";
      if (EndsWithU(p, U"新区")) return place + "区委";
      return place + "委";
    case Organ::kNone: break;
  }
  return "";
}

std::vector<std::string> OrganAliases(const std::string& place, Organ organ) {
  std::u32string p = ToUtf32(place);
  switch (organ) {
    case Organ::kGovernment: return {place + "政府"};
    case Organ::kCppcc: return {"政协" + place + "委员会"};
    case Organ::kCongress: return {place + "人大"};
    case Organ::kParty:
      if (EndsWithU(p, U"新区")) return {place + "委", "中共" + place + "委"};
      return {"中共" + OrganName(place, organ)};
    case Organ::kNone: break;
  }
  return {};
}

namespace {

class Relater {
 public:
  Relater(const RelateInput& in, const Lexicon& lex, std::vector<RelationRecord>* out,
          std::vector<EntityRecord>* implied)
      : in_(in), lex_(lex), out_(out), implied_(implied) {}

  void Run() {
    const Page& page = *in_.page;
    page_places_ = PlacesIn(0, page.sentences.size());
    for (const auto& ms : *in_.mentions)
      for (const Mention& m : ms)
        if (m.ref == RefKind::kNone && m.type == EntityType::kPark) page_zones_.insert(m.name);
    for (const Article& a : page.articles) {
      ctx_ = Context();
      article_places_ = PlacesIn(a.first, a.first + a.count);
      std::map<std::string, int> zones;
      article_zone_.clear();
      int best = 0;
      for (size_t i = a.first; i < a.first + a.count; ++i)
        for (const Mention& m : (*in_.mentions)[i])
          if (m.type == EntityType::kPark && m.ref == RefKind::kNone && ++zones[m.name] > best) {
            best = zones[m.name];
            article_zone_ = m.name;
          }
      for (size_t i = a.first; i < a.first + a.count; ++i) Sentence(i);
    }
  }

 private:
  // --- places the article is set in, for organs behind titles
  struct PlaceCount {
    std::string name;
    std::vector<std::string> surfaces;  // other forms of the name on the page
    int count = 0;
    size_t first = 0;
  };

  // The level word a place name ends with (江州市 -> 市), or "".
  static std::u32string LevelOf(std::u32string_view name) {
    for (std::u32string_view lvl : kLevels)
      if (name.size() > lvl.size() && EndsWithU(name, lvl)) return std::u32string(lvl == U"自治州" ? U"州" : lvl);
    return U"";
  }

  // The zone words a zone's name ends with (高新区, 经开区), not 新区 or 新城.
  static bool IsZoneWord(std::u32string_view w) {
    for (std::u32string_view z : {U"高新区", U"经开区", U"开发区", U"自贸区", U"综保区", U"保税区", U"工业园区"})
      if (w == z) return true;
    return false;
  }

  // Whether a title chain opens with a place's organ (省委宣传部…,
  // 市委…, 县政府…): its posts are the place's, not the paper's zone's.
  static bool OpensWithPlaceOrgan(std::u32string_view chain) {
    for (std::u32string_view lvl : kLevels) {
      // A bare 区 may be the zone itself (区人大政协工委主任).
      if (lvl == U"区" || chain.size() <= lvl.size() || chain.substr(0, lvl.size()) != lvl) continue;
      std::u32string_view rest = chain.substr(lvl.size());
      for (auto [o, organ] : kOrganWords)
        if (rest.size() >= o.size() && rest.substr(0, o.size()) == o) return true;
    }
    return false;
  }

  // The place whose organ a body is (江州市委 -> 江州市), or "".
  static std::string PlaceOfOrgan(const std::string& body) {
    std::u32string b = ToUtf32(body);
    for (std::u32string_view w : {U"人民政府", U"政府", U"人大常委会", U"政协", U"党委", U"区委", U"委"}) {
      if (!EndsWithU(b, w)) continue;
      std::u32string place = b.substr(0, b.size() - w.size());
      if (w == U"区委" && EndsWithU(place, U"新区")) return ToUtf8(place);
      if (!LevelOf(place).empty()) return ToUtf8(place);
      return "";
    }
    return "";
  }

  std::vector<PlaceCount> PlacesIn(size_t first, size_t last) const {
    std::vector<PlaceCount> r;
    std::unordered_map<std::string, size_t> index;  // name -> position in r
    size_t order = 0;
    for (size_t i = first; i < last && i < in_.mentions->size(); ++i) {
      for (const Mention& m : (*in_.mentions)[i]) {
        if (m.ref != RefKind::kNone) continue;
        std::string place;
        std::vector<std::string> surfaces;
        if (m.type == EntityType::kLocation) {
          place = m.name;
          surfaces = m.aliases;
        } else if (m.type == EntityType::kOrganization) {
          place = PlaceOfOrgan(m.name);
        }
        if (place.empty() || LevelOf(ToUtf32(place)).empty()) continue;
        auto [slot, added] = index.emplace(place, r.size());
        if (added) r.push_back(PlaceCount{place, {}, 0, order});
        auto it = r.begin() + static_cast<std::ptrdiff_t>(slot->second);
        ++order;
        it->count++;
        for (const std::string& a : surfaces)
          if (std::find(it->surfaces.begin(), it->surfaces.end(), a) == it->surfaces.end()) it->surfaces.push_back(a);
      }
    }
    // 南昌市东湖区 and 东湖区 on one page are one place: each is a surface of
    // the other, so that their organs come out as one entity.
    for (size_t k = 0; k < r.size(); ++k) {
      std::u32string n = ToUtf32(r[k].name);
      int32_t v;
      size_t pl = lex_.places.LongestAt(n, 0, &v);
      if (pl == 0 || pl >= n.size()) continue;
      auto it = index.find(ToUtf8(std::u32string_view(n).substr(pl)));
      if (it == index.end() || it->second == k) continue;
      PlaceCount& bare = r[it->second];
      auto add = [](PlaceCount& c, const std::string& s) {
        if (std::find(c.surfaces.begin(), c.surfaces.end(), s) == c.surfaces.end()) c.surfaces.push_back(s);
      };
      add(bare, r[k].name);
      add(r[k], bare.name);
    }
    return r;
  }

  // The place of a level the article is set in: the one it names most often
  // (then first), else the page's; nullptr when neither names one.
  const PlaceCount* PlaceOfLevel(const std::u32string& level) const {
    for (const std::vector<PlaceCount>* list : {&article_places_, &page_places_}) {
      const PlaceCount* best = nullptr;
      for (const PlaceCount& c : *list) {
        std::u32string l = LevelOf(ToUtf32(c.name));
        if (l != level) continue;
        if (!best || c.count > best->count || (c.count == best->count && c.first < best->first)) best = &c;
      }
      if (best) return best;
    }
    return nullptr;
  }

  // The organ of a place as an entity of its own, with its variants.
  Ent ImplyOrgan(const std::string& place, const std::vector<std::string>& surfaces, Organ organ) {
    // A short form without its level word (湘西 for 湘西土家族苗族自治州)
    // takes the level of the place (湘西州委).
    std::vector<std::string> forms;
    std::u32string level = LevelOf(ToUtf32(place));
    for (const std::string& s : surfaces)
      forms.push_back(LevelOf(ToUtf32(s)).empty() && !level.empty() ? s + ToUtf8(level) : s);
    Ent e{EntityType::kOrganization, OrganName(place, organ)};
    if (implied_) {
      EntityRecord r;
      r.type = e.type;
      r.name = e.name;
      r.aliases = OrganAliases(place, organ);
      for (const std::string& s : forms) {
        std::string a = OrganName(s, organ);
        if (!a.empty() && a != e.name && std::find(r.aliases.begin(), r.aliases.end(), a) == r.aliases.end())
          r.aliases.push_back(a);
      }
      const std::string& d = in_.dates.empty() ? std::string() : in_.dates[cur_];
      r.first_seen = r.last_seen = d;
      implied_->push_back(std::move(r));
    }
    return e;
  }

  // Organs of places behind the titles of a chain [b, e) before a person:
  // 市委副书记、市长 -> the city's 市委 and 人民政府. Returns how many of the
  // chain's items named such an organ, and sets *items to the item count.
  template <typename Bodies>
  size_t PlaceOrgans(const Mention& person, size_t b, size_t e, const Bodies& bodies, size_t* items_out,
                     bool* first_is_organ) {
    *first_is_organ = false;
    std::vector<std::pair<size_t, size_t>> items;
    size_t ib = b;
    auto flush = [&](size_t k) {
      if (k > ib) items.emplace_back(ib, k);
    };
    for (size_t k = b; k < e;) {
      bool at_body = false;
      for (const auto& body : bodies)
        if (body.begin == k) { flush(k); k = body.end; ib = k; at_body = true; break; }
      if (at_body) continue;
      if (text_[k] == U'、' || text_[k] == U'兼') { flush(k); ib = ++k; continue; }
      ++k;
    }
    flush(e);
    *items_out = items.size();
    // A place written right before the chain (宁波副市长, 江州市副市长).
    const Mention* before = nullptr;
    for (const Mention& m : ms_)
      if (m.end == b && m.ref == RefKind::kNone && m.type == EntityType::kLocation) before = &m;
    size_t found = 0;
    for (auto [x, y] : items) {
      std::u32string_view item = std::u32string_view(text_).substr(x, y - x);
      OrganTitle ot = PlaceOrganOf(item);
      std::string place;
      std::vector<std::string> surfaces;
      if (ot.organ == Organ::kNone) {
        // A place the division list does not know, written into the item:
        // 江州市副市长, 云溪县委书记.
        for (size_t k = 2; k + 2 <= item.size() && k <= 6; ++k) {
          OrganTitle tail = PlaceOrganOf(item.substr(k));
          std::u32string_view prefix = item.substr(0, k);
          bool han = true;
          for (char32_t c : prefix) han &= IsHan(c);
          if (tail.organ == Organ::kNone || !han || LevelOf(prefix) != tail.level || lex_.IsGeneric(prefix)) continue;
          ot = tail;
          place = ToUtf8(prefix);
          break;
        }
      }
      if (ot.organ == Organ::kNone) continue;
      if (x == items.front().first) *first_is_organ = true;
      ++found;
      for (auto it = bodies.rbegin(); it != bodies.rend() && place.empty(); ++it) {
        if (it->end > x) continue;
        std::string p = PlaceOfOrgan(it->ent.name);
        if (!p.empty() && LevelOf(ToUtf32(p)) == ot.level) place = p;
        break;
      }
      if (place.empty() && before && LevelOf(ToUtf32(before->name)) == ot.level) {
        place = before->name;
        surfaces = before->aliases;
      }
      if (place.empty()) {
        const PlaceCount* c = PlaceOfLevel(ot.level);
        if (!c) continue;
        place = c->name;
        surfaces = c->surfaces;
      }
      Add(RelationType::kHoldsPosition, E(person), ImplyOrgan(place, surfaces, ot.organ), ToUtf8(item));
    }
    return found;
  }

  struct Context {
    std::optional<Ent> last_company, last_project, last_org;
    size_t last_org_sentence = 0;
    std::optional<std::pair<Ent, Ent>> last_pair;
    std::optional<Ent> leader;
    std::vector<Ent> co_leaders;  // "A、B带领考察团": B leads with A
    // "X会见了多批客人。包括:A一行,B一行": hosts whose guests the next
    // sentence lists.
    std::vector<Ent> hosts;
    size_t hosts_sentence = 0;
  };

  Ent E(const Mention& m) const { return Ent{m.type, m.name}; }

  void Add(RelationType type, const Ent& head, const Ent& tail, const std::string& title = "") {
    if (head == tail || head.name.empty() || tail.name.empty()) return;
    const kgb::Sentence& s = in_.page->sentences[cur_];
    RelationRecord r;
    r.type = type;
    r.head_type = head.type;
    r.head = head.name;
    r.tail_type = tail.type;
    r.tail = tail.name;
    r.evidence.doc = in_.doc;
    r.evidence.start = s.orig_begin;
    r.evidence.end = s.orig_end;
    r.evidence.sentence = s.Display();
    r.evidence.date = in_.dates.empty() ? "" : in_.dates[cur_];
    r.evidence.title = title;
    out_->push_back(std::move(r));
  }

  size_t ClauseBegin(size_t pos) const {
    while (pos > 0 && !IsClauseBreak(text_[pos - 1])) --pos;
    return pos;
  }
  size_t ClauseEnd(size_t pos) const {
    while (pos < text_.size() && !IsClauseBreak(text_[pos])) ++pos;
    return pos;
  }

  // Mentions (resolved) fully inside [b, e).
  std::vector<const Mention*> In(size_t b, size_t e) const {
    std::vector<const Mention*> r;
    for (const Mention& m : ms_)
      if (m.begin >= b && m.end <= e) r.push_back(&m);
    return r;
  }

  // --- coreference of references in this sentence
  void ResolveRefs() {
    for (Mention& m : ms_) {
      if (m.ref == RefKind::kOrgan) {
        // 区政府: the organ of the district the article is set in.
        std::u32string word = ToUtf32(m.home_suffix);
        std::u32string level = word.substr(0, 1);
        std::u32string_view rest = std::u32string_view(word).substr(1);
        Organ organ = rest == U"委" ? Organ::kParty
                      : rest == U"政协" ? Organ::kCppcc
                      : rest == U"人大常委会" ? Organ::kCongress
                                            : Organ::kGovernment;
        if (const PlaceCount* c = PlaceOfLevel(level)) {
          Ent e = ImplyOrgan(c->name, c->surfaces, organ);
          m.name = e.name;
          m.ref = RefKind::kNone;
        }
        continue;
      }
      if (m.ref == RefKind::kCompany) {
        if (ctx_.last_company) { m.name = ctx_.last_company->name; m.type = ctx_.last_company->type; m.ref = RefKind::kNone; }
      } else if (m.ref == RefKind::kProject) {
        if (ctx_.last_project) { m.name = ctx_.last_project->name; m.type = EntityType::kProject; m.ref = RefKind::kNone; }
      }
      if (m.ref == RefKind::kNone) {
        if (CompanyLike(m)) ctx_.last_company = E(m);
        if (m.type == EntityType::kProject) ctx_.last_project = E(m);
        if (m.type == EntityType::kOrganization) { ctx_.last_org = E(m); ctx_.last_org_sentence = cur_; }
      }
    }
    // Unresolved company, project and organ references are dropped; 双方 stays.
    ms_.erase(std::remove_if(ms_.begin(), ms_.end(),
                             [](const Mention& m) {
                               return m.ref == RefKind::kCompany || m.ref == RefKind::kProject ||
                                      m.ref == RefKind::kOrgan;
                             }),
              ms_.end());
  }

  const Mention* MentionEndingAt(size_t pos) const {
    for (const Mention& m : ms_)
      if (m.end == pos && m.ref == RefKind::kNone) return &m;
    return nullptr;
  }

  // --- holds_position: [body][title chain][name]
  void Positions() {
    std::optional<Ent> prev_body;  // carried over an enumeration
    size_t prev_person_end = 0;
    for (const Mention& person : ms_) {
      if (person.type != EntityType::kOfficial || person.ref != RefKind::kNone) continue;
      // "党工委书记(兼)林致远": a post held concurrently; the chain ends before the mark.
      Mention p = person;
      if (p.begin >= 3 && std::u32string_view(text_).substr(p.begin - 3, 3) == U"(兼)") p.begin -= 3;
      int32_t v;
      size_t tl = lex_.titles_ending.LongestEndingAt(text_, p.begin, &v);
      if (tl == 0) {
        prev_person_end = p.end;
        continue;
      }
      // Walk left over titles, organ words, 、 and 兼, collecting bodies.
      struct Body {
        Ent ent;
        size_t begin, end;
      };
      std::vector<Body> bodies;
      size_t pos = p.begin;
      size_t free_chars = 0;
      bool zone_home = false;
      bool organs = false;  // the chain names an internal organ (领导小组, 办公室)
      while (pos > 0) {
        if (pos <= prev_person_end) break;
        // The longest title ending here, unless a shorter one leaves a body
        // right before it (白沙镇党委|书记, not 白沙镇|党委书记).
        size_t len = 0;
        bool at_body = false;
        lex_.titles_ending.ForEachEndingAt(text_, pos, [&](size_t l, int32_t) {
          if (at_body) return false;
          len = l;
          const Mention* b = MentionEndingAt(pos - l);
          if (b && b->type != EntityType::kOfficial) at_body = true;
          return true;
        });
        if (len) { pos -= len; free_chars = 0; continue; }
        const Mention* m = MentionEndingAt(pos);
        // Bodies are organizations and zones; a place is not one (合肥市副市长).
        if (m && m->type != EntityType::kOfficial && m->type != EntityType::kProject &&
            m->type != EntityType::kLocation) {
          bodies.push_back({E(*m), m->begin, pos});
          pos = m->begin;
          free_chars = 0;
          continue;
        }
        // "…管委会常务副主任、掇刀区区长X": a place inside the chain, after a
        // list mark or a title, goes with the title after it.
        if (m && m->type == EntityType::kLocation && m->begin > 0 &&
            (text_[m->begin - 1] == U'、' || lex_.titles_ending.LongestEndingAt(text_, m->begin, &v) > 0)) {
          pos = m->begin;
          free_chars = 0;
          continue;
        }
        if (m) break;
        char32_t c = text_[pos - 1];
        if (c == U'、' || c == U'兼') { --pos; continue; }
        if (!IsHan(c)) break;
        bool organ = false;
        size_t ol = 0;
        lex_.title_bodies_ending.ForEachEndingAt(text_, pos, [&](size_t l, int32_t) { ol = l; return true; });
        if (ol) { pos -= ol; organ = true; organs = true; }
        if (organ) continue;
        bool boundary = false;
        lex_.boundaries.ForEachEndingAt(text_, pos, [&](size_t, int32_t) { boundary = true; return false; });
        if (boundary) break;
        // "区科技创新工作领导小组…": a bare 区 opening the chain is the zone.
        if (c == U'区' && (pos == 1 || (!IsHan(text_[pos - 2]) && text_[pos - 2] != U'、') ||
                           IsClauseBreak(text_[pos - 2]))) {
          zone_home = true;
          --pos;
          break;
        }
        if (++free_chars > 12) break;
        --pos;
      }
      std::u32string_view chain = std::u32string_view(text_).substr(pos, p.begin - pos);
      std::reverse(bodies.begin(), bodies.end());  // left to right
      auto title_between = [&](size_t from, size_t to) {
        std::u32string_view t = std::u32string_view(text_).substr(from, to - from);
        while (!t.empty() && (t.front() == U'、' || t.front() == U'兼')) t.remove_prefix(1);
        while (!t.empty() && (t.back() == U'、' || t.back() == U'兼')) t.remove_suffix(1);
        return ToUtf8(t);
      };
      auto title_after = [&](size_t from) {
        std::u32string_view t = std::u32string_view(text_).substr(from, p.begin - from);
        while (!t.empty() && (t.front() == U'、' || t.front() == U'兼')) t.remove_prefix(1);
        return ToUtf8(t);
      };
      const bool enumerated = pos == 0 || IsClauseBreak(text_[pos - 1]) || text_[pos - 1] == U'、';
      size_t items = 0;
      bool first_organ = false;
      const size_t organ_items = PlaceOrgans(p, pos, p.begin, bodies, &items, &first_organ);
      if (!bodies.empty()) {
        // Each body holds the titles up to the next body: 市委常委、云溪经开区党工委书记.
        for (size_t k = 0; k < bodies.size(); ++k) {
          size_t to = k + 1 < bodies.size() ? bodies[k + 1].begin : p.begin;
          Add(RelationType::kHoldsPosition, E(p), bodies[k].ent, title_between(bodies[k].end, to));
        }
        prev_body = bodies.back().ent;
      } else if (organ_items > 0 && organ_items == items) {
        // Every title named an organ of a place: done above.
      } else if ((first_organ || OpensWithPlaceOrgan(chain)) && bodies.empty() && !NamesZoneOrgan(chain)) {
        // 省人大常委会党组副书记、副主任X, 区人大常委会主任X: the chain is about
        // a place's organ (done above, or its place is not on the page), not
        // the paper's zone.
      } else if (zone_home && !in_.home_zone.empty()) {
        // 区科技创新工作领导小组副组长…: a bare 区 is the paper's zone.
        Ent zone{EntityType::kPark, in_.home_zone};
        Add(RelationType::kHoldsPosition, E(p), zone, title_after(pos + 1));
        prev_body = zone;
      } else if (NamesZoneOrgan(chain) && (prev_body ? prev_body->type == EntityType::kPark : !in_.home_zone.empty())) {
        // 党工委委员、管委会副主任孙海: the zone named before, else the paper's.
        Ent zone = prev_body && enumerated ? *prev_body : Ent{EntityType::kPark, in_.home_zone};
        if (!zone.name.empty()) Add(RelationType::kHoldsPosition, E(p), zone, title_after(pos));
        prev_body = zone;
      } else if (organs && !in_.home_zone.empty()) {
        // 科技创新工作领导小组副组长…: an organ named without its place is the
        // paper's zone's.
        Add(RelationType::kHoldsPosition, E(p), Ent{EntityType::kPark, in_.home_zone}, title_after(pos));
      } else if (prev_body && enumerated && !organs && !InstitutionTitle(chain)) {
        // 市长许文华、副市长邵兵: the body carries over an enumeration.
        Add(RelationType::kHoldsPosition, E(p), *prev_body, title_after(pos));
      } else if (InstitutionTitle(chain) && ctx_.last_org && cur_ - ctx_.last_org_sentence <= 2) {
        // 院长吴涛 with the hospital named just before.
        Add(RelationType::kHoldsPosition, E(p), *ctx_.last_org, title_after(pos));
      }
      prev_person_end = p.end;
    }
  }

  // A post stated after the name: "周文斌（华创科技有限公司董事长）",
  // "周文斌担任华创科技有限公司董事长".
  void PositionsAfterNames() {
    for (const Mention& p : ms_) {
      if (p.type != EntityType::kOfficial || p.ref != RefKind::kNone) continue;
      size_t k = p.end;
      size_t close = std::u32string::npos;
      if (k < text_.size() && text_[k] == U'(') {
        close = text_.find(U')', k);
        if (close == std::u32string::npos || close - k > 40) continue;
        ++k;
      } else {
        bool verb = false;
        for (std::u32string_view w : {U"担任", U"出任", U"兼任", U"现任", U"任"}) {
          if (StartsAt(text_, k, w)) { k += w.size(); verb = true; break; }
        }
        if (!verb) continue;
        close = ClauseEnd(k);
      }
      // [body][titles] up to the closing bracket or the clause end.
      const Mention* body = nullptr;
      for (const Mention& m : ms_)
        if (m.begin == k && m.ref == RefKind::kNone &&
            (m.type == EntityType::kOrganization || m.type == EntityType::kPark)) body = &m;
      if (!body) continue;
      size_t e = body->end;
      size_t last_title_end = 0;
      while (e < close) {
        int32_t v;
        size_t len = lex_.titles.LongestAt(text_, e, &v);
        if (!len) len = lex_.title_bodies.LongestAt(text_, e, &v);
        if (!len && (text_[e] == U'、' || text_[e] == U'兼')) len = 1;
        if (!len) break;
        e += len;
        if (lex_.titles.LongestAt(text_, e - len, &v) == len) last_title_end = e;
      }
      if (last_title_end == 0 || last_title_end != e) continue;
      Add(RelationType::kHoldsPosition, E(p), E(*body),
          ToUtf8(std::u32string_view(text_).substr(body->end, last_title_end - body->end)));
    }
  }

  // "A与B(、C)": pairs of parties joined by a conjunction inside [b, e).
  // The representative a body names right after itself (华创公司董事长周文斌),
  // or null.
  const Mention* RepresentativeOf(const Mention& body, const std::vector<const Mention*>& in) const {
    const Mention& p = PersonOf(body, in);
    return &p == &body ? nullptr : &p;
  }

  // "A与B(、C)": pairs of parties joined by a conjunction inside [b, e). With
  // `persons`, a body followed by its representative (B公司董事长周文斌) is
  // represented by the person (meetings); else the body is the party
  // (signings).
  std::vector<std::pair<Ent, Ent>> Coordinations(size_t b, size_t e, bool persons = true) const {
    std::vector<std::pair<Ent, Ent>> pairs;
    auto in = In(b, e);
    // People standing for a coordinated body before them (与B公司董事长甲).
    std::vector<const Mention*> represented;
    for (const Mention* m : in)
      if (m->type != EntityType::kOfficial && m->begin > 0 &&
          (IsConj(text_[m->begin - 1]) || text_[m->begin - 1] == U'、'))
        if (const Mention* r = RepresentativeOf(*m, in)) represented.push_back(r);
    auto is_represented = [&](const Mention* m) {
      return std::find(represented.begin(), represented.end(), m) != represented.end();
    };
    for (size_t i = 0; i + 1 < in.size(); ++i) {
      const Mention& a = *in[i];
      const Mention& c = *in[i + 1];
      if (!IsParty(a.type) || !IsParty(c.type) || a.ref != RefKind::kNone || c.ref != RefKind::kNone) continue;
      if (is_represented(&a)) continue;  // "B公司董事长周文斌和C公司…": 周文斌 is B's
      // "A与B", also with an organ or an adverb between: 唐山高新区管委会分别与B.
      if (c.begin == 0 || !IsConj(text_[c.begin - 1])) continue;
      size_t gap = c.begin - 1 - a.end;
      if (gap == 1 && text_[a.end] == U')') gap = 0;  // "X（以下简称A）与B"
      // "A、B、C等16家企业与D": every member of the list is a party.
      std::vector<const Mention*> list{&a};
      if (gap > 0 && gap <= 10 && text_[a.end] == U'等') {
        std::u32string_view between = std::u32string_view(text_).substr(a.end, gap);
        bool kind = false;
        for (std::u32string_view w : {U"企业", U"公司", U"单位", U"家", U"高校", U"银行"}) kind |= between.find(w) != between.npos;
        if (kind) {
          gap = 0;
          for (size_t k = i; k > 0; --k) {
            const Mention& prev = *in[k - 1];
            if (prev.end + 1 != list.back()->begin || text_[prev.end] != U'、' || prev.type != a.type) break;
            list.push_back(&prev);
          }
        }
      }
      if (gap == 0 && a.type != EntityType::kOfficial) {
        // "A、B、C与D签署": every member of a list of bodies; a member that is
        // itself the second of a pair ends it (A与B、C与D分别签署).
        for (size_t k = i; k > 0; --k) {
          const Mention& prev = *in[k - 1];
          const Mention& next = *list.back();
          if (prev.end + 1 != next.begin || text_[prev.end] != U'、' || !IsParty(prev.type) ||
              prev.type == EntityType::kOfficial || prev.ref != RefKind::kNone)
            break;
          if (prev.begin > 0 && IsConj(text_[prev.begin - 1])) break;
          list.push_back(&prev);
        }
      }
      if (gap > 0) {
        if (gap > 6) continue;
        bool plain = true;
        for (size_t k = a.end; k < c.begin - 1; ++k) plain &= IsHan(text_[k]);
        if (!plain) continue;
        std::u32string_view between = std::u32string_view(text_).substr(a.end, gap);
        bool known = false;
        for (std::u32string_view w : {U"管委会", U"党工委", U"人民政府", U"政府", U"分别", U"共同", U"正式", U"现场",
                                      U"也", U"还", U"将", U"已", U"今天", U"当天", U"再次"})
          if (between.find(w) != std::u32string_view::npos) known = true;
        if (!known) continue;
      }
      for (const Mention* member : list) pairs.emplace_back(E(*member), E(persons ? PersonOf(c, in) : c));
      // A与B、C、D; a body's representative between two members is passed
      // over (A与B公司董事长甲和C公司董事长乙).
      const Mention* prev = &c;
      if (const Mention* r = RepresentativeOf(c, in)) prev = r;
      for (size_t k = i + 2; k < in.size(); ++k) {
        const Mention& d = *in[k];
        if (d.begin < prev->end) continue;
        if (d.begin != prev->end + 1 || (text_[prev->end] != U'、' && !IsConj(text_[prev->end])) || !IsParty(d.type))
          break;
        // "A与B、C与D": C opens a pair of its own.
        if (d.end < text_.size() && IsConj(text_[d.end]) && k + 1 < in.size() && in[k + 1]->begin == d.end + 1) break;
        const Mention* r = d.type == EntityType::kOfficial ? nullptr : RepresentativeOf(d, in);
        pairs.emplace_back(E(a), E(persons && r ? *r : d));
        prev = r ? r : &d;
      }
    }
    return pairs;
  }

  // "A与华创科技有限公司董事长周文斌": when a body is followed by a title and
  // a person, the person is the party.
  const Mention& PersonOf(const Mention& body, const std::vector<const Mention*>& in) const {
    if (body.type == EntityType::kOfficial) return body;
    for (const Mention* m : in) {
      if (m->begin < body.end || m->type != EntityType::kOfficial) continue;
      int32_t v;
      size_t tl = lex_.titles_ending.LongestEndingAt(text_, m->begin, &v);
      if (tl && m->begin - tl >= body.end && m->begin - tl - body.end <= 12) {
        bool clean = true;
        for (size_t k = body.end; k < m->begin - tl; ++k) clean &= IsHan(text_[k]) || text_[k] == U'、';
        if (clean) return *m;
      }
      break;
    }
    return body;
  }

  std::vector<Ent> Of(const std::vector<const Mention*>& ms, bool officials) const {
    std::vector<Ent> r;
    for (const Mention* m : ms) {
      if (m->ref != RefKind::kNone) continue;
      if (officials ? m->type == EntityType::kOfficial : (m->type == EntityType::kOrganization || m->type == EntityType::kPark))
        r.push_back(E(*m));
    }
    return r;
  }

  struct Trigger {
    size_t b, e;
    TriggerKind kind;
  };

  std::vector<Trigger> Triggers() const {
    std::vector<Trigger> r;
    for (size_t i = 0; i < text_.size(); ++i) {
      int32_t v;
      size_t len = lex_.triggers.LongestAt(text_, i, &v);
      if (!len) continue;
      bool inside = false;
      for (const Mention& m : ms_) inside |= i >= m.begin && i < m.end;
      if (!inside) r.push_back(Trigger{i, i + len, static_cast<TriggerKind>(v)});
      i += len - 1;
    }
    return r;
  }

  void Meetings(const std::vector<Trigger>& trig) {
    for (const Trigger& t : trig) {
      if (t.kind != TriggerKind::kMeet) continue;
      size_t cb = ClauseBegin(t.b), ce = ClauseEnd(t.e);
      auto pairs = Coordinations(cb, t.b);
      if (!pairs.empty()) {
        for (auto& [a, b] : pairs) Add(RelationType::kMetWith, a, b);
        // "A与B公司副总裁C、总经理D等进行交流": everyone the list names.
        if (pairs.size() == 1) {
          std::vector<Ent> rest = Of(In(cb, t.b), true);
          for (const Ent& o : rest)
            if (!(o == pairs.front().first) && !(o == pairs.front().second) &&
                pairs.front().first.type == EntityType::kOfficial)
              Add(RelationType::kMetWith, pairs.front().first, o);
        }
        ctx_.last_pair = pairs.front();
        continue;
      }
      // 交流 is a meeting only between parties joined by 与 (A与B深入交流).
      if (std::u32string_view(text_).substr(t.b, t.e - t.b) == U"交流") continue;
      auto before = In(cb, t.b);
      // "双方就合作进行座谈": the pair named before.
      bool both = false;
      for (const Mention* m : before) both |= m->ref == RefKind::kBoth;
      if (both && ctx_.last_pair) {
        Add(RelationType::kMetWith, ctx_.last_pair->first, ctx_.last_pair->second);
        continue;
      }
      std::vector<Ent> subj = Of(before, true);
      if (subj.empty()) subj = Of(before, false);
      if (subj.empty()) continue;
      // The guests run to the end of the clause, and on over commas while
      // each next part opens with a body, a title or a name (会见了A公司总经理
      // B，C公司董事长D、总经理E等，…).
      while (ce < text_.size() && (text_[ce] == U',' || text_[ce] == U'，')) {
        size_t next = ce + 1;
        int32_t tv;
        bool listed = lex_.titles.LongestAt(text_, next, &tv) > 0;
        for (const Mention& m : ms_)
          if (m.begin == next && m.ref == RefKind::kNone && m.type != EntityType::kLocation) listed = true;
        // …and names someone (not "华创公司相关人员参加座谈").
        size_t next_end = ClauseEnd(next);
        bool person = false;
        for (const Mention* m : In(next, next_end)) person |= m->type == EntityType::kOfficial;
        if (!listed || !person) break;
        ce = next_end;
      }
      size_t stop = ce;
      for (size_t k = t.e; k + 1 < ce; ++k)
        if (StartsAt(text_, k, U"一行")) { stop = k; break; }
      auto after = In(t.e, stop);
      std::vector<Ent> obj = Of(after, true);
      if (obj.empty()) obj = Of(after, false);
      // An official meets people and bodies; one who calls on a zone visits it.
      if (subj.front().type == EntityType::kOfficial)
        obj.erase(std::remove_if(obj.begin(), obj.end(),
                                 [](const Ent& o) { return o.type == EntityType::kPark || o.type == EntityType::kLocation; }),
                  obj.end());
      for (const Ent& s : subj)
        for (const Ent& o : obj) Add(RelationType::kMetWith, s, o);
      if (!subj.empty() && !obj.empty()) ctx_.last_pair = std::make_pair(subj.front(), obj.front());
      // "X一行来访。A，B参加接待": the hosts, listed from the sentence's
      // start, receive the delegation's leader.
      if (obj.empty() && ctx_.leader && std::u32string_view(text_).substr(t.b, t.e - t.b) == U"接待" &&
          subj.front().type == EntityType::kOfficial) {
        HostsMeetLeader(t.b);
        continue;
      }
      if (obj.empty() && subj.front().type == EntityType::kOfficial) {
        ctx_.hosts = subj;
        ctx_.hosts_sentence = cur_;
      }
    }
  }

  std::string AgreementTitle(size_t from, size_t clause_end) const {
    size_t p = from;
    if (p < clause_end && text_[p] == U'了') ++p;
    for (size_t k = p; k < clause_end && k < p + 24; ++k) {
      int32_t v;
      size_t len = lex_.triggers.LongestAt(text_, k, &v);
      if (len && static_cast<TriggerKind>(v) == TriggerKind::kAgreement) {
        std::u32string_view t = std::u32string_view(text_).substr(p, k + len - p);
        while (!t.empty() && (t.front() == U'《' || t.front() == U'“')) t.remove_prefix(1);
        return ToUtf8(t);
      }
    }
    return "";
  }

  void Signings(const std::vector<Trigger>& trig) {
    for (const Trigger& t : trig) {
      if (t.kind != TriggerKind::kSign) continue;
      size_t cb = ClauseBegin(t.b), ce = ClauseEnd(t.e);
      std::string title = AgreementTitle(t.e, ce);
      auto pairs = Coordinations(cb, t.b, /*persons=*/false);
      if (pairs.empty()) {
        // 双方现场签约
        bool both = false;
        for (const Mention* m : In(cb, t.b)) both |= m->ref == RefKind::kBoth;
        if (both && ctx_.last_pair) pairs.push_back(*ctx_.last_pair);
      }
      for (auto& [a, b] : pairs) Add(RelationType::kSignedAgreement, a, b, title);
      if (!pairs.empty()) ctx_.last_pair = pairs.front();
    }
  }

  const Mention* FirstPlaceAfter(size_t b, size_t e) const {
    for (const Mention* m : In(b, e))
      if (m->ref == RefKind::kNone && (m->type == EntityType::kPark || m->type == EntityType::kLocation)) return m;
    return nullptr;
  }

  void Locations(const std::vector<Trigger>& trig) {
    for (const Trigger& t : trig) {
      size_t cb = ClauseBegin(t.b), ce = ClauseEnd(t.e);
      if (t.kind == TriggerKind::kLocate) {
        const Mention* y = FirstPlaceAfter(t.e, ce);
        if (!y) continue;
        // "位于江州市湖滨区白沙镇…": every place of the chain holds it.
        std::vector<const Mention*> chain{y};
        for (const Mention* m : In(y->end, ce)) {
          if (m->begin != chain.back()->end || m->ref != RefKind::kNone ||
              (m->type != EntityType::kPark && m->type != EntityType::kLocation))
            break;
          chain.push_back(m);
        }
        auto before = In(cb, t.b);
        const Mention* x = nullptr;
        for (const Mention* m : before)
          if (m->ref == RefKind::kNone && m->type != EntityType::kOfficial && m->type != EntityType::kLocation) x = m;
        std::vector<const Mention*> subjects;
        if (x) subjects.push_back(x);
        if (!x) {  // the subject of the sentence: its first named thing
          for (size_t k = 0; k < ms_.size(); ++k) {
            const Mention& m = ms_[k];
            if (m.begin >= t.b) break;
            if (m.ref != RefKind::kNone || m.type == EntityType::kOfficial || m.type == EntityType::kLocation) continue;
            // "A、B、C等企业…签约，入驻Y": every member of a list that opens the sentence.
            subjects.push_back(&m);
            for (size_t n = k + 1; n < ms_.size() && ms_[n].begin < t.b; ++n) {
              const Mention& prev = *subjects.back();
              const Mention& next = ms_[n];
              if (next.begin != prev.end + 1 || text_[prev.end] != U'、' || next.ref != RefKind::kNone ||
                  next.type != m.type)
                break;
              subjects.push_back(&next);
            }
            break;
          }
        }
        for (const Mention* subject : subjects)
          for (const Mention* c : chain) Add(RelationType::kLocatedIn, E(*subject), E(*c));
      } else if (t.kind == TriggerKind::kHost) {
        // 高新区设立科创金融广场: the zone right before the verb hosts what follows.
        const Mention* y = MentionEndingAt(t.b);
        if (!y || y->type != EntityType::kPark) continue;
        for (const Mention* x : In(t.e, ce)) {
          if (x->ref != RefKind::kNone || x->type == EntityType::kOfficial || x->type == EntityType::kLocation) continue;
          Add(RelationType::kLocatedIn, E(*x), E(*y));
          break;
        }
      } else if (t.kind == TriggerKind::kSettle) {
        // …项目落地开工: projects with no place stated are in the paper's zone.
        const Mention* y = FirstPlaceAfter(t.e, ce);
        std::vector<const Mention*> projects;
        for (const Mention* m : In(cb, t.b))
          if (m->ref == RefKind::kNone && m->type == EntityType::kProject) projects.push_back(m);
        for (const Mention* x : projects) {
          // A project whose name starts with its own place (湖滨区…项目) is there, not in the paper's zone.
          int32_t pv;
          const bool placed = lex_.places.LongestAt(ToUtf32(x->name), 0, &pv) > 0;
          if (y) Add(RelationType::kLocatedIn, E(*x), E(*y));
          else if (!in_.home_zone.empty() && !placed)
            Add(RelationType::kLocatedIn, E(*x), Ent{EntityType::kPark, in_.home_zone});
        }
      }
    }
    // "参观了A、B、C等区内企业": the members of a list said to be inside the
    // zone lie in the article's zone.
    const std::string zone = ArticleZone();
    for (size_t p = 1; p + 2 < text_.size() && !zone.empty(); ++p) {
      if (text_[p] != U'等') continue;
      bool inside = false;
      for (std::u32string_view w : {U"区内", U"区域内", U"园区内", U"园内", U"辖区内", U"园区"})
        inside |= StartsAt(text_, p + 1, w);
      if (!inside) continue;
      const Mention* last = MentionEndingAt(p);
      for (const Mention* m = last; m;) {
        if (m->ref == RefKind::kNone && m->name != zone &&
            (m->type == EntityType::kOrganization || m->type == EntityType::kProject || m->type == EntityType::kPark))
          Add(RelationType::kLocatedIn, E(*m), Ent{EntityType::kPark, zone});
        if (m->begin < 2 || (text_[m->begin - 1] != U'、' && text_[m->begin - 1] != U'和' && text_[m->begin - 1] != U'及'))
          break;
        m = MentionEndingAt(m->begin - 1);
      }
    }
    // "考察了江州高新区的A、B、C等企业": the members of a list that a zone's
    // 的 opens lie in the zone.
    for (const Mention& z : ms_) {
      if (z.ref != RefKind::kNone || z.type != EntityType::kPark || z.end + 1 >= text_.size() || text_[z.end] != U'的')
        continue;
      std::vector<const Mention*> items;
      size_t at = z.end + 1;
      for (;;) {
        const Mention* next = nullptr;
        for (const Mention& m : ms_)
          if (m.begin == at && m.ref == RefKind::kNone) next = &m;
        if (!next) break;
        items.push_back(next);
        if (next->end >= text_.size()) break;
        char32_t c = text_[next->end];
        if (c != U'、' && c != U'和' && c != U'及') break;
        at = next->end + 1;
      }
      if (items.empty() || (items.size() < 2 && !StartsAt(text_, items.back()->end, U"等"))) continue;
      for (const Mention* m : items)
        if (m->type == EntityType::kOrganization || m->type == EntityType::kProject || m->type == EntityType::kPark)
          Add(RelationType::kLocatedIn, E(*m), E(z));
    }
    // "江州高新区华创智能制造项目", "云溪县…工程": a project named after the
    // zone or the county it is built in lies there.
    for (const Mention& m : ms_) {
      if (m.ref != RefKind::kNone || m.type != EntityType::kProject) continue;
      std::u32string name = ToUtf32(m.name);
      int32_t id;
      size_t pl = lex_.places.LongestAt(name, 0, &id);
      if (pl > 0 && pl + 2 < name.size() && !lex_.place_info[id].is_short &&
          lex_.place_info[id].level != PlaceLevel::kProvince && lex_.place_info[id].level != PlaceLevel::kCity)
        Add(RelationType::kLocatedIn, E(m), Ent{EntityType::kLocation, lex_.place_info[id].name});
      for (size_t k = 3; k + 2 < name.size(); ++k) {  // each start of the name, against the page's zones
        std::string zone = ToUtf8(std::u32string_view(name).substr(0, k));
        if (page_zones_.count(zone)) {
          Add(RelationType::kLocatedIn, E(m), Ent{EntityType::kPark, zone});
          continue;
        }
        // Or a zone of a known place the page names only there (江州高新区|…项目).
        int32_t zv = 0, pv2 = 0;
        size_t zl = lex_.suffixes.LongestEndingAt(name, k, &zv);
        if (zl == 0 || zl >= k || lex_.suffix_info[zv].type != EntityType::kPark ||
            lex_.suffix_info[zv].rule != SuffixRule::kPlace)
          continue;
        if (lex_.places.LongestAt(name, 0, &pv2) == k - zl && IsZoneWord(name.substr(k - zl, zl)))
          Add(RelationType::kLocatedIn, E(m), Ent{EntityType::kPark, zone});
      }
    }
    // 在Y成立/建设/设立: the subject is in Y.
    for (size_t i = 0; i + 1 < text_.size(); ++i) {
      if (text_[i] != U'在') continue;
      const Mention* y = nullptr;
      for (const Mention& m : ms_)
        if (m.begin == i + 1 && m.ref == RefKind::kNone && (m.type == EntityType::kPark || m.type == EntityType::kLocation)) y = &m;
      if (!y) continue;
      bool verb = false;
      for (std::u32string_view w : {U"成立", U"设立", U"建设", U"投资", U"落户", U"落地", U"注册", U"建立", U"开工",
                                    U"投产", U"揭牌", U"建成"})
        verb |= StartsAt(text_, y->end, w);
      if (!verb) continue;
      // 在Y投资建设X项目 / 在Y设立X: what is built or set up there; the subject
      // only when the verb has no object of its own.
      bool object = false;
      for (const Mention& m : ms_) {
        if (m.begin < y->end || m.begin > y->end + 6) continue;
        if (m.ref == RefKind::kNone && m.type != EntityType::kOfficial && m.type != EntityType::kLocation) {
          Add(RelationType::kLocatedIn, E(m), E(*y));
          object = true;
        }
        break;
      }
      size_t after_verb = y->end + 2;
      if (object) continue;
      // A verb with an object of its own in words (将在Y建设占地772亩的基地)
      // still places a project named before it.
      const bool bare_verb = !(after_verb < text_.size() && IsHan(text_[after_verb]));
      for (const Mention& m : ms_) {
        if (m.begin >= i) break;
        if (m.ref == RefKind::kNone && (m.type == EntityType::kProject || (bare_verb && m.type == EntityType::kOrganization))) {
          Add(RelationType::kLocatedIn, E(m), E(*y));
          break;
        }
      }
    }
  }

  // The zone the article is about: the paper's own, else the zone the
  // article names most often (the first on a tie), or "".
  std::string ArticleZone() const {
    if (!in_.home_zone.empty()) return in_.home_zone;
    return article_zone_;
  }

  // The visitor of a visit whose verb starts at `tb`; `trig` are the sentence's triggers.
  std::optional<Ent> Visitor(size_t tb, const std::vector<Trigger>& trig) {
    size_t cb = ClauseBegin(tb);
    // A delegation: "X一行" before the verb.
    std::optional<Ent> delegation;
    const Mention* head = nullptr;
    for (const Mention& m : ms_) {
      if (m.begin >= tb) break;
      if (m.ref != RefKind::kNone) continue;
      int32_t v = 0;
      size_t len = lex_.triggers.LongestAt(text_, m.end, &v);
      if (len && static_cast<TriggerKind>(v) == TriggerKind::kDelegation) {
        delegation = E(m);
        head = &m;
      }
    }
    if (delegation && head->type == EntityType::kOfficial) {
      // "A,B,C一行3人到X考察": the people listed before 一行, with no verb
      // among them, travel together; the first leads.
      std::vector<Ent> members = Of(In(0, head->end), true);
      bool verb = false;
      for (const Trigger& t : trig) verb |= t.b < head->begin;
      if (members.size() > 1 && !verb) {
        ctx_.leader = members.front();
        ctx_.co_leaders.assign(members.begin() + 1, members.end());
        return members.front();
      }
    }
    if (delegation) return delegation;
    for (size_t from : {cb, size_t{0}}) {
      std::vector<Ent> officials = Of(In(from, tb), true);
      if (!officials.empty()) return officials.front();
    }
    if (StartsAt(text_, cb, U"一行") || text_.find(U"一行") < tb) {
      if (ctx_.leader) return ctx_.leader;
    }
    // A speaker later in the sentence ("…赴苏州考察学习…”马立新表示).
    for (const Mention& m : ms_)
      if (m.begin > tb && m.type == EntityType::kOfficial && m.ref == RefKind::kNone) return E(m);
    return ctx_.leader;
  }

  void Visits(const std::vector<Trigger>& trig) {
    for (size_t ti = 0; ti < trig.size(); ++ti) {
      const Trigger& t = trig[ti];
      if (t.kind != TriggerKind::kVisit) continue;
      size_t ce = ClauseEnd(t.e);
      std::vector<Ent> objects;
      // 走进公司… refers back to the company just described.
      if ((StartsAt(text_, t.e, U"公司") || StartsAt(text_, t.e, U"企业")) && ctx_.last_company)
        objects.push_back(*ctx_.last_company);
      for (const Mention* m : In(t.e, ce)) {
        if (m->ref != RefKind::kNone || !IsPlace(m->type)) continue;
        objects.push_back(E(*m));
      }
      // "到洛阳高新区调研", "在中信重工调研": the place stands between a verb of
      // going (or 在) and the visit word.
      if (objects.empty()) {
        size_t cb = ClauseBegin(t.b);
        for (size_t k = t.b; k > cb; --k) {
          char32_t c = text_[k - 1];
          if (c != U'到' && c != U'赴' && c != U'在' && c != U'来' && c != U'临' && c != U'往') continue;
          for (const Mention* m : In(k, t.b))
            if (m->ref == RefKind::kNone && IsPlace(m->type)) objects.push_back(E(*m));
          break;
        }
      }
      if (objects.empty()) continue;
      std::optional<Ent> v = Visitor(t.b, trig);
      if (!v) continue;
      for (const Ent& o : objects) Add(RelationType::kVisited, *v, o);
      if (ctx_.leader && *v == *ctx_.leader)
        for (const Ent& co : ctx_.co_leaders)
          for (const Ent& o : objects) Add(RelationType::kVisited, co, o);
      if (v->type == EntityType::kOfficial || v->type == EntityType::kPark || v->type == EntityType::kOrganization) {
        if (!(ctx_.leader && *v == *ctx_.leader)) ctx_.co_leaders.clear();
        ctx_.leader = v;
      }
      // A route "来到A、B考察": the second verb adds nothing new.
      while (ti + 1 < trig.size() && trig[ti + 1].b < ce && trig[ti + 1].kind == TriggerKind::kVisit) ++ti;
    }
    // A site opened by the sentence during a tour: "在X，林致远一行…" or
    // "X施工工地上，…".
    if (!ms_.empty()) {
      const Mention& first = ms_.front();
      bool opens = first.ref == RefKind::kNone && IsPlace(first.type) &&
                   ((first.begin == 1 && text_[0] == U'在') || first.begin == 0);
      if (opens) {
        size_t ce = ClauseEnd(first.end);
        bool site = first.begin == 1;
        for (size_t k = first.end; k < ce && !site; ++k) {
          int32_t v;
          size_t len = lex_.triggers.LongestAt(text_, k, &v);
          if (len && static_cast<TriggerKind>(v) == TriggerKind::kSite) site = true;
        }
        bool already_visited = false;
        for (const Trigger& t : trig) already_visited |= t.kind == TriggerKind::kVisit && t.b < first.begin;
        if (site && !already_visited && ce < text_.size()) {
          std::optional<Ent> v;
          std::vector<Ent> officials = Of(In(ce, text_.size()), true);
          bool delegation = text_.find(U"一行") != std::u32string::npos;
          if (!officials.empty() && (delegation || ctx_.leader)) v = officials.front();
          else v = ctx_.leader;
          if (v) Add(RelationType::kVisited, *v, E(first));
        }
      }
    }
    // Remember the leader of a delegation: "林致远一行".
    for (const Mention& m : ms_) {
      if (m.type != EntityType::kOfficial || m.ref != RefKind::kNone) continue;
      if (StartsAt(text_, m.end, U"一行") || StartsAt(text_, m.end, U"带队") || StartsAt(text_, m.end, U"率队")) {
        ctx_.leader = E(m);
        ctx_.co_leaders.clear();
      }
      // "市委书记A、区长B带领考察团": both lead the delegation.
      if (StartsAt(text_, m.end, U"带领") || StartsAt(text_, m.end, U"率领")) {
        std::vector<Ent> leaders = Of(In(ClauseBegin(m.begin), m.end), true);
        if (leaders.empty()) continue;
        ctx_.leader = leaders.front();
        ctx_.co_leaders.assign(leaders.begin() + 1, leaders.end());
      }
    }
  }

  // "X一行来园区考察。A，B等陪同考察": the hosts who accompany a delegation
  // meet its leader.
  void Accompaniers() {
    if (!ctx_.leader || ctx_.leader->type != EntityType::kOfficial) return;
    const std::u32string_view text = text_;
    for (size_t k = text.find(U"陪同"); k != std::u32string_view::npos; k = text.find(U"陪同", k + 1)) {
      // 陪同 as the sentence's last verb: "…陪同考察/调研/参观", or alone.
      size_t after = k + 2;
      for (std::u32string_view w : {U"考察", U"调研", U"参观", U"视察", U"检查"})
        if (StartsAt(text_, after, w)) { after += w.size(); break; }
      if (after < text_.size() && IsHan(text_[after])) continue;
      HostsMeetLeader(k);
      return;
    }
  }

  // The officials named before `end` meet the delegation's leader, but not
  // the delegation's own people (a post in a body the leader holds one in).
  void HostsMeetLeader(size_t end) {
    auto bodies_of = [&](const std::string& person) {
      std::unordered_set<std::string> b;
      for (const RelationRecord& r : *out_)
        if (r.type == RelationType::kHoldsPosition && r.head == person) b.insert(r.tail);
      return b;
    };
    const auto own = bodies_of(ctx_.leader->name);
    for (const Ent& h : Of(In(0, end), true)) {
      if (h == *ctx_.leader) continue;
      bool same = false;
      for (const std::string& b : bodies_of(h.name)) same |= own.count(b) > 0;
      if (!same) Add(RelationType::kMetWith, *ctx_.leader, h);
    }
  }

  // The guests of a meeting with no guest named, listed by the next
  // sentence: "包括:A公司董事长B一行,C集团总经理D一行".
  void ListedGuests() {
    if (ctx_.hosts.empty() || ctx_.hosts_sentence + 1 != cur_) return;
    std::vector<Ent> hosts = std::move(ctx_.hosts);
    ctx_.hosts.clear();
    size_t at = 0;
    for (std::u32string_view w : {U"其中包括", U"包括", U"分别是", U"分别为", U"有"})
      if (StartsAt(text_, 0, w)) { at = w.size(); break; }
    if (at == 0 || at >= text_.size() || (text_[at] != U':' && text_[at] != U'：')) return;
    std::vector<Ent> guests = Of(In(at, text_.size()), true);
    for (const Ent& h : hosts)
      for (const Ent& g : guests) Add(RelationType::kMetWith, h, g);
  }

  void Sentence(size_t i) {
    const kgb::Sentence& s = in_.page->sentences[i];
    cur_ = i;
    ms_ = (*in_.mentions)[i];
    text_ = s.text;
    ResolveRefs();
    if (s.headline || s.byline) return;
    Positions();
    PositionsAfterNames();
    ListedGuests();
    for (const PatternMatch& m : MatchRelationPatterns(lex_, s, ms_)) Add(m.type, E(ms_[m.head]), E(ms_[m.tail]));
    auto trig = Triggers();
    Meetings(trig);
    Signings(trig);
    Locations(trig);
    Visits(trig);
    Accompaniers();
    // Remember "A与B" pairs for a later 双方.
    auto pairs = Coordinations(0, text_.size());
    if (!pairs.empty()) ctx_.last_pair = pairs.front();
  }

  const RelateInput& in_;
  const Lexicon& lex_;
  std::vector<RelationRecord>* out_;
  std::vector<EntityRecord>* implied_;
  std::vector<PlaceCount> page_places_, article_places_;
  std::unordered_set<std::string> page_zones_;  // the zones and parks the page names
  std::string article_zone_;                     // see ArticleZone
  Context ctx_;
  size_t cur_ = 0;
  std::vector<Mention> ms_;
  std::u32string_view text_;  // the current sentence's text (the page outlives the pass)
};

}  // namespace

void ExtractRelations(const RelateInput& in, const Lexicon& lex, std::vector<RelationRecord>* out,
                      std::vector<EntityRecord>* implied) {
  Relater(in, lex, out, implied).Run();
}

}  // namespace kgb
