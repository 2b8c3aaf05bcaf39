#include "openpt/vision/codecs.h"

#include <dlfcn.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string_view>

namespace openpt::vision {

namespace {

namespace fs = std::filesystem;

constexpr const char* kPluginFile = "libopenpt_codecs.so";

// Where the plugin may be, in the order tried (codecs.h).
std::vector<fs::path> plugin_candidates() {
  std::vector<fs::path> out;
  if (const char* env = std::getenv("OPENPT_CODECS_PLUGIN"); env != nullptr && *env != '\0') {
    out.emplace_back(env);
  }
  std::error_code ec;
  const fs::path program = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    out.push_back(program.parent_path().parent_path() / "lib" / "openpt" / kPluginFile);
    out.push_back(program.parent_path() / kPluginFile);
  }
  // Last, so that an installed program never takes a newer build's plugin.
#ifdef OPENPT_CODECS_BUILD_PATH
  out.emplace_back(OPENPT_CODECS_BUILD_PATH);
#endif
  return out;
}

}  // namespace

Result<const Codecs*> load_codecs(const std::vector<fs::path>& candidates) {
  std::string tried;  // "path (why not)", ...
  const auto not_taken = [&](const fs::path& path, std::string_view why) {
    tried += fmt::format("{}{} ({})", tried.empty() ? "" : ", ", path.string(), why);
  };
  for (const fs::path& path : candidates) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      not_taken(path, "absent");
      continue;
    }
    // Never unloaded: FFmpeg's and OpenCV's globals live as long as the process.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    const char* why = handle == nullptr ? dlerror() : nullptr;
    using Entry = const Codecs* (*)();
    const auto entry =
        handle != nullptr ? reinterpret_cast<Entry>(dlsym(handle, "openpt_codecs_v1")) : nullptr;
    if (entry != nullptr) return entry();
    not_taken(path, why != nullptr ? why : "no openpt_codecs_v1 in it");
  }
  return internal_error(
      fmt::format("image and video decoding is unavailable: {} could not be loaded; tried {} "
                  "(reinstall OpenPT, or set OPENPT_CODECS_PLUGIN to the file's path)",
                  kPluginFile, tried));
}

Result<const Codecs*> codecs() {
  static std::once_flag once;
  static std::optional<Result<const Codecs*>> loaded;
  std::call_once(once, [] { loaded = load_codecs(plugin_candidates()); });
  return *loaded;
}

}  // namespace openpt::vision
