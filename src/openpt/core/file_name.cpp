#include "openpt/core/file_name.h"

namespace openpt {

std::string file_name_only(const std::filesystem::path& path) {
  std::filesystem::path p = path;
  while (!p.empty() && p.filename().empty()) p = p.parent_path();  // "dir/" → "dir"
  std::string name = p.filename().string();
  return name.empty() ? path.string() : name;
}

}  // namespace openpt
