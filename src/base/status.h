// Status and Result<T>: how every module boundary reports failure.
//
// A Status is OK or carries a code and a message. Messages name the input and the
// position ("data/world/cow.tsv:12:3: bad date '2024-02-30'"), never a stack trace.
// Result<T> holds either a T or a non-OK Status (g++ 12 has no std::expected).
#ifndef DYAD_BASE_STATUS_H_
#define DYAD_BASE_STATUS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace dyad {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is malformed
  kNotFound,
  kAlreadyExists,
  kCorruption,  // stored data is damaged
  kIOError,
  kFailedPrecondition,
  kResourceExhausted,  // a documented limit was hit
  kUnimplemented,
  kInternal,  // a bug: please report it
};

std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message);

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status AlreadyExists(std::string msg) { return {StatusCode::kAlreadyExists, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {StatusCode::kIOError, std::move(msg)}; }
  static Status FailedPrecondition(std::string msg) { return {StatusCode::kFailedPrecondition, std::move(msg)}; }
  static Status ResourceExhausted(std::string msg) { return {StatusCode::kResourceExhausted, std::move(msg)}; }
  static Status Unimplemented(std::string msg) { return {StatusCode::kUnimplemented, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "InvalidArgument: message", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "prefix: message" (adds context on the way up).
  Status WithPrefix(std::string_view prefix) const;

  bool operator==(const Status& other) const = default;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T>: a value or an error. Accessing value() of an error is a programming error
// (it aborts with the status), so callers test ok() first.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    if (std::get<Status>(data_).ok()) data_ = Status::Internal("Result built from OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  Status status() const { return ok() ? Status::OK() : std::get<Status>(data_); }

  const T& value() const& { CheckOk(); return std::get<T>(data_); }
  T& value() & { CheckOk(); return std::get<T>(data_); }
  T&& value() && { CheckOk(); return std::get<T>(std::move(data_)); }

  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  T value_or(T fallback) const { return ok() ? std::get<T>(data_) : std::move(fallback); }

 private:
  void CheckOk() const;
  std::variant<T, Status> data_;
};

[[noreturn]] void DieOnBadResultAccess(const Status& status);

template <typename T>
void Result<T>::CheckOk() const {
  if (!ok()) DieOnBadResultAccess(std::get<Status>(data_));
}

}  // namespace dyad

// Propagates a non-OK Status from an expression.
#define DYAD_RETURN_IF_ERROR(expr)              \
  do {                                          \
    ::dyad::Status _dyad_status = (expr);       \
    if (!_dyad_status.ok()) return _dyad_status; \
  } while (0)

#define DYAD_CONCAT_INNER_(a, b) a##b
#define DYAD_CONCAT_(a, b) DYAD_CONCAT_INNER_(a, b)

// DYAD_ASSIGN_OR_RETURN(auto x, MakeX()): binds the value or returns the error.
#define DYAD_ASSIGN_OR_RETURN(lhs, expr)                                   \
  auto DYAD_CONCAT_(_dyad_result_, __LINE__) = (expr);                     \
  if (!DYAD_CONCAT_(_dyad_result_, __LINE__).ok())                         \
    return DYAD_CONCAT_(_dyad_result_, __LINE__).status();                 \
  lhs = std::move(DYAD_CONCAT_(_dyad_result_, __LINE__)).value()

#endif  // DYAD_BASE_STATUS_H_
