#include "app/commands.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "authoring/certified.hpp"
#include "authoring/format_check.hpp"
#include "authoring/lesson_examples.hpp"
#include "authoring/scaffold.hpp"
#include "authoring/statement_check.hpp"
#include "authoring/sync.hpp"
#include "base/config.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/hash.hpp"
#include "base/terminal.hpp"
#include "base/text.hpp"
#include "classroom/batch.hpp"
#include "classroom/gradescope_bundle.hpp"
#include "classroom/student_pack.hpp"
#include "judge/course_call.hpp"
#include "judge/generators.hpp"
#include "judge/grading.hpp"
#include "learner/book.hpp"
#include "learner/learner_state.hpp"
#include "learner/markdown_terminal.hpp"
#include "learner/progress.hpp"
#include "learner/reset.hpp"
#include "learner/watch.hpp"
#include "model/course.hpp"
#include "model/course_location.hpp"
#include "model/lesson_document.hpp"
#include "model/submission_layout.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

struct Session {
  std::unique_ptr<Course> course;
  std::unique_ptr<Toolchain> toolchain;
  std::unique_ptr<Grader> grader;

  /// A learner's own check leaves hidden tests out; instructors' commands
  /// include them.
  enum class Hidden { excluded, included };
  explicit Session(const Options& options, Hidden hidden = Hidden::included) {
    course = load_course(options.course_dir);
    toolchain = std::make_unique<Toolchain>(options.cache_dir);
    const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    grader = std::make_unique<Grader>(*course, *toolchain, jobs, hidden == Hidden::included);
  }
};

std::size_t terminal_width(std::ostream& out) {
  if (&out != &std::cout) return 80;
  const auto size = terminal_size(STDOUT_FILENO);
  return size ? std::clamp<std::size_t>(size->columns, 40, 100) : 80;
}

/// Through the learner's pager ($PAGER, else less) when the page is longer
/// than a terminal screen; straight out otherwise.
void show_paged(const std::string& page, std::ostream& out) {
  const auto size = &out == &std::cout ? terminal_size(STDOUT_FILENO) : std::nullopt;
  const auto lines = static_cast<std::size_t>(std::count(page.begin(), page.end(), '\n'));
  if (size && lines >= size->rows) {
    std::cout.flush();
    if (show_in_pager(page)) return;
  }
  out << page;
}

/// 2 when the grader could not finish (nothing graded as asked), else 1
/// unless every test passed.
int exit_status(const SubmissionResult& result) {
  if (result.any_not_graded()) return 2;
  return result.all_passed() ? 0 : 1;
}

int list(const Options& options, std::ostream& out) {
  const auto course = load_course(options.course_dir);
  const LearnerState state = LearnerState::load(LearnerState::path_for(course->root));
  const Progress progress = Progress::of(*course, state);
  const auto* next = progress.first_unfinished();
  write_progress(out, *course, progress, ProgressStyle{colour_wanted(out), false, next ? next->exercise->id : ""});
  for (const auto* exercise : course->exercises()) {
    const std::string advice = missing_file_advice(*course, *exercise);
    if (!advice.empty()) out << "\n" << advice;
  }
  out << "\nScores are those of your last check.\n"
      << (next ? "Next: " + next->exercise->id + " — run mathlings watch\n" : "Every exercise passes: well done.\n");
  return 0;
}

int check(const Options& options, std::ostream& out) {
  Session session(options, Session::Hidden::excluded);
  const Course& course = *session.course;
  std::vector<std::string> ids;  // as typed: a bare name or a typo is found (or a nearer id suggested) here
  for (const auto& id : options.arguments) ids.push_back(course.find(id).id);
  const SubmissionResult result = session.grader->grade(course.exercises_dir(), ids);
  write_text(out, course, result, TextStyle{colour_wanted(out), false});
  for (const auto& ex : result.exercises) out << missing_file_advice(course, course.find(ex.id));
  LearnerState::update(LearnerState::path_for(course.root), [&](LearnerState& state) {
    for (const auto& ex : result.exercises) {
      if (ex.status == ExerciseStatus::not_graded) continue;  // no verdict to remember
      state.checked[ex.id] = {exercise_file_hash(course.exercises_dir() / course.find(ex.id).relative_file()),
                              std::string(to_string(ex.status)), ex.score, ex.max_score};
    }
  });
  if (!result.all_passed()) out << "Stuck? `mathlings hint ID` gives a hint.\n";
  return exit_status(result);
}

int hint(const Options& options, std::ostream& out) {
  const auto course = load_course(options.course_dir);
  const Exercise& exercise = course->find(options.arguments.front());
  ShownHint shown;
  LearnerState::update(LearnerState::path_for(course->root),
                       [&](LearnerState& state) { shown = state.next_hint(exercise.id, exercise.spec.hints); });
  out << "Hint " << shown.number << " of " << shown.total << " for " << exercise.id << ":\n\n"
      << wrap_text(shown.text, "  ", 80) << "\n";
  const int remaining = shown.remaining();
  out << (remaining > 0 ? std::to_string(remaining) + " more hint" + (remaining > 1 ? "s" : "") + " after this one."
                        : "That was the last hint; the lesson is lessons/" + exercise.lesson->id + "/README.md.")
      << "\n";
  return 0;
}

/// The lesson of an id: a lesson's own, or an exercise's.
const Lesson& lesson_of(const Course& course, const std::string& id) {
  for (const auto& lesson : course.lessons)
    if (lesson.id == id) return lesson;
  return *course.find(id).lesson;  // a UsageError naming the valid ids if it is neither
}

int lesson(const Options& options, std::ostream& out) {
  const auto course = load_course(options.course_dir);
  const Lesson& lesson = lesson_of(*course, options.arguments.front());
  const bool of_exercise = lesson.id != options.arguments.front();
  const std::string id = of_exercise ? course->find(options.arguments.front()).id : lesson.id;
  const fs::path document = course->lesson_document(lesson);
  if (!fs::is_regular_file(document)) throw CourseError("the lesson text " + document.string() + " is missing");
  const bool colour = colour_wanted(out);
  const std::string text = read_file(document);
  std::ostringstream page;
  page << render_markdown(text, MarkdownStyle{colour, terminal_width(out)});
  const Progress progress = Progress::of(*course, LearnerState::load(LearnerState::path_for(course->root)));
  page << "\nThe exercises of this lesson (in exercises/" << lesson.id << "/):\n";
  for (const auto& e : progress.exercises) {
    if (e.exercise->lesson != &lesson) continue;
    const std::string sections = section_list(exercise_sections(text, e.exercise->name));
    const std::string where = sections.empty() ? "" : " — " + sections;
    page << wrap_text((e.exercise->id == id ? "▶ " : "  ") + e.exercise->name + " (" + status_in_words(e) + ")" + where,
                      "  ", terminal_width(out));
  }
  show_paged(page.str(), out);
  return 0;
}

int book(const Options& options, std::ostream& out) {
  Session session(options);
  const Course& course = *session.course;
  const fs::path state_file = LearnerState::path_for(course.root);
  const fs::path output = options.output ? *options.output : state_file.parent_path() / "book";
  // The figures' numbers: the reference solutions, run as for a test.
  const CourseCall call = reference_caller(course, *session.grader);
  // Over them, the learner's own numbers, where their code answers.
  const fs::path index =
      build_book(course, LearnerState::load(state_file), output, call, learner_caller(course, *session.grader));
  out << "The book is in " << output.string() << "; open file://" << fs::absolute(index).string() << "\n";
  return 0;
}

int reset(const Options& options, std::ostream& out) {
  const auto course = load_course(options.course_dir);
  const Exercise& exercise = course->find(options.arguments.front());
  const ResetOutcome outcome = reset_exercise(*course, exercise);
  if (!outcome.changed) {
    out << "exercises/" << exercise.relative_file().string() << " is the untouched stub already: nothing to do.\n";
    return 0;
  }
  LearnerState::update(LearnerState::path_for(course->root),
                       [&](LearnerState& state) { state.checked.erase(exercise.id); });
  out << "exercises/" << exercise.relative_file().string() << " is the stub again.\n";
  if (outcome.backup) out << "Your version is kept in " << fs::relative(*outcome.backup, course->root).string() << "\n";
  return 0;
}

int grade(const Options& options, std::ostream& out) {
  const fs::path dir = options.arguments.front();
  if (!fs::is_directory(dir)) throw UsageError("submission directory not found: " + dir.string());
  Session session(options);
  std::optional<TemporaryDirectory> staging;  // only --find-files copies files (matched by name) anywhere
  if (options.find_files) staging.emplace(fs::temp_directory_path(), "mathlings-submission-");
  const LocatedSubmission located = locate_submission(*session.course, dir, staging ? Layout::find : Layout::contract,
                                                      staging ? staging->path() : fs::path());
  SubmissionResult result = session.grader->grade(located.dir);
  result.notes = located.notes;
  if (options.format != "text" || options.output) {  // the text result shows them itself
    for (const auto& note : located.notes) std::cerr << "mathlings: " << note << "\n";
  }
  std::ofstream file;
  if (options.output) {
    file.open(*options.output, std::ios::binary);
    if (!file)
      throw UsageError("cannot write " + options.output->string() +
                       ": does its folder exist, and may you write there?");
  }
  std::ostream& sink = options.output ? file : out;
  write_result(sink, options.format, *session.course, result, TextStyle{!options.output && colour_wanted(out), true});
  if (options.output && !file.flush()) throw GraderError("cannot write " + options.output->string());
  return exit_status(result);
}

int verify(const Options& options, std::ostream& out) {
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

int sync(const Options& options, std::ostream& out) {
  const auto course = load_course(options.course_dir);
  if (!options.check_only) {
    const int written = write_stubs(*course, out);
    out << (written == 0 ? "Every stub is up to date.\n" : std::to_string(written) + " stub(s) written.\n");
    return 0;
  }
  int stale = 0;
  for (const auto& state : stub_states(*course)) {
    if (state.up_to_date) continue;
    out << "  differs  exercises/" << state.exercise->relative_file().string() << "\n";
    ++stale;
  }
  out << (stale == 0
              ? "Every stub matches its solution.\n"
              : std::to_string(stale) + " stub(s) differ from what their solutions generate: run mathlings sync\n");
  return stale == 0 ? 0 : 1;
}

int batch(const Options& options, std::ostream& out, std::ostream& err) {
  const auto course = load_course(options.course_dir);
  Toolchain toolchain(options.cache_dir);
  BatchOptions batch;
  batch.root = options.arguments.front();
  batch.output = *options.output;
  batch.roster = options.roster;
  batch.jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  batch.shard = options.shard;
  batch.shards = options.shards;
  const BatchSummary summary = run_batch(*course, toolchain, batch, err, &err == &std::cerr && isatty(STDERR_FILENO));
  out << summary.rows.size() << " students: " << summary.graded << " graded, " << summary.resumed
      << " unchanged since the last run, " << summary.not_graded << " could not be graded.\n";
  const auto noted = std::count_if(summary.rows.begin(), summary.rows.end(),
                                   [](const StudentRow& row) { return !row.result.notes.empty(); });
  if (noted > 0) {
    out << noted << " of them handed in files elsewhere than <lesson>/<exercise>.cpp: the message column says where"
        << " they were found, or why they were not.\n";
  }
  const auto names = [](const std::vector<std::string>& students) { return list_names(students, 10); };
  if (!summary.missing.empty()) {
    out << summary.missing.size() << " on the roster handed in nothing: " << names(summary.missing)
        << " (\"missing\" rows).\n";
  }
  if (!summary.not_on_roster.empty()) {
    out << summary.not_on_roster.size()
        << " hand-ins are on no roster (graded all the same; a misspelt name?): " << names(summary.not_on_roster)
        << ".\n";
  }
  if (!summary.machine_busy.empty()) {
    out << summary.machine_busy.size()
        << " could not be graded, the machine being too busy (not their fault): " << names(summary.machine_busy)
        << ". Run the same batch again: they are graded again, everyone else is kept.\n";
  }
  out << "Gradebook: " << (batch.output / "gradebook.csv").string() << "; feedback in "
      << (batch.output / "feedback").string() << "/\n";
  if (!summary.machine_busy.empty()) return 2;
  return summary.not_graded == 0 ? 0 : 1;
}

int merge(const Options& options, std::ostream& out, std::ostream& err) {
  const auto course = load_course(options.course_dir);
  std::vector<fs::path> inputs(options.arguments.begin(), options.arguments.end());
  const auto rows = merge_batches(*course, inputs, *options.output, err);
  const auto not_graded =
      std::count_if(rows.begin(), rows.end(), [](const StudentRow& r) { return r.status != "graded"; });
  out << rows.size() << " students merged into " << (*options.output / "gradebook.csv").string() << "\n";
  const bool machine_busy =
      std::any_of(rows.begin(), rows.end(), [](const StudentRow& r) { return r.status == "not_graded"; });
  if (machine_busy) return 2;  // as the batch that could not grade them
  return not_graded == 0 ? 0 : 1;
}

int export_course(const Options& options, std::ostream& out) {
  const fs::path target = options.arguments[1];
  if (options.arguments[0] == "gradescope") {
    const auto course = load_course(options.course_dir);
    export_gradescope_bundle(*course, config::source_dir, target, out);
    return 0;
  }
  Session session(options);
  if (session.course->is_student_pack()) throw UsageError("this is already a student pack");
  export_student_pack(*session.course, *session.grader, config::source_dir, target, out);
  return 0;
}

/// verify and sync need what only the full course has.
void require_solutions(const Options& options) {
  if (load_course(options.course_dir)->is_student_pack()) {
    throw UsageError(options.command + " needs the course's reference solutions; this is a student pack");
  }
}

int scaffold(const Options& options, std::ostream& out) {
  if (options.arguments[0] == "lesson") {
    scaffold_lesson(options.course_dir, options.arguments[1], out);
  } else {
    scaffold_exercise(options.course_dir, options.arguments[1], out);
  }
  return 0;
}

}  // namespace

int run_command(const Options& given, std::ostream& out, std::ostream& err) {
  Options options = given;
  std::error_code no_working_dir;  // (deleted under us: then nothing is found above it)
  locate_course(options, fs::current_path(no_working_dir), config::default_course_dir, err);
  if (options.command == "list") return list(options, out);
  if (options.command == "check") return check(options, out);
  if (options.command == "hint") return hint(options, out);
  if (options.command == "lesson") return lesson(options, out);
  if (options.command == "reset") return reset(options, out);
  if (options.command == "book") return book(options, out);
  if (options.command == "watch") return watch(options, out);
  if (options.command == "grade") return grade(options, out);
  if (options.command == "verify" || options.command == "sync") require_solutions(options);
  if (options.command == "verify") return verify(options, out);
  if (options.command == "sync") return sync(options, out);
  if (options.command == "export") return export_course(options, out);
  if (options.command == "new") return scaffold(options, out);
  if (options.command == "batch") return batch(options, out, err);
  if (options.command == "merge") return merge(options, out, err);
  throw UsageError("unknown command " + options.command);
}

}  // namespace mathlings
