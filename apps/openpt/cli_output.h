// Shared CLI plumbing: printing an Error with its exit code, and writing a command's
// output (a report, a pose recording) to stdout or to a file (atomically: a temporary file renamed
// into place, so an interrupted or failed run never leaves a truncated report).
#pragma once

#include <string>

#include "openpt/core/error.h"
#include "openpt/motion/pose_sequence.h"

namespace openpt::cli {

// Prints "openpt: error: <where>: <message> (<hint>)" to stderr and returns exit_code(e).
int report_error(const Error& error);

// Writes `content` to `path`, or to stdout when path is empty or "-".
Result<void> write_output(const std::string& path, const std::string& content);

// A pose recording to a file in the format of its extension (.json openpt.pose/1, .npy,
// .csv), or to stdout (empty or "-") as openpt.pose/1 JSON.
Result<void> write_pose_output(const motion::PoseSequence& sequence, const std::string& path);

}  // namespace openpt::cli
