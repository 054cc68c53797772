// `mathlings new lesson NAME` and `mathlings new exercise LESSON/NAME`: write
// everything a new lesson or exercise needs, wired into the manifest, so that
// `mathlings verify` passes at once with a placeholder — and fails as soon as
// the author writes a real test that the placeholder does not meet.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

namespace mathlings {

void scaffold_lesson(const std::filesystem::path& course_root, const std::string& lesson_id, std::ostream& out);
void scaffold_exercise(const std::filesystem::path& course_root, const std::string& exercise_id, std::ostream& out);

}  // namespace mathlings
