// File access with Status results and crash-safe writes.
#ifndef KGB_UTIL_FILE_IO_H_
#define KGB_UTIL_FILE_IO_H_

#include <string>

#include "util/status.h"

namespace kgb {

// Reads the whole file (or standard input for "-") into *out.
Status ReadFile(const std::string& path, std::string* out);

// Writes `data` to `path` atomically: the bytes go to a temporary file in the
// same folder, are flushed, and the temporary file is renamed over `path`. A
// crash or a failed write leaves any previous `path` untouched. "-" writes to
// standard output.
Status WriteFileAtomic(const std::string& path, const std::string& data);

// Checks, before any work starts, that `path` could be written: its folder
// exists and is writable.
Status CheckWritable(const std::string& path);

}  // namespace kgb

#endif  // KGB_UTIL_FILE_IO_H_
