// Where a learner's program crashed, in the learner's own terms: the runner
// reports its stack as offsets into the executable when it crashes (see
// runner_main.cpp); addr2line turns them into functions and lines using the
// line tables every object is compiled with (-g1), and the innermost frame
// in the learner's file is the one to show.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mathlings {

/// "01-linear-algebra/determinant.cpp:17, in mathlings::determinant(…)", or
/// nullopt when no frame is in `learner_file` (or addr2line is missing).
std::optional<std::string> locate_crash(const std::filesystem::path& runner, const std::vector<std::uint64_t>& frames,
                                        const std::string& learner_file);

/// The innermost frame in `learner_file` of addr2line -f -C -i output
/// (function and file:line lines, in pairs); exposed for tests.
std::optional<std::string> learner_frame(const std::string& addr2line_output, const std::string& learner_file);

}  // namespace mathlings
