// kgb query on the hand-written fixture tests/fixtures/query_graph.json
// (invented names). The fixture, drawn:
//
//   王小明 n0 --met_with-- 李大伟 n1 --met_with-- 陈静 n3 --holds_position-> 星河科技有限公司 n5
//   王小明 n0 --holds_position-> 青山高新区 n10 <-signed_agreement-- 星河科技有限公司 n5
//   李大伟 n1 --holds_position-> 蓝湾投资集团有限公司 n6;  李大伟 n1 --visited-> 星河科技有限公司 n5
//   星河数据中心项目 n12 --located_in-> 青山高新区 n10 --located_in-> 青山市 n13 --located_in-> 东川省 n14
//   王小明 n0 --visited-> 云溪产业园 n11 <-located_in-- K9机器人公司 n7 <-holds_position-- 李大卫 n2
//   周海 n4 --holds_position-> 北湖公司 n9          孤岛研究所 n8 (isolated)
//
// Aliases: 星河科技 (n5), 蓝湾投资 (n6), 青山 (n10 and n13), 青山高新技术产业开发区
// (n10), 东川 (n14). 李大伟 and 李大卫 share the pinyin "li da wei".
#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "graph/json_io.h"
#include "query/query.h"
#include "test_paths.h"
#include "util/utf8.h"

namespace kgb {
namespace {

const KnowledgeGraph& Fixture() {
  static const KnowledgeGraph* g = [] {
    auto* kg = new KnowledgeGraph();
    Status s = LoadGraphFile(std::string(KGB_FIXTURES_DIR) + "/query_graph.json", GraphReadOptions(), kg);
    if (!s.ok()) FAIL(s.ToString());
    return kg;
  }();
  return *g;
}

Vertex V(const char* id) {
  auto v = Fixture().FindById(id);
  REQUIRE(v);
  return *v;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

// Runs "COMMAND ARGS..." (split on spaces) against the fixture.
Status Query(const std::string& line, Result* out) {
  QueryRequest req;
  KGB_RETURN_IF_ERROR(ParseQueryArgs(Split(line), &req));
  QueryEngine engine(Fixture());
  return engine.Run(req, out);
}

Result MustQuery(const std::string& line) {
  Result r;
  Status s = Query(line, &r);
  INFO(line << ": " << s.ToString());
  REQUIRE(s.ok());
  return r;
}

// The texts of one column.
std::vector<std::string> Col(const Result& r, const char* name) {
  int c = r.Column(name);
  REQUIRE(c >= 0);
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(row[c].Text());
  return out;
}

std::string Info(const Result& r, const char* key) {
  for (const auto& [k, v] : r.info)
    if (k == key) return v.Text();
  FAIL("no info key " << key);
  return "";
}

// ---------------------------------------------------------------------------
// Name resolution

TEST_CASE("names resolve through label, alias, id, normalization, pinyin, part", "[query][names]") {
  struct Case {
    const char* name;
    const char* id;
    MatchKind kind;
  };
  const Case cases[] = {
      {"王小明", "n0", MatchKind::kLabel},
      {" 王小明 ", "n0", MatchKind::kLabel},
      {"星河科技", "n5", MatchKind::kAlias},
      {"青山高新技术产业开发区", "n10", MatchKind::kAlias},
      {"park:青山", "n10", MatchKind::kAlias},
      {"location:青山", "n13", MatchKind::kAlias},
      {"n7", "n7", MatchKind::kId},
      {"陳靜", "n3", MatchKind::kNormalized},                 // Traditional
      {"青山高新區", "n10", MatchKind::kNormalized},          // Traditional
      {"\xEF\xBC\xAB\xEF\xBC\x99机器人公司", "n7", MatchKind::kNormalized},  // full-width Ｋ９
      {"k9机器人公司", "n7", MatchKind::kNormalized},         // case
      {"王 小明", "n0", MatchKind::kNormalized},              // inner space
      {"wangxiaoming", "n0", MatchKind::kPinyin},
      {"Wang Xiao Ming", "n0", MatchKind::kPinyin},
      {"chen jing", "n3", MatchKind::kPinyin},
      {"official:chenjing", "n3", MatchKind::kPinyin},
      {"蓝湾", "n6", MatchKind::kPartial},
      {"数据中心", "n12", MatchKind::kPartial},
      {"孤岛", "n8", MatchKind::kPartial},
  };
  NameIndex names(Fixture());
  for (const Case& c : cases) {
    INFO(c.name);
    NameMatch m;
    Status s = names.Resolve(c.name, &m);
    REQUIRE(s.ok());
    CHECK(Fixture().node(m.vertex).id == c.id);
    CHECK(MatchKindName(m.kind) == std::string(MatchKindName(c.kind)));
  }
}

TEST_CASE("ambiguous and unknown names fail with candidates or suggestions", "[query][names]") {
  struct Case {
    const char* name;
    size_t candidates;              // entities of the deciding step
    std::vector<const char*> said;  // words the error message must contain
  };
  const Case cases[] = {
      {"青山", 2, {"ambiguous", "青山高新区 (n10, park)", "青山市 (n13, location)", "park:青山"}},
      {"lidawei", 2, {"ambiguous", "李大伟 (n1, official)", "李大卫 (n2, official)", "pinyin"}},
      {"星河", 2, {"ambiguous", "星河科技有限公司", "星河数据中心项目", "partial"}},
      {"不存在的人", 0, {"no entity named \"不存在的人\""}},
      {"王小名", 0, {"no entity named", "王小明 (n0, official)"}},
      {"wangxiaomin", 0, {"no entity named", "王小明 (n0, official)"}},
      {"official:青山", 0, {"no entity named"}},
      {"王", 0, {"no entity named"}},  // one character is too short for a partial match
  };
  NameIndex names(Fixture());
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(names.Candidates(c.name).size() == c.candidates);
    NameMatch m;
    Status s = names.Resolve(c.name, &m);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == Status::Code::kNotFound);
    for (const char* w : c.said) CHECK_THAT(s.message(), Catch::Contains(w));
  }
  NameMatch m;
  CHECK(names.Resolve("  ", &m).code() == Status::Code::kInvalidArgument);
}

TEST_CASE("the name key folds width, script, case and spaces", "[query][names]") {
  NameNormalizer n;
  CHECK(n.Key("鄭州高新區") == "郑州高新区");
  CHECK(n.Key("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 12") == "abc12");  // ＡＢＣ 12
  CHECK(n.Key("Ab\xE3\x80\x80" "c") == "abc");                         // ideographic space
  CHECK(n.Key("林致远") == "林致远");
  CHECK(PinyinQueryKey("Lin Zhi'yuan") == "linzhiyuan");
  CHECK(PinyinQueryKey("k9").empty());
  CHECK(PinyinQueryKey("g").empty());
  CHECK(PinyinQueryKey("郭").empty());
}

// ---------------------------------------------------------------------------
// Commands

TEST_CASE("neighbors: relation, type and depth filters", "[query][neighbors]") {
  struct Case {
    const char* line;
    std::vector<std::string> neighbors;  // column "neighbor", in row order
    std::vector<std::string> depths;
  };
  const Case cases[] = {
      {"neighbors 王小明", {"青山高新区", "李大伟", "云溪产业园"}, {"1", "1", "1"}},
      {"neighbors 王小明 --rel met_with", {"李大伟"}, {"1"}},
      {"neighbors 王小明 --rel met_with --depth 2", {"李大伟", "陈静"}, {"1", "2"}},
      {"neighbors 王小明 --type park", {"青山高新区", "云溪产业园"}, {"1", "1"}},
      {"neighbors 王小明 --depth 3 --type official", {"李大伟", "陈静", "李大卫"}, {"1", "2", "3"}},
      {"neighbors 青山高新区 --rel located_in --depth 5", {"星河数据中心项目", "青山市", "东川省"}, {"1", "1", "2"}},
      {"neighbors 孤岛研究所 --depth 4", {}, {}},
      {"neighbors 星河科技 --rel located_in", {}, {}},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    Result r = MustQuery(c.line);
    CHECK(Col(r, "neighbor") == c.neighbors);
    CHECK(Col(r, "depth") == c.depths);
  }
}

TEST_CASE("neighbors lists every parallel edge and reads direction from the entity", "[query][neighbors]") {
  Result r = MustQuery("neighbors 李大伟");
  // relation order, then node order
  CHECK(Col(r, "relation") ==
        std::vector<std::string>{"holds_position", "met_with", "met_with", "visited"});
  CHECK(Col(r, "neighbor") ==
        std::vector<std::string>{"蓝湾投资集团有限公司", "王小明", "陈静", "星河科技有限公司"});
  CHECK(Col(r, "dir") == std::vector<std::string>{"->", "--", "--", "->"});
  Result in = MustQuery("neighbors 青山高新区 --rel holds_position");
  CHECK(Col(in, "dir") == std::vector<std::string>{"<-"});
  CHECK(Info(in, "entity") == "青山高新区");
}

TEST_CASE("path: shortest paths, filters and all paths", "[query][path]") {
  struct Case {
    const char* line;
    int length;
    size_t paths;
    std::vector<std::string> hops;  // "from relation to" per row
  };
  const Case cases[] = {
      {"path 王小明 东川省", 3, 1,
       {"王小明 holds_position 青山高新区", "青山高新区 located_in 青山市", "青山市 located_in 东川省"}},
      {"path 东川 王小明", 3, 1,
       {"东川省 located_in 青山市", "青山市 located_in 青山高新区", "青山高新区 holds_position 王小明"}},
      {"path 王小明 陈静 --rel met_with", 2, 1, {"王小明 met_with 李大伟", "李大伟 met_with 陈静"}},
      {"path 王小明 陈静 --rel holds_position", -1, 0, {}},
      {"path 王小明 孤岛研究所", -1, 0, {}},
      {"path 王小明 王小明", 0, 1, {}},
      {"path 王小明 星河科技", 2, 1, {"王小明 met_with 李大伟", "李大伟 visited 星河科技有限公司"}},
      {"path 王小明 星河科技 --all", 2, 2,
       {"王小明 met_with 李大伟", "李大伟 visited 星河科技有限公司", "王小明 holds_position 青山高新区",
        "青山高新区 signed_agreement 星河科技有限公司"}},
      {"path 李大卫 陈静", 5, 1,
       {"李大卫 holds_position K9机器人公司", "K9机器人公司 located_in 云溪产业园", "云溪产业园 visited 王小明",
        "王小明 met_with 李大伟", "李大伟 met_with 陈静"}},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    Result r = MustQuery(c.line);
    CHECK(Info(r, "length") == std::to_string(c.length));
    CHECK(Info(r, "paths") == std::to_string(c.paths));
    std::vector<std::string> hops;
    for (size_t i = 0; i < r.rows.size(); ++i)
      hops.push_back(Col(r, "from")[i] + " " + Col(r, "relation")[i] + " " + Col(r, "to")[i]);
    CHECK(hops == c.hops);
  }
}

TEST_CASE("path hops carry one evidence sentence and the step numbering", "[query][path]") {
  Result r = MustQuery("path 王小明 星河科技 --all");
  CHECK(Col(r, "path") == std::vector<std::string>{"1", "1", "2", "2"});
  CHECK(Col(r, "step") == std::vector<std::string>{"1", "2", "1", "2"});
  CHECK(Col(r, "doc") == std::vector<std::string>{"a.txt", "b.txt", "a.txt", "c.txt"});
  CHECK(Col(r, "sentence")[3] == "星河科技有限公司与青山高新区签署战略合作协议。");
  CHECK(Col(r, "dir") == std::vector<std::string>{"--", "->", "->", "--"});
}

TEST_CASE("views: BFS depth bound and path enumeration cap", "[query][views]") {
  TraversalView view(Fixture());
  std::vector<uint32_t> dist, parent;
  view.Bfs(V("n14"), kAllRelations, 2, &dist, &parent);
  CHECK(dist[V("n14")] == 0);
  CHECK(dist[V("n13")] == 1);
  CHECK(dist[V("n10")] == 2);
  CHECK(parent[V("n10")] == V("n13"));
  CHECK(dist[V("n0")] == kUnreached);  // three hops away
  CHECK(dist[V("n8")] == kUnreached);
  bool truncated = true;
  auto paths = view.ShortestPaths(V("n0"), V("n5"), kAllRelations, true, 1, &truncated);
  CHECK(paths.size() == 1);
  CHECK(truncated);
  paths = view.ShortestPaths(V("n0"), V("n5"), kAllRelations, true, 10, &truncated);
  CHECK(paths.size() == 2);
  CHECK_FALSE(truncated);
  CHECK(view.EdgesBetween(V("n5"), V("n10"), kAllRelations).size() == 1);
  CHECK(view.EdgesBetween(V("n5"), V("n10"), RelationBit(RelationType::kMetWith)).empty());
}

TEST_CASE("entity: facts and one row per evidence", "[query][entity]") {
  Result r = MustQuery("entity 王小明");
  CHECK(Info(r, "id") == "n0");
  CHECK(Info(r, "type") == "official");
  CHECK(Info(r, "mentions") == "5");
  CHECK(Info(r, "first_seen") == "2021-03-02");
  CHECK(Info(r, "degree") == "3");
  // holds_position 青山高新区, met_with 李大伟 twice (two sentences), visited 云溪产业园
  CHECK(Col(r, "other") == std::vector<std::string>{"青山高新区", "李大伟", "李大伟", "云溪产业园"});
  CHECK(Col(r, "doc") == std::vector<std::string>{"a.txt", "a.txt", "b.txt", "d.txt"});
  CHECK(Col(r, "date") == std::vector<std::string>{"2021-03-02", "2021-05-10", "2022-01-15", "2021-07-20"});
  CHECK(Col(r, "title")[0] == "党工委书记");

  Result alias = MustQuery("entity 青山高新技术产业开发区");
  CHECK(Info(alias, "entity") == "青山高新区");
  CHECK(Info(alias, "aliases") == "青山; 青山高新技术产业开发区");
  CHECK(Info(alias, "match") == "alias");
  Result lonely = MustQuery("entity 孤岛研究所");
  CHECK(lonely.rows.empty());
}

TEST_CASE("edges: relation, ends and date filters", "[query][edges]") {
  struct Case {
    const char* line;
    std::vector<std::string> pairs;  // "source target" per row
  };
  const Case cases[] = {
      {"edges --rel holds_position --to 青山高新区", {"王小明 青山高新区"}},
      {"edges --rel met_with --from 李大伟", {"李大伟 王小明", "李大伟 陈静"}},
      {"edges --rel met_with --to 李大伟", {"王小明 李大伟", "陈静 李大伟"}},
      {"edges --from 王小明 --to 李大伟", {"王小明 李大伟"}},
      {"edges --from 李大伟 --to 王小明", {"李大伟 王小明"}},  // symmetric: read either way
      {"edges --from 青山高新区 --to 王小明", {}},             // holds_position only one way
      {"edges --since 2022", {"王小明 李大伟", "李大伟 陈静", "李大卫 K9机器人公司"}},
      {"edges --until 2021-05", {"王小明 青山高新区", "王小明 李大伟", "李大伟 蓝湾投资集团有限公司"}},
      // graph (file) order
      {"edges --since 2021-06-01 --until 2021-06-30", {"星河科技有限公司 青山高新区", "陈静 星河科技有限公司"}},
      {"edges --rel located_in --since 2000", {}},  // undated edges drop out
      {"edges --rel located_in --from 青山市", {"青山市 东川省"}},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    Result r = MustQuery(c.line);
    std::vector<std::string> pairs;
    for (size_t i = 0; i < r.rows.size(); ++i) pairs.push_back(Col(r, "source")[i] + " " + Col(r, "target")[i]);
    CHECK(pairs == c.pairs);
  }
  CHECK(MustQuery("edges").rows.size() == Fixture().num_edges());
}

TEST_CASE("top: degree, mentions, betweenness, pagerank", "[query][top]") {
  struct Case {
    const char* line;
    std::vector<std::string> labels;
  };
  const Case cases[] = {
      // degree 4 for both; mentions break the tie
      {"top --by degree -n 3", {"青山高新区", "李大伟", "王小明"}},
      {"top --by mentions -n 2", {"青山高新区", "王小明"}},
      {"top --by mentions --type official", {"王小明", "李大伟", "陈静", "李大卫", "周海"}},
      {"top --by degree --type location,project", {"青山市", "星河数据中心项目", "东川省"}},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    CHECK(Col(MustQuery(c.line), "label") == c.labels);
  }
  // 青山市 is the only way from 东川省 to the ten other entities of its
  // component: betweenness 10. A leaf has 0.
  Result bc = MustQuery("top --by betweenness -n 15");
  auto labels = Col(bc, "label");
  auto scores = Col(bc, "score");
  auto score_of = [&](const char* label) {
    auto it = std::find(labels.begin(), labels.end(), label);
    REQUIRE(it != labels.end());
    return std::stod(scores[it - labels.begin()]);
  };
  CHECK(score_of("青山市") == Approx(10));
  CHECK(score_of("东川省") == Approx(0));
  CHECK(score_of("孤岛研究所") == Approx(0));
  CHECK(score_of("青山高新区") > score_of("青山市"));

  Result pr = MustQuery("top --by pagerank -n 15");
  double sum = 0;
  for (const std::string& s : Col(pr, "score")) sum += std::stod(s);
  CHECK(sum == Approx(1).epsilon(1e-4));
  CHECK(Col(pr, "label").back() == "孤岛研究所");  // isolated: the teleport share only
  CHECK(Col(pr, "label").front() == "青山高新区");
}

TEST_CASE("centralities on tiny graphs", "[query][views]") {
  // a - b - c and d isolated
  SimpleGraph g(4);
  boost::add_edge(0, 1, g);
  boost::add_edge(1, 2, g);
  auto bc = Betweenness(g);
  CHECK(bc[1] == Approx(1));
  CHECK(bc[0] == Approx(0));
  auto pr = PageRank(g);
  CHECK(pr[0] == Approx(pr[2]));
  CHECK(pr[1] > pr[0]);
  CHECK(pr[3] < pr[0]);
  std::vector<int> comp;
  CHECK(ConnectedComponents(g, &comp) == 2);
  CHECK(comp[0] == comp[2]);
  CHECK(comp[0] != comp[3]);
}

TEST_CASE("stats: counts, components and hubs", "[query][stats]") {
  Result r = MustQuery("stats -n 2");
  auto key = [&](const std::string& group, const std::string& k) {
    for (const auto& row : r.rows)
      if (row[0].Text() == group && row[1].Text() == k) return row[2].Text();
    return std::string("missing");
  };
  CHECK(key("entities", "total") == "15");
  CHECK(key("entities", "official") == "5");
  CHECK(key("edges", "total") == "14");
  CHECK(key("edges", "located_in") == "4");
  CHECK(key("components", "count") == "3");
  CHECK(key("components", "largest") == "12");
  CHECK(key("components", "isolated") == "1");
  CHECK(key("hub", "青山高新区") == "4");
  CHECK(key("hub", "李大伟") == "4");
  CHECK(key("hub", "王小明") == "missing");  // -n 2
}

TEST_CASE("search: part of a name, alias, Traditional form, pinyin", "[query][search]") {
  struct Case {
    const char* line;
    std::vector<std::string> labels;
    std::vector<std::string> match;
  };
  const Case cases[] = {
      {"search 星河", {"星河科技有限公司", "星河数据中心项目"}, {"label", "label"}},
      {"search 高新區", {"青山高新区"}, {"label"}},
      {"search 青山", {"青山高新区", "青山市"}, {"alias", "alias"}},
      {"search 青山 --type location", {"青山市"}, {"alias"}},
      {"search 开发区", {"青山高新区"}, {"alias"}},
      {"search li da", {"李大伟", "李大卫"}, {"pinyin", "pinyin"}},
      {"search xiaoming", {"王小明"}, {"pinyin"}},
      {"search wang xiao ming", {"王小明"}, {"pinyin"}},
      {"search 公司 -n 2", {"星河科技有限公司", "蓝湾投资集团有限公司"}, {"label", "label"}},
      {"search 火星", {}, {}},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    Result r = MustQuery(c.line);
    CHECK(Col(r, "label") == c.labels);
    CHECK(Col(r, "match") == c.match);
  }
  CHECK(Col(MustQuery("search 王小明"), "part") == std::vector<std::string>{"whole"});
  CHECK(Col(MustQuery("search 王小"), "part") == std::vector<std::string>{"prefix"});
  CHECK(Col(MustQuery("search 小明"), "part") == std::vector<std::string>{"inside"});
}

TEST_CASE("unknown names make every command fail with NotFound", "[query]") {
  for (const char* line : {"entity 火星人", "neighbors 火星人", "path 王小明 火星人", "path 青山 王小明",
                           "edges --from 火星人", "edges --to 青山"}) {
    INFO(line);
    Result r;
    CHECK(Query(line, &r).code() == Status::Code::kNotFound);
  }
}

// ---------------------------------------------------------------------------
// Arguments

TEST_CASE("argument parsing", "[query][args]") {
  struct Case {
    std::vector<std::string> args;
    bool ok;
    const char* says = "";  // part of the message, for errors
  };
  const Case cases[] = {
      {{"stats"}, true},
      {{"--format", "json", "stats"}, true},
      {{"neighbors", "x", "--rel=met_with,visited", "--depth", "3"}, true},
      {{"path", "a", "b", "--all", "--rel", "met_with"}, true},
      {{"edges", "--since", "2021", "--until", "2021-05-31"}, true},
      {{"top", "--by", "pagerank", "-n", "5", "--type", "official,park"}, true},
      {{"search", "lin", "zhi", "yuan", "--limit", "3"}, true},
      {{}, false},
      {{"frobnicate"}, false},
      {{"neighbors"}, false},
      {{"path", "a"}, false},
      {{"path", "a", "b", "c"}, false},
      {{"stats", "x"}, false},
      {{"entity", "x", "--rel", "met_with"}, false},
      {{"neighbors", "x", "--rel", "friend_of"}, false},
      {{"neighbors", "x", "--type", "person"}, false},
      {{"neighbors", "x", "--depth", "0"}, false},
      {{"neighbors", "x", "--depth", "two"}, false},
      {{"neighbors", "x", "--depth"}, false},
      {{"top", "--by", "fame"}, false},
      {{"edges", "--since", "21"}, false},
      {{"edges", "--until", "2021/05"}, false},
      {{"stats", "--format", "xml"}, false},
      {{"stats", "--colour"}, false},
      {{"search", "x", "-n", "0"}, false},
      // Mistakes get a suggestion or the reason.
      {{"neighbours", "x"}, false, "unknown query command 'neighbours'; did you mean 'neighbors'?"},
      {{"serach", "x"}, false, "did you mean 'search'?"},
      {{"frobnicate"}, false, "unknown query command 'frobnicate'"},
      {{"neighbors", "x", "--rels", "met_with"}, false, "unknown option --rels; did you mean '--rel'?"},
      {{"neighbors", "x", "--rel", "met"}, false, "did you mean 'met_with'?"},
      {{"neighbors", "x", "--type", "oficial"}, false, "did you mean 'official'?"},
      {{"entity", "x", "--depth", "2"}, false, "entity does not take --depth (it takes no options)"},
      {{"path", "a", "b", "--depth", "2"}, false, "(it takes --all, --rel)"},
      // Impossible dates and empty ranges.
      {{"edges", "--since", "2024-02-29"}, true},
      {{"edges", "--since", "2023-02-29"}, false, "not '2023-02-29'"},
      {{"edges", "--since", "2023-04-31"}, false},
      {{"edges", "--until", "2023-13"}, false},
      {{"edges", "--until", "2023-00"}, false},
      {{"edges", "--since", "2023-06-00"}, false},
      {{"edges", "--since", "0000"}, false},
      {{"edges", "--since", "2023-05", "--until", "2023-04"}, false, "--since 2023-05 is after --until 2023-04"},
      {{"edges", "--since", "2023-04-30", "--until", "2023-04"}, true},
      {{"edges", "--since", "2023", "--until", "2023"}, true},
      {{"edges", "--since", "2023-12-31", "--until", "2023"}, true},
      {{"edges", "--since", "2024-01-01", "--until", "2023"}, false, "is after"},
  };
  for (const Case& c : cases) {
    std::string line;
    for (const auto& a : c.args) line += a + " ";
    INFO(line);
    QueryRequest r;
    Status s = ParseQueryArgs(c.args, &r);
    CHECK(s.ok() == c.ok);
    if (!c.ok) CHECK(s.code() == Status::Code::kInvalidArgument);
    INFO(s.message());
    CHECK(s.message().find(c.says) != std::string::npos);
  }
  QueryRequest r;
  REQUIRE(ParseQueryArgs({"search", "lin", "zhi", "yuan", "--format", "csv"}, &r).ok());
  CHECK(r.names == std::vector<std::string>{"lin zhi yuan"});
  CHECK(r.format == OutputFormat::kCsv);
  REQUIRE(ParseQueryArgs({"neighbors", "x", "--rel", "met_with,visited"}, &r).ok());
  CHECK(r.relations == (RelationBit(RelationType::kMetWith) | RelationBit(RelationType::kVisited)));
  REQUIRE(ParseQueryArgs({"neighbors", "--help", "--bogus"}, &r).ok());
  CHECK(r.help);
  CHECK(r.command == "neighbors");
}

// ---------------------------------------------------------------------------
// Output formats

Result Sample() {
  Result r;
  r.command = "demo";
  r.info = {{"entity", "王小明"}, {"aliases", Value::List({"甲", "乙"})}, {"n", 3}};
  r.columns = {"name", "count", "note"};
  r.rows = {{"王小明", 12, "plain"}, {"abc", 3, "has, comma and \"quotes\""}, {"x", Value::Real(0.5), "tab\there"}};
  return r;
}

TEST_CASE("json output has the documented shape", "[query][format]") {
  std::string text = FormatResult(Sample(), OutputFormat::kJson);
  rapidjson::Document d;
  d.Parse(text.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(std::string(d["command"].GetString()) == "demo");
  CHECK(std::string(d["info"]["entity"].GetString()) == "王小明");
  CHECK(d["info"]["aliases"].IsArray());
  CHECK(d["info"]["n"].GetInt() == 3);
  REQUIRE(d["columns"].Size() == 3);
  REQUIRE(d["rows"].Size() == 3);
  CHECK(d["rows"][0]["count"].GetInt() == 12);
  CHECK(d["rows"][2]["count"].GetDouble() == Approx(0.5));
  CHECK(std::string(d["rows"][1]["note"].GetString()) == "has, comma and \"quotes\"");
}

TEST_CASE("json output of every command parses", "[query][format]") {
  for (const char* line : {"entity 王小明", "neighbors 王小明 --depth 2", "path 王小明 东川省 --all", "edges",
                           "top --by pagerank", "stats", "search 青山"}) {
    INFO(line);
    Result r = MustQuery(line);
    rapidjson::Document d;
    d.Parse(FormatResult(r, OutputFormat::kJson).c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(d["rows"].Size() == r.rows.size());
    for (const auto& row : d["rows"].GetArray()) CHECK(row.MemberCount() == r.columns.size());
  }
}

TEST_CASE("csv and tsv output", "[query][format]") {
  std::string csv = FormatResult(Sample(), OutputFormat::kCsv);
  CHECK(csv ==
        "name,count,note\n"
        "王小明,12,plain\n"
        "abc,3,\"has, comma and \"\"quotes\"\"\"\n"
        "x,0.5,tab\there\n");
  std::string tsv = FormatResult(Sample(), OutputFormat::kTsv);
  CHECK(tsv ==
        "name\tcount\tnote\n"
        "王小明\t12\tplain\n"
        "abc\t3\thas, comma and \"quotes\"\n"
        "x\t0.5\ttab here\n");
}

TEST_CASE("table output aligns by display width", "[query][format]") {
  std::string text = FormatResult(Sample(), OutputFormat::kTable);
  CHECK_THAT(text, Catch::StartsWith("entity: 王小明\naliases: 甲; 乙\nn: 3\n\n"));
  std::istringstream in(text.substr(text.find("\n\n") + 2));
  std::string line;
  std::vector<size_t> note_column;
  while (std::getline(in, line)) {
    // The third column starts after the second run of two spaces that follows
    // a non-space; measure it in display columns.
    size_t p = line.find("  ", line.find_first_not_of(' '));
    p = line.find_first_not_of(' ', p);
    p = line.find("  ", p);
    p = line.find_first_not_of(' ', p);
    REQUIRE(p != std::string::npos);
    note_column.push_back(DisplayWidth(line.substr(0, p)));
  }
  REQUIRE(note_column.size() == 5);  // header, rule, three rows
  for (size_t c : note_column) CHECK(c == note_column[0]);
  CHECK(note_column[0] == 6 + 2 + 5 + 2);  // "王小明" is 6 columns wide, "count" 5
  Result empty = Sample();
  empty.rows.clear();
  CHECK_THAT(FormatResult(empty, OutputFormat::kTable), Catch::EndsWith("(no results)\n"));
}

}  // namespace
}  // namespace kgb
