// Writing outputs never damages what is already there (issue 11): one table
// per question about WriteOutput (util/file_io.h).
//   - ResolveOutput: what each kind of path is taken to be (file, link,
//     device, FIFO, descriptor) or why it is refused.
//   - WriteOutput on each writable kind: the bytes arrive, and the path keeps
//     its type (a link stays a link, a device a device, a FIFO a FIFO), a
//     file its permissions.
//   - Failures at each step (injected through SetOutputFaultHookForTesting,
//     since permission bits do not stop root and a full disk cannot be made
//     without privileges): an IOError naming the file and the reason, no
//     temporary file left, the previous file byte for byte.
//   - A full device: a node made with mknod in a temporary folder (never the
//     machine's /dev/full, which a wrong writer would replace).
// Nothing here writes to /dev/null or /dev/full by name.
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "util/file_io.h"

namespace fs = std::filesystem;

namespace kgb {
namespace {

struct TempDir {
  std::string path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "kgb_output_XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string operator/(const std::string& name) const { return path + "/" + name; }
};

void Put(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary);
  f << bytes;
  REQUIRE(f.good());
}

std::string Get(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

// "file", "link", "fifo", "char 1:7", "folder", "socket", "none".
std::string TypeOf(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return "none";
  if (S_ISLNK(st.st_mode)) return "link";
  if (S_ISREG(st.st_mode)) return "file";
  if (S_ISDIR(st.st_mode)) return "folder";
  if (S_ISFIFO(st.st_mode)) return "fifo";
  if (S_ISSOCK(st.st_mode)) return "socket";
  if (S_ISCHR(st.st_mode)) return "char " + std::to_string(major(st.st_rdev)) + ":" + std::to_string(minor(st.st_rdev));
  return "other";
}

// Names in `dir` that look like a temporary file of WriteOutput.
std::vector<std::string> Leftovers(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string n = e.path().filename().string();
    if (n.find(".tmp.") != std::string::npos) out.push_back(n);
  }
  return out;
}

// A character device node like /dev/null (1:3) or /dev/full (1:7) inside
// `dir`; false where mknod is not allowed (not root, or a container that
// forbids it).
bool MakeDevice(const std::string& path, unsigned minor_number) {
  return ::mknod(path.c_str(), S_IFCHR | 0666, makedev(1, minor_number)) == 0;
}

bool MakeSocket(const std::string& path) {
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  if (path.size() >= sizeof a.sun_path) return false;
  std::strcpy(a.sun_path, path.c_str());
  bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// Runs `fn` with descriptor `fd` pointing at `file`, then restores it (also
// when `fn` throws, as a failed REQUIRE does).
void WithDescriptorIn(int fd, const std::string& file, const std::function<void()>& fn) {
  std::cout.flush();
  std::fflush(nullptr);
  int saved = ::dup(fd);
  REQUIRE(saved >= 0);
  int f = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(f >= 0);
  ::dup2(f, fd);
  ::close(f);
  struct Restore {
    int fd, saved;
    ~Restore() {
      std::cout.flush();
      std::fflush(nullptr);
      ::dup2(saved, fd);
      ::close(saved);
    }
  } restore{fd, saved};
  fn();
}

// Sets the fault hook for the lifetime of the object.
struct Faults {
  explicit Faults(std::function<int(std::string_view)> hook) { SetOutputFaultHookForTesting(std::move(hook)); }
  ~Faults() { SetOutputFaultHookForTesting(nullptr); }
};

// 2.5 MiB: three write chunks, and more than a pipe holds.
std::string BigData() {
  std::string s;
  while (s.size() < (5u << 19)) s += "{\"id\": \"n" + std::to_string(s.size()) + "\", \"label\": \"江州高新区\"}\n";
  return s;
}

TEST_CASE("ResolveOutput: what each kind of path is taken to be", "[output]") {
  TempDir d;
  Put(d / "file.json", "old");
  fs::create_directory(d / "sub");
  Put(d / "sub/real.json", "old");
  fs::create_symlink("file.json", d / "link.json");                // relative link
  fs::create_symlink(d / "sub/real.json", d / "abs_link.json");   // absolute link
  fs::create_symlink("link.json", d / "chain.json");              // link to a link
  fs::create_symlink("sub/real.json", d / "into_sub.json");       // relative, into a folder
  fs::create_symlink("new.json", d / "dangling.json");            // target not there yet
  fs::create_symlink("nowhere/new.json", d / "dangling_missing.json");
  fs::create_symlink("loop_b", d / "loop_a");
  fs::create_symlink("loop_a", d / "loop_b");
  fs::create_symlink("sub", d / "link_to_folder");
  REQUIRE(::mkfifo((d / "fifo").c_str(), 0644) == 0);
  fs::create_symlink("fifo", d / "link_to_fifo");
  bool socket = MakeSocket(d / "sock");
  bool device = MakeDevice(d / "null", 3);

  using K = OutputTarget::Kind;
  struct Row {
    std::string path;   // relative to the temporary folder unless absolute or "-"
    std::string want;   // "file TARGET", "new TARGET", "stream TARGET", "fd N", or "error: TEXT"
  };
  std::vector<Row> rows = {
      {"file.json", "file file.json"},
      {"new.json", "new new.json"},
      {"link.json", "file ./file.json"},
      {"abs_link.json", "file " + (d / "sub/real.json")},
      {"chain.json", "file ./file.json"},
      {"into_sub.json", "file ./sub/real.json"},
      {"dangling.json", "new ./new.json"},
      {"fifo", "stream fifo"},
      {"link_to_fifo", "stream link_to_fifo"},
      {"-", "fd 1"},
      {"/dev/stdout", "fd 1"},
      {"/dev/stderr", "fd 2"},
      {"/dev/fd/1", "fd 1"},
      {"/proc/self/fd/1", "fd 1"},
      {"/dev/fd/7", "fd 7"},
      {"sub", "error: is a folder"},
      {"sub/", "error: is a folder"},
      {"link_to_folder", "error: is a folder"},
      {"missing/g.json", "error: output folder does not exist"},
      {"file.json/g.json", "error: Not a directory"},
      {"new.json/", "error: ends in '/'"},
      {"dangling_missing.json", "error: output folder does not exist"},
      {"loop_a", "error: symbolic link loop"},
      {"", "error: empty output path"},
  };
  if (socket) rows.push_back({"sock", "error: is a socket"});
  if (device) rows.push_back({"null", "stream null"});
  for (const Row& r : rows) {
    bool absolute = r.path.empty() || r.path[0] == '/' || r.path == "-";
    std::string path = absolute ? r.path : d / r.path;
    INFO("path " << r.path << ", expected " << r.want);
    OutputTarget t;
    Status s = ResolveOutput(path, &t);
    if (r.want.rfind("error: ", 0) == 0) {
      REQUIRE_FALSE(s.ok());
      CHECK(s.message().find(r.want.substr(7)) != std::string::npos);
      continue;
    }
    REQUIRE(s.ok());
    std::string kind = r.want.substr(0, r.want.find(' '));
    std::string arg = r.want.substr(r.want.find(' ') + 1);
    std::string file = arg[0] == '/' ? arg : arg.rfind("./", 0) == 0 ? d.path + "/" + arg : d / arg;
    if (kind == "fd") {
      CHECK(t.kind == K::kDescriptor);
      CHECK(t.fd == std::stoi(arg));
    } else if (kind == "stream") {
      CHECK(t.kind == K::kStream);
      CHECK(t.file == file);
    } else {
      CHECK(t.kind == K::kFile);
      CHECK(t.exists == (kind == "file"));
      CHECK(fs::equivalent(fs::path(t.file).parent_path(), fs::path(file).parent_path()));
      CHECK(fs::path(t.file).filename() == fs::path(file).filename());
    }
  }
  CHECK(IsStandardOutput("-"));
  CHECK(IsStandardOutput("/dev/stdout"));
  CHECK(IsStandardOutput("/proc/self/fd/1"));
  CHECK_FALSE(IsStandardOutput("/dev/stderr"));
  CHECK_FALSE(IsStandardOutput("out.json"));
}

TEST_CASE("WriteOutput: the bytes arrive and the path keeps its type", "[output]") {
  TempDir d;
  const std::string data = BigData();
  fs::create_directory(d / "sub");

  SECTION("a new file gets 0666 minus the umask") {
    mode_t mask = ::umask(022);
    REQUIRE(WriteOutput(d / "new.json", data).ok());
    ::umask(mask);
    CHECK(Get(d / "new.json") == data);
    CHECK((fs::status(d / "new.json").permissions() & fs::perms::all) == fs::perms(0644));
  }
  SECTION("an existing file is replaced and keeps its permissions") {
    Put(d / "g.json", "old");
    ::chmod((d / "g.json").c_str(), 0640);
    REQUIRE(WriteOutput(d / "g.json", data).ok());
    CHECK(Get(d / "g.json") == data);
    CHECK(TypeOf(d / "g.json") == "file");
    CHECK((fs::status(d / "g.json").permissions() & fs::perms::all) == fs::perms(0640));
  }
  SECTION("a link stays a link; its target gets the bytes and keeps its permissions") {
    Put(d / "sub/real.json", "old");
    ::chmod((d / "sub/real.json").c_str(), 0600);
    fs::create_symlink("sub/real.json", d / "link.json");
    fs::create_symlink("link.json", d / "chain.json");
    REQUIRE(WriteOutput(d / "chain.json", data).ok());
    CHECK(TypeOf(d / "chain.json") == "link");
    CHECK(TypeOf(d / "link.json") == "link");
    CHECK(fs::read_symlink(d / "link.json") == "sub/real.json");
    CHECK(TypeOf(d / "sub/real.json") == "file");
    CHECK(Get(d / "sub/real.json") == data);
    CHECK((fs::status(d / "sub/real.json").permissions() & fs::perms::all) == fs::perms(0600));
    CHECK(Leftovers(d.path).empty());
    CHECK(Leftovers(d / "sub").empty());
  }
  SECTION("a dangling link gets its target created") {
    fs::create_symlink("sub/new.json", d / "link.json");
    REQUIRE(WriteOutput(d / "link.json", data).ok());
    CHECK(TypeOf(d / "link.json") == "link");
    CHECK(Get(d / "sub/new.json") == data);
  }
  SECTION("a FIFO stays a FIFO; a reader thread gets every byte") {
    REQUIRE(::mkfifo((d / "fifo").c_str(), 0644) == 0);
    // The test holds a writing end (O_RDWR does not block) while the reader
    // opens, so that a writer that wrongly replaced the FIFO cannot leave the
    // reader waiting forever: closing it after WriteOutput gives EOF.
    int keep = ::open((d / "fifo").c_str(), O_RDWR | O_CLOEXEC);
    REQUIRE(keep >= 0);
    int rfd = ::open((d / "fifo").c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(rfd >= 0);
    std::string got;
    std::thread reader([&] {
      char buf[65536];
      for (ssize_t n; (n = ::read(rfd, buf, sizeof buf)) != 0;)
        if (n > 0) got.append(buf, static_cast<size_t>(n));
        else if (errno != EINTR) break;
      ::close(rfd);
    });
    Status s = WriteOutput(d / "fifo", data);
    ::close(keep);
    reader.join();
    REQUIRE(s.ok());
    CHECK(got.size() == data.size());
    CHECK(got == data);
    CHECK(TypeOf(d / "fifo") == "fifo");
  }
  SECTION("a character device is written in place, never replaced") {
    if (!MakeDevice(d / "null", 3)) {
      WARN("mknod not allowed here: the device row of this table is not run");
      return;
    }
    fs::create_symlink("null", d / "link_to_null");
    REQUIRE(WriteOutput(d / "null", data).ok());
    REQUIRE(WriteOutput(d / "link_to_null", data).ok());
    CHECK(TypeOf(d / "null") == "char 1:3");
    CHECK(TypeOf(d / "link_to_null") == "link");
    CHECK(Leftovers(d.path).empty());
  }
  for (const char* name : {"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"}) {
    SECTION(std::string("standard output as ") + name) {
      // Standard output redirected to a file, as by `kgb ... > out.json`:
      // the bytes land in that file, which is not replaced.
      struct stat before, after;
      Status s;
      int stat_before = -1;
      WithDescriptorIn(STDOUT_FILENO, d / "out.json", [&] {
        stat_before = ::stat((d / "out.json").c_str(), &before);
        std::cout << "head\n";  // printed before: must come first
        s = WriteOutput(name, data);
      });
      REQUIRE(stat_before == 0);
      REQUIRE(s.ok());
      CHECK(Get(d / "out.json") == "head\n" + data);
      REQUIRE(::stat((d / "out.json").c_str(), &after) == 0);
      CHECK(before.st_ino == after.st_ino);
      CHECK(Leftovers(d.path).empty());
    }
  }
}

TEST_CASE("WriteOutput: a failure at any step names the file, removes the temporary file, keeps the old one",
          "[output]") {
  const std::string data = BigData();
  struct Row {
    const char* step;
    int nth;      // fail the nth call of that step (1 = the first)
    int err;
    const char* target;  // "file", "new", "link"
  };
  const Row rows[] = {
      {"create", 1, EROFS, "file"},   {"create", 1, EACCES, "new"},  {"create", 1, EROFS, "link"},
      {"write", 1, ENOSPC, "file"},   {"write", 2, ENOSPC, "file"},  {"write", 3, ENOSPC, "link"},
      {"write", 2, ENOSPC, "new"},    {"write", 1, EDQUOT, "file"},  {"write", 2, EIO, "file"},
      {"fsync", 1, EIO, "file"},      {"fsync", 1, ENOSPC, "link"},  {"fsync", 1, EIO, "new"},
      {"close", 1, EDQUOT, "file"},   {"close", 1, EIO, "new"},      {"rename", 1, EROFS, "file"},
      {"rename", 1, EXDEV, "link"},   {"rename", 1, EACCES, "new"},
  };
  for (const Row& r : rows) {
    INFO(r.step << " #" << r.nth << " fails with " << std::strerror(r.err) << " on a " << r.target);
    TempDir d;
    std::string path = d / "g.json", file = path;
    if (std::string(r.target) == "link") {
      fs::create_directory(d / "sub");
      file = d / "sub/real.json";
      fs::create_symlink("sub/real.json", path);
    }
    if (std::string(r.target) != "new") {
      Put(file, "the previous graph");
      ::chmod(file.c_str(), 0640);
    }
    int calls = 0;
    Status s;
    {
      Faults f([&](std::string_view step) { return step == r.step && ++calls == r.nth ? r.err : 0; });
      s = WriteOutput(path, data);
    }
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == Status::Code::kIOError);
    CHECK(s.message().rfind(path, 0) == 0);
    CHECK(s.message().find(std::strerror(r.err)) != std::string::npos);
    if (file != path) CHECK(s.message().find(file) != std::string::npos);
    CHECK(Leftovers(d.path).empty());
    if (file != path) CHECK(Leftovers(d / "sub").empty());
    if (std::string(r.target) == "new") {
      CHECK(TypeOf(path) == "none");
      CHECK(s.message().find("nothing written") != std::string::npos);
    } else {
      CHECK(Get(file) == "the previous graph");
      CHECK((fs::status(file).permissions() & fs::perms::all) == fs::perms(0640));
      CHECK(s.message().find("unchanged") != std::string::npos);
      CHECK(TypeOf(path) == (file == path ? "file" : "link"));
    }
    // The same path writes fine once the fault is gone.
    REQUIRE(WriteOutput(path, "new").ok());
    CHECK(Get(file) == "new");
  }
}

TEST_CASE("WriteOutput: a failing FIFO or descriptor is an error naming it", "[output]") {
  TempDir d;
  REQUIRE(::mkfifo((d / "fifo").c_str(), 0644) == 0);
  {
    Faults f([](std::string_view step) { return step == "open" ? EIO : 0; });
    Status s = WriteOutput(d / "fifo", "x");
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().rfind(d / "fifo", 0) == 0);
    CHECK(s.message().find(std::strerror(EIO)) != std::string::npos);
  }
  CHECK(TypeOf(d / "fifo") == "fifo");
  Status s;
  WithDescriptorIn(STDOUT_FILENO, d / "out", [&] {
    Faults f([](std::string_view step) { return step == "write" ? ENOSPC : 0; });
    s = WriteOutput("-", "x");
  });
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().rfind("-: ", 0) == 0);
  CHECK(s.message().find(std::strerror(ENOSPC)) != std::string::npos);
  s = WriteOutput("/dev/fd/99", "x");
  CHECK_FALSE(s.ok());
  CHECK(s.message().rfind("/dev/fd/99: ", 0) == 0);
}

TEST_CASE("WriteOutput: a full device gives ENOSPC and stays a device", "[output]") {
  TempDir d;
  std::string full = d / "full";
  if (!MakeDevice(full, 7)) {
    // Without mknod (not root), the machine's /dev/full cannot be replaced by
    // a wrong writer either (/dev is not writable), so it is safe to use.
    if (::geteuid() == 0) {
      WARN("root, but mknod is not allowed here: the full-device case is not run (the fault table covers ENOSPC)");
      return;
    }
    full = "/dev/full";
  }
  fs::create_symlink(full, d / "link_to_full");
  for (const std::string& path : {full, d / "link_to_full"}) {
    INFO(path);
    CHECK(CheckWritable(path).ok());
    Status s = WriteOutput(path, BigData());
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == Status::Code::kIOError);
    CHECK(s.message().rfind(path, 0) == 0);
    CHECK(s.message().find(std::strerror(ENOSPC)) != std::string::npos);
  }
  CHECK(TypeOf(full) == "char 1:7");
  CHECK(TypeOf(d / "link_to_full") == "link");
  CHECK(Leftovers(d.path).empty());
}

TEST_CASE("CheckWritable refuses what WriteOutput would refuse, before any work", "[output]") {
  TempDir d;
  fs::create_directory(d / "sub");
  fs::create_symlink("sub", d / "link_to_folder");
  fs::create_symlink("nowhere/g.json", d / "dangling_missing");
  const std::string refused[] = {d / "sub", d / "link_to_folder", d / "missing/g.json", d / "dangling_missing", ""};
  for (const std::string& p : refused) {
    INFO(p);
    CHECK_FALSE(CheckWritable(p).ok());
  }
  for (const std::string& p : {d / "g.json", std::string("-"), std::string("/dev/stdout")}) {
    INFO(p);
    CHECK(CheckWritable(p).ok());
  }
  CHECK_FALSE(CheckWritable("/dev/fd/99").ok());
  // Nothing was created by checking.
  CHECK(TypeOf(d / "g.json") == "none");
}

}  // namespace
}  // namespace kgb
