// Pairs of students whose files for one exercise are unusually alike, for
// the instructor to judge in report.html — never a penalty by itself.
//
// Each exercise's files are compared by Dick Grune's similarity tester
// (sim_c++, Debian's similarity-tester), which compares C++ token by token:
// layout, comments, identifiers and the contents of literals make no
// difference, and reordered functions are found as separate runs. Before
// that, every line of a student's file that is a line of the exercise's
// stub (its given code: includes, signatures, the lesson's given lines) is
// left out, so that what everyone was given never makes two students
// alike. A pair is reported when one of the two files consists for at
// least `similar_percent` of the other's material, with the matching
// passages side by side. scripts/similarity-measure.py measured sim_c++
// against a winnowing of our own (k-gram fingerprints, as MOSS and Dolos)
// on tests/fixtures/similarity: sim_c++ scored the renamed and reordered
// copies 79–97 % and unrelated solutions at most 17 %, winnowing 69–92 %
// against 16 % — sim_c++ tells them apart by the wider margin, and 50 %
// lies well inside it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/course.hpp"

namespace mathlings {

inline constexpr int similar_percent = 50;

struct MatchedPassage {
  int first_a = 0, last_a = 0, first_b = 0, last_b = 0;  ///< lines of the files as handed in, 1-based
  int tokens = 0;
  std::string text_a, text_b;
};

struct SimilarPair {
  std::string exercise, a, b;  ///< a < b
  int a_in_b = 0;              ///< percent of a's own code found in b
  int b_in_a = 0;
  std::vector<MatchedPassage> passages;
};

struct SimilarityReport {
  bool checked = false;
  std::string why_not;             ///< when not checked: "sim_c++ is not installed (apt-get install similarity-tester)"
  std::size_t files = 0;           ///< compared, over every exercise
  std::vector<SimilarPair> pairs;  ///< most alike first
};

/// By exercise id, each student's file as handed in.
using ClassFiles = std::map<std::string, std::map<std::string, std::string>>;

/// `text` without the lines it shares with `stub` (whitespace aside; lines
/// of a few characters such as braces are kept), and for each line kept its
/// line in `text`.
std::pair<std::string, std::vector<int>> own_lines(const std::string& text, const std::string& stub);

/// Compares the files of each exercise of `course` in `files`. Never throws
/// for want of sim_c++ or its failure: the report says why nothing was checked.
SimilarityReport find_similar_pairs(const Course& course, const ClassFiles& files);

}  // namespace mathlings
