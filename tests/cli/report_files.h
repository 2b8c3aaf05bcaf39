// Helpers for the CLI tests that read the reports a command wrote: a file's bytes, and how
// often a piece of markup occurs in it.
//
//   const std::string html = read_file(out);
//   EXPECT_EQ(occurrences(html, "<figure class=\"keyframe\">"), 3u);
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace openpt::testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Non-overlapping occurrences of `what` (not empty) in `text`.
inline std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

}  // namespace openpt::testing
