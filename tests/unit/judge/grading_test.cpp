// The judge's verdicts, with a fake compiler and process runner: each source
// "builds" into a runner whose answers the test decides, so that what is
// checked is the judge's logic, not g++ (grading_with_compiler_test.cpp
// checks the whole of it with the real toolchain).
#include "judge/grading.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <fstream>
#include <limits>
#include <mutex>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "support/fake_toolchain.hpp"

namespace mathlings {
namespace {

using protocol::Call;
using protocol::Outcome;
using testing::answering;
using testing::FakeToolchain;
using testing::Program;

const std::filesystem::path example_course =
    std::filesystem::path(MATHLINGS_TEST_FIXTURES).parent_path() / "example-course";

std::vector<double> numbers(const Value& v) {
  if (v.is<std::vector<double>>()) return v.as<std::vector<double>>();
  std::vector<double> found;
  if (v.is<List>())
    for (const auto& x : v.as<List>()) found.push_back(x.is<double>() ? x.as<double>() : x.as<std::int64_t>());
  return found;
}

double max_norm(const std::vector<double>& x) {
  double m = 0;
  for (double v : x) m = std::max(m, std::abs(v));
  return m;
}

/// The example course's norms, as its reference solution computes them.
Outcome right_norms(const Call& call) {
  const auto x = numbers(call.args.at(0));
  double sum = 0;
  if (call.function == "l1_norm") {
    for (double v : x) sum += std::abs(v);
    return {Value(sum)};
  }
  const double m = max_norm(x);
  if (call.function == "max_norm" || m == 0) return {Value(m)};
  for (double v : x) sum += (v / m) * (v / m);
  return {Value(m * std::sqrt(sum))};
}

/// The textbook l2 norm, whose squares overflow: the course's known mistake.
Outcome squares_overflow(const Call& call) {
  if (call.function != "l2_norm") return right_norms(call);
  double sum = 0;
  for (double v : numbers(call.args.at(0))) sum += v * v;
  return {Value(std::sqrt(sum))};
}

Outcome right_normalize(const Call& call) {
  auto x = numbers(call.args.at(0));
  const Outcome length = right_norms({"l2_norm", call.args});
  if (length.value().as<double>() == 0)
    return {protocol::Thrown{"std::domain_error", "the zero vector has no direction"}};
  for (auto& v : x) v /= length.value().as<double>();
  return {Value(x)};
}

class Grading : public ::testing::Test {
 protected:
  void SetUp() override {
    fake.builds(read_file(course->solutions_dir() / norms.relative_file()), answering(right_norms));
    fake.builds(read_file(course->solutions_dir() / normalize.relative_file()), answering(right_normalize));
    fake.builds(read_file(norms.spec.misconceptions.at(0).file), answering(squares_overflow));
  }

  /// Hands in `source` as the file of `exercise` (which builds into a runner
  /// doing `program`, when given one) and grades it.
  ExerciseResult hand_in(const Exercise& exercise, const std::string& source, std::optional<Program> program = {},
                         bool include_hidden = true) {
    const auto file = submission.path() / exercise.relative_file();
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << source;
    if (program) fake.builds(source, *program);
    Grader grader(*course, fake, 1, include_hidden);
    return grader.grade(submission.path(), {exercise.id}).exercises.at(0);
  }

  std::unique_ptr<Course> course = load_course(example_course);
  const Exercise& norms = course->find("01-vector-norms/norms");
  const Exercise& normalize = course->find("01-vector-norms/normalize");
  FakeToolchain fake;
  TemporaryDirectory submission{std::filesystem::temp_directory_path()};
};

const TestResult& test_named(const ExerciseResult& result, const std::string& name) {
  for (const auto& t : result.tests)
    if (t.name == name) return t;
  throw std::logic_error("no test named " + name);
}

TEST_F(Grading, RightAnswersPassWithFullMarks) {
  const auto result = hand_in(norms, "// right\n", answering(right_norms));
  EXPECT_EQ(result.status, ExerciseStatus::passed);
  EXPECT_DOUBLE_EQ(result.score, 7);
  EXPECT_DOUBLE_EQ(result.max_score, 7);
  EXPECT_EQ(result.message, "all 4 tests passed");
  for (const auto& t : result.tests) EXPECT_EQ(t.status, TestStatus::passed) << t.name << ": " << t.message;
  // The learner's runner, once a test, in the sandbox under the test's CPU
  // limit; the reference's outside it.
  const auto learner = fake.runs_of("// right\n");
  ASSERT_EQ(learner.size(), 4u);
  for (const auto& run : learner) {
    EXPECT_TRUE(run.sandboxed);
    EXPECT_DOUBLE_EQ(run.limits.cpu_seconds, 2);
  }
  const auto reference = fake.runs_of(read_file(course->solutions_dir() / norms.relative_file()));
  ASSERT_EQ(reference.size(), 4u);
  for (const auto& run : reference) EXPECT_FALSE(run.sandboxed);
}

TEST_F(Grading, AWrongValueFailsItsTestWithTheMismatchAndScoresTheRest) {
  const auto result = hand_in(norms, "// no absolute value\n", answering([](const Call& call) {
                                if (call.function != "l1_norm") return right_norms(call);
                                double sum = 0;
                                for (double v : numbers(call.args.at(0))) sum += v;
                                return Outcome{Value(sum)};
                              }));
  const auto& l1 = test_named(result, "l1 norm");
  EXPECT_EQ(l1.status, TestStatus::failed);
  EXPECT_DOUBLE_EQ(l1.score, 0);
  EXPECT_EQ(l1.message,
            "case 1: l1_norm([3, -4])\n  expected: 7\n  actual:   -1\n  worst entry: expected 7, got -1 (tolerance "
            "abs 1e-09 + rel 1e-09·|expected|)");
  EXPECT_EQ(result.status, ExerciseStatus::partial);
  EXPECT_DOUBLE_EQ(result.score, 5);  // 7 points, of which l1 norm's 2 lost
  EXPECT_EQ(result.message, "3 of 4 tests passed");
}

TEST_F(Grading, NothingRightScoresNothingAndUntouchedStubsAreNotAttempted) {
  const auto wrong = hand_in(norms, "// always 42\n", answering([](const Call&) { return Outcome{Value(42.0)}; }));
  EXPECT_EQ(wrong.status, ExerciseStatus::failed);
  EXPECT_DOUBLE_EQ(wrong.score, 0);
  EXPECT_EQ(wrong.message, "0 of 4 tests passed");
  const auto stubs = hand_in(norms, "// stubs\n", answering([](const Call&) {
                               return Outcome{protocol::Thrown{std::string(protocol::not_implemented_type), "todo"}};
                             }));
  EXPECT_EQ(stubs.status, ExerciseStatus::not_attempted);
  EXPECT_EQ(stubs.message, "not attempted: every test still throws not_implemented");
}

TEST_F(Grading, ACrashFailsOnlyTheTestsItHappensIn) {
  const auto result = hand_in(norms, "// crashes in l2\n",
                              answering(
                                  [](const Call& call) -> std::optional<Outcome> {
                                    if (call.function == "l2_norm") return std::nullopt;
                                    return right_norms(call);
                                  },
                                  testing::killed_by(SIGSEGV)));
  const auto& crashed = test_named(result, "the length of (3, −4)");
  EXPECT_EQ(crashed.status, TestStatus::crash);
  EXPECT_EQ(crashed.message,
            "crashed with segmentation fault (SIGSEGV) during l2_norm([3, -4]) — an index past the end of a vector or "
            "matrix, or endless recursion?");
  EXPECT_EQ(test_named(result, "l2 norm of huge and tiny entries").status, TestStatus::crash);
  EXPECT_EQ(test_named(result, "l1 norm").status, TestStatus::passed);
  EXPECT_DOUBLE_EQ(result.score, 3);
}

TEST_F(Grading, RunningOutOfCpuTimeIsATimeout) {
  const auto result = hand_in(norms, "// loops in max_norm\n",
                              answering(
                                  [](const Call& call) -> std::optional<Outcome> {
                                    if (call.function == "max_norm") return std::nullopt;
                                    return right_norms(call);
                                  },
                                  testing::out_of_cpu_time()));
  const auto& t = test_named(result, "max norm");
  EXPECT_EQ(t.status, TestStatus::timeout);
  EXPECT_EQ(t.message,
            "used more than its 2 s of CPU time during case 1: max_norm([3, -4, 1]) — an endless loop, or a loop "
            "whose end condition is never met?");
  EXPECT_DOUBLE_EQ(result.score, 6);
}

TEST_F(Grading, ARunHeldBackByTheLoadIsTriedOnceMoreWithTwiceTheWallTime) {
  const auto result = hand_in(norms, "// right, slowly\n", testing::held_back_at_first(1, answering(right_norms)));
  EXPECT_EQ(result.status, ExerciseStatus::passed);
  const auto runs = fake.runs_of("// right, slowly\n");
  ASSERT_EQ(runs.size(), 5u);  // 4 tests, one twice
  EXPECT_EQ(runs[1].request, runs[0].request);
  EXPECT_DOUBLE_EQ(runs[1].limits.wall_seconds, 2 * runs[0].limits.wall_seconds);
  EXPECT_DOUBLE_EQ(runs[1].limits.max_wall_seconds, 2 * runs[0].limits.max_wall_seconds);
  EXPECT_DOUBLE_EQ(runs[1].limits.cpu_seconds, runs[0].limits.cpu_seconds);
  EXPECT_DOUBLE_EQ(runs[2].limits.wall_seconds, runs[0].limits.wall_seconds);  // the next test as any
}

TEST_F(Grading, AMachineTooBusyToRunATestGradesNothingOfTheExercise) {
  const auto result =
      hand_in(norms, "// right, never scheduled\n", testing::held_back_at_first(2, answering(right_norms)));
  EXPECT_EQ(result.status, ExerciseStatus::not_graded);
  EXPECT_DOUBLE_EQ(result.score, 0);
  EXPECT_EQ(result.message.rfind("could not grade: a test's program was stopped after ", 0), 0u) << result.message;
  const std::string end =
      " of its 2 s of CPU time used, twice: this machine is too busy — not a fault of your code; "
      "grade again";
  ASSERT_GE(result.message.size(), end.size());
  EXPECT_EQ(result.message.substr(result.message.size() - end.size()), end);
  ASSERT_EQ(result.tests.size(), 4u);
  for (const auto& t : result.tests) {
    EXPECT_EQ(t.status, TestStatus::not_graded);
    EXPECT_EQ(t.message, "not graded: the machine was too busy");
  }
}

TEST_F(Grading, AMachineTooBusyToCompileGradesNothingOfTheExercise) {
  fake.busy_compiling("// right\n");
  const auto result = hand_in(norms, "// right\n");
  EXPECT_EQ(result.status, ExerciseStatus::not_graded);
  EXPECT_EQ(result.message.rfind("could not grade: the compiler was stopped", 0), 0u) << result.message;
  EXPECT_TRUE(fake.runs().empty());
}

TEST_F(Grading, ACompileErrorIsTheCompilersMessageAndRunsNothing) {
  const std::string diagnostics = "01-vector-norms/norms.cpp:3:1: error: expected ';' before '}' token\n";
  fake.does_not_build("// missing ;\n", diagnostics);
  const auto result = hand_in(norms, "// missing ;\n");
  EXPECT_EQ(result.status, ExerciseStatus::compile_error);
  EXPECT_EQ(result.message, diagnostics);
  EXPECT_DOUBLE_EQ(result.score, 0);
  EXPECT_DOUBLE_EQ(result.max_score, 7);
  ASSERT_EQ(result.tests.size(), 4u);
  for (const auto& t : result.tests) {
    EXPECT_EQ(t.status, TestStatus::error);
    EXPECT_EQ(t.message, "not run: the file did not compile");
  }
  EXPECT_TRUE(fake.runs().empty());
  // A link error is one too; silent diagnostics still say what failed.
  fake.does_not_build("// defines nothing\n", "", true);
  const auto silent = hand_in(norms, "// defines nothing\n");
  EXPECT_EQ(silent.status, ExerciseStatus::compile_error);
  EXPECT_EQ(silent.message, "01-vector-norms/norms.cpp does not compile");
}

TEST_F(Grading, AMissingFileIsNotAttemptedAndNeverBuilt) {
  Grader grader(*course, fake, 1, true);
  const auto result = grader.grade(submission.path(), {norms.id}).exercises.at(0);
  EXPECT_EQ(result.status, ExerciseStatus::not_attempted);
  EXPECT_EQ(result.message, "01-vector-norms/norms.cpp not found: not attempted");
  EXPECT_EQ(fake.builds_made(), 0);
}

TEST_F(Grading, AKnownMistakeIsNamedWhereTheLearnersAnswersMatchItsVariant) {
  const auto result = hand_in(norms, "// textbook l2\n", answering(squares_overflow));
  const auto& t = test_named(result, "l2 norm of huge and tiny entries");
  EXPECT_EQ(t.status, TestStatus::failed);
  EXPECT_EQ(t.misconception, "squares-overflow");
  EXPECT_NE(t.message.find("\nThis looks like a known mistake: Squaring a huge entry overflows"), std::string::npos)
      << t.message;
  EXPECT_EQ(test_named(result, "the length of (3, −4)").misconception, "");  // passed: nothing to name
  // The variant runs as course code does: outside the sandbox.
  const auto variant = fake.runs_of(read_file(norms.spec.misconceptions.at(0).file));
  ASSERT_FALSE(variant.empty());
  EXPECT_FALSE(variant[0].sandboxed);
}

TEST_F(Grading, ADifferentWrongAnswerIsNotTheKnownMistake) {
  const auto result = hand_in(norms, "// l2 gives 0 for huge entries\n", answering([](const Call& call) {
                                const Outcome right = right_norms(call);
                                if (call.function == "l2_norm" && right.value().as<double>() > 1e100)
                                  return Outcome{Value(0.0)};
                                return right;
                              }));
  const auto& t = test_named(result, "l2 norm of huge and tiny entries");
  EXPECT_EQ(t.status, TestStatus::failed);
  EXPECT_EQ(t.misconception, "");
  EXPECT_EQ(t.message.find("known mistake"), std::string::npos) << t.message;
}

/// normalize, without dividing.
Outcome unnormalized(const Call& call) {
  const Outcome right = right_normalize(call);
  return right.threw() ? right : Outcome{Value(numbers(call.args.at(0)))};
}

TEST_F(Grading, AHiddenTestGivesItsVerdictNeverItsInputs) {
  const auto result = hand_in(normalize, "// forgets to divide\n", answering(unnormalized));
  ASSERT_EQ(result.tests.size(), 3u);
  const auto& hidden = test_named(result, "a vector of huge entries");
  EXPECT_TRUE(hidden.hidden);
  EXPECT_EQ(hidden.status, TestStatus::failed);
  EXPECT_EQ(hidden.message, "hidden test failed: its inputs are not shown");
  const auto& shown = test_named(result, "a unit vector along (3, 4)");
  EXPECT_FALSE(shown.hidden);
  EXPECT_EQ(shown.message.rfind("normalize([3, 4])\n  expected: [0.6, 0.8]\n", 0), 0u) << shown.message;
  EXPECT_DOUBLE_EQ(result.score, 1);  // the zero vector's test
  EXPECT_DOUBLE_EQ(result.max_score, 4);
}

TEST_F(Grading, ALearnersOwnCheckNeitherRunsNorCountsHiddenTests) {
  const auto result = hand_in(normalize, "// right normalize\n", answering(right_normalize), false);
  ASSERT_EQ(result.tests.size(), 2u);
  for (const auto& t : result.tests) EXPECT_FALSE(t.hidden);
  EXPECT_DOUBLE_EQ(result.max_score, 3);
  EXPECT_EQ(result.status, ExerciseStatus::passed);
  EXPECT_EQ(fake.runs_of("// right normalize\n").size(), 2u);
}

TEST_F(Grading, AReferenceThatDoesNotBuildOrFinishIsACourseError) {
  const std::string solution = read_file(course->solutions_dir() / norms.relative_file());
  const auto course_error = [&](const std::string& learner) {
    try {
      hand_in(norms, learner, answering(right_norms));
    } catch (const CourseError& e) {
      return std::string(e.what());
    }
    return std::string("no CourseError");
  };
  fake.does_not_build(solution, "error: no norms\n");
  EXPECT_NE(course_error("// a\n").find("norms.cpp does not compile:\nerror: no norms\n"), std::string::npos);
  fake.does_not_build(solution, "undefined reference\n", true);
  EXPECT_NE(course_error("// b\n").find("norms.cpp does not link:\nundefined reference\n"), std::string::npos);
  fake.builds(solution, testing::stopping(testing::killed_by(SIGABRT)));
  const std::string crashed = course_error("// c\n");
  EXPECT_NE(crashed.find(": the reference solution did not finish (abort"), std::string::npos) << crashed;
}

/// Records which lessons the grader has prepared; builds and runs nothing.
class PreparingMachine final : public BuildAndRun {
 public:
  RunnerBuild build_runner(const Course&, const Exercise&, const std::string&, const std::string& name) override {
    throw std::logic_error("nothing was handed in, yet " + name + " was built");
  }
  ProcessResult run_runner(const std::filesystem::path& runner, const std::string&, const Limits&, bool) override {
    throw std::logic_error("nothing was built, yet " + runner.string() + " was run");
  }
  void prepare(const Course&, const Lesson& lesson) override {
    std::lock_guard lock(mutex_);
    prepared.push_back(lesson.id);
  }
  std::vector<std::string> prepared;

 private:
  std::mutex mutex_;
};

TEST(GradingSchedule, WithThreadsToShareEachLessonHandedInIsPreparedOnceAtTheStart) {
  const auto course = load_course(std::filesystem::path(MATHLINGS_TEST_FIXTURES).parent_path().parent_path());
  ASSERT_GE(course->lessons.size(), 2u);
  // Empty files, refused before any build: every lesson handed in but the last.
  const TemporaryDirectory submission{std::filesystem::temp_directory_path()};
  std::vector<std::string> handed_in;
  for (const auto* exercise : course->exercises()) {
    if (exercise->lesson == &course->lessons.back()) continue;
    std::filesystem::create_directories((submission.path() / exercise->relative_file()).parent_path());
    std::ofstream(submission.path() / exercise->relative_file()) << "";
    if (handed_in.empty() || handed_in.back() != exercise->lesson->id) handed_in.push_back(exercise->lesson->id);
  }

  PreparingMachine two_jobs;
  Grader(*course, two_jobs, 2, true).grade(submission.path(), {});
  std::sort(two_jobs.prepared.begin(), two_jobs.prepared.end());
  std::sort(handed_in.begin(), handed_in.end());
  EXPECT_EQ(two_jobs.prepared, handed_in);

  // One job gains nothing by it; one exercise needs only its own lesson's, when it gets there.
  PreparingMachine one_job;
  Grader(*course, one_job, 1, true).grade(submission.path(), {});
  EXPECT_TRUE(one_job.prepared.empty());
  PreparingMachine one_exercise;
  Grader(*course, one_exercise, 2, true).grade(submission.path(), {course->exercises().front()->id});
  EXPECT_TRUE(one_exercise.prepared.empty());
}

/// Builds the reference at once and holds the learner's build until the
/// reference has run (or ten seconds have passed): whether they overlapped.
class OverlapMachine final : public BuildAndRun {
 public:
  OverlapMachine(std::string reference, Program program)
      : reference_(std::move(reference)), program_(std::move(program)) {}
  RunnerBuild build_runner(const Course&, const Exercise&, const std::string& source, const std::string&) override {
    RunnerBuild build;
    build.compiled = build.runner.ok = true;
    build.runner.key = source == reference_ ? "reference" : "learner";
    build.runner.path = "/fake-runners/" + build.runner.key;
    if (source != reference_) {
      std::unique_lock lock(mutex_);
      reference_ran_while_learner_built =
          ran_.wait_for(lock, std::chrono::seconds(10), [&] { return reference_runs_ > 0; });
    }
    return build;
  }
  ProcessResult run_runner(const std::filesystem::path& runner, const std::string& request, const Limits& limits,
                           bool) override {
    {
      std::lock_guard lock(mutex_);
      if (runner == "/fake-runners/reference") ++reference_runs_;
    }
    ran_.notify_all();
    return program_(protocol::decode_request(request), limits);
  }
  bool reference_ran_while_learner_built = false;

 private:
  std::string reference_;
  Program program_;
  std::mutex mutex_;
  std::condition_variable ran_;
  int reference_runs_ = 0;
};

TEST(GradingSchedule, AOneExerciseCheckRunsTheReferenceWhileTheLearnersFileCompiles) {
  const auto course = load_course(example_course);
  const Exercise& norms = course->find("01-vector-norms/norms");
  const std::string reference = read_file(course->solutions_dir() / norms.relative_file());
  OverlapMachine machine(reference, answering(right_norms));
  const TemporaryDirectory submission{std::filesystem::temp_directory_path()};
  const auto file = submission.path() / norms.relative_file();
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << reference << "// the learner's own copy\n";

  const auto result = Grader(*course, machine, 2, true).grade(submission.path(), {norms.id});
  EXPECT_TRUE(machine.reference_ran_while_learner_built);
  EXPECT_EQ(result.exercises.at(0).status, ExerciseStatus::passed) << result.exercises.at(0).message;
}

}  // namespace
}  // namespace mathlings
