// kgb_query_bench: how quickly kgb query loads and answers on a large graph.
//
// Generates a random kgb-graph JSON file (default 100,000 nodes and 1,000,000
// edges, each edge with one evidence sentence), then measures, in this
// process: loading it (LoadGraphFile: read, parse, build the Boost graph and
// name index), one neighbors query and one path query (each first cold, when
// the traversal view is built, then warm), and the peak resident set size.
// Nothing is asserted: the figures are for docs/query.md.
//
//   kgb_query_bench [--nodes N] [--edges M] [--seed S] [--keep FILE]
//
// --keep writes the graph to FILE and leaves it there (to time the kgb
// binary on it); otherwise a temporary file is used and removed.
#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "graph/json_io.h"
#include "query/query.h"
#include "util/file_io.h"
#include "util/pinyin.h"
#include "util/utf8.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double CpuMs() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

// Current resident set size, from /proc/self/statm.
double RssMb() {
  long pages = 0, resident = 0;
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (f) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * (::sysconf(_SC_PAGESIZE) / 1048576.0);
}

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Common characters for invented names.
const char kChars[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文"
    "明华国建平军伟强海东林春晓志红文杰光宇新兴安庆德永长福祥瑞昌盛丰泰和顺达通远航宏博雅静丽芳云峰山川河湖江泉源晨星月阳";

std::vector<std::string> Alphabet() {
  std::vector<std::string> out;
  std::string s = kChars;
  for (size_t i = 0; i < s.size();) {
    size_t len = kgb::Utf8SeqLen(static_cast<unsigned char>(s[i]));
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

const char* kSuffix[] = {"", "有限公司", "高新区", "产业园项目", "市"};  // by entity type
const char* kType[] = {"official", "organization", "park", "project", "location"};
const char* kRel[] = {"holds_position", "met_with", "signed_agreement", "located_in", "visited"};

struct Generated {
  std::string json;
  std::vector<std::string> labels;
};


// Labels are unique: two random characters, then the node number written in
// base |alphabet| with alphabet characters, then a suffix by type.
Generated Generate(size_t nodes, size_t edges, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> abc = Alphabet();
  Generated g;
  g.labels.reserve(nodes);
  std::string& j = g.json;
  j.reserve(nodes * 120 + edges * 260);
  j += "{\"format\":\"kgb-graph\",\"version\":1,\"nodes\":[\n";
  std::vector<int> type(nodes);
  for (size_t i = 0; i < nodes; ++i) {
    int r = static_cast<int>(rng() % 20);
    type[i] = r < 6 ? 0 : r < 12 ? 1 : r < 14 ? 2 : r < 17 ? 3 : 4;
    std::string label = abc[rng() % abc.size()] + abc[rng() % abc.size()];
    size_t k = i;
    do {
      label += abc[k % abc.size()];
      k /= abc.size();
    } while (k);
    label += kSuffix[type[i]];
    if (i) j += ",\n";
    j += "{\"id\":\"n" + std::to_string(i) + "\",\"label\":\"" + label + "\",\"type\":\"" + kType[type[i]] +
         "\",\"aliases\":[],\"mentions\":" + std::to_string(1 + rng() % 20) + "}";
    g.labels.push_back(std::move(label));
  }
  j += "],\n\"edges\":[\n";
  for (size_t e = 0; e < edges; ++e) {
    size_t a = rng() % nodes, b = rng() % nodes;
    if (a == b) b = (b + 1) % nodes;
    int rel = static_cast<int>(rng() % 5);
    bool symmetric = rel == 1 || rel == 2;
    if (symmetric && a > b) std::swap(a, b);
    std::string date = "2021-" + std::to_string(10 + rng() % 3) + "-" + std::to_string(10 + rng() % 19);
    uint64_t start = rng() % 100000;
    if (e) j += ",\n";
    j += "{\"source\":\"n" + std::to_string(a) + "\",\"target\":\"n" + std::to_string(b) + "\",\"type\":\"" +
         kRel[rel] + "\",\"symmetric\":" + (symmetric ? "true" : "false") + ",\"weight\":1,\"date\":\"" + date +
         "\",\"evidence\":[{\"doc\":\"d" + std::to_string(rng() % 5000) + ".txt\",\"start\":" +
         std::to_string(start) + ",\"end\":" + std::to_string(start + 90) + ",\"sentence\":\"" + g.labels[a] +
         "与" + g.labels[b] + "举行会谈。\",\"date\":\"" + date + "\"}]}";
  }
  j += "]}\n";
  return g;
}

bool Arg(int argc, char** argv, int* i, const char* name, std::string* out) {
  if (std::string(argv[*i]) != name || *i + 1 >= argc) return false;
  *out = argv[++*i];
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  size_t nodes = 100000, edges = 1000000;
  uint64_t seed = 1;
  std::string keep, v;
  for (int i = 1; i < argc; ++i) {
    if (Arg(argc, argv, &i, "--nodes", &v)) nodes = std::strtoull(v.c_str(), nullptr, 10);
    else if (Arg(argc, argv, &i, "--edges", &v)) edges = std::strtoull(v.c_str(), nullptr, 10);
    else if (Arg(argc, argv, &i, "--seed", &v)) seed = std::strtoull(v.c_str(), nullptr, 10);
    else if (Arg(argc, argv, &i, "--keep", &keep)) {}
    else {
      std::fprintf(stderr, "usage: kgb_query_bench [--nodes N] [--edges M] [--seed S] [--keep FILE]\n");
      return 2;
    }
  }
  if (nodes < 2) nodes = 2;

  // The graph is generated in a child process so that the peak RSS below is
  // the loading and querying alone.
  std::string path = keep.empty() ? "/tmp/kgb_query_bench_" + std::to_string(::getpid()) + ".json" : keep;
  auto t0 = Clock::now();
  pid_t child = ::fork();
  if (child < 0) {
    std::perror("kgb_query_bench: fork");
    return 3;
  }
  if (child == 0) {
    Generated gen = Generate(nodes, edges, seed);
    kgb::Status w = kgb::WriteOutput(path, gen.json);
    if (!w.ok()) {
      std::fprintf(stderr, "kgb_query_bench: %s\n", w.ToString().c_str());
      _exit(3);
    }
    std::printf("graph      %zu nodes, %zu edges, %.1f MB of JSON", nodes, edges, gen.json.size() / 1e6);
    std::fflush(stdout);
    _exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 3;
  std::printf(" (generated in %.1f s)\n", Ms(t0, Clock::now()) / 1000);

  kgb::KnowledgeGraph graph;
  auto t2 = Clock::now();
  double c2 = CpuMs();
  kgb::Status s = kgb::LoadGraphFile(path, kgb::GraphReadOptions(), &graph);
  auto t3 = Clock::now();
  double c3 = CpuMs();
  if (keep.empty()) std::remove(path.c_str());
  if (!s.ok()) {
    std::fprintf(stderr, "kgb_query_bench: %s\n", s.ToString().c_str());
    return 3;
  }
  std::printf("load       %9.2f ms  cpu %9.2f ms  (LoadGraphFile: read, parse, build graph and name index)\n",
              Ms(t2, t3), c3 - c2);
  std::printf("rss        %8.1f MB  after loading\n", RssMb());
  ::malloc_trim(0);  // hand the parser's freed memory back: what the graph itself holds
  std::printf("rss        %8.1f MB  after loading and malloc_trim\n", RssMb());

  kgb::QueryEngine engine(graph);
  auto run = [&](const std::vector<std::string>& args, const char* what) {
    kgb::QueryRequest req;
    kgb::Result result;
    kgb::Status st = kgb::ParseQueryArgs(args, &req);
    auto a = Clock::now();
    double ca = CpuMs();
    if (st.ok()) st = engine.Run(req, &result);
    auto b = Clock::now();
    double cb = CpuMs();
    std::string line;
    for (const auto& x : args) line += x + " ";
    if (!st.ok()) {
      std::printf("%-10s failed: %s\n", what, st.ToString().c_str());
      return;
    }
    std::string extra;
    if (req.command == "path") {
      for (const auto& [k, val] : result.info)
        if (k == "length") extra = ", length " + val.Text();
    }
    std::printf("%-10s %9.2f ms  cpu %9.2f ms  %zu rows%s  (%s)\n", what, Ms(a, b), cb - ca, result.rows.size(),
                extra.c_str(), line.c_str());
  };
  // A hub-sized entity: node 0 has the average degree (2 * edges / nodes).
  const std::string& a = graph.node(0).label;
  const std::string& b = graph.node(nodes / 2).label;
  const std::string& c = graph.node(nodes - 1).label;
  run({"neighbors", a}, "neighbors");  // cold: builds the traversal view
  run({"neighbors", b}, "neighbors");
  run({"neighbors", c, "--depth", "2", "--rel", "met_with"}, "neighbors");
  run({"path", a, b}, "path");
  run({"path", b, c, "--all"}, "path");
  run({"path", c, a, "--rel", "met_with,visited"}, "path");
  // Lookups past the exact-name index build the normalized and pinyin keys
  // of every name on first use.
  run({"search", b.substr(0, 6)}, "search");
  run({"search", kgb::PinyinCompact(c)}, "search");
  std::printf("rss        %8.1f MB  after the queries\n", RssMb());
  std::printf("peak RSS   %8.1f MB  (load and queries; the generator ran in a child process)\n",
              PeakRssKb() / 1024.0);
  if (!keep.empty()) std::printf("kept       %s (try: kgb query %s neighbors %s)\n", path.c_str(), path.c_str(), a.c_str());
  return 0;
}
