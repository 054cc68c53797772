// `mathlings sync`: the stubs in exercises/ are generated from the reference
// solutions (see single_source.hpp); this compares and rewrites them.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "model/course.hpp"

namespace mathlings {

struct StubState {
  const Exercise* exercise = nullptr;
  std::filesystem::path stub_file;
  std::string generated;
  bool up_to_date = false;
};

/// Every exercise's stub as generated from its solution, and whether the
/// committed one matches. CourseError for malformed markers.
std::vector<StubState> stub_states(const Course& course);

/// Writes the stubs that differ, keeping what was there under
/// .mathlings/sync-backup/; returns how many were written.
int write_stubs(const Course& course, std::ostream& out);

}  // namespace mathlings
