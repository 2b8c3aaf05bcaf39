#include "cli_output.h"

#include <iostream>

#include "openpt/core/file_output.h"
#include "openpt/motion/pose_io.h"

namespace openpt::cli {

int report_error(const Error& error) {
  std::cerr << "openpt: error: " << error.to_string() << "\n";
  return exit_code(error);
}

Result<void> write_output(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) return internal_error("could not write to standard output");
    return {};
  }
  return write_file_atomically(path, content);
}

Result<void> write_pose_output(const motion::PoseSequence& sequence, const std::string& path) {
  if (!path.empty() && path != "-") {
    return motion::write_pose_file(sequence, path, motion::PoseFormat::kAuto);
  }
  auto json = motion::encode_pose(sequence, motion::PoseFormat::kOpenptJson);
  if (!json) return tl::unexpected(json.error());
  return write_output("-", *json);
}

}  // namespace openpt::cli
