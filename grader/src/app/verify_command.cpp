// mathlings verify: the authors' check of the whole course — references full
// marks, stubs zero and up to date, every test able to fail, known mistakes
// recognised, what the tests ask stated, lessons sound, sources formatted.
#include <algorithm>
#include <map>
#include <ostream>

#include "app/handlers.hpp"
#include "app/session.hpp"
#include "authoring/certified.hpp"
#include "authoring/format_check.hpp"
#include "authoring/lesson_examples.hpp"
#include "authoring/statement_check.hpp"
#include "authoring/sync.hpp"
#include "base/files.hpp"
#include "base/text.hpp"
#include "model/lesson_document.hpp"

namespace mathlings {

int verify_command(const Options& options, std::ostream& out, std::ostream&) {
  Session session(options);
  const Course& course = *session.course;
  int problems = 0;
  const auto report = [&](bool ok, const std::string& what, const std::string& detail) {
    out << (ok ? "  ok    " : "  FAIL  ") << what << (detail.empty() ? "" : ": " + detail) << "\n";
    if (!ok) ++problems;
  };
  out << "Reference solutions and stubs\n";
  const SubmissionResult references = session.grader->grade(course.solutions_dir());
  const SubmissionResult stubs = session.grader->grade(course.exercises_dir());
  // Checks the machine was too busy to make are neither passed nor failed.
  bool machine_busy = references.any_not_graded() || stubs.any_not_graded();
  for (std::size_t k = 0; k < references.exercises.size(); ++k) {
    const auto& ref = references.exercises[k];
    const auto& stub = stubs.exercises[k];
    std::string ref_detail = format_number(ref.score) + "/" + format_number(ref.max_score);
    for (const auto& t : ref.tests)
      if (t.status != TestStatus::passed) ref_detail += "\n        " + t.name + ": " + t.message;
    if (ref.status == ExerciseStatus::compile_error || ref.status == ExerciseStatus::rejected)
      ref_detail += "\n" + ref.message;
    report(ref.status == ExerciseStatus::passed, ref.id + " reference", ref_detail);
    const std::string stub_source = read_file(course.exercises_dir() / course.find(stub.id).relative_file());
    report(stub.status == ExerciseStatus::not_attempted && stub.score == 0, stub.id + " stub",
           std::string(to_string(stub.status)) +
               (stub.status == ExerciseStatus::compile_error ? "\n" + stub.message : ""));
    report(stub_source.find("TODO") != std::string::npos, stub.id + " stub has a TODO", "");
  }
  out << "References against certified values\n";
  for (const auto* exercise : course.exercises()) {
    const CertifiedReport certified = check_certified_values(*session.grader, *exercise);
    if (certified.checked == 0) continue;
    report(certified.problems.empty(), exercise->id,
           std::to_string(certified.checked - static_cast<int>(certified.problems.size())) + " of " +
               std::to_string(certified.checked) + " certified values reproduced");
    for (const auto& p : certified.problems) out << "        " << p.where << ": " << p.problem << "\n";
  }
  out << "Stubs generated from the solutions\n";
  for (const auto& state : stub_states(course)) {
    report(state.up_to_date, state.exercise->id,
           state.up_to_date ? "" : "differs from its solution's stub: run mathlings sync");
  }
  out << "Every test can fail\n";
  for (const auto& stub : stubs.exercises) {
    std::string passing;
    for (const auto& t : stub.tests)
      if (t.status == TestStatus::passed)
        passing += "\n        '" + t.name + "' passes on the stub, so it tests nothing";
    report(passing.empty(), stub.id,
           passing.empty() ? "the stub fails all " + std::to_string(stub.tests.size()) + " tests" : passing);
  }
  out << "Known mistakes: each wrong variant fails a test, and its message is given there\n";
  std::map<std::string, std::map<std::string, ExerciseResult>> variants;  // by exercise id, then mistake
  for (const auto* exercise : course.exercises()) {
    for (const auto& m : exercise->spec.misconceptions) {
      const ExerciseResult& graded = variants[exercise->id][m.name] = session.grader->grade_exercise(*exercise, m.file);
      if (graded.status == ExerciseStatus::not_graded) {
        machine_busy = true;
        out << "  skip  " << exercise->id << ": " << m.name << ": not graded, the machine being too busy\n";
        continue;
      }
      const bool fails = graded.score < graded.max_score;
      const bool named = std::any_of(graded.tests.begin(), graded.tests.end(),
                                     [&](const TestResult& t) { return t.misconception == m.name; });
      std::string detail;
      if (!fails)
        detail = "the variant passes every test: write a test it fails";
      else if (!named) {
        detail =
            "no failing test recognises it (another variant listed earlier may match first, or its answers "
            "differ from the variant's where the test fails):";
        for (const auto& t : graded.tests)
          if (t.status != TestStatus::passed)
            detail += "\n        '" + t.name + "': " + std::string(to_string(t.status)) +
                      (t.misconception.empty() ? "" : ", recognised as " + t.misconception);
      }
      report(fails && named, exercise->id + ": " + m.name, detail);
    }
  }
  out << "Every test asks only what the learner reads: exceptions in the header's doc comment, techniques"
         " the plain formula lacks in the doc comment, the stub or the lesson\n";
  for (const auto* exercise : course.exercises()) {
    auto unstated = check_stated_exceptions(course, *exercise);
    const auto techniques = check_stated_techniques(course, *exercise, variants[exercise->id]);
    unstated.insert(unstated.end(), techniques.begin(), techniques.end());
    report(unstated.empty(), exercise->id, unstated.empty() ? "" : std::to_string(unstated.size()) + " unstated");
    for (const auto& p : unstated) out << "        " << p.where << ": " << p.problem << "\n";
  }
  out << "Lessons: exercises listed, links resolved, examples compiled, run and their output matched\n";
  for (const auto& lesson : course.lessons) {
    auto failures = check_lesson_document(course, lesson);
    const auto example_failures = check_lesson_examples(course, lesson, *session.toolchain);
    failures.insert(failures.end(), example_failures.begin(), example_failures.end());
    report(failures.empty(), lesson.id, failures.empty() ? "" : std::to_string(failures.size()) + " failing");
    for (const auto& f : failures) out << "        " << f.where << ": " << f.problem << "\n";
  }
  out << "Formatting\n";
  const FormatCheck formatting = check_formatting(course);
  if (formatting.skipped.empty()) {
    report(formatting.unformatted.empty(), "solutions, stubs and headers follow .clang-format",
           formatting.unformatted.empty() ? "" : formatting.unformatted);
  } else {
    out << "  skip  " << formatting.skipped << "\n";
  }
  out << (problems == 0 ? "The course is sound.\n" : std::to_string(problems) + " problem(s) found.\n");
  if (machine_busy) {
    out << "Some of it could not be checked, the machine being too busy: run mathlings verify again.\n";
    return 2;
  }
  return problems == 0 ? 0 : 1;
}

}  // namespace mathlings
