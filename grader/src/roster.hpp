// A class roster: who should have handed something in. With it, `batch`
// gives a row to every student on it, those who handed in nothing included,
// and names the hand-ins that belong to no one on it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mathlings {

/// The student ids of a roster file, in its order: the first field of each
/// line (a CSV, or one id per line), as ROOT names them (a folder's name, an
/// archive's without .zip or .tar.gz). A header line (student, id, username,
/// login, name), blank lines and lines starting with # are skipped. An empty or
/// repeated id is a UsageError naming the file and line.
std::vector<std::string> read_roster(const std::filesystem::path& file);

}  // namespace mathlings
