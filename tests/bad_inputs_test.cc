// Defined behaviour for bad inputs (issue 7): one table, one row per kind of
// bad input. Every row builds a folder holding a good page and the bad input,
// runs the corpus driver over it (ListInputs + ExtractFiles, two threads) and
// checks that
//   - the bad input is either read (with the expected encoding, keeping the
//     entities of the page it carries) or skipped with exactly one issue that
//     names it and gives the reason;
//   - the good page's entities are in the graph either way.
// Large inputs (a 50 MB line, a million lines) are generated at run time.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/ucnv.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "graph/builder.h"
#include "ingest/corpus.h"
#include "ingest/decode.h"
#include "ingest/pipeline.h"
#include "test_paths.h"
#include "util/file_io.h"

namespace fs = std::filesystem;

namespace kgb {
namespace {

std::string Slurp(const std::string& path) {
  std::string s;
  REQUIRE(ReadFile(path, &s).ok());
  return s;
}

const std::string& GoodPage() {
  static const std::string s = Slurp(KGB_FIXTURES_DIR "/good_page.txt");
  return s;
}
// The page that the bad inputs carry, in various forms.
const std::string& VariantPage() {
  static const std::string s = Slurp(KGB_FIXTURES_DIR "/variant_page.txt");
  return s;
}
const std::vector<std::string> kGoodEntities = {"柯明远", "晏书朗", "澜海科技有限公司"};
const std::vector<std::string> kVariantEntities = {"蒲英杰", "宁泊舟", "禾岳新材料股份有限公司"};

void Write(const fs::path& p, const std::string& bytes) {
  std::ofstream f(p, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE(f.good());
}

std::string ToGb18030(const std::string& utf8) {
  std::string out(utf8.size() * 2 + 16, '\0');
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  REQUIRE(U_SUCCESS(err));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string ToUtf16(const std::string& utf8, bool little, bool bom) {
  std::u16string u(utf8.size() + 1, u'\0');
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = ucnv_convert("UTF-16LE", "UTF-8", reinterpret_cast<char*>(u.data()),
                           static_cast<int32_t>(u.size() * 2), utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  REQUIRE(U_SUCCESS(err));
  std::string le(reinterpret_cast<const char*>(u.data()), static_cast<size_t>(n));
  if (bom) le.insert(0, "\xFF\xFE", 2);
  if (!little)
    for (size_t i = 0; i + 1 < le.size(); i += 2) std::swap(le[i], le[i + 1]);
  return le;
}

// The page with ASCII (digits, spaces, newlines) removed: Chinese-only text,
// whose UTF-16 form has no zero bytes.
std::string HanOnly(const std::string& utf8) {
  std::string s;
  for (char c : utf8)
    if (static_cast<unsigned char>(c) >= 0x80) s.push_back(c);
  return s;
}

std::string Random(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

// Inserts `junk` after every `every` bytes of `text`, only between UTF-8
// characters.
std::string Sprinkle(const std::string& text, const std::string& junk, size_t every) {
  std::string s;
  size_t since = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    s.push_back(text[i]);
    bool boundary = i + 1 == text.size() || (static_cast<unsigned char>(text[i + 1]) & 0xC0) != 0x80;
    if (++since >= every && boundary) {
      s += junk;
      since = 0;
    }
  }
  return s;
}

// Inserts `junk` after every occurrence of `marker` (damage between
// clauses, where it cannot split a name).
std::string SprinkleAfter(const std::string& text, const std::string& marker, const std::string& junk) {
  std::string s;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, marker.size(), marker) == 0) {
      s += marker + junk;
      i += marker.size();
    } else {
      s.push_back(text[i++]);
    }
  }
  return s;
}
const std::string kComma = "，";

enum class Expect { kRead, kSkipped };

struct Case {
  const char* name;
  // Creates the bad input inside `dir` and returns its path.
  std::function<std::string(const fs::path& dir)> make;
  Expect expect;
  const char* reason = "";  // for kSkipped: part of the message
  int encoding = -1;        // for kRead: the Encoding detected, or -1 (not checked)
  // Run between listing and extraction.
  std::function<void(const std::string& path)> after_list = nullptr;
  // The input is given as an argument next to the good page instead of being
  // found inside the folder.
  bool as_argument = false;
};

std::string File(const fs::path& dir, const std::string& name, const std::string& bytes) {
  Write(dir / name, bytes);
  return (dir / name).string();
}

std::string Link(const fs::path& dir, const std::string& name, const std::string& target) {
  fs::create_symlink(target, dir / name);
  return (dir / name).string();
}

constexpr int kU8 = static_cast<int>(Encoding::kUtf8);
constexpr int kU8Bom = static_cast<int>(Encoding::kUtf8Bom);
constexpr int kLE = static_cast<int>(Encoding::kUtf16LE);
constexpr int kBE = static_cast<int>(Encoding::kUtf16BE);
constexpr int kGb = static_cast<int>(Encoding::kGb18030);

std::vector<Case> Cases() {
  const std::string& v = VariantPage();
  std::vector<Case> c;
  // Empty and white space.
  c.push_back({"empty file", [](const fs::path& d) { return File(d, "empty.txt", ""); }, Expect::kSkipped,
               "empty file"});
  c.push_back({"white space only",
               [](const fs::path& d) { return File(d, "blank.txt", "  \r\n\t\n\xE3\x80\x80\xE3\x80\x80\r\n\n"); },
               Expect::kSkipped, "no text"});
  // Binary files.
  c.push_back({"NUL bytes only", [](const fs::path& d) { return File(d, "zeros.txt", std::string(4096, '\0')); },
               Expect::kSkipped, "binary content"});
  c.push_back({"program (ELF)",
               [](const fs::path& d) { return File(d, "a.out", std::string("\x7f" "ELF\x02\x01\x01", 7) + Random(5000, 1)); },
               Expect::kSkipped, "binary content (ELF program)"});
  c.push_back({"image (PNG)",
               [](const fs::path& d) { return File(d, "pic.txt", std::string("\x89PNG\r\n\x1a\n", 8) + Random(3000, 2)); },
               Expect::kSkipped, "(PNG image)"});
  c.push_back({"image (JPEG)",
               [](const fs::path& d) { return File(d, "photo.jpg", std::string("\xff\xd8\xff\xe0", 4) + Random(3000, 3)); },
               Expect::kSkipped, "(JPEG image)"});
  c.push_back({"PDF saved as .txt",
               [](const fs::path& d) {
                 return File(d, "page.txt", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 120 >>\nstream\n" +
                                                Random(2000, 4) + "\nendstream\nendobj\n");
               },
               Expect::kSkipped, "damaged PDF"});
  c.push_back({"broken zip named .docx",
               [](const fs::path& d) { return File(d, "report.docx", std::string("PK\x03\x04", 4) + Random(3000, 5)); },
               Expect::kSkipped, "broken zip"});
  c.push_back({"ZIP archive (not a Word document)",
               [](const fs::path& d) { return File(d, "data.zip", std::string("PK\x03\x04", 4) + Random(3000, 5)); },
               Expect::kSkipped, "(ZIP archive"});
  c.push_back({"random bytes", [](const fs::path& d) { return File(d, "noise.txt", Random(100000, 6)); },
               Expect::kSkipped, "binary content"});
  // Damaged UTF-8: the damage becomes U+FFFD, the page is read.
  c.push_back({"invalid UTF-8: overlong forms",
               [v](const fs::path& d) { return File(d, "overlong.txt", SprinkleAfter(v, kComma, "\xC0\xAF\xE0\x80\xAF")); },
               Expect::kRead, "", kU8});
  c.push_back({"invalid UTF-8: encoded surrogates",
               [v](const fs::path& d) { return File(d, "surrogate.txt", SprinkleAfter(v, kComma, "\xED\xA0\x80\xED\xBF\xBF")); },
               Expect::kRead, "", kU8});
  c.push_back({"invalid UTF-8: truncated sequences",
               [v](const fs::path& d) { return File(d, "truncated.txt", SprinkleAfter(v, kComma, "\xE6\x9D") + "\xE4\xB8"); },
               Expect::kRead, "", kU8});
  // Other encodings, without BOM.
  c.push_back({"GB18030 without BOM", [v](const fs::path& d) { return File(d, "gbk.txt", ToGb18030(v)); },
               Expect::kRead, "", kGb});
  c.push_back({"GB18030 cut inside a character",
               [v](const fs::path& d) {
                 std::string gb = ToGb18030(v + "结");
                 return File(d, "gbcut.txt", gb.substr(0, gb.size() - 1));
               },
               Expect::kRead, "", kGb});
  c.push_back({"UTF-16LE with BOM", [v](const fs::path& d) { return File(d, "le_bom.txt", ToUtf16(v, true, true)); },
               Expect::kRead, "", kLE});
  c.push_back({"UTF-16BE with BOM", [v](const fs::path& d) { return File(d, "be_bom.txt", ToUtf16(v, false, true)); },
               Expect::kRead, "", kBE});
  c.push_back({"UTF-16LE without BOM", [v](const fs::path& d) { return File(d, "le.txt", ToUtf16(v, true, false)); },
               Expect::kRead, "", kLE});
  c.push_back({"UTF-16BE without BOM", [v](const fs::path& d) { return File(d, "be.txt", ToUtf16(v, false, false)); },
               Expect::kRead, "", kBE});
  c.push_back({"UTF-16LE without BOM, Chinese only (no zero bytes)",
               [v](const fs::path& d) { return File(d, "le_han.txt", ToUtf16(HanOnly(v), true, false)); },
               Expect::kRead, "", kLE});
  c.push_back({"UTF-16BE without BOM, Chinese only (no zero bytes)",
               [v](const fs::path& d) { return File(d, "be_han.txt", ToUtf16(HanOnly(v), false, false)); },
               Expect::kRead, "", kBE});
  c.push_back({"UTF-16LE cut to an odd length",
               [v](const fs::path& d) {
                 std::string s = ToUtf16(v + "结", true, false);
                 return File(d, "le_cut.txt", s.substr(0, s.size() - 1));
               },
               Expect::kRead, "", kLE});
  c.push_back({"UTF-8 with BOM and CRLF line ends",
               [v](const fs::path& d) {
                 std::string s = "\xEF\xBB\xBF";
                 for (char ch : v) {
                   if (ch == '\n') s += '\r';
                   s += ch;
                 }
                 return File(d, "bom_crlf.txt", s);
               },
               Expect::kRead, "", kU8Bom});
  // NUL bytes.
  c.push_back({"NUL bytes inside text",
               [v](const fs::path& d) { return File(d, "nul.txt", Sprinkle(v, std::string(1, '\0'), 20)); },
               Expect::kRead, "", kU8});
  c.push_back({"NUL bytes inside GB18030 text",
               [v](const fs::path& d) { return File(d, "gbnul.txt", SprinkleAfter(ToGb18030(v), ToGb18030(kComma), std::string(2, '\0'))); },
               Expect::kRead, "", kGb});
  c.push_back({"text drowned in NUL bytes",
               [v](const fs::path& d) { return File(d, "nulls.txt", Sprinkle(v, std::string(8, '\0'), 6)); },
               Expect::kSkipped, "binary content"});
  // Size.
  c.push_back({"one 50 MB line",
               [v](const fs::path& d) {
                 std::string s;
                 for (char ch : v) s += ch == '\n' ? ' ' : ch;
                 std::string fill = "的";
                 s.reserve(50u << 20);
                 while (s.size() < (50u << 20)) s += fill;
                 return File(d, "one_line.txt", s);
               },
               Expect::kRead, "", kU8});
  c.push_back({"a million short lines",
               [v](const fs::path& d) {
                 std::string s = v;
                 for (int i = 0; i < 1000000; ++i) s += i % 2 ? "第" + std::to_string(i % 1000) + "行\n" : "ab\n";
                 return File(d, "million.txt", s);
               },
               Expect::kRead, "", kU8});
  c.push_back({"file above the size limit (sparse)",
               [](const fs::path& d) {
                 std::string p = (d / "huge.txt").string();
                 int fd = ::open(p.c_str(), O_CREAT | O_WRONLY, 0644);
                 REQUIRE(fd >= 0);
                 REQUIRE(::ftruncate(fd, static_cast<off_t>(kgb::CorpusOptions::kMaxFileBytes) + 1) == 0);
                 ::close(fd);
                 return p;
               },
               Expect::kSkipped, "too large"});
  // Links and folders.
  c.push_back({"dangling symbolic link", [](const fs::path& d) { return Link(d, "gone.txt", "no_such_target.txt"); },
               Expect::kSkipped, "dangling symbolic link"});
  c.push_back({"dangling symbolic link given as an argument",
               [](const fs::path& d) { return Link(d, "gone.txt", "no_such_target.txt"); }, Expect::kSkipped,
               "dangling symbolic link", -1, nullptr, true});
  c.push_back({"missing file given as an argument", [](const fs::path& d) { return (d / "absent.txt").string(); },
               Expect::kSkipped, "no such file or folder", -1, nullptr, true});
  c.push_back({"symbolic link to itself", [](const fs::path& d) { return Link(d, "self", "self"); },
               Expect::kSkipped, "symbolic link loop"});
  c.push_back({"symbolic link loop given as an argument", [](const fs::path& d) { return Link(d, "self", "self"); },
               Expect::kSkipped, "symbolic link loop", -1, nullptr, true});
  c.push_back({"symbolic link to a containing folder", [](const fs::path& d) { return Link(d, "up", ".."); },
               Expect::kSkipped, "symbolic link loop"});
  c.push_back({"symbolic link to another folder",
               [](const fs::path& d) {
                 fs::create_directories(d.parent_path() / (d.filename().string() + "_other"));
                 return Link(d, "other", "../" + d.filename().string() + "_other");
               },
               Expect::kSkipped, "not followed"});
  c.push_back({"symbolic link to a page",
               [v](const fs::path& d) {
                 fs::path other = d.parent_path() / (d.filename().string() + "_other");
                 fs::create_directories(other);
                 File(other, "real.data", v);
                 return Link(d, "linked.txt", "../" + other.filename().string() + "/real.data");
               },
               Expect::kRead, "", kU8});
  c.push_back({"folder named like a file (walked)",
               [v](const fs::path& d) {
                 fs::create_directories(d / "page.txt");
                 return File(d / "page.txt", "inner.txt", v);
               },
               Expect::kRead, "", kU8});
  c.push_back({"named pipe inside a folder",
               [](const fs::path& d) {
                 std::string p = (d / "pipe.txt").string();
                 REQUIRE(::mkfifo(p.c_str(), 0644) == 0);
                 return p;
               },
               Expect::kSkipped, "named pipe"});
  c.push_back({"file that vanishes while the build runs",
               [v](const fs::path& d) { return File(d, "vanishing.txt", v); }, Expect::kSkipped, "no such file", -1,
               [](const std::string& p) { fs::remove(p); }});
  return c;
}

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& tag) {
    path = fs::temp_directory_path() / ("kgb_bad_" + std::to_string(::getpid()) + "_" + tag);
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
    fs::remove_all(path.parent_path() / (path.filename().string() + "_other"), ec);
  }
};

bool HasEntity(const KnowledgeGraph& g, const std::string& name) { return !g.FindByName(name).empty(); }

const Extractor& SharedExtractor() {
  static std::unique_ptr<Extractor> extractor = [] {
    std::unique_ptr<Extractor> e;
    Status s = Extractor::Create(nullptr, ExtractOptions(), &e);
    if (!s.ok()) FAIL(s.ToString());
    return e;
  }();
  return *extractor;
}

TEST_CASE("bad inputs: every row is read or skipped with a reason, and the good page survives", "[robust]") {
  const Extractor* extractor = &SharedExtractor();
  std::vector<Case> cases = Cases();
  REQUIRE(cases.size() >= 25);
  int row = 0;
  for (const Case& c : cases) {
    SECTION(c.name) {
      TempDir tmp("row" + std::to_string(row));
      fs::path dir = tmp.path / "in";
      fs::create_directories(dir);
      Write(dir / "good.txt", GoodPage());
      std::string bad = c.make(dir);

      std::vector<std::string> args;
      if (c.as_argument) {
        args = {(dir / "good.txt").string(), bad};
      } else {
        args = {dir.string()};
      }
      std::vector<std::string> files;
      std::vector<InputIssue> issues;
      ListInputs(args, &files, &issues);
      if (c.after_list) c.after_list(bad);
      GraphBuilder builder;
      CorpusOptions options;
      options.threads = 2;
      CorpusStats stats;
      ExtractFiles(*extractor, files, options, &builder, &issues, &stats);
      KnowledgeGraph g = builder.Build();

      std::string all;
      for (const InputIssue& is : issues) all += "\n  issue: " + is.status.message();
      INFO("case: " << c.name << all);
      for (const std::string& e : kGoodEntities) CHECK(HasEntity(g, e));
      if (c.expect == Expect::kSkipped) {
        REQUIRE(issues.size() == 1);
        CHECK(issues[0].input == bad);
        CHECK(issues[0].status.message().find(bad) != std::string::npos);
        CHECK(issues[0].status.message().find(c.reason) != std::string::npos);
        CHECK(stats.documents == 1);  // the good page
      } else {
        CHECK(issues.empty());
        CHECK(stats.documents == 2);
        for (const std::string& e : kVariantEntities) CHECK(HasEntity(g, e));
        if (c.encoding >= 0) {
          DecodedText t;
          std::string bytes;
          REQUIRE(ReadFile(bad, &bytes).ok());
          REQUIRE(DecodeText(bytes, bad, &t).ok());
          CHECK(static_cast<int>(t.encoding) == c.encoding);
        }
      }
    }
    ++row;
  }
}

TEST_CASE("a file without read permission is skipped with the reason", "[robust]") {
  if (::geteuid() == 0) {
    WARN("running as root: permissions are not enforced, case not exercised");
    return;
  }
  TempDir tmp("perm");
  std::string p = File(tmp.path, "secret.txt", VariantPage());
  fs::permissions(p, fs::perms::none);
  std::unique_ptr<Extractor> extractor;
  REQUIRE(Extractor::Create(nullptr, ExtractOptions(), &extractor).ok());
  std::vector<std::string> files;
  std::vector<InputIssue> issues;
  ListInputs({p}, &files, &issues);
  GraphBuilder builder;
  CorpusStats stats;
  ExtractFiles(*extractor, files, CorpusOptions(), &builder, &issues, &stats);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].status.message().find("Permission denied") != std::string::npos);
}

// Decoding offsets stay inside the original bytes whatever the encoding
// chosen (evidence offsets point into the file).
TEST_CASE("decoded offsets are monotonic and within the input", "[robust]") {
  const std::string& v = VariantPage();
  std::vector<std::string> inputs = {v, ToGb18030(v), ToUtf16(v, true, false), ToUtf16(HanOnly(v), false, false),
                                     Sprinkle(v, "\xC0\xAF", 30), Sprinkle(v, std::string(1, '\0'), 25)};
  for (const std::string& in : inputs) {
    DecodedText t;
    REQUIRE(DecodeText(in, "x", &t).ok());
    uint64_t prev = 0;
    for (size_t i = 0; i <= t.text.size(); ++i) {
      uint64_t o = t.OrigOffset(i);
      REQUIRE(o >= prev);
      REQUIRE(o <= in.size());
      prev = o;
    }
    CHECK(t.OrigOffset(t.text.size()) == in.size());
  }
}

}  // namespace
}  // namespace kgb
