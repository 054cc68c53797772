// Finding a submission's files: the documented layout is graded as it is;
// anything else is found (Layout::find) or pointed at (Layout::strict), and
// always noted.
#include "model/submission_layout.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "base/files.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

const fs::path fixtures = MATHLINGS_TEST_FIXTURES;

class SubmissionLayoutTest : public ::testing::Test {
 protected:
  /// Writes a file of the submission (folders made as needed).
  void put(const std::string& relative, const std::string& text = "// a learner's file\n") {
    fs::create_directories((submission() / relative).parent_path());
    std::ofstream(submission() / relative) << text;
  }
  LocatedSubmission locate(Layout layout) { return locate_submission(*course_, submission(), layout, staging()); }
  fs::path submission() const { return work_.path() / "submission"; }
  fs::path staging() const { return work_.path() / "staging"; }

  /// All notes as one text, for matching.
  static std::string notes(const LocatedSubmission& located) {
    std::string all;
    for (const auto& n : located.notes) all += n + "\n";
    return all;
  }

  std::unique_ptr<Course> course_ = load_course(fixtures.parent_path() / "example-course");
  TemporaryDirectory work_{fs::temp_directory_path()};
};

TEST_F(SubmissionLayoutTest, TheDocumentedLayoutIsGradedAsItIsWithoutANote) {
  put("01-vector-norms/norms.cpp");
  put("notes/normalize.cpp");  // an extra file: ignored, as the README says
  for (const Layout layout : {Layout::strict, Layout::find}) {
    const auto located = locate(layout);
    EXPECT_EQ(located.dir, submission());
    EXPECT_TRUE(located.notes.empty()) << notes(located);
  }
  EXPECT_FALSE(fs::exists(staging() / "01-vector-norms"));
}

TEST_F(SubmissionLayoutTest, AZippedFolderIsOpenedWithoutANote) {
  put("alice/hw1/01-vector-norms/norms.cpp");
  put("__MACOSX/._alice");
  const auto found = locate(Layout::find);
  EXPECT_EQ(found.dir, submission() / "alice/hw1");
  EXPECT_TRUE(found.notes.empty()) << notes(found);
}

TEST_F(SubmissionLayoutTest, AMisnamedFileIsNotTakenForAnExerciseNeverAttempted) {
  put("01-vector-norms/norms.cpp");
  put("01-vector-norms/Normalize (1).cpp");
  put("01-vector-norms/normalize_old.cpp");  // a name of its own: a learner's backup, say
  const auto located = locate(Layout::strict);
  EXPECT_EQ(located.dir, submission());
  EXPECT_EQ(notes(located),
            "01-vector-norms/Normalize (1).cpp is not graded: the file of 01-vector-norms/normalize must be named "
            "01-vector-norms/normalize.cpp.\n");
  put("01-vector-norms/normalize.cpp");
  EXPECT_TRUE(locate(Layout::strict).notes.empty());
}

TEST_F(SubmissionLayoutTest, AFolderInsideIsFoundOrPointedAt) {
  put("alice-hw1/01-vector-norms/norms.cpp");
  put("README.txt", "my homework\n");
  const auto found = locate(Layout::find);
  EXPECT_EQ(found.dir, submission() / "alice-hw1");
  EXPECT_NE(notes(found).find("Found the files in alice-hw1/ inside the submission"), std::string::npos)
      << notes(found);

  const auto pointed = locate(Layout::strict);
  EXPECT_EQ(pointed.dir, submission());  // grade keeps to the documented layout...
  EXPECT_NE(notes(pointed).find("alice-hw1/ is laid out so: grade that folder instead (or grade with --find-files)"),
            std::string::npos)
      << notes(pointed);  // ...and says what to do
}

TEST_F(SubmissionLayoutTest, AWholeRepositoryIsGradedFromItsExercisesFolder) {
  put("mathlings-alice/exercises/01-vector-norms/norms.cpp");
  put("mathlings-alice/stubs/01-vector-norms/norms.cpp");
  put("mathlings-alice/solutions/01-vector-norms/normalize.cpp");
  EXPECT_EQ(locate(Layout::find).dir, submission() / "mathlings-alice/exercises");
}

TEST_F(SubmissionLayoutTest, TwoCandidateFoldersAreNeitherGuessed) {
  put("v1/01-vector-norms/norms.cpp");
  put("v2/01-vector-norms/norms.cpp");
  const auto located = locate(Layout::find);
  EXPECT_EQ(located.dir, submission());
  EXPECT_NE(notes(located).find("(v1/, v2/), and none is graded: hand in one of them"), std::string::npos)
      << notes(located);
}

TEST_F(SubmissionLayoutTest, FlatFilesAreMatchedByNameAndCopiedIntoTheirLessons) {
  put("norms.cpp", "// norms\n");
  put("upload/normalize.cpp", "// normalize\n");
  const auto located = locate(Layout::find);
  EXPECT_EQ(located.dir, staging());
  EXPECT_EQ(read_file(staging() / "01-vector-norms/norms.cpp"), "// norms\n");
  EXPECT_EQ(read_file(staging() / "01-vector-norms/normalize.cpp"), "// normalize\n");
  EXPECT_NE(notes(located).find("norms.cpp → 01-vector-norms/norms.cpp, upload/normalize.cpp → "
                                "01-vector-norms/normalize.cpp"),
            std::string::npos)
      << notes(located);

  fs::remove_all(staging());
  const auto pointed = locate(Layout::strict);
  EXPECT_EQ(pointed.dir, submission());
  EXPECT_FALSE(fs::exists(staging()));  // grade's strict mode (Layout::strict) copies nothing
  EXPECT_NE(notes(pointed).find("move each into its lesson's folder, or grade with --find-files"), std::string::npos);
}

TEST_F(SubmissionLayoutTest, TwoFilesForOneExerciseAreNeitherGuessed) {
  put("norms.cpp");
  put("old/norms.cpp");
  put("normalize.cpp");
  const auto located = locate(Layout::find);
  EXPECT_TRUE(fs::exists(staging() / "01-vector-norms/normalize.cpp"));
  EXPECT_FALSE(fs::exists(staging() / "01-vector-norms/norms.cpp"));
  EXPECT_NE(notes(located).find("Not graded: 2 files could be 01-vector-norms/norms (norms.cpp, old/norms.cpp): none "
                                "of them is graded; keep one."),
            std::string::npos)
      << notes(located);
}

TEST_F(SubmissionLayoutTest, WhatArchiversAndToolsAddIsNotAStudentsWork) {
  put("__MACOSX/01-vector-norms/norms.cpp");
  put(".git/01-vector-norms/norms.cpp");
  put("._norms.cpp");
  const auto located = locate(Layout::find);
  EXPECT_EQ(located.dir, submission());
  EXPECT_EQ(notes(located), "The submission holds no .cpp file.\n");
}

TEST_F(SubmissionLayoutTest, FilesNamedAfterNoExerciseAreListed) {
  put("main.cpp");
  put("src/helpers.cpp");
  const auto located = locate(Layout::find);
  EXPECT_EQ(located.dir, submission());
  EXPECT_NE(notes(located).find("No file is named after an exercise (found main.cpp, src/helpers.cpp); each "
                                "exercise's file is <lesson>/<exercise>.cpp, like 01-vector-norms/norms.cpp."),
            std::string::npos)
      << notes(located);
}

TEST_F(SubmissionLayoutTest, ANoteIsOneLineWhateverTheFileNames) {
  put("line\nbreak/main.cpp");
  const auto located = locate(Layout::find);
  ASSERT_EQ(located.notes.size(), 1u);
  EXPECT_EQ(located.notes[0].find('\n'), std::string::npos) << located.notes[0];
  EXPECT_NE(located.notes[0].find("line?break/main.cpp"), std::string::npos) << located.notes[0];
}

TEST_F(SubmissionLayoutTest, LinksAreNeitherFollowedNorMatched) {
  put("elsewhere/secret.txt");
  fs::create_directories(submission());
  fs::create_symlink(submission() / "elsewhere/secret.txt", submission() / "norms.cpp");
  fs::create_directory_symlink(submission() / "elsewhere", submission() / "linked");
  const auto located = locate(Layout::find);
  EXPECT_EQ(located.dir, submission());
  EXPECT_FALSE(fs::exists(staging() / "01-vector-norms/norms.cpp"));
}

}  // namespace
}  // namespace mathlings
