#include "ingest/patterns.h"

#include <algorithm>

#include "ingest/layout.h"
#include "ingest/lexicon.h"
#include "ingest/recognize.h"
#include "util/normalize.h"
#include "util/utf8.h"

namespace kgb {
namespace {

uint32_t Bit(EntityType t) { return 1u << static_cast<unsigned>(t); }

// Whitespace-separated tokens (spaces or tabs).
std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::u32string Literal(std::string_view s) { return Normalizer::Get().Normalize32(s); }

Status Bad(const std::string& what) { return Status::Corrupt(what); }

// One element token: {type:X}, {type}, {title}, (a|b), word; each may end in ?.
Status CompileElement(std::string_view tok, PatternElement* e) {
  std::string shown(tok);
  if (tok.size() > 1 && tok.back() == '?') {
    e->optional = true;
    tok.remove_suffix(1);
  }
  if (tok.empty() || tok == "?") return Bad("empty element \"" + shown + "\"");
  // Brackets only around a whole token: {a}{b} and (a)b are two elements.
  for (size_t i = 0; i < tok.size(); ++i) {
    char c = tok[i];
    bool edge = (i == 0 && (c == '{' || c == '(' || c == '[')) ||
                (i + 1 == tok.size() && (c == '}' || c == ')' || c == ']'));
    if ((c == '{' || c == '}' || c == '(' || c == ')' || c == '[' || c == ']') && !edge)
      return Bad(std::string("stray '") + c + "' in \"" + shown + "\" (separate elements by spaces)");
  }
  if (tok.front() == '{') {
    if (tok.back() != '}') return Bad("unterminated { in \"" + shown + "\"");
    std::string_view body = tok.substr(1, tok.size() - 2);
    std::string_view type = body, cap;
    size_t colon = body.find(':');
    if (colon != std::string_view::npos) {
      type = body.substr(0, colon);
      cap = body.substr(colon + 1);
    }
    if (type == "title") {
      if (!cap.empty() || colon != std::string_view::npos) return Bad("{title} takes no capture");
      e->kind = PatternElement::Kind::kTitle;
      return Status::OK();
    }
    e->kind = PatternElement::Kind::kMention;
    for (std::string_view one : SplitOn(type, '|')) {
      EntityType t;
      if (one == "party") {
        e->types |= Bit(EntityType::kOfficial) | Bit(EntityType::kOrganization) | Bit(EntityType::kPark);
      } else if (ParseEntityType(one, &t)) {
        e->types |= Bit(t);
      } else {
        return Bad("unknown entity type \"" + std::string(one) + "\" in \"" + shown + "\"");
      }
    }
    if (colon != std::string_view::npos) {
      if (cap == "A") e->capture = 0;
      else if (cap == "B") e->capture = 1;
      else return Bad("capture must be A or B in \"" + shown + "\"");
      if (e->optional) return Bad("a captured mention cannot be optional: \"" + shown + "\"");
    }
    return Status::OK();
  }
  if (tok.front() == '[') {
    if (tok.back() != ']' || tok.size() < 2) return Bad("unbalanced [ in \"" + shown + "\"");
    e->kind = PatternElement::Kind::kWord;
    for (std::string_view tag : SplitOn(tok.substr(1, tok.size() - 2), '|')) {
      bool known = false;
      for (int t = 0; t < static_cast<int>(PosTag::kCount); ++t) {
        std::string_view name = PosTagName(static_cast<PosTag>(t));
        known |= !tag.empty() && name.substr(0, tag.size()) == tag;
      }
      if (!known) return Bad("unknown word tag \"" + std::string(tag) + "\" in \"" + shown + "\"");
      e->tags.emplace_back(tag);
    }
    return Status::OK();
  }
  if (tok.front() == '(') {
    if (tok.back() != ')' || tok.size() < 2) return Bad("unbalanced ( in \"" + shown + "\"");
    e->kind = PatternElement::Kind::kLiteral;
    for (std::string_view alt : SplitOn(tok.substr(1, tok.size() - 2), '|')) {
      if (alt.empty()) return Bad("empty alternative in \"" + shown + "\"");
      e->alternatives.push_back(Literal(alt));
    }
    return Status::OK();
  }
  for (char c : {'}', ')', ']', '|', '?'})
    if (tok.find(c) != std::string_view::npos)
      return Bad(std::string("stray '") + c + "' in \"" + shown + "\" (separate elements by spaces)");
  e->kind = PatternElement::Kind::kLiteral;
  e->alternatives.push_back(Literal(tok));
  return Status::OK();
}

struct Matcher {
  const Lexicon& lex;
  std::u32string_view text;
  const std::vector<Word>& words;
  const std::vector<Mention>& mentions;
  const std::vector<int>& start;  // text position -> mention starting there, or -1
  const RelationPattern* p = nullptr;
  size_t caps[2] = {0, 0};

  bool Step(size_t k, size_t pos) {
    if (k == p->elements.size()) return true;
    const PatternElement& e = p->elements[k];
    switch (e.kind) {
      case PatternElement::Kind::kMention: {
        int idx = pos < start.size() ? start[pos] : -1;
        if (idx >= 0 && (e.types & Bit(mentions[idx].type))) {
          size_t saved = e.capture >= 0 ? caps[e.capture] : 0;
          if (e.capture >= 0) caps[e.capture] = static_cast<size_t>(idx);
          if (Step(k + 1, mentions[idx].end)) return true;
          if (e.capture >= 0) caps[e.capture] = saved;
        }
        break;
      }
      case PatternElement::Kind::kTitle: {
        int32_t v;
        size_t len = lex.titles.LongestAt(text, pos, &v);
        if (len > 0 && Step(k + 1, pos + len)) return true;
        break;
      }
      case PatternElement::Kind::kWord: {
        auto w = std::lower_bound(words.begin(), words.end(), pos,
                                  [](const Word& x, size_t p) { return x.begin < p; });
        if (w == words.end() || w->begin != pos) break;
        std::string_view name = PosTagName(w->tag);
        bool ok = false;
        for (const std::string& t : e.tags) ok |= name.substr(0, t.size()) == t;
        if (ok && Step(k + 1, w->end)) return true;
        break;
      }
      case PatternElement::Kind::kLiteral:
        for (const std::u32string& alt : e.alternatives)
          if (text.size() >= pos + alt.size() && text.compare(pos, alt.size(), alt) == 0 &&
              Step(k + 1, pos + alt.size()))
            return true;
        break;
    }
    return e.optional && Step(k + 1, pos);
  }
};

}  // namespace

Status CompileRelationPattern(std::string_view line, RelationPattern* out) {
  auto f = SplitOn(line, '\t');
  if (f.size() != 3) return Bad("expected name<TAB>relation(A,B)<TAB>elements");
  RelationPattern p;
  p.name = std::string(Trim(f[0]));
  if (p.name.empty()) return Bad("missing pattern name");
  std::string_view rel = Trim(f[1]);
  size_t open = rel.find('(');
  if (open == std::string_view::npos || rel.back() != ')')
    return Bad("expected relation(A,B), got \"" + std::string(rel) + "\"");
  if (!ParseRelationType(rel.substr(0, open), &p.type))
    return Bad("unknown relation \"" + std::string(rel.substr(0, open)) + "\"");
  std::string_view args = rel.substr(open + 1, rel.size() - open - 2);
  if (args == "A,B") { p.head = 0; p.tail = 1; }
  else if (args == "B,A") { p.head = 1; p.tail = 0; }
  else return Bad("the relation's arguments must be (A,B) or (B,A), got \"" + std::string(rel) + "\"");
  int seen[2] = {0, 0};
  for (std::string_view tok : Tokens(f[2])) {
    PatternElement e;
    KGB_RETURN_IF_ERROR(CompileElement(tok, &e));
    if (e.capture >= 0) ++seen[e.capture];
    p.elements.push_back(std::move(e));
  }
  if (p.elements.empty()) return Bad("no elements");
  for (int c = 0; c < 2; ++c)
    if (seen[c] != 1)
      return Bad(std::string("capture ") + (c == 0 ? "A" : "B") + (seen[c] ? " appears twice" : " is missing"));
  *out = std::move(p);
  return Status::OK();
}

bool PatternsReadWords(const std::vector<RelationPattern>& patterns) {
  for (const RelationPattern& p : patterns)
    for (const PatternElement& e : p.elements)
      if (e.kind == PatternElement::Kind::kWord) return true;
  return false;
}

std::vector<PatternMatch> MatchRelationPatterns(const std::vector<RelationPattern>& patterns, const Lexicon& lex,
                                                const Sentence& s, const std::vector<Mention>& mentions) {
  std::vector<PatternMatch> out;
  std::u32string_view text = s.text;
  // A match relates two mentions (head != tail): fewer, and none can.
  if (patterns.empty() || mentions.size() < 2) return out;
  std::vector<int> start(text.size() + 1, -1);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.ref == RefKind::kNone && m.begin < m.end && m.end <= text.size() && start[m.begin] < 0)
      start[m.begin] = static_cast<int>(i);
  }
  std::vector<size_t> starts;  // where a mention starts, in order
  for (size_t pos = 0; pos < text.size(); ++pos)
    if (start[pos] >= 0) starts.push_back(pos);
  Matcher mt{lex, text, s.Words(), mentions, start};
  auto try_at = [&](const RelationPattern& p, size_t pos) {
    if (!mt.Step(0, pos)) return;
    PatternMatch r{p.type, mt.caps[p.head], mt.caps[p.tail]};
    if (r.head != r.tail && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  };
  for (const RelationPattern& p : patterns) {
    mt.p = &p;
    // A pattern that opens with a required mention or literal is tried only
    // where one starts.
    const PatternElement* first = p.elements.empty() || p.elements[0].optional ? nullptr : &p.elements[0];
    if (first && first->kind == PatternElement::Kind::kMention) {
      for (size_t pos : starts) try_at(p, pos);
      continue;
    }
    for (size_t pos = 0; pos < text.size(); ++pos) {
      if (first && first->kind == PatternElement::Kind::kLiteral) {
        bool may = false;
        for (const std::u32string& a : first->alternatives) may |= !a.empty() && a[0] == text[pos];
        if (!may) continue;
      }
      try_at(p, pos);
    }
  }
  return out;
}

std::vector<PatternMatch> MatchRelationPatterns(const Lexicon& lex, const Sentence& s,
                                                const std::vector<Mention>& mentions) {
  return MatchRelationPatterns(lex.relation_patterns, lex, s, mentions);
}

}  // namespace kgb
