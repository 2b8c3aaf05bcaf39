// Shared CLI plumbing: printing an Error with its exit code, and writing a command's
// output to stdout or to a file (atomically: a temporary file renamed into place, so an
// interrupted or failed run never leaves a truncated report).
#pragma once

#include <string>

#include "openpt/core/error.h"

namespace openpt::cli {

// Prints "openpt: error: <where>: <message> (<hint>)" to stderr and returns exit_code(e).
int report_error(const Error& error);

// Writes `content` to `path`, or to stdout when path is empty or "-".
Result<void> write_output(const std::string& path, const std::string& content);

}  // namespace openpt::cli
