// Streaming inputs: JSON Lines documents, documents counted once, progress.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "graph/json_io.h"
#include "ingest/corpus.h"
#include "test_paths.h"
#include "util/file_io.h"

namespace kgb {
namespace {

std::string TempPath(const std::string& name) {
  return "/tmp/kgb_scale_test_" + std::to_string(::getpid()) + "_" + name;
}

const Extractor& TheExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    std::unique_ptr<Extractor> e;
    REQUIRE(Extractor::Create(nullptr, ExtractOptions(), &e).ok());
    return e;
  }();
  return *ex;
}

std::string Fixture(const std::string& name) {
  std::string text;
  REQUIRE(ReadFile(std::string(KGB_FIXTURES_DIR) + "/scale/" + name, &text).ok());
  return text;
}

// A JSON string literal.
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

TEST_CASE("ParseJsonlDocument reads id, text and date", "[scale][jsonl]") {
  struct Case {
    const char* line;
    bool ok;
    const char* id;
    const char* text;
    const char* date;
  };
  const Case cases[] = {
      {R"({"id": "a1", "text": "正文"})", true, "a1", "正文", ""},
      {R"({"id": 42, "text": "x", "date": "2023-05-01"})", true, "42", "x", "2023-05-01"},
      {R"({"text": "x", "id": "b", "url": "http://example.invalid/"})", true, "b", "x", ""},
      {R"({"id": "c", "text": "x", "date": null})", true, "c", "x", ""},
      {R"({"id": "", "text": "x"})", false, "", "", ""},
      {R"({"id": "a"})", false, "", "", ""},
      {R"({"id": ["a"], "text": "x"})", false, "", "", ""},
      {R"({"id": "a", "text": 5})", false, "", "", ""},
      {R"({"id": "a", "text": "x", "date": 20230501})", false, "", "", ""},
      {R"(["a", "x"])", false, "", "", ""},
      {R"({"id": "a", "text": "x")", false, "", "", ""},
  };
  for (const Case& c : cases) {
    std::string id, text, date;
    Status s = ParseJsonlDocument(c.line, &id, &text, &date);
    INFO(c.line);
    CHECK(s.ok() == c.ok);
    if (c.ok) {
      CHECK(id == c.id);
      CHECK(text == c.text);
      CHECK(date == c.date);
    }
  }
}

TEST_CASE("JSONL documents stream through any number of threads to the same graph", "[scale][jsonl]") {
  std::string path = TempPath("docs.jsonl");
  {
    std::ofstream f(path);
    f << "{\"id\": \"page-a\", \"text\": " << Quote(Fixture("page_a.txt")) << "}\n";
    f << "\n";                                     // blank: ignored
    f << "{\"id\": \"page-b\", \"text\": 7}\n";    // line 3: an issue
    f << "{\"id\": \"page-b\", \"text\": " << Quote(Fixture("page_b.txt")) << ", \"date\": \"2023-04-12\"}\n";
    f << "{\"id\": \"page-a\", \"text\": " << Quote(Fixture("page_c.txt")) << "}\n";  // duplicate id
    f << "{\"id\": \"page-c\", \"text\": " << Quote(Fixture("page_c.txt")) << "}\n";
  }
  std::string first;
  for (int threads : {1, 2, 3}) {
    GraphBuilder b;
    JsonlSource src(path);
    CorpusOptions o;
    o.threads = threads;
    std::vector<CorpusProgress> seen;
    o.progress = [&](const CorpusProgress& p) { seen.push_back(p); };
    std::vector<InputIssue> issues;
    CorpusStats stats;
    ExtractDocuments(TheExtractor(), &src, o, &b, &issues, &stats);
    CHECK(stats.documents == 3);
    CHECK(stats.duplicates == 1);
    CHECK(stats.skipped == 1);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].input == path + ":3");
    CHECK(issues[0].status.message().rfind(path + ":3: ", 0) == 0);
    CHECK(seen.size() == 5);
    KnowledgeGraph g = b.Build();
    CHECK(g.documents() == std::vector<std::string>{"page-a", "page-b", "page-c"});
    REQUIRE(g.num_edges() > 0);
    bool page_id_in_evidence = false;
    for (EdgeDesc e : boost::make_iterator_range(boost::edges(g.graph())))
      for (const Evidence& ev : g.edge(e).evidence) page_id_in_evidence |= ev.doc == "page-b";
    CHECK(page_id_in_evidence);
    std::string json = WriteGraphJson(g);
    if (first.empty()) first = json;
    CHECK(json == first);
  }
  std::remove(path.c_str());
}

TEST_CASE("a JSONL file that cannot be opened is one issue", "[scale][jsonl]") {
  GraphBuilder b;
  JsonlSource src("/nonexistent/kgb/docs.jsonl");
  std::vector<InputIssue> issues;
  CorpusStats stats;
  ExtractDocuments(TheExtractor(), &src, CorpusOptions(), &b, &issues, &stats);
  CHECK(stats.documents == 0);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].status.code() == Status::Code::kNotFound);
}

TEST_CASE("files already in the builder are not read again", "[scale][into]") {
  std::string dir = std::string(KGB_FIXTURES_DIR) + "/scale/";
  std::vector<std::string> ab = {dir + "page_a.txt", dir + "page_b.txt"};
  std::vector<std::string> all = {dir + "page_a.txt", dir + "page_b.txt", dir + "page_c.txt"};

  GraphBuilder full;
  std::vector<InputIssue> issues;
  CorpusStats stats;
  ExtractFiles(TheExtractor(), all, CorpusOptions(), &full, &issues, &stats);
  REQUIRE(stats.documents == 3);
  std::string want = WriteGraphJson(full.Build());

  GraphBuilder first;
  ExtractFiles(TheExtractor(), ab, CorpusOptions(), &first, &issues, &stats);
  KnowledgeGraph old = first.Build();

  // --into: the old graph, then all three files; only page_c is new.
  for (int run = 0; run < 2; ++run) {
    GraphBuilder into;
    into.AddGraph(old);
    CorpusStats s2;
    std::vector<std::string> inputs = all;
    inputs.push_back(dir + "page_c.txt");  // given twice: counted once
    ExtractFiles(TheExtractor(), inputs, CorpusOptions(), &into, &issues, &s2);
    CHECK(s2.documents == (run == 0 ? 1u : 0u));
    CHECK(s2.duplicates == (run == 0 ? 3u : 4u));
    KnowledgeGraph g = into.Build();
    CHECK(WriteGraphJson(g) == want);
    old = g;  // the second run re-runs on the result: nothing changes
  }
  CHECK(issues.empty());
}

TEST_CASE("FormatProgress says what is done, the rate and the time left", "[scale][progress]") {
  struct Case {
    CorpusProgress p;
    double seconds;
    std::vector<const char*> has;
    std::vector<const char*> lacks;
  };
  auto P = [](size_t done, size_t total, uint64_t bytes, uint64_t bytes_total) {
    CorpusProgress p;
    p.files_done = done;
    p.files_total = total;
    p.bytes_done = bytes;
    p.bytes_total = bytes_total;
    return p;
  };
  const Case cases[] = {
      {P(50, 200, 4'000'000, 16'000'000), 2.0, {"50/200 files", "4.0/16.0 MB", "2.0 MB/s", "0:00:06 left"}, {}},
      {P(3, 0, 3'000'000, 0), 1.0, {"3 documents", "3.0 MB", "3.0 MB/s"}, {"left", "3.0/"}},
      {P(1, 0, 1'000'000, 0), 1.0, {"1 document,", "1.0 MB"}, {"documents"}},
      {P(0, 10, 0, 0), 0.0, {"0/10 files", "0.0 MB"}, {"MB/s", "left"}},
      {P(1, 4, 100, 0), 10.0, {"1/4 files", "0:00:30 left"}, {}},
  };
  for (const Case& c : cases) {
    std::string line = FormatProgress(c.p, c.seconds);
    INFO(line);
    for (const char* h : c.has) CHECK(line.find(h) != std::string::npos);
    for (const char* l : c.lacks) CHECK(line.find(l) == std::string::npos);
    CHECK(line.find('\r') == std::string::npos);
    CHECK(line.find('\n') == std::string::npos);
  }
}

}  // namespace
}  // namespace kgb
