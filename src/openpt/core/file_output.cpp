#include "openpt/core/file_output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <random>

#include "openpt/core/file_name.h"

namespace openpt {

namespace fs = std::filesystem;

namespace {

Result<void> write_stream(const fs::path& path, std::string_view content, const std::string& name,
                          std::ios::openmode mode) {
  std::ofstream out(path, std::ios::binary | mode);
  if (!out) return bad_input("cannot open the output file for writing", name, "check permissions");
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return internal_error("writing the output failed (disk full?)", name);
  return {};
}

}  // namespace

Result<void> write_file_atomically(const fs::path& path, std::string_view content) {
  const std::string name = file_name_only(path);
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (fs::is_directory(status)) {
    return bad_input("is a directory, expected a file name", name, "name a file inside it");
  }
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    // A device or a pipe: write into it; renaming over it would destroy it.
    return write_stream(path, content, name, std::ios::app);
  }
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec)) {
    return not_found("the output directory does not exist", name, "create it first");
  }
  static std::atomic<unsigned> counter{0};
  thread_local std::mt19937_64 rng{std::random_device{}()};
  const fs::path temp = dir / fmt::format(".{}.{}-{}-{:x}.partial", path.filename().string(),
                                          ::getpid(), counter++, rng());
  if (auto ok = write_stream(temp, content, name, std::ios::trunc); !ok) {
    fs::remove(temp, ec);
    return ok;
  }
  fs::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return bad_input("cannot replace the output file: " + ec.message(), name, "check permissions");
  }
  return {};
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec) && !ec;
}

}  // namespace openpt
