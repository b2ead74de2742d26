// Status: the outcome of an operation that can fail, as a value.
//
// Shaped after Abseil's absl::Status and LevelDB's leveldb::Status: an error
// code plus a message that names the input and the place, e.g.
//   "corpora/rules/ru/counts.toml:42: rule ru.case_count.noun: unknown key 'unti'".
// No exception crosses a public header of newsmine; failures travel as Status
// or Result<T> (base/result.h).
//
// Example:
//   Status s = rules.Validate();
//   if (!s.ok()) std::cerr << s.ToString() << "\n";
//
// Thread safety: a Status is a plain value; copies are independent.
#ifndef NEWSMINE_BASE_STATUS_H_
#define NEWSMINE_BASE_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace newsmine {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad user input: options, config, rule files
  kNotFound,         // a file or record that is not there
  kIoError,          // the operating system said no
  kDataLoss,         // input truncated or corrupt (gzip, WARC, JSON)
  kUnavailable,      // a remote side failed; may succeed later
  kInternal,         // a bug in newsmine
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK", or "<code name>: <message>".
  std::string ToString() const;

  // A copy with "<context>: " put before the message, so a caller can say
  // which input a lower layer was reading.
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string m) {
  return Status(StatusCode::kInvalidArgument, std::move(m));
}
inline Status NotFoundError(std::string m) {
  return Status(StatusCode::kNotFound, std::move(m));
}
inline Status IoError(std::string m) {
  return Status(StatusCode::kIoError, std::move(m));
}
inline Status DataLossError(std::string m) {
  return Status(StatusCode::kDataLoss, std::move(m));
}
inline Status UnavailableError(std::string m) {
  return Status(StatusCode::kUnavailable, std::move(m));
}
inline Status InternalError(std::string m) {
  return Status(StatusCode::kInternal, std::move(m));
}

#define NM_RETURN_IF_ERROR(expr)                 \
  do {                                           \
    ::newsmine::Status nm_status_ = (expr);      \
    if (!nm_status_.ok()) return nm_status_;     \
  } while (0)

}  // namespace newsmine

#endif  // NEWSMINE_BASE_STATUS_H_
