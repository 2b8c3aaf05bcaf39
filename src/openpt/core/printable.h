// Printable text: control characters and invalid UTF-8 replaced by '?', so a file name or
// a value read from a file is safe to print in a terminal, an error message or a report.
//
//   printable("squat\x1b[2J.json")   // "squat?[2J.json"
#pragma once

#include <string>
#include <string_view>

namespace openpt {

std::string printable(std::string_view text);

}  // namespace openpt
