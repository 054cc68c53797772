#include "classroom/archive.hpp"

#include <gtest/gtest.h>

#include "base/files.hpp"

namespace mathlings {
namespace {

const std::filesystem::path classroom = std::filesystem::path(MATHLINGS_TEST_FIXTURES) / "class";

std::string refusal(const std::string& archive) {
  TemporaryDirectory into(std::filesystem::temp_directory_path());
  try {
    extract_archive(classroom / archive, into.path());
  } catch (const ArchiveError& e) {
    return e.what();
  }
  return "(extracted)";
}

TEST(Archive, UnpacksZipAndTarGzIncludingAWrappingFolder) {
  TemporaryDirectory into(std::filesystem::temp_directory_path());
  extract_archive(classroom / "dave.tar.gz", into.path());
  EXPECT_TRUE(std::filesystem::is_regular_file(into.path() / "dave" / "01-linear-algebra" / "elimination.cpp"));
  TemporaryDirectory zip(std::filesystem::temp_directory_path());
  extract_archive(classroom / "carol.zip", zip.path());
  EXPECT_TRUE(std::filesystem::is_regular_file(zip.path() / "01-linear-algebra" / "determinant.cpp"));
}

TEST(Archive, RefusesWhatCouldEscapeOrDeceive) {
  EXPECT_EQ(refusal("mallory.tar.gz"),
            "the archive entry '../../escaped.cpp' would land outside the submission folder");
  EXPECT_EQ(refusal("trent.tar.gz"),
            "the archive entry '01-linear-algebra/inverse.cpp' is a link; submissions hold plain files only");
  EXPECT_NE(refusal("oscar.zip").find("broken archive"), std::string::npos);
}

TEST(Archive, RefusesArchivesThatUnpackTooLarge) {
  TemporaryDirectory into(std::filesystem::temp_directory_path());
  EXPECT_THROW(extract_archive(classroom / "carol.zip", into.path(), ArchiveLimits{100, 5000}), ArchiveError);
  EXPECT_THROW(extract_archive(classroom / "carol.zip", into.path(), ArchiveLimits{1 << 20, 2}), ArchiveError);
}

TEST(Archive, NamesAndStems) {
  EXPECT_TRUE(is_archive_name("alice.tar.gz"));
  EXPECT_FALSE(is_archive_name("notes.txt"));
  EXPECT_EQ(archive_stem("alice.tar.gz"), "alice");
  EXPECT_EQ(archive_stem("bob.zip"), "bob");
}

}  // namespace
}  // namespace mathlings
