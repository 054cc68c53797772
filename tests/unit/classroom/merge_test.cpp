// `mathlings merge` on the small class split in two: a whole set of shards
// joins into the gradebook one batch would write; a set with a shard missing,
// unfinished, from another split or another course is refused and names it,
// or, asked for, written with the gap marked.
#include "classroom/merge.hpp"

#include <gtest/gtest.h>

#include "base/errors.hpp"
#include "classroom/shard_manifest.hpp"
#include "support/small_class.hpp"

namespace mathlings {
namespace {

class Merge : public testing::SmallClass {
 protected:
  /// Both halves of the class (with the roster: four students), each in shards/shard-K.
  void grade_both_halves() {
    for (unsigned k : {1u, 2u}) batch(shard_dir(k), true, k, 2);
  }
  fs::path shard_dir(unsigned k) const { return work.path() / "shards" / ("shard-" + std::to_string(k)); }
  fs::path merged() const { return work.path() / "merged"; }
  MergeSummary merge(const std::vector<fs::path>& inputs, bool partial = false) {
    return merge_shards(*course,
                        {.inputs = inputs, .output = merged(), .assignment = std::nullopt, .write_partial = partial},
                        progress);
  }
  /// The students of shard k of 2.
  std::vector<std::string> students_of(unsigned k) const {
    std::vector<std::string> students;
    for (const char* s : {"alice", "bob", "notes.txt", "zoe"})
      if (shard_of(s, 2) == k) students.push_back(s);
    return students;
  }
  std::string refusal(const std::vector<fs::path>& inputs) {
    try {
      merge(inputs);
    } catch (const IncompleteShards& e) {
      return e.what();
    }
    ADD_FAILURE() << "merge did not refuse";
    return "";
  }
  std::ostringstream progress;
};

TEST_F(Merge, JoinsTheShardsOfAClassIntoTheGradebookOfTheWholeClass) {
  batch(work.path() / "whole", true);
  grade_both_halves();
  const MergeSummary summary = merge({shard_dir(1), shard_dir(2)});
  ASSERT_EQ(summary.rows.size(), 4u);
  EXPECT_EQ(summary.rows[0].student, "alice");  // in student order
  EXPECT_EQ(row_of(summary.rows, "zoe").status, "missing");
  EXPECT_EQ(row_of(summary.rows, "alice").name, "Alice");
  EXPECT_EQ(row_of(summary.rows, "bob").result.exercises.size(), 2u);
  EXPECT_TRUE(summary.missing.empty());
  EXPECT_EQ(read_file(merged() / "gradebook.csv"), read_file(work.path() / "whole" / "gradebook.csv"));
  EXPECT_EQ(read_file(merged() / "gradebook.json"), read_file(work.path() / "whole" / "gradebook.json"));
  EXPECT_EQ(progress.str(), "");
}

TEST_F(Merge, TakesAFolderOfShardsAsItsShards) {
  grade_both_halves();
  EXPECT_EQ(merge({work.path() / "shards"}).rows.size(), 4u);
}

TEST_F(Merge, EachShardRecordsTheWholeClassAndWhetherItFinished) {
  grade_both_halves();
  const auto manifest = read_shard_manifest(shard_dir(2));
  ASSERT_TRUE(manifest);
  EXPECT_EQ(manifest->shard, 2u);
  EXPECT_EQ(manifest->shards, 2u);
  EXPECT_TRUE(manifest->finished);
  ASSERT_EQ(manifest->members.size(), 4u);  // both halves, so either can name the other's students
  for (const auto& m : manifest->members) EXPECT_EQ(m.shard, shard_of(m.student, 2)) << m.student;
  EXPECT_EQ(manifest->members.back().student, "zoe");
  EXPECT_EQ(manifest->members.back().email, "z@example.org");
}

TEST_F(Merge, RefusesASetWithAShardMissingAndWritesNothing) {
  grade_both_halves();
  const std::string why = refusal({shard_dir(1)});
  EXPECT_NE(why.find("shard 2 of 2: no output"), std::string::npos) << why;
  for (const auto& student : students_of(2)) EXPECT_NE(why.find(student), std::string::npos) << why;
  EXPECT_NE(why.find("--partial"), std::string::npos) << why;
  EXPECT_FALSE(fs::exists(merged()));
}

TEST_F(Merge, WritesAPartialSetWhenAskedWithEachMissingStudentNotGraded) {
  grade_both_halves();
  const MergeSummary summary = merge({shard_dir(1)}, true);
  ASSERT_EQ(summary.rows.size(), 4u);  // nobody drops out of the gradebook
  ASSERT_EQ(summary.missing.size(), 1u);
  EXPECT_EQ(summary.missing[0].shard, 2u);
  EXPECT_EQ(summary.missing[0].students, students_of(2));
  for (const auto& student : students_of(2)) {
    const StudentRow& row = row_of(summary.rows, student);
    EXPECT_EQ(row.status, "not_graded");
    EXPECT_NE(row.message.find("shard 2 of 2"), std::string::npos) << row.message;
  }
  for (const auto& student : students_of(1)) EXPECT_NE(row_of(summary.rows, student).status, "not_graded");
  EXPECT_EQ(row_of(summary.rows, "zoe").email, "z@example.org");  // from the other shard's list
  const auto manifest = read_shard_manifest(merged());
  ASSERT_TRUE(manifest);
  EXPECT_FALSE(manifest->finished);  // merging it again does not pass it off as whole
  EXPECT_NE(read_file(merged() / "gradebook.csv").find("not_graded"), std::string::npos);
}

TEST_F(Merge, TakesAShardStoppedMidRunAsMissingButKeepsWhatItGraded) {
  grade_both_halves();
  // As a task cancelled after its first student: the manifest unfinished, one row not written.
  auto manifest = *read_shard_manifest(shard_dir(2));
  manifest.finished = false;
  write_shard_manifest(shard_dir(2), manifest);
  const auto students = students_of(2);
  ASSERT_GE(students.size(), 2u);
  fs::remove(shard_dir(2) / "results" / (students.back() + ".meta"));
  const std::string why = refusal({shard_dir(1), shard_dir(2)});
  EXPECT_NE(why.find("shard 2 of 2: did not finish (" + std::to_string(students.size() - 1) + " of " +
                     std::to_string(students.size()) + " students graded)"),
            std::string::npos)
      << why;
  const MergeSummary summary = merge({shard_dir(1), shard_dir(2)}, true);
  EXPECT_EQ(row_of(summary.rows, students.back()).status, "not_graded");
  EXPECT_NE(row_of(summary.rows, students.front()).status, "not_graded");
}

TEST_F(Merge, TakesAShardThatBeganAgainAndDidNotFinishAsMissingEvenWithARowForEveryone) {
  grade_both_halves();
  // A second run of shard 2 began (its manifest rewritten) and was killed; the first run's rows are all there.
  auto manifest = *read_shard_manifest(shard_dir(2));
  manifest.finished = false;
  write_shard_manifest(shard_dir(2), manifest);
  const std::string why = refusal({shard_dir(1), shard_dir(2)});
  EXPECT_NE(why.find("shard 2 of 2: did not finish"), std::string::npos) << why;
  const MergeSummary summary = merge({shard_dir(1), shard_dir(2)}, true);
  ASSERT_EQ(summary.missing.size(), 1u);
  EXPECT_TRUE(summary.missing[0].students.empty());  // nobody without a row, but the shard is not whole
  EXPECT_FALSE(read_shard_manifest(merged())->finished);
}

TEST_F(Merge, NamesAStudentAnotherShardPlacesInAShardThatRanBeforeTheyHandedIn) {
  grade_both_halves();
  // Shard 2 ran after "late" handed in; shard 1, the one "late" belongs to, ran before.
  std::string late = "late";
  while (shard_of(late, 2) != 1) late += "r";
  auto manifest = *read_shard_manifest(shard_dir(2));
  manifest.members.push_back({late, 1, "", ""});
  write_shard_manifest(shard_dir(2), manifest);
  const std::string why = refusal({shard_dir(1), shard_dir(2)});
  EXPECT_NE(why.find("shard 1 of 2: has no row for 1 students other shards' lists place in it"), std::string::npos)
      << why;
  EXPECT_NE(why.find(late), std::string::npos) << why;
  const MergeSummary summary = merge({shard_dir(1), shard_dir(2)}, true);
  EXPECT_EQ(row_of(summary.rows, late).status, "not_graded");
}

TEST_F(Merge, PrefersTheOutputOfAShardThatFinishedToOneThatDidNot) {
  grade_both_halves();
  fs::copy(shard_dir(2), work.path() / "unfinished", fs::copy_options::recursive);
  auto manifest = *read_shard_manifest(work.path() / "unfinished");
  manifest.finished = false;
  write_shard_manifest(work.path() / "unfinished", manifest);
  EXPECT_TRUE(merge({shard_dir(1), work.path() / "unfinished", shard_dir(2)}).missing.empty());
  EXPECT_NE(progress.str().find("keeping " + shard_dir(2).string() + ", which finished"), std::string::npos)
      << progress.str();
}

TEST_F(Merge, RefusesToWriteIntoAnInput) {
  grade_both_halves();
  for (const fs::path& into : {work.path() / "shards", shard_dir(1), shard_dir(1) / "merged"}) {
    try {
      merge_shards(
          *course,
          {.inputs = {work.path() / "shards"}, .output = into, .assignment = std::nullopt, .write_partial = false},
          progress);
      ADD_FAILURE() << "merged into " << into;
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("write the merged class elsewhere"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(merge_shards(*course,
                         {.inputs = {work.path() / "shards"},
                          .output = work.path(),
                          .assignment = std::nullopt,
                          .write_partial = false},
                         progress)
                .rows.size(),
            4u);
}

TEST_F(Merge, TakesOnlyTheStudentsAShardHoldsNow) {
  grade_both_halves();
  // A result left from an earlier run, of someone no longer in the class.
  fs::copy_file(shard_dir(1) / "results" / (students_of(1).front() + ".meta"), shard_dir(1) / "results" / "ghost.meta");
  const MergeSummary summary = merge({shard_dir(1), shard_dir(2)});
  EXPECT_EQ(summary.rows.size(), 4u);
}

TEST_F(Merge, KeepsTheFirstOfTwoOutputsOfOneShardAndSaysSo) {
  grade_both_halves();
  fs::copy(shard_dir(1), work.path() / "again", fs::copy_options::recursive);
  EXPECT_EQ(merge({shard_dir(1), work.path() / "again", shard_dir(2)}).rows.size(), 4u);
  EXPECT_NE(progress.str().find("are both shard 1 of 2; keeping " + shard_dir(1).string()), std::string::npos)
      << progress.str();
}

TEST_F(Merge, RefusesShardsOfDifferentSplitsOfTheClass) {
  batch(work.path() / "half", true, 1, 2);
  batch(work.path() / "third", true, 2, 3);
  try {
    merge({work.path() / "half", work.path() / "third"});
    FAIL() << "merged shards of two splits";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("is shard 2 of 3"), std::string::npos) << e.what();
  }
}

TEST_F(Merge, RefusesShardsGradedForAnotherAssignment) {
  grade_both_halves();
  Assignment norms;
  norms.id = "norms";
  norms.exercises = {"01-vector-norms/norms"};
  try {
    merge_shards(*course,
                 {.inputs = {work.path() / "shards"}, .output = merged(), .assignment = norms, .write_partial = false},
                 progress);
    FAIL() << "merged shards of the whole course as an assignment's";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("was graded for the whole course: merge it without --assignment"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(Merge, RefusesAShardGradedAgainstAnotherVersionOfTheCourse) {
  grade_both_halves();
  auto manifest = *read_shard_manifest(shard_dir(2));
  manifest.course = "an older course";
  write_shard_manifest(shard_dir(2), manifest);
  try {
    merge({shard_dir(1), shard_dir(2)});
    FAIL() << "merged grades of two courses";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("another version of the course"), std::string::npos) << e.what();
  }
}

TEST_F(Merge, RefusesAFolderThatIsNoBatchOutputOrHasNoManifest) {
  EXPECT_THROW(merge({root}), UsageError);
  batch(work.path() / "old");
  fs::remove(work.path() / "old" / shard_manifest_name);
  try {
    merge({work.path() / "old"});
    FAIL() << "merged an output that cannot say which shard it is";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("has no shard.json"), std::string::npos) << e.what();
  }
}

TEST(ShardManifest, ADamagedOneIsAGraderErrorNamingTheFile) {
  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-manifest-test-"};
  write_file_atomically(work.path() / shard_manifest_name, R"({"schema": "mathlings.shard/1", "shard": 3})");
  try {
    read_shard_manifest(work.path());
    FAIL() << "read a damaged manifest";
  } catch (const GraderError& e) {
    EXPECT_NE(std::string(e.what()).find(shard_manifest_name), std::string::npos) << e.what();
  }
  EXPECT_FALSE(read_shard_manifest(work.path() / "elsewhere"));
  // A student's name is joined to results/: a manifest must not lead outside it.
  for (const char* name : {"../x", "..", "a/b", ""}) {
    write_shard_manifest(work.path(), {.shard = 1,
                                       .shards = 1,
                                       .course = "c",
                                       .assignment = "",
                                       .roster = "",
                                       .finished = true,
                                       .members = {{name, 1, "", ""}}});
    EXPECT_THROW(read_shard_manifest(work.path()), GraderError) << name;
  }
}

}  // namespace
}  // namespace mathlings
