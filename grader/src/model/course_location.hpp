// Which course a command works on, when the command line does not say.
//
// The rule, as git finds its repository: --course DIR if given; else the
// nearest folder holding course.yaml, from the working directory upwards;
// failing that, the repository mathlings was built from — and then one line
// on standard error names it, since a copied or moved checkout must never be
// graded against the original's exercises without a word. The build cache
// belongs to the course found (<course>/.mathlings/cache) unless --cache says
// otherwise, so that a copy does not write into the original's folders.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>

#include "model/invocation.hpp"

namespace mathlings {

/// The nearest of `dir` and the folders above it that holds course.yaml.
std::optional<std::filesystem::path> find_course_above(const std::filesystem::path& dir);

/// Fills options.course_dir (unless --course gave it) and options.cache_dir
/// (unless --cache did) by the rule above; `built_in` is the fallback.
void locate_course(Options& options, const std::filesystem::path& working_dir, const std::filesystem::path& built_in,
                   std::ostream& err);

}  // namespace mathlings
