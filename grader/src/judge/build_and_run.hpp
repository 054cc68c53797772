// What the judge asks of the machine, and nothing more: an exercise's runner
// built from one source file, and a runner run once on a request. Behind it
// are the compiler and the process runner (ToolchainBuildAndRun); a test
// gives the judge canned outcomes instead, and so checks its verdicts without
// a compiler (tests/support/fake_toolchain.hpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "exec/process.hpp"
#include "exec/toolchain.hpp"
#include "model/course.hpp"

namespace mathlings {

/// An exercise's source built into a runner, or why it could not be.
struct RunnerBuild {
  BuildProduct runner;    ///< ok: the runner executable; otherwise the diagnostics
  bool compiled = false;  ///< the source compiled: a failure was the link's
};

class BuildAndRun {
 public:
  virtual ~BuildAndRun() = default;

  /// `source`, a file of `exercise` (a learner's, the reference solution, a
  /// wrong variant), compiled and linked with the exercise's bindings into a
  /// runner. `display_name` is the path diagnostics name. A compile or link
  /// error is a result; a machine too busy to compile, MachineBusy.
  virtual RunnerBuild build_runner(const Course& course, const Exercise& exercise, const std::string& source,
                                   const std::string& display_name) = 0;

  /// One run of `runner` on `request` (its standard input) under `limits`,
  /// with the result channel open, in a fresh scratch folder of its own —
  /// and in the sandbox when `sandboxed`. The process's end as it happened:
  /// a run the load held back (ProcessResult::starved) is returned, for the
  /// caller to try again (exec/load_retry.hpp).
  virtual ProcessResult run_runner(const std::filesystem::path& runner, const std::string& request,
                                   const Limits& limits, bool sandboxed) = 0;
  /// Builds ahead what every file of `lesson` shares (its precompiled
  /// headers), so that a grade of several lessons builds theirs side by
  /// side. Never throws: a failure is met again, and reported, by the first
  /// exercise that needs it.
  virtual void prepare(const Course& /*course*/, const Lesson& /*lesson*/) {}
  /// Several learner files of one lesson compiled as one unit, to link
  /// runners from with link_runner; nothing when they may not share one or
  /// it did not compile — then each is built on its own by build_runner.
  /// Never throws: a failure is met again, file by file.
  virtual std::optional<BuildProduct> compile_together(const Course& /*course*/, const Lesson& /*lesson*/,
                                                       const std::vector<UnitFile>& /*files*/) {
    return std::nullopt;
  }
  /// One runner for `exercises` (of one lesson), linked from an object
  /// compile_together made; not ok when it does not link (a function the
  /// unit lacks, a main() of its own).
  virtual BuildProduct link_runner(const Course& /*course*/, const std::vector<const Exercise*>& /*exercises*/,
                                   const BuildProduct& /*object*/) {
    return {};
  }
};

/// The real thing: the toolchain's compiler and linker, run_process.
class ToolchainBuildAndRun final : public BuildAndRun {
 public:
  explicit ToolchainBuildAndRun(Toolchain& toolchain) : toolchain_(toolchain) {}

  RunnerBuild build_runner(const Course& course, const Exercise& exercise, const std::string& source,
                           const std::string& display_name) override;
  ProcessResult run_runner(const std::filesystem::path& runner, const std::string& request, const Limits& limits,
                           bool sandboxed) override;
  void prepare(const Course& course, const Lesson& lesson) override;
  std::optional<BuildProduct> compile_together(const Course& course, const Lesson& lesson,
                                               const std::vector<UnitFile>& files) override;
  BuildProduct link_runner(const Course& course, const std::vector<const Exercise*>& exercises,
                           const BuildProduct& object) override;

 private:
  Toolchain& toolchain_;
};

}  // namespace mathlings
