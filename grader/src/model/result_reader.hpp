// Reads a result back from the JSON `grade --format json` writes, for batch
// resume and shard merging. Anything malformed is a GraderError naming the file.
#pragma once

#include <filesystem>

#include "model/result.hpp"

namespace mathlings {

SubmissionResult read_result_json(const std::filesystem::path& file);

}  // namespace mathlings
