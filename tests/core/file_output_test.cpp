#include "openpt/core/file_output.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "support/test_support.h"

namespace openpt {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(WriteFileAtomically, ReplacesARegularFileWholeAndLeavesNoTemporaryFiles) {
  testing::TempDir tmp;
  const fs::path out = tmp.write("report.txt", "old content that is longer");
  ASSERT_TRUE(write_file_atomically(out, "new"));
  EXPECT_EQ(read(out), "new");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++files;
  EXPECT_EQ(files, 1u);
}

TEST(WriteFileAtomically, WritesIntoAPipeOrDeviceWithoutReplacingIt) {
  testing::TempDir tmp;
  const fs::path fifo = tmp.path() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = read(fifo); });
  ASSERT_TRUE(write_file_atomically(fifo, "through the pipe"));
  reader.join();
  EXPECT_EQ(received, "through the pipe");
  EXPECT_TRUE(fs::is_fifo(fifo));
  ASSERT_TRUE(write_file_atomically("/dev/null", "discarded"));
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST(WriteFileAtomically, DirectoryAndMissingDirectoryAreClearErrors) {
  testing::TempDir tmp;
  auto dir = write_file_atomically(tmp.path(), "x");
  ASSERT_FALSE(dir);
  EXPECT_EQ(dir.error().kind, ErrorKind::kBadInput);
  EXPECT_NE(dir.error().message.find("directory"), std::string::npos);
  auto missing = write_file_atomically(tmp.path() / "no" / "such" / "dir.txt", "x");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(missing.error().where, "dir.txt");  // the name only, never the directories
}

TEST(SameFile, DetectsTheSameFileThroughDifferentPaths) {
  testing::TempDir tmp;
  const fs::path a = tmp.write("a.json", "{}");
  EXPECT_TRUE(same_file(a, tmp.path() / "." / "a.json"));
  EXPECT_FALSE(same_file(a, tmp.path() / "b.json"));
}

}  // namespace
}  // namespace openpt
