// `mathlings export gradescope FILE.zip`: an autograder for Gradescope.
//
// The zip holds the whole course (with its solutions and hidden tests:
// Gradescope keeps the autograder private), the grader's sources, and the two
// scripts Gradescope runs: setup.sh (install the packages, build) and
// run_autograder (grade /autograder/submission into
// /autograder/results/results.json). It builds with the CMake of Gradescope's
// default base image (Ubuntu 22.04: CMake 3.22), without presets.
#pragma once

#include <filesystem>
#include <ostream>

#include "model/course.hpp"

namespace mathlings {

void export_gradescope_bundle(const Course& course, const std::filesystem::path& project_root,
                              const std::filesystem::path& zip, std::ostream& out);

}  // namespace mathlings
