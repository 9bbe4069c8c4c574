#include "util/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace kgb {
namespace {

// Set by GuardStandardStreams() when the process started without them.
bool g_stdin_closed = false;
bool g_stdout_closed = false;

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
    if (fd == 0) g_stdin_closed = true;
    if (fd == 1) g_stdout_closed = true;
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
    if (g_stdin_closed) return Status::IOError("-: standard input is closed");
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

Status WriteFileAtomic(const std::string& path, const std::string& data) {
  if (path == "-") {
    if (g_stdout_closed) return Status::IOError("-: standard output is closed");
    std::cout.write(data.data(), static_cast<std::streamsize>(data.size()));
    std::cout.flush();
    if (!std::cout) return Status::IOError("-: cannot write standard output");
    return Status::OK();
  }
  std::string tmp = path + ".tmp.XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return Status::IOError(path + ": cannot create temporary file: " + Errno());
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      Status s = Status::IOError(path + ": write failed: " + Errno());
      ::close(fd);
      ::unlink(tmp.c_str());
      return s;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::fchmod(fd, 0644) != 0) {
    Status s = Status::IOError(path + ": " + Errno());
    ::close(fd);
    ::unlink(tmp.c_str());
    return s;
  }
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return Status::IOError(path + ": " + Errno());
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    Status s = Status::IOError(path + ": cannot rename temporary file: " + Errno());
    ::unlink(tmp.c_str());
    return s;
  }
  // Make the rename itself durable (best effort: not every file system
  // supports syncing a folder).
  int dfd = ::open(DirName(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::OK();
}

Status CheckWritable(const std::string& path) {
  if (path == "-") return Status::OK();
  std::string dir = DirName(path);
  if (::access(dir.c_str(), F_OK) != 0) return Status::NotFound(dir + ": output folder does not exist");
  if (::access(dir.c_str(), W_OK) != 0) return Status::IOError(dir + ": output folder is not writable");
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    return Status::IOError(path + ": is a folder; give a file name for the output");
  return Status::OK();
}

}  // namespace kgb
