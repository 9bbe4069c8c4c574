#include "query/names.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "util/normalize.h"
#include "util/pinyin.h"
#include "util/utf8.h"

namespace kgb {

// ---------------------------------------------------------------------------
// NameNormalizer

// The character mapping is ingest's (util/normalize.h: NFKC, Traditional to
// Simplified, zero-width characters removed); names add case and space folding.
struct NameNormalizer::Impl {
  std::unordered_map<char32_t, std::string> memo;

  // Lower-case ASCII, drop white space.
  static void AppendFolded(std::string_view s, std::string* out) {
    for (size_t i = 0; i < s.size();) {
      size_t len;
      char32_t c = DecodeUtf8(s, i, &len);
      if (c < 0x80) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
          out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      } else if (c != 0x3000 && c != 0x00A0) {
        out->append(s.substr(i, len));
      }
      i += len;
    }
  }

  const std::string& Map(char32_t cp) {
    auto it = memo.find(cp);
    if (it != memo.end()) return it->second;
    std::u32string mapped;
    Normalizer::Get().Append(cp, &mapped);
    std::string out;
    AppendFolded(ToUtf8(mapped), &out);
    return memo.emplace(cp, std::move(out)).first->second;
  }
};

NameNormalizer::NameNormalizer() : impl_(std::make_unique<Impl>()) {}
NameNormalizer::~NameNormalizer() = default;

std::string NameNormalizer::Key(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    size_t len;
    char32_t c = DecodeUtf8(utf8, i, &len);
    i += len;
    if (c < 0x80) {
      Impl::AppendFolded(std::string_view(utf8.data() + i - len, len), &out);
    } else {
      out += impl_->Map(c);
    }
  }
  return out;
}

std::string PinyinQueryKey(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c >= 'a' && c <= 'z') {
      out.push_back(c);
    } else if (c != ' ' && c != '\'') {
      return "";
    }
  }
  return out.size() >= 2 ? out : "";
}

const char* MatchKindName(MatchKind k) {
  switch (k) {
    case MatchKind::kLabel: return "label";
    case MatchKind::kAlias: return "alias";
    case MatchKind::kId: return "id";
    case MatchKind::kNormalized: return "normalized";
    case MatchKind::kPinyin: return "pinyin";
    case MatchKind::kPartial: return "partial";
  }
  return "?";
}

// ---------------------------------------------------------------------------
// NameIndex

namespace {

// Splits "TYPE:NAME" (ASCII or full-width colon) when TYPE is an entity type.
bool SplitTypePrefix(const std::string& name, EntityType* type, std::string* rest) {
  for (std::string_view colon : {std::string_view(":"), std::string_view("\xEF\xBC\x9A")}) {
    size_t p = name.find(colon);
    if (p == std::string::npos || p == 0) continue;
    if (ParseEntityType(name.substr(0, p), type)) {
      *rest = std::string(Trim(name.substr(p + colon.size())));
      return true;
    }
  }
  return false;
}

// Levenshtein distance, or limit + 1 once it is certain to exceed `limit`.
size_t EditDistance(const std::u32string& a, const std::u32string& b, size_t limit) {
  size_t la = a.size(), lb = b.size();
  if ((la > lb ? la - lb : lb - la) > limit) return limit + 1;
  std::vector<size_t> prev(lb + 1), cur(lb + 1);
  for (size_t j = 0; j <= lb; ++j) prev[j] = j;
  for (size_t i = 1; i <= la; ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= lb; ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return prev[lb];
}

}  // namespace

NameIndex::NameIndex(const KnowledgeGraph& graph) : graph_(graph) {}
NameIndex::~NameIndex() = default;

const std::string& NameIndex::NameOf(const Entry& e) const {
  const Node& n = graph_.node(e.vertex);
  return e.alias < 0 ? n.label : n.aliases[e.alias];
}

void NameIndex::BuildEntries() {
  if (entries_built_) return;
  entries_built_ = true;
  entries_.reserve(graph_.num_nodes());
  for (Vertex v = 0; v < graph_.num_nodes(); ++v) {
    const Node& n = graph_.node(v);
    entries_.push_back({v, -1, normalizer_.Key(n.label), ""});
    for (size_t a = 0; a < n.aliases.size(); ++a)
      entries_.push_back({v, static_cast<int>(a), normalizer_.Key(n.aliases[a]), ""});
  }
}

void NameIndex::BuildPinyin() {
  BuildEntries();
  if (pinyin_built_) return;
  pinyin_built_ = true;
  for (Entry& e : entries_) {
    const std::string& name = NameOf(e);
    bool han = false;
    for (size_t i = 0; i < name.size() && !han;) {
      size_t len;
      han = IsHan(DecodeUtf8(name, i, &len));
      i += len;
    }
    if (han) e.pinyin = CompactPinyin(name);
  }
}

std::string NameIndex::CompactPinyin(std::string_view name) { return pinyin_cache_.Compact(name); }

std::vector<NameMatch> NameIndex::Candidates(const std::string& raw) {
  std::string name(Trim(raw));
  EntityType type = EntityType::kOfficial;
  bool typed = SplitTypePrefix(name, &type, &name);
  if (name.empty()) return {};
  auto keep = [&](Vertex v) { return !typed || graph_.node(v).type == type; };

  // 1, 2: exact label, then exact alias.
  std::vector<NameMatch> labels, aliases;
  for (Vertex v : graph_.FindByName(name)) {
    if (!keep(v)) continue;
    (graph_.node(v).label == name ? labels : aliases).push_back({v, graph_.node(v).label == name ? MatchKind::kLabel : MatchKind::kAlias, name});
  }
  if (!labels.empty()) return labels;
  if (!aliases.empty()) return aliases;

  // 3: node id.
  if (auto v = graph_.FindById(name); v && keep(*v)) return {{*v, MatchKind::kId, name}};

  // The remaining steps scan the normalized names; collect one match per
  // entity, in node order.
  BuildEntries();
  auto collect = [&](MatchKind kind, auto pred) {
    std::vector<NameMatch> out;
    for (const Entry& e : entries_) {
      if (!keep(e.vertex) || !pred(e)) continue;
      if (!out.empty() && out.back().vertex == e.vertex) continue;
      out.push_back({e.vertex, kind, NameOf(e)});
    }
    return out;
  };

  // 4: normalization-insensitive.
  std::string key = normalizer_.Key(name);
  if (key.empty()) return {};
  std::vector<NameMatch> found = collect(MatchKind::kNormalized, [&](const Entry& e) { return e.key == key; });
  if (!found.empty()) return found;

  // 5: pinyin.
  std::string py = PinyinQueryKey(name);
  if (!py.empty()) {
    BuildPinyin();
    found = collect(MatchKind::kPinyin, [&](const Entry& e) { return e.pinyin == py; });
    if (!found.empty()) return found;
  }

  // 6: part of a name.
  if (CountChars(key) >= 2)
    found = collect(MatchKind::kPartial, [&](const Entry& e) { return e.key.find(key) != std::string::npos; });
  return found;
}

std::string NameIndex::Describe(Vertex v) const {
  const Node& n = graph_.node(v);
  return n.label + " (" + n.id + ", " + EntityTypeName(n.type) + ")";
}

Status NameIndex::Resolve(const std::string& name, NameMatch* out) {
  if (Trim(name).empty()) return Status::InvalidArgument("empty entity name");
  std::vector<NameMatch> found = Candidates(name);
  if (found.size() == 1) {
    *out = found[0];
    return Status::OK();
  }
  if (found.empty()) {
    std::string msg = "no entity named \"" + name + "\"";
    std::vector<Vertex> near = Suggest(name, 5);
    if (!near.empty()) {
      msg += "; closest:";
      for (Vertex v : near) msg += "\n  " + Describe(v);
    }
    return Status::NotFound(msg);
  }
  std::string msg = "\"" + name + "\" is ambiguous: " + std::to_string(found.size()) + " entities match by " +
                    MatchKindName(found[0].kind) + ":";
  const size_t kShown = 20;
  for (size_t i = 0; i < found.size() && i < kShown; ++i) {
    msg += "\n  " + Describe(found[i].vertex);
    if (found[i].matched != graph_.node(found[i].vertex).label) msg += " as " + found[i].matched;
  }
  if (found.size() > kShown) msg += "\n  ... and " + std::to_string(found.size() - kShown) + " more";
  const Node& first = graph_.node(found[0].vertex);
  bool mixed_types = false;
  for (const NameMatch& m : found) mixed_types |= graph_.node(m.vertex).type != first.type;
  msg += "\nname one by its id (" + first.id + ")";
  if (mixed_types) msg += std::string(" or with a type prefix (") + EntityTypeName(first.type) + ":" + std::string(Trim(name)) + ")";
  return Status::NotFound(msg);
}

std::vector<SearchHit> NameIndex::Search(const std::string& text) {
  BuildEntries();
  std::string key = normalizer_.Key(text);
  std::string py = PinyinQueryKey(text);
  if (!py.empty()) BuildPinyin();
  std::vector<SearchHit> best(graph_.num_nodes());
  std::vector<bool> hit(graph_.num_nodes(), false);
  auto rank = [](const SearchHit& h) { return std::make_tuple(h.quality, static_cast<int>(h.kind)); };
  auto offer = [&](const SearchHit& h) {
    if (!hit[h.vertex] || rank(h) < rank(best[h.vertex])) {
      best[h.vertex] = h;
      hit[h.vertex] = true;
    }
  };
  for (const Entry& e : entries_) {
    if (!key.empty()) {
      size_t p = e.key.find(key);
      if (p != std::string::npos) {
        int q = e.key.size() == key.size() ? 0 : p == 0 ? 1 : 2;
        offer({e.vertex, e.alias < 0 ? MatchKind::kLabel : MatchKind::kAlias, NameOf(e), q});
      }
    }
    if (!py.empty() && !e.pinyin.empty()) {
      size_t p = e.pinyin.find(py);
      if (p != std::string::npos) {
        int q = e.pinyin.size() == py.size() ? 0 : p == 0 ? 1 : 2;
        offer({e.vertex, MatchKind::kPinyin, NameOf(e), q});
      }
    }
  }
  std::vector<SearchHit> out;
  for (Vertex v = 0; v < best.size(); ++v)
    if (hit[v]) out.push_back(best[v]);
  std::stable_sort(out.begin(), out.end(), [&](const SearchHit& a, const SearchHit& b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return graph_.node(a.vertex).mentions > graph_.node(b.vertex).mentions;
  });
  return out;
}

std::vector<Vertex> NameIndex::Suggest(const std::string& name, size_t k) {
  BuildEntries();
  std::string py = PinyinQueryKey(name);
  std::u32string q;
  if (!py.empty()) {
    BuildPinyin();
    q = ToUtf32(py);
  } else {
    EntityType type;
    std::string rest = name;
    SplitTypePrefix(name, &type, &rest);
    q = ToUtf32(normalizer_.Key(rest));
  }
  if (q.empty()) return {};
  const size_t limit = std::max<size_t>(1, q.size() / 3);
  std::vector<std::pair<size_t, Vertex>> scored;
  size_t best_for_vertex = limit + 1;
  Vertex current = static_cast<Vertex>(-1);
  auto flush = [&]() {
    if (current != static_cast<Vertex>(-1) && best_for_vertex <= limit) scored.push_back({best_for_vertex, current});
  };
  for (const Entry& e : entries_) {
    if (e.vertex != current) {
      flush();
      current = e.vertex;
      best_for_vertex = limit + 1;
    }
    const std::string& target = py.empty() ? e.key : e.pinyin;
    if (target.empty()) continue;
    best_for_vertex = std::min(best_for_vertex, EditDistance(q, ToUtf32(target), limit));
  }
  flush();
  std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    uint64_t ma = graph_.node(a.second).mentions, mb = graph_.node(b.second).mentions;
    if (ma != mb) return ma > mb;
    return a.second < b.second;
  });
  std::vector<Vertex> out;
  for (size_t i = 0; i < scored.size() && i < k; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace kgb
