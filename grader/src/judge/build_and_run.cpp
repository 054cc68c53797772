#include "judge/build_and_run.hpp"

#include "base/files.hpp"

namespace mathlings {

RunnerBuild ToolchainBuildAndRun::build_runner(const Course& course, const Exercise& exercise,
                                               const std::string& source, const std::string& display_name) {
  const BuildProduct object = toolchain_.compile(course, *exercise.lesson, source, display_name);
  if (!object.ok) return {object, false};
  return {toolchain_.link_runner(course, exercise, object), true};
}

void ToolchainBuildAndRun::prepare(const Course& course, const Lesson& lesson) {
  try {
    toolchain_.prepare(course, lesson);
  } catch (...) {  // remembered by the toolchain, and thrown again where it belongs
  }
}

std::optional<BuildProduct> ToolchainBuildAndRun::compile_together(const Course& course, const Lesson& lesson,
                                                                   const std::vector<UnitFile>& files) {
  try {
    return toolchain_.compile_together(course, lesson, files);
  } catch (...) {  // each file is built on its own, and its failure reported there
    return std::nullopt;
  }
}

BuildProduct ToolchainBuildAndRun::link_runner(const Course& course, const std::vector<const Exercise*>& exercises,
                                               const BuildProduct& object) {
  return toolchain_.link_runner(course, exercises, object);
}

ProcessResult ToolchainBuildAndRun::run_runner(const std::filesystem::path& runner, const std::string& request,
                                               const Limits& limits, bool sandboxed) {
  // Never inside a hidden folder: ".." from the working directory walks
  // beneath the mount that hides it.
  TemporaryDirectory scratch(std::filesystem::temp_directory_path(),
                             "mathlings-scratch-");  // no shared parent between users
  ProcessSpec spec;
  spec.argv = {runner.string()};
  spec.working_directory = scratch.path();
  spec.input = request;
  spec.with_result_channel = true;
  spec.limits = limits;
  spec.isolation.enabled = sandboxed;
  return run_process(spec);
}

}  // namespace mathlings
