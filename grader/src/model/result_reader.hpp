// Reads a result back from the JSON `grade --format json` writes, for batch
// resume and shard merging. Anything malformed is a GraderError naming the file.
#pragma once

#include <filesystem>
#include <string>

#include "model/result.hpp"

namespace mathlings {

SubmissionResult read_result_json(const std::filesystem::path& file);

/// The status `text` names, as to_string writes it; GraderError for none.
ExerciseStatus exercise_status_named(const std::string& text);
TestStatus test_status_named(const std::string& text);

}  // namespace mathlings
