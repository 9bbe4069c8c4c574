// File access with Status results, and the one routine that writes outputs.
#ifndef KGB_UTIL_FILE_IO_H_
#define KGB_UTIL_FILE_IO_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "util/status.h"

namespace kgb {

// Reads the whole file (or standard input for "-") into *out. Fails with
// NotFound when the file does not exist (or vanished since it was listed),
// IOError when it cannot be read, is a folder or standard input is closed,
// and Unsupported when it is larger than `max_bytes` (checked before reading,
// and again while reading, since files and pipes can grow).
Status ReadFile(const std::string& path, std::string* out, uint64_t max_bytes = UINT64_MAX);

// Every output kgb writes (build, export, merge, eval, the benchmarks) goes
// through WriteOutput, which picks how to write by what `path` names, so
// that no output ever replaces a device, a pipe or a link:
//
//   path                                   how it is written
//   "-", /dev/stdout, /dev/stderr,         straight to that descriptor, in one
//   /dev/fd/N, /proc/self/fd/N             stream (a shell `> file` keeps working)
//   a character device (/dev/null, a       opened (never created) and written
//   terminal) or a FIFO                    in place, in one stream; never renamed
//   a regular file, or nothing yet         to a temporary file in the same folder,
//                                          flushed (fsync), renamed over it; an
//                                          existing file's permissions and owner
//                                          are kept, a new one gets 0666 & ~umask
//   a symbolic link (chain)                resolved; its final target is written
//                                          as above, the link itself is kept
//   a folder, socket, block device, a      an error, before anything is written
//   path in a missing folder, a link loop
//
// A failure (ENOSPC, EDQUOT, EIO, a failing fsync or close, a read-only file
// system) is an IOError naming the path (and a link's target) and the
// reason; the temporary file is removed and a previous regular file stays
// whole. A kill can leave a stray NAME.tmp.XXXXXX next to NAME, never a
// partial NAME. A FIFO blocks until a reader opens it.

// What ResolveOutput found `path` to name.
struct OutputTarget {
  enum class Kind {
    kDescriptor,  // written to descriptor `fd`
    kStream,      // a character device or FIFO: `file` is opened and written
    kFile,        // a regular file (or none yet): temporary file renamed over `file`
  };
  Kind kind = Kind::kFile;
  int fd = -1;           // kDescriptor
  std::string file;      // kStream: the path to open; kFile: the path renamed over
                         // (the final target when `path` is a link)
  bool exists = false;   // kFile: `file` exists now
};

// Classifies `path` by the table above without writing anything. Fails for
// the error rows: NotFound for a missing folder, IOError otherwise,
// InvalidArgument for an empty path.
Status ResolveOutput(const std::string& path, OutputTarget* target);

// Writes `data` to `path` as the table above says.
Status WriteOutput(const std::string& path, std::string_view data);

// The former name of WriteOutput, kept so that code written against it still
// builds; new code calls WriteOutput.
inline Status WriteFileAtomic(const std::string& path, std::string_view data) {
  return WriteOutput(path, data);
}

// True when `path` names standard output ("-", /dev/stdout, /dev/fd/1,
// /proc/self/fd/1): a command then keeps its own messages off stdout.
bool IsStandardOutput(const std::string& path);

// Checks, before any work starts, that WriteOutput(path, ...) could write:
// ResolveOutput succeeds, a file's folder is writable (a read-only file
// system fails here; permission bits do not stop root), a device or FIFO is
// writable, a descriptor is open for writing (standard output not closed).
Status CheckWritable(const std::string& path);

// For tests only: when set, WriteOutput calls hook(step) before each system
// call of a write -- "create" (the temporary file), "open" (a device or
// FIFO), "write" (each chunk of at most 1 MiB), "fsync", "close", "rename" --
// and a non-zero result fails that step with that errno, as if the system
// had returned it. An empty function (the default) turns it off.
void SetOutputFaultHookForTesting(std::function<int(std::string_view step)> hook);

// Call first thing in main(), before any file is opened or thread started.
// If standard input, output or error is closed, opens /dev/null in its place
// so that no file the program opens later gets descriptor 0, 1 or 2 (and is
// read as standard input, or written by a stray print). ReadFile("-") and
// WriteOutput("-") then fail with "standard input/output is closed"
// instead of reading or writing /dev/null.
void GuardStandardStreams();

}  // namespace kgb

#endif  // KGB_UTIL_FILE_IO_H_
