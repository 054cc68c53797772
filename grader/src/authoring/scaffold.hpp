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
/// course.yaml's text with `name` added to the exercises of `lesson_id`,
/// in the list's own style (flow or block), comments and layout kept.
std::string add_to_manifest(const std::string& text, const std::string& lesson_id, const std::string& name);

void scaffold_exercise(const std::filesystem::path& course_root, const std::string& exercise_id, std::ostream& out);

}  // namespace mathlings
