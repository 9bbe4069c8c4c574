// kgb-bench: throughput and memory of each stage of kgb build, and of the
// whole run. Not a test: it measures and prints, it asserts nothing.
//
//   kgb-bench [--threads N] [--repeat R] [--json OUT] INPUT...
//
// Every timing is the best of R runs (default 3): on a shared machine the
// minimum is the figure least disturbed by other work.
// Stage passes run on one thread, one pass per stage, each pass streaming the
// corpus through all the stages up to its own (each document is dropped when
// its pass is done with it); a stage's time is its pass's CPU time minus the
// CPU time of the pass before, and its MB/s is the input bytes over that. Peak RSS is
// the process's high-water mark during the pass (reset before each pass via
// /proc/self/clear_refs where the kernel allows it). "overall" runs what
// `kgb build --json OUT` runs (ExtractFiles on N threads, Build, write JSON),
// at --threads 1 and at N, timed by the wall clock.
//
// The JSON goes to OUT through WriteOutput (util/file_io.h), as kgb build
// writes it; by default to a temporary file in $TMPDIR (or /tmp), removed at
// the end. An unwritable OUT is an error before anything runs, a failed
// write exit code 3.
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "graph/builder.h"
#include "graph/json_io.h"
#include "ingest/corpus.h"
#include "ingest/layout.h"
#include "ingest/pipeline.h"
#include "ingest/recognize.h"
#include "util/file_io.h"

namespace {

using Clock = std::chrono::steady_clock;

// Resets the high-water mark of the resident set; false if not allowed.
bool ResetPeakRss() {
  std::ofstream f("/proc/self/clear_refs");
  f << "5";
  f.flush();
  return static_cast<bool>(f);
}

// VmHWM in KiB (the high-water mark since the last reset), or ru_maxrss.
long PeakRssKb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

struct Row {
  std::string stage;
  double pass_seconds = 0;
  double stage_seconds = 0;
  uint64_t bytes = 0;
  size_t docs = 0;
  long peak_kb = 0;
  double cpu_seconds = -1;  // overall rows: CPU seconds of all threads
};

// CPU time of the whole process (user + system): on a shared machine it is
// far less disturbed by other work than wall time.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

void Print(const Row& r) {
  double mbs = r.stage_seconds > 0 ? r.bytes / 1e6 / r.stage_seconds : 0;
  double dps = r.stage_seconds > 0 ? r.docs / r.stage_seconds : 0;
  std::printf("%-22s %9.3f %9.3f %10.1f %10.1f %10.1f", r.stage.c_str(), r.pass_seconds, r.stage_seconds, mbs,
              dps, r.peak_kb / 1024.0);
  if (r.cpu_seconds >= 0) std::printf("   (wall time; CPU %.3f s)", r.cpu_seconds);
  std::printf("\n");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kgb;
  int threads = static_cast<int>(std::thread::hardware_concurrency());
  if (threads < 1) threads = 1;
  std::string out_path;
  int repeat = 3;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc) {
      threads = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--json" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (a == "-h" || a == "--help" || (a.size() > 1 && a[0] == '-')) {
      std::cerr << "usage: kgb-bench [--threads N] [--repeat R] [--json OUT] INPUT...\n"
                   "(OUT: by default a temporary file, removed at the end)\n";
      return a[0] == '-' && a != "-h" && a != "--help" ? 2 : 0;
    } else {
      inputs.push_back(a);
    }
  }
  if (!out_path.empty()) {
    if (Status c = CheckWritable(out_path); !c.ok()) {
      std::cerr << "kgb-bench: " << c.message() << "\n";
      return 3;
    }
  }
  std::vector<std::string> files;
  std::vector<InputIssue> issues;
  ListInputs(inputs, &files, &issues);
  if (files.empty()) {
    std::cerr << "kgb-bench: no input files\n";
    return 2;
  }
  bool write_failed = false;
  std::unique_ptr<Extractor> ex;
  Status s = Extractor::Create(nullptr, ExtractOptions(), &ex);
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 3;
  }
  std::string temp_out;  // the default output, removed at the end
  if (out_path.empty()) {
    const char* dir = std::getenv("TMPDIR");
    temp_out = std::string(dir && *dir ? dir : "/tmp") + "/kgb-bench.XXXXXX";
    int fd = ::mkstemp(temp_out.data());
    if (fd < 0) {
      std::cerr << "kgb-bench: " << temp_out << ": " << std::strerror(errno) << "\n";
      return 3;
    }
    ::close(fd);
    out_path = temp_out;
  }
  Recognizer recognizer(ex->lexicon());
  bool reset_ok = ResetPeakRss();

  char cpu[256] = "unknown";
  {
    std::ifstream f("/proc/cpuinfo");
    std::string line;
    while (std::getline(f, line))
      if (line.rfind("model name", 0) == 0) {
        std::snprintf(cpu, sizeof cpu, "%s", line.substr(line.find(':') + 2).c_str());
        break;
      }
  }
  uint64_t total_bytes = 0;
  for (const std::string& f : files) {
    std::string b;
    if (ReadFile(f, &b).ok()) total_bytes += b.size();
  }
  std::printf("kgb-bench: %zu files, %.1f MB; %u cores (%s); threads for overall: %d%s\n", files.size(),
              total_bytes / 1e6, std::thread::hardware_concurrency(), cpu, threads,
              reset_ok ? "" : "; peak RSS cannot be reset: figures are cumulative");
  std::printf("%-22s %9s %9s %10s %10s %10s\n", "stage", "pass_s", "stage_s", "MB/s", "docs/s", "peak_MB");

  // Stage passes. Each lambda runs the stages up to its own on one document.
  GraphBuilder builder;
  std::vector<std::pair<std::string, std::function<bool(const std::string&, const std::string&)>>> passes = {
      {"read", [&](const std::string&, const std::string&) { return true; }},
      {"decode", [&](const std::string& name, const std::string& bytes) {
         DecodedText t;
         return DecodeText(bytes, name, &t).ok();
       }},
      {"layout+normalize", [&](const std::string& name, const std::string& bytes) {
         DecodedText t;
         if (!DecodeText(bytes, name, &t).ok()) return false;
         Page page;
         SegmentPage(t, ex->lexicon(), &page);
         return true;
       }},
      {"recognize", [&](const std::string& name, const std::string& bytes) {
         DecodedText t;
         if (!DecodeText(bytes, name, &t).ok()) return false;
         Page page;
         SegmentPage(t, ex->lexicon(), &page);
         std::vector<Mention> m;
         for (const Sentence& sen : page.sentences) {
           m.clear();
           recognizer.Find(sen, &m);
         }
         return true;
       }},
      {"link+relate+records", [&](const std::string& name, const std::string& bytes) {
         DocumentRecords r;
         return ex->Process(name, bytes, &r).ok();
       }},
      {"merge (GraphBuilder)", [&](const std::string& name, const std::string& bytes) {
         DocumentRecords r;
         if (!ex->Process(name, bytes, &r).ok()) return false;
         builder.Add(std::move(r));
         return true;
       }},
  };
  double prev = 0;
  for (auto& [name, fn] : passes) {
    ResetPeakRss();
    Row row;
    row.stage = name;
    row.pass_seconds = 1e300;
    for (int rep = 0; rep < repeat; ++rep) {
      builder = GraphBuilder();
      row.docs = 0;
      row.bytes = 0;
      double t0 = CpuSeconds();
      for (const std::string& f : files) {
        std::string bytes;
        if (!ReadFile(f, &bytes).ok()) continue;
        if (fn(f, bytes)) row.docs++;
        row.bytes += bytes.size();
      }
      row.pass_seconds = std::min(row.pass_seconds, CpuSeconds() - t0);
    }
    row.stage_seconds = row.pass_seconds - prev;
    prev = row.pass_seconds;
    row.peak_kb = PeakRssKb();
    Print(row);
  }
  {
    ResetPeakRss();
    Row row;
    row.stage = "build graph";
    row.bytes = total_bytes;
    row.docs = files.size();
    double t0 = CpuSeconds();
    KnowledgeGraph g = builder.Build();
    row.pass_seconds = row.stage_seconds = CpuSeconds() - t0;
    row.peak_kb = PeakRssKb();
    Print(row);
    ResetPeakRss();
    row.stage = "write JSON";
    t0 = CpuSeconds();
    Status w = WriteOutput(out_path, WriteGraphJson(g));
    row.pass_seconds = row.stage_seconds = CpuSeconds() - t0;
    row.peak_kb = PeakRssKb();
    Print(row);
    if (!w.ok()) std::cerr << "kgb-bench: " << w.ToString() << "\n";
    write_failed = write_failed || !w.ok();
  }
  builder = GraphBuilder();

  // Overall, as kgb build runs it.
  std::vector<int> thread_counts = {1};
  if (threads > 1) thread_counts.push_back(threads);
  double one = 0;
  for (int t : thread_counts) {
    ResetPeakRss();
    Row row;
    row.stage = "overall --threads " + std::to_string(t);
    row.pass_seconds = 1e300;
    CorpusStats st;
    double cpu = 0;
    for (int rep = 0; rep < repeat; ++rep) {
      auto t0 = Clock::now();
      double c0 = CpuSeconds();
      GraphBuilder b;
      CorpusOptions o;
      o.threads = t;
      st = CorpusStats();
      std::vector<InputIssue> is;
      ExtractFiles(*ex, files, o, &b, &is, &st);
      KnowledgeGraph g = b.Build();
      Status w = WriteOutput(out_path, WriteGraphJson(g));
      if (!w.ok()) std::cerr << "kgb-bench: " << w.ToString() << "\n";
      write_failed = write_failed || !w.ok();
      double wall = std::chrono::duration<double>(Clock::now() - t0).count();
      if (wall < row.pass_seconds) {
        row.pass_seconds = wall;
        cpu = CpuSeconds() - c0;
      }
    }
    row.stage_seconds = row.pass_seconds;
    row.bytes = total_bytes;
    row.cpu_seconds = cpu;
    row.docs = st.documents;
    row.peak_kb = PeakRssKb();
    Print(row);
    if (t == 1) one = row.pass_seconds;
    else std::printf("speed-up at %d threads: %.2fx\n", t, one / row.pass_seconds);
  }
  if (!temp_out.empty()) std::remove(temp_out.c_str());
  return write_failed ? 3 : 0;
}
