// Trusted programs of the machine the grader calls by name (a scheduler's
// client commands): found on the PATH as a shell would, and run with the
// grader's own environment, which is how they find their configuration
// (SLURM_CONF, for one). Learner programs never come here: they run with an
// environment of the grader's making (process.hpp, sandbox.hpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "exec/process.hpp"

namespace mathlings {

/// The first executable file `name` in the PATH's folders, or nothing.
std::optional<std::filesystem::path> find_program(const std::string& name);

/// The grader's environment, as "NAME=value" lines.
std::vector<std::string> own_environment();

/// Runs `argv` (argv[0] a program found on the PATH) with the grader's
/// environment and `extra_environment` in `working_directory`, and returns
/// what it printed (up to 64 MiB), or throws GraderError saying what
/// `purpose` was and why it failed: not found, no answer within
/// `wall_seconds`, or a non-zero exit with its output.
std::string run_tool(std::vector<std::string> argv, const std::string& purpose, double wall_seconds,
                     const std::filesystem::path& working_directory,
                     const std::vector<std::string>& extra_environment = {});

}  // namespace mathlings
