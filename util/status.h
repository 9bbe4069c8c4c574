// Status: the error type every kgb library call returns.
//
// Modeled on leveldb::Status. A library function never exits or aborts on bad
// input; it returns a Status that names what went wrong (and, where there is
// one, the file and line), and only cli/ maps it to an exit code.
#ifndef KGB_UTIL_STATUS_H_
#define KGB_UTIL_STATUS_H_

#include <string>
#include <utility>

namespace kgb {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller asked for something malformed
    kNotFound,         // a file, name or key does not exist
    kCorrupt,          // input exists but its content is unusable
    kIOError,          // the operating system refused a read or write
    kUnsupported,      // well-formed input kgb cannot handle (e.g. binary)
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Corrupt(std::string msg) { return Status(Code::kCorrupt, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corrupt: graph.json: line 3: ..." style text for users.
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(const std::string& context) const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

#define KGB_RETURN_IF_ERROR(expr)          \
  do {                                     \
    ::kgb::Status _kgb_status = (expr);    \
    if (!_kgb_status.ok()) return _kgb_status; \
  } while (0)

}  // namespace kgb

#endif  // KGB_UTIL_STATUS_H_
