// Errors are values: Result<T> holds either a T or an Error. Exceptions from third-party
// libraries (CLI11, nlohmann::json, fmt) are caught where they enter the core and turned
// into an Error here.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "dbopt/base/diagnostic.h"

namespace dbopt {

// What went wrong, as far as the exit code is concerned (DESIGN.md "Exit codes").
enum class ErrorKind {
  kBadInput,  // the user's input is wrong: exit 2
  kUsage,     // the command line is wrong: exit 2
  kIo,        // a file or server could not be read: exit 2
  kInternal,  // a bug in dbopt: exit 3
};

struct Error {
  ErrorKind kind = ErrorKind::kBadInput;
  Diagnostic diagnostic;  // the primary message, with its location when there is one
  std::vector<Diagnostic> notes;  // further diagnostics (e.g. every syntax error of a file)

  static Error BadInput(std::string message) { return Make(ErrorKind::kBadInput, std::move(message)); }
  static Error Io(std::string message) { return Make(ErrorKind::kIo, std::move(message)); }
  static Error Internal(std::string message) { return Make(ErrorKind::kInternal, std::move(message)); }
  static Error Usage(std::string message) { return Make(ErrorKind::kUsage, std::move(message)); }
  static Error At(Diagnostic diagnostic) {
    Error e;
    e.diagnostic = std::move(diagnostic);
    return e;
  }

  const std::string& message() const { return diagnostic.message; }
  // The full text for the user: every diagnostic rendered, one after the other.
  std::string Render() const;

 private:
  static Error Make(ErrorKind kind, std::string message) {
    Error e;
    e.kind = kind;
    e.diagnostic.message = std::move(message);
    return e;
  }
};

// The process exit code for an error (0 success and 1 findings are decided by the commands).
int ExitCodeFor(ErrorKind kind);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
struct Ok {};
using Status = Result<Ok>;

}  // namespace dbopt
