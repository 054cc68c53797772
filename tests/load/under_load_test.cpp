// Does a grade depend on how busy the machine is? The built mathlings grades
// the same submissions twice — alone, then pinned to one CPU shared with eight
// busy processes (a ninth of a CPU) — and the results must be the same, every
// verdict and message. The example course's tests are given a time limit of a
// quarter of a second, so that the load matters: a limit kept in wall time
// would time out correct code here.
//
// And when the machine is so busy that a program cannot use its CPU time
// within the wall-time guard, even when tried again, the exercise is
// not_graded and the exit status 2: never a learner's timeout.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/cpu_hogs.hpp"
#include "base/files.hpp"
#include "exec/process.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

const fs::path example_course = MATHLINGS_EXAMPLE_COURSE;
const fs::path fixtures = MATHLINGS_TEST_FIXTURES;

/// The example course with every test limited to `seconds` of CPU time.
fs::path course_with_time_limit(const fs::path& scratch, const std::string& seconds) {
  const fs::path course = scratch / "course";
  fs::copy(example_course, course, fs::copy_options::recursive);
  for (const auto& entry : fs::recursive_directory_iterator(course / "specs")) {
    if (entry.path().extension() != ".yaml") continue;
    std::ofstream(entry.path(), std::ios::app) << "time_limit: " << seconds << "\n";
  }
  return course;
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

struct Ran {
  int exit_code = -1;
  std::string output;
};

Ran run_mathlings(const std::vector<std::string>& arguments) {
  ProcessSpec spec;
  spec.argv = {MATHLINGS_BINARY};
  spec.argv.insert(spec.argv.end(), arguments.begin(), arguments.end());
  spec.environment = {"PATH=/usr/bin:/bin", "HOME=/tmp"};
  spec.limits.wall_seconds = 900;
  spec.limits.open_files = 1024;
  const ProcessResult r = run_process(spec);
  return {r.end == ProcessResult::End::exited ? r.exit_code : -1, r.output};
}

struct Graded {
  int exit_code = -1;
  std::string json;
  std::string log;
};

Graded grade(const fs::path& course, const fs::path& cache, const fs::path& submission, const fs::path& output) {
  const Ran ran = run_mathlings({"--course", course.string(), "--cache", cache.string(), "grade", submission.string(),
                                 "--format", "json", "--output", output.string()});
  std::error_code ec;
  return {ran.exit_code, fs::exists(output, ec) ? read_file(output) : std::string(), ran.output};
}

const char* const sleeps_and_spins_norms = R"(#include <mathlings/vector_norms.hpp>
#include <chrono>
#include <thread>
namespace mathlings {
double l1_norm(const std::vector<double>&) { for (;;) std::this_thread::sleep_for(std::chrono::hours(1)); }
double l2_norm(const std::vector<double>&) {
  volatile long spin = 0;
  for (;;) spin = spin + 1;
}
double max_norm(const std::vector<double>&) { for (;;) std::this_thread::sleep_for(std::chrono::hours(1)); }
}  // namespace mathlings
)";

/// Right answers, each after a tenth of a second of computing: well within
/// the limit of a quarter of a second of CPU time, but four times over it in
/// wall time with a ninth of a CPU.
const char* const slow_normalize = R"(#include <mathlings/vector_norms.hpp>
#include <ctime>
#include <stdexcept>
namespace mathlings {
Eigen::VectorXd normalize(const Eigen::VectorXd& x) {
  const std::clock_t start = std::clock();
  while (std::clock() - start < CLOCKS_PER_SEC / 10) {}
  const double length = x.stableNorm();
  if (length == 0) throw std::domain_error("the zero vector has no direction");
  return x / length;
}
}  // namespace mathlings
)";

/// Right answers, after making its own process the least urgent on the
/// machine and computing for a while: beside a busy process it cannot get
/// its CPU time — as a correct program on a machine far too busy.
const char* const starved_norms = R"(#include <mathlings/vector_norms.hpp>
#include <cmath>
#include <ctime>
#include <thread>  // and with it the POSIX threads' scheduling calls
namespace mathlings {
namespace {
void wait_behind_everyone() {
  sched_param none{};
  pthread_setschedparam(pthread_self(), SCHED_IDLE, &none);
  const std::clock_t start = std::clock();
  while (std::clock() - start < CLOCKS_PER_SEC / 10) {}
}
}  // namespace
double l1_norm(const std::vector<double>& x) {
  wait_behind_everyone();
  double s = 0;
  for (double v : x) s += std::abs(v);
  return s;
}
double l2_norm(const std::vector<double>& x) {
  wait_behind_everyone();
  double m = 0;
  for (double v : x) m = std::fmax(m, std::abs(v));
  if (m == 0) return 0;
  double s = 0;
  for (double v : x) s += (v / m) * (v / m);
  return m * std::sqrt(s);
}
double max_norm(const std::vector<double>& x) {
  wait_behind_everyone();
  double m = 0;
  for (double v : x) m = std::fmax(m, std::abs(v));
  return m;
}
}  // namespace mathlings
)";

class UnderLoad : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_.emplace(fs::temp_directory_path(), "mathlings-load-");
    course_ = course_with_time_limit(scratch_->path(), "0.25");
    cache_ = scratch_->path() / "cache";
  }
  fs::path submission(const std::string& name) {
    fs::create_directories(scratch_->path() / "submissions");
    return scratch_->path() / "submissions" / name;
  }
  Graded grade_to(const fs::path& submission, const std::string& output) {
    return grade(course_, cache_, submission, scratch_->path() / output);
  }

  std::optional<TemporaryDirectory> scratch_;
  fs::path course_;
  fs::path cache_;
};

TEST_F(UnderLoad, TheVerdictsAreThoseOfAnIdleMachine) {
  fs::copy(course_ / "solutions", submission("correct"), fs::copy_options::recursive);
  fs::copy(fixtures / "submissions" / "example-naive-norms", submission("naive"), fs::copy_options::recursive);
  write(submission("slow") / "01-vector-norms" / "normalize.cpp", slow_normalize);
  fs::copy(course_ / "solutions" / "01-vector-norms" / "norms.cpp",
           submission("slow") / "01-vector-norms" / "norms.cpp");
  write(submission("hangs") / "01-vector-norms" / "norms.cpp", sleeps_and_spins_norms);
  fs::copy(course_ / "solutions" / "01-vector-norms" / "normalize.cpp",
           submission("hangs") / "01-vector-norms" / "normalize.cpp");
  for (const std::string name : {"correct", "slow", "naive", "hangs"}) {
    const Graded alone = grade_to(submission(name), name + "-alone.json");
    ASSERT_FALSE(alone.json.empty()) << name << ": " << alone.log;
    Graded loaded;
    {
      const testing::CpuHogs hogs(8, 0);
      const testing::PinnedToCpu pinned(0);
      loaded = grade_to(submission(name), name + "-loaded.json");
    }
    EXPECT_EQ(loaded.exit_code, alone.exit_code) << name << ": " << loaded.log;
    EXPECT_EQ(loaded.json, alone.json) << name << " graded differently under load";
  }
  // What the verdicts are: correct submissions pass, slow or not; the hanging one times out.
  for (const std::string name : {"correct", "slow"}) {
    EXPECT_NE(read_file(scratch_->path() / (name + "-alone.json")).find("\"score\": 11.0, \"max_score\": 11.0"),
              std::string::npos)
        << name;
  }
  const std::string hangs = read_file(scratch_->path() / "hangs-alone.json");
  EXPECT_NE(hangs.find("\"timeout\""), std::string::npos);
  EXPECT_NE(hangs.find("of CPU time"), std::string::npos);      // the spinner
  EXPECT_NE(hangs.find("did nothing for"), std::string::npos);  // the sleepers
  EXPECT_EQ(hangs.find("not_graded"), std::string::npos);
}

TEST_F(UnderLoad, AProgramTheMachineCannotRunIsNotGradedNeverTimedOut) {
  write(submission("starved") / "01-vector-norms" / "norms.cpp", starved_norms);
  fs::copy(course_ / "solutions" / "01-vector-norms" / "normalize.cpp",
           submission("starved") / "01-vector-norms" / "normalize.cpp");
  const Graded alone = grade_to(submission("starved"), "starved-alone.json");
  ASSERT_EQ(alone.exit_code, 0) << "alone, it passes: " << alone.log << alone.json;

  Graded loaded;
  {
    const testing::CpuHogs hog(1, 0);
    const testing::PinnedToCpu pinned(0);
    loaded = grade_to(submission("starved"), "starved-loaded.json");
  }
  EXPECT_EQ(loaded.exit_code, 2) << loaded.log;
  const std::string norms = loaded.json.substr(0, loaded.json.find("01-vector-norms/normalize"));
  EXPECT_NE(norms.find("\"status\": \"not_graded\""), std::string::npos) << loaded.json;
  EXPECT_EQ(norms.find("\"timeout\""), std::string::npos) << loaded.json;
  EXPECT_NE(norms.find("the machine was too busy"), std::string::npos) << loaded.json;
  // The other exercise is graded as ever.
  const std::string normalize = loaded.json.substr(loaded.json.find("01-vector-norms/normalize"));
  EXPECT_NE(normalize.find("\"status\": \"passed\""), std::string::npos) << loaded.json;
}

/// A batch keeps no grade it could not give: the student the machine could
/// not grade is named, the exit status is 2, and the batch run again grades
/// that student again (and only that one).
TEST_F(UnderLoad, ABatchNeverKeepsWhatItCouldNotGrade) {
  const fs::path root = scratch_->path() / "class";
  write(root / "ada" / "01-vector-norms" / "norms.cpp", starved_norms);
  fs::copy(course_ / "solutions", root / "bob", fs::copy_options::recursive);
  const fs::path out = scratch_->path() / "graded";
  const std::vector<std::string> batch = {"--course",    course_.string(), "--cache",    cache_.string(), "batch",
                                          root.string(), "--output",       out.string(), "--jobs",        "1"};
  ASSERT_EQ(run_mathlings({"--course", course_.string(), "--cache", cache_.string(), "grade", (root / "ada").string(),
                           "--output", (scratch_->path() / "warm.json").string()})
                .exit_code,
            1);  // compiled once, alone: the load below meets only the runs

  Ran loaded;
  {
    const testing::CpuHogs hog(1, 0);
    const testing::PinnedToCpu pinned(0);
    loaded = run_mathlings(batch);
  }
  EXPECT_EQ(loaded.exit_code, 2) << loaded.output;
  EXPECT_NE(loaded.output.find("1 could not be graded, the machine being too busy"), std::string::npos)
      << loaded.output;
  const std::string gradebook = read_file(out / "gradebook.csv");
  EXPECT_NE(gradebook.find("ada,,,not_graded,,"), std::string::npos) << gradebook;  // no score: an empty cell

  const Ran again = run_mathlings(batch);
  EXPECT_EQ(again.exit_code, 0) << again.output;  // every student graded
  EXPECT_NE(again.output.find("2 students: 1 graded, 1 unchanged"), std::string::npos) << again.output;
  EXPECT_NE(read_file(out / "gradebook.csv").find("ada,,,graded,"), std::string::npos);
}

}  // namespace
}  // namespace mathlings
