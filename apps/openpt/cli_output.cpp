#include "cli_output.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

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
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path temp = target.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return bad_input("cannot open the output file for writing", path,
                       "check that the directory exists and is writable");
    }
    out << content;
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      return internal_error("writing the output file failed (disk full?)", path);
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    return bad_input("cannot replace the output file: " + ec.message(), path);
  }
  return {};
}

}  // namespace openpt::cli
