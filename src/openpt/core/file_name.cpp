#include "openpt/core/file_name.h"

#include <algorithm>
#include <cctype>

namespace openpt {

std::string file_name_only(const std::filesystem::path& path) {
  std::filesystem::path p = path;
  while (!p.empty() && p.filename().empty()) p = p.parent_path();  // "dir/" → "dir"
  std::string name = p.filename().string();
  return name.empty() ? path.string() : name;
}

std::string lower_extension(const std::filesystem::path& path) {
  std::string e = path.extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e;
}

}  // namespace openpt
