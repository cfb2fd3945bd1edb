// Result<T>: the value of an operation that can fail for a reason the caller should handle
// (bad input, not found, conflict), with a message a person can act on in both languages.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace lumbung {

// A sentence in the two languages Lumbung speaks.
struct Text {
  std::string id;  // Bahasa Indonesia
  std::string en;  // English

  const std::string& In(bool english) const { return english ? en : id; }
};

// What kind of failure happened; the HTTP layer maps each to a status code.
enum class ErrorCode {
  kInvalid,               // the input breaks a rule (422)
  kMalformed,             // the input cannot be read at all (400)
  kNotFound,              // (404)
  kConflict,              // the change clashes with existing data (409)
  kPreconditionFailed,    // the record changed since the client read it (412)
  kPreconditionRequired,  // an update came without the version it was based on (428)
  kTooLarge,              // (413)
  kUnsupportedMediaType,  // (415)
  kMethodNotAllowed,      // (405)
  kUnauthenticated,       // who is asking is unknown or their credentials are bad (401)
  kForbidden,             // known, but not allowed (403)
  kTooManyRequests,       // slow down (429)
  kUnavailable,           // the server cannot take this now (503)
  kInternal,              // (500)
};

// One field that breaks a rule: the field's path ("budget[2].amount") and what to do.
struct FieldError {
  std::string field;
  std::string code;  // machine-readable: "required", "unknown_value", "too_long", ...
  Text message;
};

// A failure: what kind, a one-line title, and the fields at fault when there are any.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  Text title;
  std::vector<FieldError> fields;
};

// Either a value or an Error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const Error& error() const { return std::get<1>(state_); }
  Error&& TakeError() { return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

// The value of an operation that returns nothing on success.
struct Done {};
using Status = Result<Done>;
inline Status Ok() { return Done{}; }

}  // namespace lumbung
