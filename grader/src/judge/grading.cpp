#include "judge/grading.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <optional>
#include <thread>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/hash.hpp"
#include "base/text.hpp"
#include "common/protocol.hpp"
#include "exec/load_retry.hpp"
#include "exec/process.hpp"
#include "judge/compare.hpp"
#include "judge/crash_location.hpp"
#include "judge/generators.hpp"
#include "judge/learner_output.hpp"
#include "judge/misconceptions.hpp"
#include "model/include_policy.hpp"
#include "model/shipped_outcomes.hpp"

namespace mathlings {
namespace {

using protocol::Answers;
using protocol::Outcome;

/// A test's time limit is CPU time: what the learner's code costs, the same
/// on a busy machine as on an idle one. Wall time only guards against sleep.
Limits learner_limits(const TestSpec& test) {
  Limits limits = Limits::of_cpu_time(test.time_limit);
  limits.address_space = static_cast<std::uint64_t>(test.memory_limit_mib) << 20;
  limits.file_size = 16 << 20;
  limits.output_bytes = 1 << 20;
  limits.result_bytes = 64 << 20;
  return limits;
}

std::string normalise_exception_type(const std::string& type) {
  return type.find("::") == std::string::npos ? "std::" + type : type;
}

std::string case_heading(const Case& c, const TestSpec& test) {
  const std::string call = format_call(test.function, c.args);
  return c.label.empty() ? call : c.label + ": " + call;
}

/// Course code (a reference, a wrong variant) runs without a learner's
/// limit, but not without any: a reference that loops is a broken course.
Limits course_code_limits(const TestSpec& test) {
  return Limits::of_cpu_time(std::max(20.0, 10 * test.time_limit));
}

/// Why a runner stopped before answering a call, as a test verdict.
TestResult verdict_for_missing_answer(const ProcessResult& r, const Answers& answers, const TestSpec& test,
                                      const std::string& heading) {
  TestResult t;
  // What the call that stopped printed, its end nearest the crash (all the
  // output from a runner that sent no marker token).
  const auto tail = [&] {
    const std::size_t stopped = answers.outcomes.size();
    const auto printed = protocol::split_printed(r.output, answers.output_token, stopped + 1);
    return show_printed(answers.output_token.empty() ? r.output : printed.calls[stopped], KeepPrinted::last_lines);
  };
  if (answers.garbled) {
    t.status = TestStatus::error;
    t.message =
        "during " + heading + ": the answers sent back were garbled (does your code write to file descriptor 3?)";
  } else if (r.cpu_limit_exceeded) {
    t.status = TestStatus::timeout;
    t.message = "used more than its " + format_seconds(test.time_limit) + " of CPU time during " + heading +
                " — an endless loop, or a loop whose end condition is never met?";
  } else if (r.idle()) {
    t.status = TestStatus::timeout;
    t.message = "did nothing for " + format_seconds(learner_limits(test).wall_seconds) +
                " (neither computed nor finished) during " + heading +
                " — does it sleep, or wait for something that never comes?";
  } else if (r.end == ProcessResult::End::output_limit) {
    t.status = TestStatus::output_limit;
    t.message =
        "printed more than 1 MiB during " + heading + " — remove the debugging output, or print less inside loops";
  } else if (r.end == ProcessResult::End::signaled && r.signal == SIGXFSZ) {
    t.status = TestStatus::output_limit;
    t.message = "wrote a file larger than the 16 MiB allowed during " + heading;
  } else if (r.end == ProcessResult::End::signaled) {
    t.status = TestStatus::crash;
    const bool overflow = r.signal == SIGSEGV && answers.stack_overflow;  // the runner saw it at its stack's end
    t.message = "crashed with " + (overflow ? "a stack overflow (SIGSEGV)" : signal_description(r.signal)) +
                " during " + heading;
    if (overflow) t.message += " — endless recursion? (a recursive call whose base case is never reached)";
    if (r.signal == SIGSEGV && !overflow)
      t.message += " — an index past the end of a vector or matrix, or endless recursion?";
    if (r.signal == SIGABRT)
      t.message += " — a failed assertion (Eigen checks indices and sizes) or an uncaught error?";
    if (r.signal == SIGFPE) t.message += " — an integer division by zero?";
    t.message += tail();
  } else if (r.end == ProcessResult::End::exited) {
    t.status = TestStatus::crash;
    t.message = "the program ended (exit status " + std::to_string(r.exit_code) + ") during " + heading +
                " — an exercise function must return its result, not call exit()" + tail();
  } else {
    throw GraderError("could not start the runner: " + r.output);
  }
  return t;
}

/// The verdict on a runner's answers: the first case that did not pass
/// decides the status and the message (defined below, beside its caller).
TestResult judge_answers(const TestSpec& test, const std::vector<Case>& cases, const std::vector<Outcome>& expected,
                         const ProcessResult& r, const Answers& answers);
bool reached_through_a_link(const fs::path& file, const fs::path& relative);

/// A runner's outcomes, if it answered every call to the end readably.
std::optional<std::vector<Outcome>> finished_outcomes(const ProcessResult& r) {
  Answers answers = protocol::decode_answers(r.results);
  if (!answers.done || answers.garbled) return std::nullopt;
  return std::move(answers.outcomes);
}

}  // namespace

Grader::Grader(const Course& course, Toolchain& toolchain, unsigned jobs, bool include_hidden)
    : course_(course),
      own_machine_(std::make_unique<ToolchainBuildAndRun>(toolchain)),
      machine_(*own_machine_),
      jobs_(jobs == 0 ? 1 : jobs),
      include_hidden_(include_hidden) {}

Grader::Grader(const Course& course, BuildAndRun& machine, unsigned jobs, bool include_hidden)
    : course_(course), machine_(machine), jobs_(jobs == 0 ? 1 : jobs), include_hidden_(include_hidden) {}

ProcessResult Grader::run_runner(const BuildProduct& runner, const std::string& request, const Limits& limits,
                                 bool learner) {
  return run_with_load_retry(
      "a test's program", limits,
      [&](const Limits& attempt) { return machine_.run_runner(runner.path, request, attempt, learner); },
      [](const ProcessResult& r) { return r.starved(); });
}

BuildProduct Grader::course_runner(const Exercise& exercise, const fs::path& file, const std::string& what) {
  const RunnerBuild built =
      machine_.build_runner(course_, exercise, read_file(file), exercise.relative_file().string());
  if (!built.runner.ok) {
    throw CourseError(what + " " + file.string() + (built.compiled ? " does not link:\n" : " does not compile:\n") +
                      built.runner.diagnostics);
  }
  return built.runner;
}

BuildProduct Grader::reference_runner(const Exercise& exercise) {
  // Once its lesson's references share a runner (a grade of several of its
  // files built it), the same code answers there.
  if (const auto shared = reference_runners_.peek(lesson_runner_key(*exercise.lesson)); shared && shared->ok)
    return *shared;
  return reference_runners_.get(exercise.id, [&] {
    return course_runner(exercise, course_.solutions_dir() / exercise.relative_file(), "the reference solution");
  });
}

std::optional<std::string> Grader::checked_learner_source(const Exercise& exercise, const fs::path& file,
                                                          LearnerBuild& build) {
  const auto refuse = [&](ExerciseStatus status, std::string message, TestStatus tests,
                          std::string why) -> std::optional<std::string> {
    build.status = status;
    build.message = std::move(message);
    build.tests_status = tests;
    build.tests_message = std::move(why);
    return std::nullopt;
  };
  const std::string display = exercise.relative_file().string();
  if (reached_through_a_link(file, exercise.relative_file())) {
    return refuse(ExerciseStatus::rejected,
                  display + " is a symbolic link (or lies in a linked folder): submit the file itself",
                  TestStatus::error, "not run: the file was rejected");
  }
  std::error_code unreadable;
  const fs::file_type type = fs::symlink_status(file, unreadable).type();  // a look, never an open: a FIFO blocks
  if (type == fs::file_type::not_found || type == fs::file_type::none) {
    return refuse(ExerciseStatus::not_attempted, display + " not found: not attempted", TestStatus::not_implemented,
                  "not run: the file is missing");
  }
  if (type != fs::file_type::regular) {  // say what is there: "missing" would send the learner looking for nothing
    std::string what = " is not a regular file";
    switch (type) {
      case fs::file_type::directory: what = " is a folder, not a file"; break;
      case fs::file_type::fifo: what = " is a named pipe (FIFO), not a file"; break;
      case fs::file_type::socket: what = " is a socket, not a file"; break;
      case fs::file_type::block:
      case fs::file_type::character: what = " is a device, not a file"; break;
      default: break;
    }
    return refuse(ExerciseStatus::rejected,
                  display + what + ": put your code in a plain file of that name instead (start from the stub)",
                  TestStatus::error, "not run: the file was rejected");
  }
  const std::string source = read_file_prefix(file, max_source_bytes + 1);
  if (source.size() > max_source_bytes) {
    return refuse(ExerciseStatus::compile_error,
                  display + " is larger than " + std::to_string(max_source_bytes >> 20) +
                      " MiB: an exercise's source is a few KiB — is this the file you meant to hand in?",
                  TestStatus::error, "not run: the file did not compile");
  }
  if (source.find('\0') != std::string::npos) {
    return refuse(ExerciseStatus::compile_error,
                  display + " is not a C++ source file (it contains NUL bytes: a binary file?)", TestStatus::error,
                  "not run: the file did not compile");
  }
  if (source.find_first_not_of(" \t\r\n") == std::string::npos) {
    return refuse(ExerciseStatus::compile_error,
                  display + " is empty: start again from the stub (it defines every function the exercise needs)",
                  TestStatus::error, "not run: the file did not compile");
  }
  if (const auto violation = find_include_violation(source, *exercise.lesson)) {
    return refuse(
        ExerciseStatus::rejected,
        display + ":" + std::to_string(violation->line) + ": " + violation->directive + "\n" + violation->reason,
        TestStatus::error, "not run: the file was rejected");
  }
  return source;
}

Grader::LearnerBuild Grader::build_learner_file(const Exercise& exercise, const fs::path& file,
                                                const LessonUnit* unit) {
  LearnerBuild build;
  const auto source = checked_learner_source(exercise, file, build);
  if (!source) return build;
  const std::string display = exercise.relative_file().string();
  if (unit) {
    if (auto runner = runner_from_unit(exercise, {display, *source, {}}, *unit)) {
      build.runner = std::move(*runner);
      return build;
    }
  }
  build.runner = machine_.build_runner(course_, exercise, *source, display).runner;
  if (!build.runner.ok) {
    build.status = ExerciseStatus::compile_error;
    build.message = build.runner.diagnostics.empty() ? display + " does not compile" : build.runner.diagnostics;
    build.tests_status = TestStatus::error;
    build.tests_message = "not run: the file did not compile";
  }
  return build;
}

std::optional<BuildProduct> Grader::runner_from_unit(const Exercise& exercise, const UnitFile& file,
                                                     const LessonUnit& unit) {
  // The file as it is now, not as it was when the unit was made of it.
  const bool member = std::any_of(unit.files.begin(), unit.files.end(), [&](const UnitFile& f) {
    return f.display_name == file.display_name && f.source == file.source;
  });
  if (!member) return std::nullopt;
  const UnitBuild& built = unit.built.get();
  if (built.runner.ok) return built.runner;
  // A function another file of the unit lacks: this exercise's own runner
  // from the unit may still link. Anything else (a learner's main(), a
  // symbol defined twice) fails every link from it: the file on its own
  // then decides.
  if (!built.object || built.runner.diagnostics.find("does not define") == std::string::npos) return std::nullopt;
  BuildProduct runner = machine_.link_runner(course_, {&exercise}, *built.object);
  if (!runner.ok) return std::nullopt;
  return runner;
}

std::string Grader::lesson_runner_key(const Lesson& lesson) {
  return "lesson " + lesson.id;
}

BuildProduct Grader::reference_lesson_runner(const Lesson& lesson) {
  return reference_runners_.get(lesson_runner_key(lesson), [&]() -> BuildProduct {
    LessonUnit unit;
    for (const auto* exercise : course_.exercises()) {
      if (exercise->lesson != &lesson) continue;
      unit.files.push_back({exercise->relative_file().string(),
                            read_file(course_.solutions_dir() / exercise->relative_file()), exercise->spec.functions});
      unit.exercises.push_back(exercise);
    }
    if (unit.files.size() < 2) return {};
    const auto object = machine_.compile_together(course_, lesson, unit.files);
    return object ? machine_.link_runner(course_, unit.exercises, *object) : BuildProduct{};
  });
}

Grader::UnitBuild Grader::build_unit(const Lesson& lesson, const LessonUnit& unit) {
  UnitBuild built;
  try {
    machine_.prepare(course_, lesson);
    if (unit.files.size() < 2) return built;
    // The references first: a learner's files that are the reference's then
    // cost nothing more. Whatever goes wrong there is met again, and said,
    // when each reference is built on its own.
    if (!course_.is_student_pack()) {
      try {
        reference_lesson_runner(lesson);
      } catch (...) {
      }
    }
    built.object = machine_.compile_together(course_, lesson, unit.files);
    if (built.object) built.runner = machine_.link_runner(course_, unit.exercises, *built.object);
  } catch (...) {  // each file is built on its own, and what went wrong is met there
    built.runner = {};
  }
  return built;
}

std::optional<std::vector<Outcome>> Grader::learner_outcomes(const Exercise& exercise, const fs::path& file,
                                                             const TestSpec& test, const std::string& request) {
  try {
    const LearnerBuild build = build_learner_file(exercise, file);
    if (!build.runner.ok) return std::nullopt;
    return finished_outcomes(run_runner(build.runner, request, learner_limits(test), true));
  } catch (const MachineBusy&) {
    return std::nullopt;
  }
}

std::vector<Outcome> Grader::variant_outcomes(const Exercise& exercise, const Misconception& misconception,
                                              const TestSpec& test, const std::string& request) {
  if (course_.is_student_pack()) {
    return shipped_outcomes(course_, exercise, test, request, misconception.name).value_or(std::vector<Outcome>{});
  }
  const BuildProduct runner = reference_runners_.get(exercise.id + "#" + misconception.name, [&] {
    return course_runner(exercise, misconception.file, "the wrong variant '" + misconception.name + "'");
  });
  return variant_results_.get(Hasher().field(runner.key).field(request).hex(), [&] {
    return finished_outcomes(run_runner(runner, request, course_code_limits(test), false))
        .value_or(std::vector<Outcome>{});
  });
}

const Misconception* Grader::recognise_mistake(const Exercise& exercise, const TestSpec& test,
                                               const std::vector<Case>& cases, const std::string& request,
                                               const std::vector<Outcome>& expected, const Answers& answers) {
  if (exercise.spec.misconceptions.empty() || !answers.done || answers.garbled) return nullptr;
  std::vector<List> arguments;
  for (const auto& c : cases) arguments.push_back(c.args);
  for (const auto& misconception : exercise.spec.misconceptions) {
    const auto variant = variant_outcomes(exercise, misconception, test, request);
    if (matches_variant(test, arguments, expected, variant, answers.outcomes)) return &misconception;
  }
  return nullptr;
}

std::vector<Outcome> Grader::reference_outcomes(const Exercise& exercise, const TestSpec& test,
                                                const std::string& request) {
  // Expected values live only in this process's memory: never on disk, where
  // a learner's program could look for them.
  if (course_.is_student_pack()) {
    if (auto shipped = shipped_outcomes(course_, exercise, test, request)) return *shipped;
    throw CourseError("this student pack has no expected outcomes for " + exercise.id + ", test '" + test.name +
                      "': was it exported from this course?");
  }
  const BuildProduct runner = reference_runner(exercise);
  return reference_results_.get(Hasher().field(runner.key).field(request).hex(),
                                [&] { return compute_reference_outcomes(exercise, test, request, runner); });
}

std::vector<Outcome> Grader::compute_reference_outcomes(const Exercise& exercise, const TestSpec& test,
                                                        const std::string& request, const BuildProduct& runner) {
  const std::string where =
      exercise.spec.file.string() + ":" + std::to_string(test.line) + ": test '" + test.name + "'";
  const Limits limits = course_code_limits(test);
  const ProcessResult r = run_runner(runner, request, limits, false);
  const Answers answers = protocol::decode_answers(r.results);
  if (!answers.done || !r.succeeded()) {
    const std::string why =
        r.cpu_limit_exceeded ? "it used more than " + format_seconds(limits.cpu_seconds) + " of CPU time"
        : r.end == ProcessResult::End::wall_timeout ? "it did nothing for " + format_seconds(r.wall_seconds)
        : r.end == ProcessResult::End::signaled     ? signal_description(r.signal)
                                                    : "status " + std::to_string(r.exit_code);
    throw CourseError(where + ": the reference solution did not finish (" + why + ")\n" + r.output.substr(0, 2000));
  }
  for (const auto& outcome : answers.outcomes) {
    if (outcome.threw() && outcome.thrown().type == "mathlings::harness::argument_error") {
      throw CourseError(where + ": the arguments do not fit " + test.function + ": " + outcome.thrown().what);
    }
    if (test.expect && !(outcome.threw() && outcome.thrown().type == normalise_exception_type(*test.expect))) {
      throw CourseError(
          where + ": expects " + normalise_exception_type(*test.expect) + " but the reference solution " +
          (outcome.threw() ? "threw " + outcome.thrown().type : "returned " + format_value(outcome.value())));
    }
    if (outcome.threw() && outcome.thrown().type == protocol::not_implemented_type) {
      throw CourseError(where + ": the reference solution is not implemented");
    }
  }
  return answers.outcomes;
}

void Grader::reference_outcomes_ahead(const Exercise& exercise) {
  try {
    for (const auto& test : exercise.spec.tests) {
      if (include_hidden_ || !test.hidden)
        reference_outcomes(exercise, test, encode_test_request(test, cases_of(test)));
    }
  } catch (...) {  // remembered (or, the machine being busy, not), and met again by run_test
  }
}

TestResult Grader::run_test(const Exercise& exercise, const TestSpec& test, const BuildProduct& runner) {
  const std::vector<Case> cases = cases_of(test);
  const std::string request = encode_test_request(test, cases);
  const std::vector<Outcome> expected = reference_outcomes(exercise, test, request);

  const ProcessResult r = run_runner(runner, request, learner_limits(test), true);
  Answers answers = protocol::decode_answers(r.results);
  // Only learner code can have ended the answers early (the runner writes
  // "done" after the last one), by writing to the result descriptor itself.
  if (answers.done && answers.outcomes.size() < cases.size()) answers.garbled = true;

  TestResult result = judge_answers(test, cases, expected, r, answers);
  result.name = test.name;
  result.max_score = test.points;
  result.hidden = test.hidden;
  if (test.hidden && result.status != TestStatus::passed) {  // the verdict, never the inputs
    result.message = "hidden test " + std::string(to_string(result.status)) + ": its inputs are not shown";
  }
  if (result.status == TestStatus::crash && !answers.crash_frames.empty()) {
    if (const auto where = locate_crash(runner.path, answers.crash_frames, exercise.relative_file().string()))
      result.message += "\n  at " + *where;
  }
  if (result.status == TestStatus::failed || result.status == TestStatus::error) {
    if (const auto* mistake = recognise_mistake(exercise, test, cases, request, expected, answers)) {
      result.misconception = mistake->name;
      result.message += "\nThis looks like a known mistake: " + mistake->message;
    }
  }
  return result;
}

namespace {

/// How big a call's inputs are: the number of scalars in its arguments.
std::size_t input_size(const List& args) {
  std::size_t size = 0;
  for (const auto& arg : args) {
    if (const auto* v = std::get_if<std::vector<double>>(&arg.data))
      size += v->size();
    else if (const auto* m = std::get_if<Matrix>(&arg.data))
      size += m->rows * m->cols;
    else if (const auto* l = std::get_if<List>(&arg.data))
      size += input_size(*l);
    else
      size += 1;
  }
  return size;
}

TestResult judge_answers(const TestSpec& test, const std::vector<Case>& cases, const std::vector<Outcome>& expected,
                         const ProcessResult& r, const Answers& answers) {
  TestResult result;
  // Every answered case is judged; the smallest failing one is shown, as the
  // easiest to follow by hand.
  std::optional<std::size_t> shown;
  std::optional<CaseVerdict> shown_verdict;
  std::size_t failing = 0;
  const std::size_t answered = std::min(cases.size(), answers.outcomes.size());
  for (std::size_t k = 0; k < answered; ++k) {
    CaseVerdict verdict = judge_case(test, cases[k].args, expected[k], answers.outcomes[k]);
    if (verdict.kind == CaseVerdict::Kind::passed) continue;
    ++failing;
    if (!shown || input_size(cases[k].args) < input_size(cases[*shown].args)) {
      shown = k;
      shown_verdict = std::move(verdict);
    }
  }
  if (!shown) {
    if (answered < cases.size()) {
      TestResult missing = verdict_for_missing_answer(r, answers, test, case_heading(cases[answered], test));
      result.status = missing.status;
      result.message = missing.message;
      return result;
    }
    result.status = TestStatus::passed;
    result.score = test.points;
    return result;
  }
  switch (shown_verdict->kind) {
    case CaseVerdict::Kind::passed: break;
    case CaseVerdict::Kind::wrong: result.status = TestStatus::failed; break;
    case CaseVerdict::Kind::error: result.status = TestStatus::error; break;
    case CaseVerdict::Kind::not_implemented: result.status = TestStatus::not_implemented; break;
    case CaseVerdict::Kind::memory_limit: result.status = TestStatus::memory_limit; break;
  }
  if (shown_verdict->kind == CaseVerdict::Kind::not_implemented) {
    result.message = shown_verdict->message;
    return result;
  }
  const std::string count =
      failing > 1 ? " — the smallest of " + std::to_string(failing) + " failing cases" : std::string();
  // What the learner's code printed during that call, after the verdict.
  const auto printed = protocol::split_printed(r.output, answers.output_token, cases.size());
  result.message = case_heading(cases[*shown], test) + count + "\n  " + shown_verdict->message +
                   show_printed(printed.calls[*shown], KeepPrinted::first_lines);
  return result;
}

/// Whether the exercise file, or a folder on its way within the submission,
/// is a symbolic link: it may lead anywhere, the course's solutions included.
bool reached_through_a_link(const fs::path& file, const fs::path& relative) {
  fs::path root = file;
  for (auto it = relative.begin(); it != relative.end(); ++it) root = root.parent_path();
  fs::path at = root;
  for (const auto& part : relative) {
    at /= part;
    if (fs::is_symlink(at)) return true;
  }
  return false;
}

}  // namespace

ExerciseResult Grader::grade_exercise(const Exercise& exercise, const fs::path& file) {
  return grade_exercise(exercise, file, nullptr);
}

ExerciseResult Grader::grade_exercise(const Exercise& exercise, const fs::path& file, const LessonUnit* unit) {
  ExerciseResult result;
  result.id = exercise.id;
  std::vector<const TestSpec*> tests;
  for (const auto& test : exercise.spec.tests)
    if (include_hidden_ || !test.hidden) tests.push_back(&test);
  for (const auto* test : tests) result.max_score += test->points;
  const auto untested = [&](TestStatus status, const std::string& why) {
    for (const auto* test : tests) result.tests.push_back({test->name, status, 0, test->points, why, test->hidden});
  };
  try {
    const LearnerBuild build = build_learner_file(exercise, file, unit);
    if (!build.runner.ok) {
      result.status = build.status;
      result.message = build.message;
      untested(build.tests_status, build.tests_message);
      return result;
    }
    for (const auto* test : tests) result.tests.push_back(run_test(exercise, *test, build.runner));
  } catch (const MachineBusy& busy) {
    // Neither a score nor a verdict on the learner's code: say so, and that
    // grading again will do.
    result.tests.clear();
    untested(TestStatus::not_graded, "not graded: the machine was too busy");
    result.status = ExerciseStatus::not_graded;
    result.score = 0;
    result.message = std::string("could not grade: ") + busy.what() + " — not a fault of your code; grade again";
    return result;
  }
  result.settle();
  const std::size_t passed = static_cast<std::size_t>(std::count_if(
      result.tests.begin(), result.tests.end(), [](const TestResult& t) { return t.status == TestStatus::passed; }));
  switch (result.status) {
    case ExerciseStatus::not_attempted:
      result.message = "not attempted: every test still throws not_implemented";
      break;
    case ExerciseStatus::passed: result.message = "all " + std::to_string(passed) + " tests passed"; break;
    default: result.message = std::to_string(passed) + " of " + std::to_string(result.tests.size()) + " tests passed";
  }
  return result;
}

SubmissionResult Grader::grade(const fs::path& dir, const std::vector<std::string>& ids) {
  if (!fs::is_directory(dir)) throw UsageError("submission directory not found: " + dir.string());
  std::vector<const Exercise*> selected;
  if (ids.empty()) {
    selected = course_.exercises();
  } else {
    for (const auto* exercise : course_.exercises())
      if (std::find(ids.begin(), ids.end(), exercise->id) != ids.end()) selected.push_back(exercise);
    for (const auto& id : ids) course_.find(id);  // an unknown id is a usage error naming the valid ones
  }
  // First, one task per lesson handed in: its shared headers, then its
  // files compiled as one unit where they may be (exec/shared_unit.hpp).
  // Otherwise every thread reaches a lesson's first exercise together and
  // all but one wait while its header is built; and the exercises' tasks,
  // which come after, find the unit made.
  std::vector<const Lesson*> lessons;
  std::vector<LessonUnit> units;
  std::vector<std::promise<UnitBuild>> made;
  std::vector<const LessonUnit*> unit_of(selected.size(), nullptr);
  if (selected.size() > 1) {
    for (std::size_t k = 0; k < selected.size(); ++k) {
      const fs::path file = dir / selected[k]->relative_file();
      std::error_code absent;  // a lesson none of whose files was handed in needs nothing built
      if (!fs::exists(file, absent)) continue;
      auto lesson = std::find(lessons.begin(), lessons.end(), selected[k]->lesson);
      if (lesson == lessons.end()) {
        lessons.push_back(selected[k]->lesson);
        units.emplace_back();
        lesson = lessons.end() - 1;
      }
      LearnerBuild refused;  // said again when the exercise is graded
      if (const auto source = checked_learner_source(*selected[k], file, refused)) {
        LessonUnit& unit = units[static_cast<std::size_t>(lesson - lessons.begin())];
        unit.files.push_back({selected[k]->relative_file().string(), *source, selected[k]->spec.functions});
        unit.exercises.push_back(selected[k]);
      }
    }
    made.resize(lessons.size());
    for (std::size_t l = 0; l < lessons.size(); ++l) {
      units[l].built = made[l].get_future().share();
      if (units[l].files.size() < 2) continue;
      for (std::size_t k = 0; k < selected.size(); ++k)
        if (selected[k]->lesson == lessons[l]) unit_of[k] = &units[l];
    }
  }
  // With one thread and nothing to compile together, a lesson's task would
  // only do what its first exercise does anyway.
  if (jobs_ == 1 && std::none_of(unit_of.begin(), unit_of.end(), [](const LessonUnit* u) { return u; }))
    lessons.clear();
  SubmissionResult result;
  result.exercises.resize(selected.size());
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto work = [&] {
    for (std::size_t task; (task = next++) < lessons.size() + selected.size();) {
      if (task < lessons.size()) {
        made[task].set_value(build_unit(*lessons[task], units[task]));
        continue;
      }
      const std::size_t k = task - lessons.size();
      try {
        result.exercises[k] = grade_exercise(*selected[k], dir / selected[k]->relative_file(), unit_of[k]);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  // One exercise and a thread to spare (a learner's check): the reference
  // solution runs while the learner's file compiles. (Not for a file that
  // is not there: the answer is at once, and would wait for the reference.)
  std::error_code absent;
  if (selected.size() == 1 && jobs_ > 1 && !course_.is_student_pack() &&
      fs::exists(dir / selected.front()->relative_file(), absent))
    threads.emplace_back([&] { reference_outcomes_ahead(*selected.front()); });
  for (unsigned t = 1; t < std::min<std::size_t>(jobs_, lessons.size() + selected.size()); ++t)
    threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  return result;
}

}  // namespace mathlings
