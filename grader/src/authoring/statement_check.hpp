// Everything a test checks is stated where the learner reads: a learner who
// does exactly what the text says must get full marks. `mathlings verify`
// holds each exercise's tests against that text:
//
//   - an exception a test expects must be named by the exercise's doc comment
//     in the lesson header (the block that begins `/// <exercise>: …`);
//   - a test that the plain formula cannot pass — measured by grading the
//     exercise's known mistake that leaves the technique out (a Technique in
//     spec.hpp) — must declare that it needs the technique, and the doc
//     comment, the stub or the exercise's sections of the lesson must name it.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/course.hpp"
#include "model/result.hpp"

namespace mathlings {

/// Something a test asks for that the text does not state, or a spec that
/// does not say what its tests need: where (file:line) and what to do.
struct StatementProblem {
  std::string where;
  std::string problem;
};

/// The comment block that documents an exercise's functions in its lesson
/// header: from the line `/// <exercise>: …` up to the next exercise's block.
struct DocComment {
  std::filesystem::path header;  ///< relative to the course root
  int line = 0;                  ///< of its first line; 0 when the header has none
  std::string text;              ///< the comments' words, without the slashes
};

DocComment exercise_doc_comment(const Course& course, const Exercise& exercise);

/// The parts of the lesson the exercise's "## Exercises" entry links to (the
/// whole lesson when it links to none), code blocks included.
std::string exercise_lesson_text(const Course& course, const Exercise& exercise);

/// Each test expecting an exception whose type the doc comment does not name.
std::vector<StatementProblem> check_stated_exceptions(const Course& course, const Exercise& exercise);

/// The techniques of the exercise, against what the plain variants did:
/// `variants` holds the graded result of each misconception by name (a
/// technique whose variant is missing there is reported as not measured).
std::vector<StatementProblem> check_stated_techniques(const Course& course, const Exercise& exercise,
                                                      const std::map<std::string, ExerciseResult>& variants);

}  // namespace mathlings
