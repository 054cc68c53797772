// `mathlings export student DIR`: the course as learners receive it.
//
// The pack holds the lessons, the stubs, the lesson headers, the grader's
// source and the specs without their hidden tests — and no solutions/.
// So that `check` still works there, the reference's outcomes for every
// visible test are computed now and shipped as data in expected/; the grader
// reads them where a full course would run the reference.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "common/protocol.hpp"
#include "judge/grading.hpp"

namespace mathlings {

void export_student_pack(const Course& course, Grader& grader, const std::filesystem::path& project_root,
                         const std::filesystem::path& destination, std::ostream& out);

/// A spec's text without its hidden tests (each test a "- name:" block).
std::string strip_hidden_tests(const std::string& spec_text);

}  // namespace mathlings
