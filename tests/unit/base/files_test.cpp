// The file helpers: failures name the path; atomic writes leave the old
// content or the new, nothing half-written and no temporary behind; private
// temporary folders that clean up after themselves.
#include "base/files.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <set>
#include <thread>

#include "base/errors.hpp"

namespace mathlings {
namespace {

class Files : public ::testing::Test {
 protected:
  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-files-test-"};
  fs::path put(const std::string& relative, const std::string& content) {
    const fs::path file = work.path() / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
};

TEST_F(Files, ReadFileReturnsEveryByte) {
  const std::string content("line\n\0binary\xff", 13);
  EXPECT_EQ(read_file(put("a.bin", content)), content);
  EXPECT_EQ(read_file(put("empty", "")), "");
}

TEST_F(Files, AFileThatCannotBeReadIsAGraderErrorNamingIt) {
  const fs::path missing = work.path() / "no-such-file.txt";
  try {
    read_file(missing);
    FAIL() << "read_file of a missing file returned";
  } catch (const GraderError& e) {
    EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_file_prefix(missing, 10), GraderError);
}

TEST_F(Files, ReadFilePrefixStopsAtTheLimit) {
  const fs::path file = put("long.txt", std::string(1000, 'x').append("tail"));
  EXPECT_EQ(read_file_prefix(file, 10), std::string(10, 'x'));
  EXPECT_EQ(read_file_prefix(file, 5000).size(), 1004u);  // shorter than the limit: all of it
  EXPECT_EQ(read_file_prefix(file, 0), "");
}

TEST_F(Files, WriteFileAtomicallyReplacesTheContentAndLeavesNoTemporary) {
  const fs::path file = work.path() / "new" / "folder" / "result.json";
  write_file_atomically(file, "first");
  EXPECT_EQ(read_file(file), "first");
  write_file_atomically(file, "second, longer");
  EXPECT_EQ(read_file(file), "second, longer");
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(file.parent_path())) names.insert(entry.path().filename());
  EXPECT_EQ(names, std::set<std::string>{"result.json"});
}

TEST_F(Files, ConcurrentReadersSeeAWholeVersionNeverHalfOfOne) {
  const fs::path file = work.path() / "shared";
  const std::string a(200000, 'a'), b(300000, 'b');
  write_file_atomically(file, a);
  std::thread writer([&] {
    for (int k = 0; k < 40; ++k) write_file_atomically(file, k % 2 ? a : b);
  });
  for (int k = 0; k < 200; ++k) {
    const std::string seen = read_file(file);
    EXPECT_TRUE(seen == a || seen == b) << "a torn read of " << seen.size() << " bytes";
  }
  writer.join();
}

TEST_F(Files, TemporaryDirectoryIsPrivateAndRemovedWithItsContents) {
  fs::path kept;
  {
    TemporaryDirectory dir(work.path() / "parent", "build-");
    kept = dir.path();
    EXPECT_EQ(kept.parent_path(), work.path() / "parent");
    EXPECT_EQ(kept.filename().string().rfind("build-", 0), 0u);
    EXPECT_EQ(kept.filename().string().size(), std::string("build-").size() + 6);
    struct stat info {};
    ASSERT_EQ(stat(kept.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0700u);
    fs::create_directories(kept / "inside");
    std::ofstream(kept / "inside" / "file") << "x";
    TemporaryDirectory other(work.path() / "parent", "build-");
    EXPECT_NE(other.path(), kept);
  }
  EXPECT_FALSE(fs::exists(kept));
}

TEST_F(Files, FilesUnderListsRegularFilesInPathOrder) {
  put("b/2.cpp", "");
  put("a.cpp", "");
  put("b/1.cpp", "");
  fs::create_directories(work.path() / "empty-folder");
  fs::create_symlink(work.path() / "a.cpp", work.path() / "link.cpp");
  const auto files = files_under(work.path());
  // A link to a file is listed by its own path: the callers decide what a link means.
  EXPECT_EQ(files, (std::vector<fs::path>{work.path() / "a.cpp", work.path() / "b/1.cpp", work.path() / "b/2.cpp",
                                          work.path() / "link.cpp"}));
  EXPECT_TRUE(files_under(work.path() / "no-such-folder").empty());
}

TEST(UniqueSuffix, NeverRepeatsAcrossThreads) {
  std::set<std::string> seen;
  std::vector<std::string> from_threads[4];
  std::vector<std::thread> threads;
  for (auto& list : from_threads)
    threads.emplace_back([&list] {
      for (int k = 0; k < 500; ++k) list.push_back(unique_suffix());
    });
  for (auto& t : threads) t.join();
  for (const auto& list : from_threads) seen.insert(list.begin(), list.end());
  EXPECT_EQ(seen.size(), 2000u);
}

}  // namespace
}  // namespace mathlings
