// A batch output's results/ folder: one student's result a file, and beside
// it what resume and merge need to trust it (its key, status and message, the
// roster's name and email). Each file is replaced atomically, so a run killed
// at any moment leaves every student either as before or done.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "classroom/gradebook.hpp"

namespace mathlings {

/// Whether a row carries a result (a not_graded one has the exercises that
/// could be graded, and says which could not).
bool has_result(const StudentRow& row);

/// Writes `row` to output/results/.
void write_row(const std::filesystem::path& output, const StudentRow& row);

/// `student`'s row in output/results/ with its result, or nothing when there
/// is none. Throws GraderError when its result is damaged.
std::optional<StudentRow> read_row(const std::filesystem::path& output, const std::string& student);

/// A finished student's row from an earlier run, if its key still matches;
/// a half-written or damaged one is nothing (the student is graded again).
std::optional<StudentRow> resumed_row(const std::filesystem::path& output, const std::string& student,
                                      const std::string& hash);

}  // namespace mathlings
