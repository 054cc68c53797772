// What a test asks is stated where the learner reads: the header's doc
// comment names every exception a test expects, and a technique that the plain
// formula lacks is named in the doc comment, the stub or the lesson.
#include "authoring/statement_check.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "base/config.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;
const fs::path example_course = fs::path(MATHLINGS_TEST_FIXTURES).parent_path() / "example-course";

void replace_in_file(const fs::path& file, const std::string& old_text, const std::string& new_text) {
  std::string text = read_file(file);
  const auto at = text.find(old_text);
  ASSERT_NE(at, std::string::npos) << old_text << " not in " << file;
  text.replace(at, old_text.size(), new_text);
  std::ofstream(file, std::ios::binary) << text;
}

/// The line of `needle` in `file`, counted from 1.
int line_of(const fs::path& file, const std::string& needle) {
  std::istringstream in(read_file(file));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.find(needle) != std::string::npos) return n;
  return 0;
}

/// A copy of the example course to plant things in.
class StatementScratchCourse : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* part : {"course.yaml", "include", "lessons", "exercises", "solutions", "specs"})
      fs::copy(example_course / part, root() / part, fs::copy_options::recursive);
  }
  const fs::path& root() const { return work.path(); }
  fs::path header() const { return root() / "include/mathlings/vector_norms.hpp"; }
  fs::path norms_spec() const { return root() / "specs/01-vector-norms/norms.yaml"; }

  /// norms declares that its huge-and-tiny test needs scaling, which the
  /// squares-overflow variant leaves out, stated as "largest magnitude".
  void declare_scaling() {
    std::ofstream(norms_spec(), std::ios::app)
        << "techniques:\n  - name: scaling\n    without: squares-overflow\n    stated_as: [largest magnitude]\n";
    replace_in_file(norms_spec(), "  - name: l2 norm of huge and tiny entries\n",
                    "  - name: l2 norm of huge and tiny entries\n    needs: [scaling]\n");
  }
  /// The lesson, the stub and the solution (kept in step) no longer say how.
  void unstate_scaling() {
    replace_in_file(root() / "lessons/01-vector-norms/README.md", "largest magnitude", "biggest entry");
    replace_in_file(root() / "exercises/01-vector-norms/norms.cpp", "largest magnitude", "biggest entry");
    replace_in_file(root() / "solutions/01-vector-norms/norms.cpp", "largest magnitude", "biggest entry");
  }

  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-statements-test-"};
};

/// A graded run in which the named tests failed and every other passed.
ExerciseResult graded(const Exercise& exercise, const std::vector<std::string>& failed) {
  ExerciseResult result;
  result.id = exercise.id;
  for (const auto& test : exercise.spec.tests) {
    TestResult t;
    t.name = test.name;
    t.status =
        std::find(failed.begin(), failed.end(), test.name) != failed.end() ? TestStatus::failed : TestStatus::passed;
    result.tests.push_back(t);
  }
  result.settle();
  return result;
}

TEST(StatedExceptions, EveryExerciseOfTheShippedCourseNamesWhatItsTestsExpect) {
  const auto course = load_course(config::default_course_dir);
  for (const auto* exercise : course->exercises()) {
    for (const auto& p : check_stated_exceptions(*course, *exercise)) ADD_FAILURE() << p.where << ": " << p.problem;
  }
}

TEST(DocComments, RunFromTheExercisesLineToTheNextExercises) {
  const auto course = load_course(config::default_course_dir);
  const DocComment gradient =
      exercise_doc_comment(*course, course->find("02-multivariate-calculus/numerical_gradient"));
  EXPECT_EQ(gradient.header, "include/mathlings/calculus.hpp");
  EXPECT_GT(gradient.line, 0);
  EXPECT_NE(gradient.text.find("numerical_jacobian:"), std::string::npos) << gradient.text;  // the exercise's too
  EXPECT_EQ(gradient.text.find("gradient_descent:"), std::string::npos) << gradient.text;    // the next one's not
  EXPECT_EQ(gradient.text.find("///"), std::string::npos) << gradient.text;
}

TEST(LessonText, IsTheSectionsTheExerciseLinksTo) {
  const auto course = load_course(config::default_course_dir);
  const std::string text = exercise_lesson_text(*course, course->find("04-statistics/t_tests"));
  EXPECT_EQ(text.rfind("## t-tests", 0), 0u) << text.substr(0, 200);
  EXPECT_EQ(text.find("## Reading a regression"), std::string::npos);
}

TEST_F(StatementScratchCourse, AnExceptionTheDocCommentDoesNotNameIsReportedAtTheTest) {
  replace_in_file(header(), " Throws std::domain_error for the zero vector.", "");
  const auto course = load_course(root());
  const auto problems = check_stated_exceptions(*course, course->find("01-vector-norms/normalize"));
  ASSERT_EQ(problems.size(), 1u);
  const int test_line = line_of(root() / "specs/01-vector-norms/normalize.yaml", "the zero vector has no direction");
  EXPECT_EQ(problems[0].where, "specs/01-vector-norms/normalize.yaml:" + std::to_string(test_line));
  EXPECT_NE(problems[0].problem.find("include/mathlings/vector_norms.hpp:" +
                                     std::to_string(line_of(header(), "/// normalize:"))),
            std::string::npos)
      << problems[0].problem;
  EXPECT_NE(problems[0].problem.find("say there when normalize throws std::domain_error"), std::string::npos)
      << problems[0].problem;
}

TEST_F(StatementScratchCourse, ATestThePlainVariantFailsMustDeclareTheTechnique) {
  std::ofstream(norms_spec(), std::ios::app)
      << "techniques:\n  - name: scaling\n    without: squares-overflow\n    stated_as: [largest magnitude]\n";
  const auto course = load_course(root());
  const Exercise& norms = course->find("01-vector-norms/norms");
  const auto problems = check_stated_techniques(
      *course, norms, {{"squares-overflow", graded(norms, {"l2 norm of huge and tiny entries"})}});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where,
            "specs/01-vector-norms/norms.yaml:" + std::to_string(line_of(norms_spec(), "huge and tiny entries")));
  EXPECT_NE(problems[0].problem.find("add `needs: [scaling]`"), std::string::npos) << problems[0].problem;
}

TEST_F(StatementScratchCourse, ANeedThePlainVariantMeetsIsReported) {
  declare_scaling();
  const auto course = load_course(root());
  const Exercise& norms = course->find("01-vector-norms/norms");
  const auto problems = check_stated_techniques(*course, norms, {{"squares-overflow", graded(norms, {"l1 norm"})}});
  ASSERT_EQ(problems.size(), 2u);  // l1 norm does not declare it; huge and tiny declares it needlessly
  EXPECT_NE(problems[1].problem.find("take scaling out of its needs"), std::string::npos) << problems[1].problem;
}

TEST_F(StatementScratchCourse, ADeclaredTechniqueIsStatedOrReported) {
  declare_scaling();
  const auto check = [&] {
    const auto course = load_course(root());
    const Exercise& norms = course->find("01-vector-norms/norms");
    return check_stated_techniques(*course, norms,
                                   {{"squares-overflow", graded(norms, {"l2 norm of huge and tiny entries"})}});
  };
  EXPECT_TRUE(check().empty());  // the lesson and the stub say "largest magnitude", across a line break
  unstate_scaling();
  const auto problems = check();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].problem.find("write 'largest magnitude' in include/mathlings/vector_norms.hpp:"),
            std::string::npos)
      << problems[0].problem;
}

TEST_F(StatementScratchCourse, AnUnmeasuredTechniqueIsReported) {
  declare_scaling();
  const auto course = load_course(root());
  const auto problems = check_stated_techniques(*course, course->find("01-vector-norms/norms"), {});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].problem.find("cannot be measured"), std::string::npos) << problems[0].problem;
}

TEST_F(StatementScratchCourse, ANeedThatNamesNoTechniqueIsAnErrorAtItsLine) {
  replace_in_file(norms_spec(), "  - name: l1 norm\n", "  - name: l1 norm\n    needs: [kahan-summation]\n");
  try {
    load_course(root());
    FAIL() << "loaded";
  } catch (const CourseError& e) {
    EXPECT_NE(std::string(e.what()).find("norms.yaml:" + std::to_string(line_of(norms_spec(), "kahan"))),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("'kahan-summation' is not in this spec's techniques"), std::string::npos)
        << e.what();
  }
}

TEST_F(StatementScratchCourse, ATechniqueWithoutAKnownMistakeIsAnErrorAtItsLine) {
  std::ofstream(norms_spec(), std::ios::app)
      << "techniques:\n  - name: scaling\n    without: squares-underflow\n    stated_as: [largest magnitude]\n";
  try {
    load_course(root());
    FAIL() << "loaded";
  } catch (const CourseError& e) {
    EXPECT_NE(std::string(e.what()).find("norms.yaml:" + std::to_string(line_of(norms_spec(), "squares-underflow"))),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("write the plain formula as one"), std::string::npos) << e.what();
  }
}

// The whole of verify on a scratch course: a planted unstated exception and
// an unstated precision requirement are each named with file, line and fix.
TEST_F(StatementScratchCourse, VerifyNamesWhatTheTestsAskButTheTextDoesNotSay) {
  replace_in_file(header(), " Throws std::domain_error for the zero vector.", "");
  declare_scaling();
  unstate_scaling();
  Options options;
  options.command = "verify";
  options.course_dir = root();
  options.course_given = true;  // as --course: never the course found from the working directory
  options.cache_dir = config::default_cache_dir;
  options.cache_given = true;
  options.jobs = 2;
  std::ostringstream out, err;
  EXPECT_EQ(run_command(options, out, err), 1) << out.str();
  const std::string report = out.str();
  const std::string exception_line =
      "specs/01-vector-norms/normalize.yaml:" +
      std::to_string(line_of(root() / "specs/01-vector-norms/normalize.yaml", "the zero vector has no direction")) +
      ": the test 'the zero vector has no direction' expects std::domain_error";
  EXPECT_NE(report.find(exception_line), std::string::npos) << report;
  EXPECT_NE(report.find("say there when normalize throws std::domain_error"), std::string::npos) << report;
  const std::string technique_line =
      "specs/01-vector-norms/norms.yaml:" + std::to_string(line_of(norms_spec(), "huge and tiny entries")) +
      ": the test 'l2 norm of huge and tiny entries' needs scaling (the plain variant 'squares-overflow' fails it)";
  EXPECT_NE(report.find(technique_line), std::string::npos) << report;
  EXPECT_NE(report.find("write 'largest magnitude' in include/mathlings/vector_norms.hpp:"), std::string::npos)
      << report;
  // Nothing else is wrong with the scratch course: these are its only problems.
  EXPECT_NE(report.find("\n2 problem(s) found."), std::string::npos) << report;
}

}  // namespace
}  // namespace mathlings
