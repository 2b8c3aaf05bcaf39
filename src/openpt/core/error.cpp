#include "openpt/core/error.h"

namespace openpt {

std::string Error::to_string() const {
  std::string out;
  if (!where.empty()) out += where + ": ";
  out += message;
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

Error Error::within(const std::string& outer) const {
  Error copy = *this;
  if (outer.empty()) return copy;
  copy.where = where.empty() ? outer : outer + ": " + where;
  return copy;
}

namespace {
tl::unexpected<Error> make(ErrorKind kind, std::string message, std::string where,
                           std::string hint) {
  return tl::unexpected<Error>(Error{kind, std::move(message), std::move(where), std::move(hint)});
}
}  // namespace

tl::unexpected<Error> bad_input(std::string message, std::string where, std::string hint) {
  return make(ErrorKind::kBadInput, std::move(message), std::move(where), std::move(hint));
}
tl::unexpected<Error> not_found(std::string message, std::string where, std::string hint) {
  return make(ErrorKind::kNotFound, std::move(message), std::move(where), std::move(hint));
}
tl::unexpected<Error> internal_error(std::string message, std::string where) {
  return make(ErrorKind::kInternal, std::move(message), std::move(where), {});
}
tl::unexpected<Error> cancelled(std::string message) {
  return make(ErrorKind::kCancelled, std::move(message), {}, {});
}

int exit_code(const Error& error) {
  switch (error.kind) {
    case ErrorKind::kBadInput:
    case ErrorKind::kNotFound: return 2;
    case ErrorKind::kCancelled: return 130;
    case ErrorKind::kInternal: return 1;
  }
  return 1;
}

}  // namespace openpt
