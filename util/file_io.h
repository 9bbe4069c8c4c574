// File access with Status results and crash-safe writes.
#ifndef KGB_UTIL_FILE_IO_H_
#define KGB_UTIL_FILE_IO_H_

#include <cstdint>
#include <string>

#include "util/status.h"

namespace kgb {

// Reads the whole file (or standard input for "-") into *out. Fails with
// NotFound when the file does not exist (or vanished since it was listed),
// IOError when it cannot be read, is a folder or standard input is closed,
// and Unsupported when it is larger than `max_bytes` (checked before reading,
// and again while reading, since files and pipes can grow).
Status ReadFile(const std::string& path, std::string* out, uint64_t max_bytes = UINT64_MAX);

// Writes `data` to `path` atomically: the bytes go to a temporary file in the
// same folder, are flushed, and the temporary file is renamed over `path`. A
// crash or a failed write leaves any previous `path` untouched. "-" writes to
// standard output.
Status WriteFileAtomic(const std::string& path, const std::string& data);

// Checks, before any work starts, that `path` could be written: its folder
// exists and is writable, and `path` itself is not a folder.
Status CheckWritable(const std::string& path);

// Call first thing in main(), before any file is opened or thread started.
// If standard input, output or error is closed, opens /dev/null in its place
// so that no file the program opens later gets descriptor 0, 1 or 2 (and is
// read as standard input, or written by a stray print). ReadFile("-") and
// WriteFileAtomic("-") then fail with "standard input/output is closed"
// instead of reading or writing /dev/null.
void GuardStandardStreams();

}  // namespace kgb

#endif  // KGB_UTIL_FILE_IO_H_
