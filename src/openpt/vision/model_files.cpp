#include "openpt/vision/model_files.h"

#include <fmt/format.h>
#include <sodium.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace openpt::vision {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
constexpr std::size_t kDigestPrefix = 12;  // hex digits of a digest shown in messages
constexpr std::string_view kFetchHint = "run scripts/fetch-models, or set OPENPT_MODEL_DIR";
constexpr std::string_view kReinstallHint = "run scripts/fetch-models to reinstall it";

// The digest of a file as it was when hashed: reused while its size and mtime are the same.
struct CachedDigest {
  std::uintmax_t size = 0;
  fs::file_time_type mtime;
  std::string sha256;
};

std::mutex& cache_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<std::string, CachedDigest>& cache() {
  static std::map<std::string, CachedDigest> entries;
  return entries;
}

std::string prefix(std::string_view hex) {
  return std::string(hex.substr(0, kDigestPrefix)) + "...";
}

}  // namespace

fs::path default_model_dir() {
  if (const char* dir = std::getenv("OPENPT_MODEL_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  const char* home = std::getenv("HOME");
  return fs::path(home != nullptr ? home : ".") / ".cache" / "openpt" / "models";
}

std::string_view expected_sha256(std::string_view file_name) {
  for (const ModelFile& model : kModelFiles) {
    if (model.name == file_name) return model.sha256;
  }
  return {};
}

Result<std::string> sha256_hex(const fs::path& path) {
  // sodium_init is thread-safe and idempotent; a static runs it once per process.
  static const int sodium_status = sodium_init();
  if (sodium_status < 0) return internal_error("libsodium failed to initialise", path.string());

  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (!file) {
    return bad_input(fmt::format("cannot open the file: {}", std::strerror(errno)), path.string(),
                     "check that it exists and its permissions");
  }
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<unsigned char> chunk(kChunkBytes);
  while (true) {
    const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), file.get());
    if (n > 0) crypto_hash_sha256_update(&state, chunk.data(), n);
    if (n < chunk.size()) break;
  }
  if (std::ferror(file.get()) != 0) {
    return bad_input("cannot read the file (I/O error)", path.string());
  }
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

Result<void> verify_model_file(const fs::path& path, std::string_view expected_hex) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  const std::string key = absolute.lexically_normal().string();
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    return bad_input(fmt::format("cannot read the model file: {}", ec.message()), path.string(),
                     std::string(kReinstallHint));
  }
  const fs::file_time_type mtime = fs::last_write_time(path, ec);
  const bool cacheable = !ec;

  std::string actual;
  if (cacheable) {
    const std::lock_guard lock(cache_mutex());
    if (auto it = cache().find(key);
        it != cache().end() && it->second.size == size && it->second.mtime == mtime) {
      actual = it->second.sha256;
    }
  }
  if (actual.empty()) {
    // Hashed outside the lock: two threads checking the same new file may both hash it.
    Result<std::string> computed = sha256_hex(path);
    if (!computed) return tl::unexpected(computed.error());
    actual = std::move(*computed);
    if (cacheable) {
      const std::lock_guard lock(cache_mutex());
      cache()[key] = CachedDigest{size, mtime, actual};
    }
  }

  if (actual != expected_hex) {
    return bad_input(
        fmt::format("{} is corrupt or not the expected version (SHA-256 {}, expected {})",
                    path.filename().string(), prefix(actual), prefix(expected_hex)),
        path.string(), std::string(kReinstallHint));
  }
  return {};
}

Result<fs::path> locate_model(std::string_view file_name, const fs::path& model_dir) {
  const fs::path path = model_dir / file_name;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    const std::string what =
        fs::is_directory(model_dir, ec)
            ? fmt::format("model file {} not found in {}", file_name, model_dir.string())
            : fmt::format(
                  "model file {} not found: the model directory {} "
                  "does not exist",
                  file_name, model_dir.string());
    return not_found(what, path.string(), std::string(kFetchHint));
  }
  if (fs::is_directory(status)) {
    return bad_input(fmt::format("{} is a directory, not a model file", file_name), path.string(),
                     "remove it and " + std::string(kFetchHint));
  }
  if (!fs::is_regular_file(status)) {
    return bad_input(fmt::format("{} is not a regular file", file_name), path.string(),
                     "remove it and " + std::string(kFetchHint));
  }
  if (const std::string_view expected = expected_sha256(file_name); !expected.empty()) {
    if (Result<void> verified = verify_model_file(path, expected); !verified) {
      return tl::unexpected(verified.error());
    }
  }
  return path;
}

}  // namespace openpt::vision
