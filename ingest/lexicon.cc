#include "ingest/lexicon.h"

#include <dirent.h>

#include <algorithm>
#include <mutex>

#include "data/embedded_data.h"
#include "util/normalize.h"
#include "util/file_io.h"
#include "util/utf8.h"

namespace kgb {
namespace {

// Splits `content` into (line number, line) pairs without comments or blanks.
std::vector<std::pair<int, std::string_view>> DataLines(std::string_view content) {
  std::vector<std::pair<int, std::string_view>> out;
  int no = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    ++no;
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    out.emplace_back(no, line);
  }
  return out;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view w : SplitOn(s, ' ')) {
    w = Trim(w);
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

std::u32string N(std::string_view s) { return Normalizer::Get().Normalize32(Trim(s)); }

Status LineError(const std::string& file, int line, const std::string& what) {
  return Status::Corrupt("data/lexicon/" + file + ": line " + std::to_string(line) + ": " + what);
}

}  // namespace

bool Lexicon::IsGeneric(std::u32string_view s) const {
  if (s.empty()) return true;
  // reachable[i]: s[0, i) is a sequence of generic words.
  std::vector<char> reachable(s.size() + 1, 0);
  reachable[0] = 1;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!reachable[i]) continue;
    generic.ForEachPrefix(s, i, [&](size_t len, int32_t) {
      reachable[i + len] = 1;
      return true;
    });
  }
  return reachable[s.size()];
}

Status Lexicon::Parse(const std::string& file, std::string_view content) {
  auto lines = DataLines(content);
  auto sections = [&](auto&& on_word) -> Status {
    std::string section;
    for (auto [no, line] : lines) {
      std::string_view t = Trim(line);
      if (t.front() == '[') {
        if (t.back() != ']') return LineError(file, no, "unterminated section header");
        section = std::string(t.substr(1, t.size() - 2));
        continue;
      }
      if (section.empty()) return LineError(file, no, "entry before any [section]");
      for (std::string_view w : Words(t)) {
        Status s = on_word(section, N(w), no);
        if (!s.ok()) return s;
      }
    }
    return Status::OK();
  };

  if (file == "titles.txt") {
    for (auto [no, line] : lines) {
      std::u32string w = N(line);
      titles.Add(w, static_cast<int32_t>(w.size()));
      titles_ending.Add(w, static_cast<int32_t>(w.size()));
    }
  } else if (file == "title_bodies.txt") {
    for (auto [no, line] : lines) {
      title_bodies.Add(N(line), 1);
      title_bodies_ending.Add(N(line), 1);
    }
  } else if (file == "surnames.txt") {
    for (auto [no, line] : lines)
      for (std::string_view w : Words(line)) {
        std::u32string s = N(w);
        surnames.Add(s, static_cast<int32_t>(s.size()));
      }
  } else if (file == "name_context.txt") {
    return sections([&](const std::string& sec, const std::u32string& w, int no) -> Status {
      if (sec == "ambiguous") {
        if (w.size() != 1) return LineError(file, no, "expected single characters in [ambiguous]");
        ambiguous_surnames.insert(w[0]);
      } else if (sec == "not_name") {
        not_names.Add(w, 1);
      } else if (sec == "not_given" || sec == "stop_char") {
        if (w.size() != 1) return LineError(file, no, "expected single characters in [" + sec + "]");
        (sec == "not_given" ? not_given : stop_chars).insert(w[0]);
      } else if (sec == "after") {
        after_words.Add(w, 1);
      } else if (sec == "byline") {
        byline_words.Add(w, 1);
      } else {
        return LineError(file, no, "unknown section [" + sec + "]");
      }
      return Status::OK();
    });
  } else if (file == "entity_suffixes.tsv") {
    for (auto [no, line] : lines) {
      auto f = SplitOn(line, '\t');
      if (f.size() != 3) return LineError(file, no, "expected suffix<TAB>type<TAB>rule");
      SuffixInfo info;
      if (!ParseEntityType(Trim(f[1]), &info.type)) return LineError(file, no, "unknown type");
      std::string_view rule = Trim(f[2]);
      if (rule == "place") info.rule = SuffixRule::kPlace;
      else if (rule == "name") info.rule = SuffixRule::kName;
      else if (rule == "any") info.rule = SuffixRule::kAny;
      else if (rule == "zone") info.rule = SuffixRule::kZone;
      else return LineError(file, no, "unknown rule \"" + std::string(rule) + "\"");
      std::u32string w = N(f[0]);
      info.length = w.size();
      suffixes.Add(w, static_cast<int32_t>(suffix_info.size()));
      suffix_info.push_back(info);
    }
  } else if (file == "suffix_stop.txt") {
    return sections([&](const std::string& sec, const std::u32string& w, int no) -> Status {
      if (sec == "ends") stop_ends.Add(w, 1);
      else if (sec == "exact") stop_exact.insert(w);
      else return LineError(file, no, "unknown section [" + sec + "]");
      return Status::OK();
    });
  } else if (file == "boundaries.txt") {
    return sections([&](const std::string& sec, const std::u32string& w, int no) -> Status {
      if (sec == "name_verb") {
        name_verbs.insert(w);
        return Status::OK();
      }
      if (sec != "inner") boundaries_fwd.Add(w, 1);
      if (sec == "all") boundaries.Add(w, 0);
      else if (sec == "conj") boundaries.Add(w, 1);
      else if (sec == "noun") boundaries.Add(w, 2);
      else if (sec == "inner") inner_words.Add(w, 1);
      else if (sec == "follow") {}
      else return LineError(file, no, "unknown section [" + sec + "]");
      return Status::OK();
    });
  } else if (file == "generic_prefixes.txt") {
    return sections([&](const std::string& sec, const std::u32string& w, int no) -> Status {
      if (sec == "generic") generic.Add(w, 1);
      else if (sec == "determiner") determiners.Add(w, 1);
      else return LineError(file, no, "unknown section [" + sec + "]");
      return Status::OK();
    });
  } else if (file == "triggers.tsv") {
    static const std::pair<const char*, TriggerKind> kKinds[] = {
        {"meet", TriggerKind::kMeet},       {"sign", TriggerKind::kSign},   {"agreement", TriggerKind::kAgreement},
        {"locate", TriggerKind::kLocate},   {"settle", TriggerKind::kSettle}, {"host", TriggerKind::kHost},
        {"visit", TriggerKind::kVisit},     {"site", TriggerKind::kSite},   {"delegation", TriggerKind::kDelegation}};
    for (auto [no, line] : lines) {
      auto f = SplitOn(line, '\t');
      if (f.size() != 2) return LineError(file, no, "expected word<TAB>kind");
      int kind = -1;
      for (auto [name, k] : kKinds)
        if (Trim(f[1]) == name) kind = static_cast<int>(k);
      if (kind < 0) return LineError(file, no, "unknown trigger kind \"" + std::string(Trim(f[1])) + "\"");
      triggers.Add(N(f[0]), kind);
    }
  } else if (file == "layout.tsv") {
    for (auto [no, line] : lines) {
      auto f = SplitOn(line, '\t');
      if (f.size() != 2) return LineError(file, no, "expected marker<TAB>kind");
      std::string_view k = Trim(f[1]);
      LayoutKind kind;
      if (k == "article") kind = LayoutKind::kArticle;
      else if (k == "byline") kind = LayoutKind::kByline;
      else if (k == "drop") kind = LayoutKind::kDrop;
      else if (k == "meta") kind = LayoutKind::kMeta;
      else return LineError(file, no, "unknown layout kind \"" + std::string(k) + "\"");
      // Markers keep inner spaces ("大 中 小"): normalize without trimming them.
      layout_markers.emplace_back(Normalizer::Get().Normalize32(f[0]), kind);
    }
  } else if (file == "national_bodies.tsv") {
    for (auto [no, line] : lines) {
      auto f = SplitOn(line, '\t');
      if (f.size() < 2) return LineError(file, no, "expected name<TAB>type<TAB>aliases");
      NationalBody b;
      b.name = ToUtf8(N(f[0]));
      if (!ParseEntityType(Trim(f[1]), &b.type)) return LineError(file, no, "unknown type");
      if (f.size() > 2)
        for (std::string_view a : SplitOn(f[2], '|'))
          if (!Trim(a).empty()) b.aliases.push_back(ToUtf8(N(a)));
      int32_t id = static_cast<int32_t>(national_bodies.size());
      national.Add(N(b.name), id);
      for (const std::string& a : b.aliases) national.Add(ToUtf32(a), id);
      national_bodies.push_back(std::move(b));
    }
  } else if (file == "relation_patterns.txt") {
    for (auto [no, line] : lines) {
      RelationPattern p;
      Status s = CompileRelationPattern(line, &p);
      if (!s.ok()) return LineError(file, no, s.message());
      relation_patterns.push_back(std::move(p));
    }
  } else if (file == "divisions.tsv" || file == "location_stop.txt") {
    return Status::OK();  // read together below
  } else {
    return Status::OK();  // README and other documentation
  }
  return Status::OK();
}

namespace {

Status BuildPlaces(std::string_view divisions, std::string_view stop, Lexicon* lex) {
  std::unordered_set<std::u32string> stopped;
  for (auto [no, line] : DataLines(stop)) stopped.insert(N(line));
  std::vector<std::pair<std::u32string, PlaceInfo>> shorts;
  const auto lines = DataLines(divisions);
  // About two edges per name (its characters past the first; full names
  // share little): the edge table is sized once rather than regrown.
  lex->places.Reserve(lines.size() * 2);
  lex->place_info.reserve(lines.size() + lines.size() / 8);
  for (auto [no, line] : lines) {
    auto f = SplitOn(line, '\t');
    if (f.size() < 2) return LineError("divisions.tsv", no, "expected name<TAB>level<TAB>short<TAB>parent");
    PlaceInfo info;
    std::string_view lv = Trim(f[1]);
    if (lv == "province") info.level = PlaceLevel::kProvince;
    else if (lv == "city") info.level = PlaceLevel::kCity;
    else if (lv == "county") info.level = PlaceLevel::kCounty;
    else if (lv == "township") info.level = PlaceLevel::kTownship;
    else return LineError("divisions.tsv", no, "unknown level \"" + std::string(lv) + "\"");
    std::u32string name = N(f[0]);
    if (stopped.count(name)) continue;
    info.name = ToUtf8(name);
    info.is_short = false;
    if (f.size() > 2) info.short_form = std::string(Trim(f[2]));
    if (f.size() > 3) info.parent = std::string(Trim(f[3]));
    lex->places.Add(name, static_cast<int32_t>(lex->place_info.size()));
    lex->place_info.push_back(info);
    // A county of three characters is also called by its first two (玉山县 ->
    // 玉山); such a name is weak: many are ordinary words too.
    if (info.level == PlaceLevel::kCounty && name.size() == 3 && name.back() == U'县' &&
        (f.size() <= 2 || Trim(f[2]).empty())) {
      std::u32string s = name.substr(0, 2);
      if (!stopped.count(s)) {
        PlaceInfo si = info;
        si.is_short = true;
        si.weak = true;
        shorts.emplace_back(s, si);
      }
    }
    if (f.size() > 2 && !Trim(f[2]).empty()) {
      std::u32string s = N(f[2]);
      if (s.size() >= 2 && !stopped.count(s)) {
        PlaceInfo si = info;
        si.is_short = true;
        shorts.emplace_back(s, si);
      }
    }
  }
  // Full names first, so a short form never shadows a full name.
  for (auto& [s, info] : shorts) {
    if (lex->places.Find(s) >= 0) continue;
    lex->places.Add(s, static_cast<int32_t>(lex->place_info.size()));
    lex->place_info.push_back(info);
  }
  return Status::OK();
}

template <typename GetFile>
Status LoadAll(const std::vector<std::string>& names, GetFile get, std::shared_ptr<const Lexicon>* out) {
  auto lex = std::make_shared<Lexicon>();
  std::string divisions, stop;
  for (const std::string& name : names) {
    std::string content;
    KGB_RETURN_IF_ERROR(get(name, &content));
    if (name == "divisions.tsv") divisions = content;
    if (name == "location_stop.txt") stop = content;
    KGB_RETURN_IF_ERROR(lex->Parse(name, content));
  }
  KGB_RETURN_IF_ERROR(BuildPlaces(divisions, stop, lex.get()));
  if (lex->titles.size() == 0 || lex->suffix_info.empty() || lex->place_info.empty())
    return Status::Corrupt("lexicon is incomplete: titles, suffixes and divisions are required");
  *out = std::move(lex);
  return Status::OK();
}

}  // namespace

std::shared_ptr<const Lexicon> Lexicon::Embedded(Status* status) {
  static std::once_flag once;
  static std::shared_ptr<const Lexicon> lex;
  static Status load_status;
  std::call_once(once, [] {
    std::vector<std::string> names;
    for (const EmbeddedFile& f : EmbeddedFiles()) names.emplace_back(f.name);
    load_status = LoadAll(
        names,
        [](const std::string& name, std::string* content) {
          for (const EmbeddedFile& f : EmbeddedFiles())
            if (f.name == name) content->assign(f.content.data(), f.content.size());
          return Status::OK();
        },
        &lex);
  });
  *status = load_status;
  return lex;
}

Status Lexicon::LoadDir(const std::string& dir, std::shared_ptr<const Lexicon>* out) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return Status::NotFound(dir + ": cannot open lexicon folder");
  std::vector<std::string> names;
  while (dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n.size() > 4 && (n.substr(n.size() - 4) == ".txt" || n.substr(n.size() - 4) == ".tsv")) names.push_back(n);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return LoadAll(
      names, [&](const std::string& name, std::string* content) { return ReadFile(dir + "/" + name, content); },
      out);
}

}  // namespace kgb
