#include "cli_output.h"

#include <iostream>

#include "openpt/core/file_output.h"

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

}  // namespace openpt::cli
