// Writing output files safely: whole or not at all.
//
// A regular file is written to a uniquely named temporary file beside it and renamed into
// place, so a failure or an interrupt never leaves a truncated report and an existing file
// is replaced only by a complete one. Devices and named pipes (/dev/null, a FIFO) are
// written directly, never replaced. Errors name the file (name only: paths can hold
// patient names) and say how to fix it.
//
//   if (auto ok = write_file_atomically("report.html", html); !ok) return ok.error();
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "openpt/core/error.h"

namespace openpt {

Result<void> write_file_atomically(const std::filesystem::path& path, std::string_view content);

// True when both paths name the same existing file (so writing one would destroy the other).
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace openpt
