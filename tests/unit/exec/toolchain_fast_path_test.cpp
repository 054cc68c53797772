// The fast path of the toolchain: a learner's file compiled by clang against
// the lesson's prebuilt header, linked with the lesson's prebuilt object —
// and the C++ compiler deciding whenever clang does not compile a file, so
// that verdicts and messages are the C++ compiler's.
#include <gtest/gtest.h>

#include "base/config.hpp"
#include "base/files.hpp"
#include "common/protocol.hpp"
#include "exec/process.hpp"
#include "exec/sandbox.hpp"
#include "exec/toolchain.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

class FastPath : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!*config::fast_compiler) GTEST_SKIP() << "no clang++ on this machine: every file goes to the C++ compiler";
  }
  BuildProduct compile(const std::string& source) {
    return toolchain.compile(*course, *z_test.lesson, source, "04-statistics/z_test.cpp");
  }

  // The course itself: lesson 04 has a prebuild header (course.yaml).
  std::unique_ptr<Course> course = load_course(fs::path(MATHLINGS_TEST_FIXTURES).parent_path().parent_path());
  const Exercise& z_test = course->find("04-statistics/z_test");
  Toolchain toolchain{fs::path(config::default_cache_dir)};
};

TEST_F(FastPath, AFileUsingWhatThePrebuiltSetLacksStillCompilesLinksAndAnswers) {
  // A full-pivoting LU and the chi-squared distribution: nothing of the
  // lesson's prebuild header instantiates them.
  const std::string source =
      "#include <Eigen/Dense>\n"
      "#include <boost/math/distributions/chi_squared.hpp>\n"
      "#include <boost/math/distributions/normal.hpp>\n"
      "#include <mathlings/statistics.hpp>\n"
      "namespace mathlings {\n"
      "double z_test_p_value(double mean, double mu0, double sigma, std::size_t n, Tail) {\n"
      "  const Eigen::Matrix3d m = Eigen::Matrix3d::Identity();\n"
      "  const double z = (mean - mu0) / (sigma / std::sqrt(double(n)));\n"
      "  const double unused = boost::math::cdf(boost::math::chi_squared(2), 1.0) * m.fullPivLu().rank();\n"
      "  return boost::math::cdf(boost::math::complement(boost::math::normal(), z)) + 0 * unused;\n"
      "}\n"
      "}  // namespace mathlings\n";
  const BuildProduct object = compile(source);
  ASSERT_TRUE(object.ok) << object.diagnostics;
  ASSERT_EQ(object.companions.size(), 1u) << "compiled on the fast path, with the lesson's prebuilt object";

  const BuildProduct runner = toolchain.link_runner(*course, z_test, object);
  ASSERT_TRUE(runner.ok) << runner.diagnostics;
  ProcessSpec spec;
  spec.argv = {runner.path.string()};
  spec.input =
      protocol::encode_request({{"z_test_p_value", {Value(1.96), Value(0.0), Value(1.0), Value(1), Value("greater")}}});
  spec.with_result_channel = true;
  const ProcessResult run = run_process(spec);
  const protocol::Answers answers = protocol::decode_answers(run.results);
  ASSERT_EQ(answers.outcomes.size(), 1u) << run.output;
  EXPECT_NEAR(answers.outcomes[0].value().as<double>(), 0.024997895148220435, 1e-15);
}

TEST_F(FastPath, AFileOnlyTheCppCompilerAcceptsIsCompiledByIt) {
  // std::sqrt in a constant expression: g++ works it out, clang refuses.
  const BuildProduct object = compile(
      "#include <cmath>\n"
      "#include <mathlings/statistics.hpp>\n"
      "namespace mathlings {\n"
      "constexpr double root_two = std::sqrt(2.0);\n"
      "double z_test_p_value(double, double, double, std::size_t, Tail) { return root_two; }\n"
      "}  // namespace mathlings\n");
  ASSERT_TRUE(object.ok) << object.diagnostics;
  EXPECT_TRUE(object.companions.empty());
}

TEST_F(FastPath, ACompileErrorIsTheCppCompilersMessage) {
  const BuildProduct object = compile(
      "#include <mathlings/statistics.hpp>\n"
      "namespace mathlings {\n"
      "double z_test_p_value(double, double, double, std::size_t, Tail) {\n"
      "  double p = 1\n"
      "  return p;\n"
      "}\n"
      "}  // namespace mathlings\n");
  EXPECT_FALSE(object.ok);
  // g++ says "before 'return'"; clang would say "after top level declarator".
  EXPECT_NE(object.diagnostics.find("04-statistics/z_test.cpp:5:3: error: expected ',' or ';' before 'return'"),
            std::string::npos)
      << object.diagnostics;
}

TEST_F(FastPath, ARunnerOnTheFastPathNeedsNothingOfTheCppCompilersOwn) {
  if (!sandbox_available()) GTEST_SKIP() << "no sandbox here, so no fast path: " << isolation_problem();
  // A cache of its own: what this runner needs, and nothing else, gets built.
  const TemporaryDirectory cache(fs::temp_directory_path());
  Toolchain fresh(cache.path());
  const Exercise& bayes = course->find("03-probability/bayes");
  const BuildProduct object =
      fresh.compile(*course, *bayes.lesson, read_file(course->solutions_dir() / bayes.relative_file()),
                    bayes.relative_file().string());
  ASSERT_TRUE(object.ok) << object.diagnostics;
  const BuildProduct runner = fresh.link_runner(*course, bayes, object);
  ASSERT_TRUE(runner.ok) << runner.diagnostics;
  // The bindings were compiled by clang against the prebuilt header too:
  // g++'s precompiled header of the lesson (seconds of a cold grade) was
  // never needed.
  EXPECT_FALSE(fs::exists(cache.path() / "pch") && !fs::is_empty(cache.path() / "pch"));
  EXPECT_FALSE(fs::is_empty(cache.path() / "bindings"));

  ProcessSpec spec;
  spec.argv = {runner.path.string()};
  spec.input = protocol::encode_request({{"bayes_posterior", {Value(0.01), Value(0.8), Value(0.096)}}});
  spec.with_result_channel = true;
  const ProcessResult run = run_process(spec);
  const protocol::Answers answers = protocol::decode_answers(run.results);
  ASSERT_EQ(answers.outcomes.size(), 1u) << run.output;
  EXPECT_NEAR(answers.outcomes[0].value().as<double>(), 0.07763975155279502, 1e-15);
}

TEST_F(FastPath, FilesTogetherHoldingMuchStaticDataAreCompiledApart) {
  if (!sandbox_available()) GTEST_SKIP() << "no sandbox here: " << isolation_problem();
  // Every runner of a unit carries every file's data: a memo table in one
  // would count against the other exercise's memory limit.
  const UnitFile small{"04-statistics/a.cpp", "namespace mathlings { double one_a() { return 1; } }\n", {}};
  const UnitFile other{"04-statistics/b.cpp", "namespace mathlings { double one_b() { return 2; } }\n", {}};
  const UnitFile memo{"04-statistics/a.cpp",
                      "static double memo[1 << 20];\nnamespace mathlings { double* memo_a() { return memo; } }\n",
                      {}};
  EXPECT_TRUE(toolchain.compile_together(*course, *z_test.lesson, {small, other}));
  EXPECT_FALSE(toolchain.compile_together(*course, *z_test.lesson, {memo, other}));
}

}  // namespace
}  // namespace mathlings
