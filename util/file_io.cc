#include "util/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>

namespace kgb {
namespace {

// Set by GuardStandardStreams() when the process started without them.
bool g_closed[3] = {false, false, false};

std::string Errno() { return std::strerror(errno); }

std::string DirName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

void GuardStandardStreams() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    int nfd = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (nfd >= 0 && nfd != fd) {
      ::dup2(nfd, fd);
      ::close(nfd);
    }
    g_closed[fd] = true;
  }
}

Status ReadFile(const std::string& path, std::string* out, uint64_t max_bytes) {
  out->clear();
  auto too_large = [&](uint64_t size) {
    return Status::Unsupported(path + ": too large (" + std::to_string(size) + " bytes; the limit is " +
                               std::to_string(max_bytes) + ")");
  };
  int fd;
  if (path == "-") {
    if (g_closed[0]) return Status::IOError("-: standard input is closed");
    fd = STDIN_FILENO;
  } else {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ENOENT) return Status::NotFound(path + ": no such file");
      return Status::IOError(path + ": " + Errno());
    }
  }
  auto fail = [&](Status s) {
    if (fd != STDIN_FILENO) ::close(fd);
    out->clear();
    out->shrink_to_fit();
    return s;
  };
  struct stat st;
  if (::fstat(fd, &st) != 0) return fail(Status::IOError(path + ": " + Errno()));
  if (S_ISDIR(st.st_mode)) return fail(Status::IOError(path + ": is a folder, not a file"));
  if (S_ISREG(st.st_mode)) {
    if (static_cast<uint64_t>(st.st_size) > max_bytes) return fail(too_large(st.st_size));
    out->reserve(static_cast<size_t>(st.st_size));
  }
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      if (fd == STDIN_FILENO && errno == EBADF) return fail(Status::IOError("-: standard input is closed"));
      return fail(Status::IOError(path + ": " + Errno()));
    }
    if (out->size() + static_cast<size_t>(n) > max_bytes) return fail(too_large(out->size() + n));
    out->append(buf, static_cast<size_t>(n));
  }
  if (fd != STDIN_FILENO) ::close(fd);
  return Status::OK();
}


// ---------------------------------------------------------------------------
// Outputs.

namespace {

std::function<int(std::string_view)>& FaultHook() {
  static std::function<int(std::string_view)> hook;
  return hook;
}

// errno to fail `step` with, 0 to go on (see SetOutputFaultHookForTesting).
int Fault(std::string_view step) {
  const auto& hook = FaultHook();
  return hook ? hook(step) : 0;
}

// N for "/dev/stdout" (1), "/dev/stderr" (2), "/dev/fd/N", "/proc/self/fd/N"
// and "-" (1); -1 for any other path.
int DescriptorOf(const std::string& path) {
  if (path == "-" || path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  for (const char* prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    size_t n = std::strlen(prefix);
    if (path.compare(0, n, prefix) != 0 || path.size() == n || path.size() > n + 6) continue;
    int fd = 0;
    for (size_t i = n; i < path.size(); ++i) {
      if (path[i] < '0' || path[i] > '9') return -1;
      fd = fd * 10 + (path[i] - '0');
    }
    return fd;
  }
  return -1;
}

// The mode a new file gets: 0666 minus the umask (read without changing it).
mode_t NewFileMode() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("Umask:", 0) == 0) return 0666 & ~static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
  return 0644;
}

// `path`, and the file it leads to when that differs, for messages.
std::string Describe(const std::string& path, const OutputTarget& t) {
  if (t.kind == OutputTarget::Kind::kDescriptor || t.file == path) return path;
  return path + " (a link to " + t.file + ")";
}

// Writes all of `data` to `fd` in chunks of at most 1 MiB; false with errno
// set on failure.
bool WriteAll(int fd, std::string_view data) {
  constexpr size_t kChunk = 1 << 20;
  size_t done = 0;
  while (done < data.size()) {
    if (int e = Fault("write")) {
      errno = e;
      return false;
    }
    ssize_t n = ::write(fd, data.data() + done, std::min(kChunk, data.size() - done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) {
      errno = EIO;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

Status WriteDescriptor(const std::string& path, int fd, std::string_view data) {
  if (fd <= 2 && g_closed[fd])
    return Status::IOError(path + ": standard " + (fd == 0 ? "input" : fd == 1 ? "output" : "error") +
                           " is closed");
  // Whatever the program printed before goes first.
  if (fd == STDOUT_FILENO) std::cout.flush();
  if (fd == STDERR_FILENO) std::cerr.flush();
  std::fflush(nullptr);
  if (!WriteAll(fd, data)) return Status::IOError(path + ": cannot write: " + Errno());
  return Status::OK();
}

Status WriteStream(const std::string& path, const OutputTarget& t, std::string_view data) {
  std::string name = Describe(path, t);
  int fd;
  if (int e = Fault("open")) {
    errno = e;
    fd = -1;
  } else {
    // No O_CREAT: if the device or FIFO vanished since it was resolved,
    // nothing is created in its place.
    do fd = ::open(t.file.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
  }
  if (fd < 0) return Status::IOError(name + ": cannot open for writing: " + Errno());
  struct stat st;
  if (::fstat(fd, &st) != 0 || !(S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))) {
    ::close(fd);
    return Status::IOError(name + ": was replaced while being opened; nothing written");
  }
  if (!WriteAll(fd, data)) {
    Status s = Status::IOError(name + ": cannot write: " + Errno());
    ::close(fd);
    return s;
  }
  int e = Fault("close");
  if (::close(fd) != 0 || e != 0) {
    if (e) errno = e;
    return Status::IOError(name + ": cannot write: " + Errno());
  }
  return Status::OK();
}

// The temporary file for `file`: FILE.tmp.XXXXXX, or DIR/.kgb.tmp.XXXXXX when
// that name would be too long for the file system.
std::string TempName(const std::string& file) {
  std::string dir = DirName(file);
  size_t base = file.size() - (file.find_last_of('/') == std::string::npos ? 0 : file.find_last_of('/') + 1);
  if (base + 11 > NAME_MAX) return dir + "/.kgb.tmp.XXXXXX";
  return file + ".tmp.XXXXXX";
}

Status WriteRegular(const std::string& path, const OutputTarget& t, std::string_view data) {
  std::string name = Describe(path, t);
  std::string kept = t.exists ? "; " + t.file + " is unchanged" : "; nothing written";
  struct stat old {};
  bool had_old = t.exists && ::stat(t.file.c_str(), &old) == 0 && S_ISREG(old.st_mode);
  std::string tmp = TempName(t.file);
  int fd;
  if (int e = Fault("create")) {
    errno = e;
    fd = -1;
  } else {
    fd = ::mkstemp(tmp.data());
  }
  if (fd < 0)
    return Status::IOError(name + ": cannot create a temporary file in " + DirName(t.file) + ": " + Errno() + kept);
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  auto fail = [&](const char* what, int err, bool open) {
    Status s = Status::IOError(name + ": " + what + ": " + std::strerror(err) + kept);
    if (open) ::close(fd);
    ::unlink(tmp.c_str());
    return s;
  };
  if (!WriteAll(fd, data)) return fail("cannot write", errno, true);
  // The old file's permissions and owner (owner first: chown clears set-id bits).
  if (had_old) {
    if (old.st_uid != ::geteuid() || old.st_gid != ::getegid()) {
      if (::fchown(fd, old.st_uid, old.st_gid) != 0) { /* not allowed unless root: keep ours */ }
    }
    if (::fchmod(fd, old.st_mode & 07777) != 0) return fail("cannot set permissions", errno, true);
  } else if (::fchmod(fd, NewFileMode()) != 0) {
    return fail("cannot set permissions", errno, true);
  }
  if (int e = Fault("fsync")) return fail("cannot write (fsync)", e, true);
  if (::fsync(fd) != 0) return fail("cannot write (fsync)", errno, true);
  int e = Fault("close");
  if (::close(fd) != 0 || e != 0) return fail("cannot write (close)", e ? e : errno, false);
  if (int e2 = Fault("rename")) return fail("cannot rename the temporary file into place", e2, false);
  if (::rename(tmp.c_str(), t.file.c_str()) != 0)
    return fail("cannot rename the temporary file into place", errno, false);
  // Make the rename itself durable (best effort: not every file system
  // supports syncing a folder).
  int dfd = ::open(DirName(t.file).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::OK();
}

// IOError for an existing non-writable kind of file, or OK.
Status CheckKind(const std::string& path, mode_t mode) {
  if (S_ISDIR(mode)) return Status::IOError(path + ": is a folder; give a file name for the output");
  if (S_ISSOCK(mode)) return Status::IOError(path + ": is a socket; outputs go to files, pipes or character devices");
  if (S_ISBLK(mode)) return Status::IOError(path + ": is a block device; kgb does not write to disks");
  return Status::OK();
}

}  // namespace

void SetOutputFaultHookForTesting(std::function<int(std::string_view step)> hook) { FaultHook() = std::move(hook); }

bool IsStandardOutput(const std::string& path) { return DescriptorOf(path) == STDOUT_FILENO; }

Status ResolveOutput(const std::string& path, OutputTarget* t) {
  *t = OutputTarget();
  if (path.empty()) return Status::InvalidArgument("empty output path");
  if (int fd = DescriptorOf(path); fd >= 0) {
    t->kind = OutputTarget::Kind::kDescriptor;
    t->fd = fd;
    return Status::OK();
  }
  // What the path leads to, through any links (this also follows the
  // kernel's own links such as /proc/PID/fd/N to a pipe).
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    KGB_RETURN_IF_ERROR(CheckKind(path, st.st_mode));
    if (!S_ISREG(st.st_mode)) {
      t->kind = OutputTarget::Kind::kStream;
      t->file = path;
      return Status::OK();
    }
  } else if (errno == ELOOP) {
    return Status::IOError(path + ": symbolic link loop");
  } else if (errno != ENOENT) {
    return Status::IOError(path + ": " + Errno());
  }
  if (path.back() == '/') return Status::IOError(path + ": ends in '/'; give a file name for the output");
  // A regular file or nothing: find the file a rename must replace, so that
  // a link stays a link and its target gets the new bytes.
  std::string file = path;
  for (int hops = 0;; ++hops) {
    if (::lstat(file.c_str(), &st) != 0) {
      if (errno != ENOENT) return Status::IOError(file + ": " + Errno());
      std::string dir = DirName(file);
      struct stat ds;
      std::string via = file == path ? "" : " (" + path + " is a link to " + file + ")";
      if (via.empty()) via = " (for " + path + ")";
      if (::stat(dir.c_str(), &ds) != 0) return Status::NotFound(dir + ": output folder does not exist" + via);
      if (!S_ISDIR(ds.st_mode)) return Status::IOError(dir + ": is not a folder" + via);
      t->kind = OutputTarget::Kind::kFile;
      t->file = file;
      return Status::OK();
    }
    if (!S_ISLNK(st.st_mode)) break;
    if (hops >= 40) return Status::IOError(path + ": symbolic link loop");
    std::string target(PATH_MAX, '\0');
    ssize_t n = ::readlink(file.c_str(), target.data(), target.size());
    if (n <= 0 || static_cast<size_t>(n) >= target.size()) return Status::IOError(file + ": cannot read the link");
    target.resize(static_cast<size_t>(n));
    file = target[0] == '/' ? target : DirName(file) + "/" + target;
  }
  KGB_RETURN_IF_ERROR(CheckKind(path, st.st_mode));
  if (!S_ISREG(st.st_mode)) {  // changed since the stat above
    t->kind = OutputTarget::Kind::kStream;
    t->file = file;
    return Status::OK();
  }
  t->kind = OutputTarget::Kind::kFile;
  t->file = file;
  t->exists = true;
  return Status::OK();
}

Status WriteOutput(const std::string& path, std::string_view data) {
  OutputTarget t;
  KGB_RETURN_IF_ERROR(ResolveOutput(path, &t));
  switch (t.kind) {
    case OutputTarget::Kind::kDescriptor: return WriteDescriptor(path, t.fd, data);
    case OutputTarget::Kind::kStream: return WriteStream(path, t, data);
    case OutputTarget::Kind::kFile: return WriteRegular(path, t, data);
  }
  return Status::InvalidArgument(path + ": unknown kind of output");
}

Status CheckWritable(const std::string& path) {
  OutputTarget t;
  KGB_RETURN_IF_ERROR(ResolveOutput(path, &t));
  switch (t.kind) {
    case OutputTarget::Kind::kDescriptor: {
      if (t.fd <= 2 && g_closed[t.fd])
        return Status::IOError(path + ": standard " + (t.fd == 1 ? "output" : t.fd == 2 ? "error" : "input") +
                               " is closed");
      int flags = ::fcntl(t.fd, F_GETFL);
      if (flags < 0) return Status::IOError(path + ": descriptor " + std::to_string(t.fd) + " is not open");
      if ((flags & O_ACCMODE) == O_RDONLY)
        return Status::IOError(path + ": descriptor " + std::to_string(t.fd) + " is open for reading only");
      return Status::OK();
    }
    case OutputTarget::Kind::kStream:
      if (::access(t.file.c_str(), W_OK) != 0) return Status::IOError(Describe(path, t) + ": not writable: " + Errno());
      return Status::OK();
    case OutputTarget::Kind::kFile: {
      std::string dir = DirName(t.file);
      if (::access(dir.c_str(), W_OK) != 0)
        return Status::IOError(Describe(path, t) + ": cannot write in its folder " + dir + ": " + Errno());
      return Status::OK();
    }
  }
  return Status::OK();
}

}  // namespace kgb
