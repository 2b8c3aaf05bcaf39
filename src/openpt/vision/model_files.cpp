#include "openpt/vision/model_files.h"

#include <cstdlib>

namespace openpt::vision {

std::filesystem::path default_model_dir() {
  if (const char* dir = std::getenv("OPENPT_MODEL_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : ".") / ".cache" / "openpt" / "models";
}

}  // namespace openpt::vision
