// A lesson's files compiled as one unit and linked into one runner, with the
// real compiler: verdicts as when each file is built alone, and a file that
// fails costs only its own exercise.
#include <gtest/gtest.h>

#include <map>
#include <mutex>

#include "base/config.hpp"
#include "base/files.hpp"
#include "exec/sandbox.hpp"
#include "judge/grading.hpp"
#include "support/prebuilt_includes.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

const fs::path fixtures = MATHLINGS_TEST_FIXTURES;
const std::string mark = "// handed in by a learner\n";

/// The real machine, with a record of what it was asked to build: whose
/// files ("learner" or "reference"), how many, whether it worked.
class RecordingMachine final : public BuildAndRun {
 public:
  struct Step {
    std::string whose;
    std::size_t count = 0;
    bool ok = false;
    bool operator==(const Step&) const = default;
  };

  explicit RecordingMachine(Toolchain& toolchain) : real_(toolchain) {}

  RunnerBuild build_runner(const Course& course, const Exercise& exercise, const std::string& source,
                           const std::string& display_name) override {
    {
      std::lock_guard lock(mutex_);
      (source.find(mark) != std::string::npos ? built_alone : references_alone).push_back(display_name);
    }
    return real_.build_runner(course, exercise, source, display_name);
  }
  ProcessResult run_runner(const fs::path& runner, const std::string& request, const Limits& limits,
                           bool sandboxed) override {
    return real_.run_runner(runner, request, limits, sandboxed);
  }
  void prepare(const Course& course, const Lesson& lesson) override { real_.prepare(course, lesson); }
  std::optional<BuildProduct> compile_together(const Course& course, const Lesson& lesson,
                                               const std::vector<UnitFile>& files) override {
    auto unit = real_.compile_together(course, lesson, files);
    const std::string whose = files.front().source.find(mark) != std::string::npos ? "learner" : "reference";
    std::lock_guard lock(mutex_);
    units.push_back({whose, files.size(), unit.has_value()});
    if (unit) whose_object_[unit->key] = whose;
    return unit;
  }
  BuildProduct link_runner(const Course& course, const std::vector<const Exercise*>& exercises,
                           const BuildProduct& object) override {
    BuildProduct runner = real_.link_runner(course, exercises, object);
    std::lock_guard lock(mutex_);
    links.push_back({whose_object_[object.key], exercises.size(), runner.ok});
    return runner;
  }

  std::vector<std::string> built_alone;       ///< learner files compiled on their own
  std::vector<std::string> references_alone;  ///< reference files compiled on their own
  std::vector<Step> units;  ///< units asked for; ok: compiled (grade() checks that the files may share one)
  std::vector<Step> links;  ///< runners linked from a unit

 private:
  ToolchainBuildAndRun real_;
  std::mutex mutex_;
  std::map<std::string, std::string> whose_object_;
};

class GradingTogether : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!*config::fast_compiler || !sandbox_available())
      GTEST_SKIP() << "files are compiled together only by clang++ in the sandbox, and this machine has "
                   << (*config::fast_compiler ? "no sandbox: " + isolation_problem() : std::string("no clang++"));
    fs::create_directories(submission.path() / lesson);
    for (const auto& file : fs::directory_iterator(fixtures / "submissions/all-correct" / lesson))
      hand_in(file.path().filename().string(), read_file(file.path()));
  }
  void hand_in(const std::string& name, const std::string& source) {
    write_file_atomically(submission.path() / lesson / name, source + mark);
  }
  std::vector<UnitFile> handed_in() const {
    std::vector<UnitFile> files;
    for (const auto* exercise : course->exercises()) {
      if (exercise->lesson->id != lesson) continue;
      files.push_back({exercise->relative_file().string(), read_file(submission.path() / exercise->relative_file()),
                       exercise->spec.functions});
    }
    return files;
  }
  SubmissionResult grade() {
    // The files may share a unit: the test is about what the unit does.
    const Lesson& of = *course->find(lesson + "/elimination").lesson;
    EXPECT_EQ(why_compiled_apart(handed_in(), testing_support::prebuilt_includes(*course, of)), std::nullopt);
    Grader grader(*course, machine, 2, true);
    std::vector<std::string> ids;
    for (const auto* exercise : course->exercises())
      if (exercise->lesson->id == lesson) ids.push_back(exercise->id);
    return grader.grade(submission.path(), ids);
  }

  const std::string lesson = "01-linear-algebra";
  std::unique_ptr<Course> course = load_course(fixtures.parent_path().parent_path());
  Toolchain toolchain{fs::path(config::default_cache_dir)};
  RecordingMachine machine{toolchain};
  TemporaryDirectory submission{fs::temp_directory_path()};
};

using Steps = std::vector<RecordingMachine::Step>;

TEST_F(GradingTogether, CorrectFilesAreCompiledOnceTogetherAndRunByOneRunner) {
  const auto result = grade();
  ASSERT_EQ(result.exercises.size(), 5u);
  for (const auto& exercise : result.exercises) EXPECT_EQ(exercise.status, ExerciseStatus::passed) << exercise.id;
  // The reference solutions too: one unit, one runner for the lesson.
  EXPECT_EQ(machine.units, (Steps{{"reference", 5, true}, {"learner", 5, true}}));
  EXPECT_EQ(machine.links, (Steps{{"reference", 5, true}, {"learner", 5, true}}));
  EXPECT_TRUE(machine.built_alone.empty()) << machine.built_alone.front();
  EXPECT_TRUE(machine.references_alone.empty()) << machine.references_alone.front();
}

TEST_F(GradingTogether, ACompileErrorInOneFileCostsOnlyThatExercise) {
  hand_in("elimination.cpp", read_file(fixtures / "submissions/compile-error" / lesson / "elimination.cpp"));
  const auto result = grade();
  EXPECT_EQ(machine.units, (Steps{{"reference", 5, true}, {"learner", 5, false}}));  // tried, and failed
  ASSERT_EQ(result.exercises.size(), 5u);
  for (const auto& exercise : result.exercises) {
    if (exercise.id == lesson + "/elimination") {
      EXPECT_EQ(exercise.status, ExerciseStatus::compile_error);
      // The C++ compiler's message about that file alone, as when it is
      // compiled on its own.
      EXPECT_NE(exercise.message.find(lesson + "/elimination.cpp:"), std::string::npos) << exercise.message;
      for (const char* other : {"row_echelon.cpp", "determinant.cpp", "inverse.cpp", "least_squares.cpp"})
        EXPECT_EQ(exercise.message.find(other), std::string::npos) << exercise.message;
    } else {
      EXPECT_EQ(exercise.status, ExerciseStatus::passed) << exercise.id << ": " << exercise.message;
    }
  }
}

TEST_F(GradingTogether, AFileThatBreaksTheSharedRunnerCostsOnlyItsExercise) {
  // A main() of the learner's own compiles in the unit, but no runner links
  // with it: every file is then built alone, and only that one fails.
  hand_in("determinant.cpp",
          read_file(fixtures / "submissions/all-correct" / lesson / "determinant.cpp") + "int main() { return 0; }\n");
  const auto result = grade();
  EXPECT_EQ(machine.units, (Steps{{"reference", 5, true}, {"learner", 5, true}}));
  ASSERT_GE(machine.links.size(), 2u);
  EXPECT_EQ(machine.links[1], (RecordingMachine::Step{"learner", 5, false}));
  for (const auto& exercise : result.exercises) {
    if (exercise.id == lesson + "/determinant") {
      EXPECT_EQ(exercise.status, ExerciseStatus::compile_error);
      EXPECT_NE(exercise.message.find("main"), std::string::npos) << exercise.message;
    } else {
      EXPECT_EQ(exercise.status, ExerciseStatus::passed) << exercise.id << ": " << exercise.message;
    }
  }
}

}  // namespace
}  // namespace mathlings
