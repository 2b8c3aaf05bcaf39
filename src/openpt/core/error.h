// Error and Result: how every fallible operation on outside input reports failure.
//
// Functions that read files, parse user data or load models return `Result<T>`
// (`tl::expected<T, Error>`). An Error says what went wrong, where (file, line, frame or
// field) and how to fix it; `kind` decides the process exit code (bad input → 2, internal
// failure → 1). Programmer errors are asserts, never Errors.
//
//   Result<int> parse_count(std::string_view s);
//   auto n = parse_count("12");
//   if (!n) { std::cerr << n.error().to_string() << "\n"; return exit_code(n.error()); }
#pragma once

#include <string>
#include <tl/expected.hpp>
#include <utility>

namespace openpt {

enum class ErrorKind {
  kBadInput,   // the user's file, flag or data is wrong: exit code 2
  kNotFound,   // a named file, exercise or model does not exist: exit code 2
  kCancelled,  // the user interrupted long work: exit code 130
  kInternal,   // a bug or an environment failure: exit code 1
};

struct Error {
  ErrorKind kind = ErrorKind::kBadInput;
  std::string message;  // what went wrong, in one sentence
  std::string where;    // "file.csv:12", "file.json: frames[3].t_s", may be empty
  std::string hint;     // how to fix it, may be empty

  // "where: message (hint)" in one line, suitable for a terminal.
  [[nodiscard]] std::string to_string() const;

  // Returns a copy whose `where` is prefixed with `outer` ("a.json" + "frames[2]").
  [[nodiscard]] Error within(const std::string& outer) const;
};

template <class T>
using Result = tl::expected<T, Error>;

// Shorthand constructors returning tl::unexpected so they can be `return`ed directly.
[[nodiscard]] tl::unexpected<Error> bad_input(std::string message, std::string where = {},
                                              std::string hint = {});
[[nodiscard]] tl::unexpected<Error> not_found(std::string message, std::string where = {},
                                              std::string hint = {});
[[nodiscard]] tl::unexpected<Error> internal_error(std::string message, std::string where = {});
[[nodiscard]] tl::unexpected<Error> cancelled(std::string message);

// The process exit code the CLI uses for this error.
[[nodiscard]] int exit_code(const Error& error);

}  // namespace openpt
