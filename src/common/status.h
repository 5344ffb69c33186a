// Status and Result<T>: the one error type of TXNG.
//
// Errors are values. A Status carries a code (what kind of failure, which the
// HTTP layer maps to a status code and an RFC 7807 problem type in one place),
// a human message that says what went wrong and what to do next, and
// optionally the field (a JSON pointer or parameter name) it concerns.
#ifndef TXNG_COMMON_STATUS_H_
#define TXNG_COMMON_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace txng {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller sent something malformed (400)
  kUnauthenticated,     // no or bad credentials (401)
  kPermissionDenied,    // authenticated but not allowed (403)
  kNotFound,            // absent, or invisible to this caller (404)
  kAlreadyExists,       // unique key taken (409)
  kFailedPrecondition,  // valid request, wrong state, e.g. editing approved data (409)
  kPayloadTooLarge,     // request body over the limit (413)
  kResourceExhausted,   // rate limited (429)
  kUnavailable,         // a dependency (the database) cannot be reached (503)
  kUnimplemented,       // a valid request for something TXNG does not do yet (501)
  kInternal,            // a bug or an unexpected failure (500)
};

// Stable lower-case name of a code ("invalid_argument"), used in problem types and logs.
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string msg, std::string field = {}) {
    return {StatusCode::kInvalidArgument, std::move(msg), std::move(field)};
  }
  static Status Unauthenticated(std::string msg) {
    return {StatusCode::kUnauthenticated, std::move(msg)};
  }
  static Status PermissionDenied(std::string msg) {
    return {StatusCode::kPermissionDenied, std::move(msg)};
  }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status AlreadyExists(std::string msg, std::string field = {}) {
    return {StatusCode::kAlreadyExists, std::move(msg), std::move(field)};
  }
  static Status FailedPrecondition(std::string msg) {
    return {StatusCode::kFailedPrecondition, std::move(msg)};
  }
  static Status PayloadTooLarge(std::string msg) {
    return {StatusCode::kPayloadTooLarge, std::move(msg)};
  }
  static Status ResourceExhausted(std::string msg) {
    return {StatusCode::kResourceExhausted, std::move(msg)};
  }
  static Status Unavailable(std::string msg) { return {StatusCode::kUnavailable, std::move(msg)}; }
  static Status Unimplemented(std::string msg) {
    return {StatusCode::kUnimplemented, std::move(msg)};
  }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The offending field or parameter, empty when the error is not about one.
  const std::string& field() const { return field_; }

  // "not_found: product 12 does not exist" (with " [field]" when set).
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
};

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result constructed from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace txng

// Returns the status of `expr` from the enclosing function when it is not OK.
#define TXNG_RETURN_IF_ERROR(expr)               \
  do {                                           \
    ::txng::Status txng_status_ = (expr);        \
    if (!txng_status_.ok()) return txng_status_; \
  } while (0)

#define TXNG_CONCAT_INNER_(a, b) a##b
#define TXNG_CONCAT_(a, b) TXNG_CONCAT_INNER_(a, b)

// `TXNG_ASSIGN_OR_RETURN(auto x, F());` declares x from a Result or returns its status.
#define TXNG_ASSIGN_OR_RETURN(decl, expr) \
  TXNG_ASSIGN_OR_RETURN_IMPL_(TXNG_CONCAT_(txng_result_, __LINE__), decl, expr)
#define TXNG_ASSIGN_OR_RETURN_IMPL_(tmp, decl, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.status();                \
  decl = std::move(tmp).value()

#endif  // TXNG_COMMON_STATUS_H_
