// The writers for CI platforms: JUnit XML (GitLab, Jenkins), Gradescope's
// results.json and Exercism's results.json (version 3, also read by GitHub
// Classroom's reporters). Each maps the result's statuses onto the
// platform's few; hidden tests keep their messages withheld.

#include "base/json.hpp"
#include "base/text.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

bool exercise_did_not_run(const ExerciseResult& e) {
  return e.status == ExerciseStatus::compile_error || e.status == ExerciseStatus::rejected ||
         e.status == ExerciseStatus::not_graded;
}

std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

/// The whole story of a test: its own message, and for an exercise that did
/// not compile, why.
std::string test_output(const ExerciseResult& e, const TestResult& t) {
  return exercise_did_not_run(e) ? t.message + "\n" + e.message : t.message;
}

/// The submission's notes (where its files were found), then `text`.
std::string notes_then(const std::string& text, const SubmissionResult& result) {
  std::string out;
  for (const auto& note : result.notes) out += "Note: " + note + "\n";
  return out + text;
}

}  // namespace

void write_junit(std::ostream& out, const SubmissionResult& result) {
  struct Counts {
    int tests = 0, failures = 0, errors = 0, skipped = 0;
  };
  const auto count = [](const ExerciseResult& e) {
    Counts c;
    for (const auto& t : e.tests) {
      ++c.tests;
      if (t.status == TestStatus::failed) ++c.failures;
      if (t.status == TestStatus::not_implemented) ++c.skipped;
      if (t.status != TestStatus::passed && t.status != TestStatus::failed && t.status != TestStatus::not_implemented) {
        ++c.errors;
      }
    }
    return c;
  };
  Counts total;
  for (const auto& e : result.exercises) {
    const Counts c = count(e);
    total.tests += c.tests, total.failures += c.failures, total.errors += c.errors, total.skipped += c.skipped;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"mathlings\" tests=\"" << total.tests << "\" failures=\"" << total.failures
      << "\" errors=\"" << total.errors << "\" skipped=\"" << total.skipped << "\">\n";
  for (const auto& e : result.exercises) {
    const Counts c = count(e);
    std::string classname = e.id;
    for (char& ch : classname)
      if (ch == '/') ch = '.';
    out << "  <testsuite name=\"" << xml_escape(e.id) << "\" tests=\"" << c.tests << "\" failures=\"" << c.failures
        << "\" errors=\"" << c.errors << "\" skipped=\"" << c.skipped << "\">\n";
    out << "    <properties>\n      <property name=\"status\" value=\"" << to_string(e.status)
        << "\"/>\n      <property name=\"score\" value=\"" << json_score(e.score)
        << "\"/>\n      <property name=\"max_score\" value=\"" << json_score(e.max_score)
        << "\"/>\n    </properties>\n";
    for (const auto& t : e.tests) {
      out << "    <testcase name=\"" << xml_escape(t.name) << "\" classname=\"" << xml_escape(classname) << "\"";
      if (t.status == TestStatus::passed) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      const std::string message = test_output(e, t);
      if (t.status == TestStatus::not_implemented) {
        out << "      <skipped message=\"" << xml_escape(first_line(message)) << "\"/>\n";
      } else {
        const char* element = t.status == TestStatus::failed ? "failure" : "error";
        out << "      <" << element << " message=\"" << xml_escape(first_line(message)) << "\" type=\""
            << to_string(t.status) << "\">" << xml_escape(message) << "</" << element << ">\n";
      }
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

void write_gradescope(std::ostream& out, const SubmissionResult& result) {
  static const JsonLayout layout{{{"", JsonForm::lines, {"output", "tests"}},
                                  {"/tests", JsonForm::lines},
                                  {"/tests/*", JsonForm::spaced, {"output"}}},
                                 true};
  std::string summary = "Score: " + format_number(result.score()) + "/" + format_number(result.max_score());
  if (result.any_not_graded())
    summary +=
        "\nNot final: some exercises could not be graded, the machine being too busy (no fault of your code). "
        "Please submit again.";
  Json json;
  json["score"] = result.score();
  json["output"] = notes_then(summary, result);
  json["tests"] = Json::array();
  for (const auto& e : result.exercises) {
    for (const auto& t : e.tests) {
      Json test;
      test["name"] = e.id + ": " + t.name;
      test["score"] = t.score;
      test["max_score"] = t.max_score;
      test["status"] = t.status == TestStatus::passed ? "passed" : "failed";
      test["output"] = test_output(e, t);
      // A hidden test's score is published with the grades; its output withholds the inputs.
      test["visibility"] = t.hidden ? "after_published" : "visible";
      json["tests"].push_back(std::move(test));
    }
  }
  out << json_text(json, layout) << "\n";
}

void write_exercism(std::ostream& out, const SubmissionResult& result) {
  static const JsonLayout layout{{{"", JsonForm::lines, {"status", "message", "tests"}},
                                  {"/tests", JsonForm::lines},
                                  {"/tests/*", JsonForm::spaced, {"message"}}}};
  const ExerciseResult* broken = nullptr;
  for (const auto& e : result.exercises)
    if (!broken && exercise_did_not_run(e)) broken = &e;
  Json json;
  json["version"] = 3;
  json["status"] = broken ? "error" : result.all_passed() ? "pass" : "fail";
  if (broken) json["message"] = broken->id + ": " + broken->message;
  json["tests"] = Json::array();
  int task = 0;
  for (const auto& e : result.exercises) {
    ++task;  // one task per exercise, in course order
    for (const auto& t : e.tests) {
      Json test;
      test["name"] = e.id + ": " + t.name;
      test["status"] = t.status == TestStatus::passed                                              ? "pass"
                       : t.status == TestStatus::failed || t.status == TestStatus::not_implemented ? "fail"
                                                                                                   : "error";
      test["task_id"] = task;
      if (t.status != TestStatus::passed) test["message"] = test_output(e, t);
      json["tests"].push_back(std::move(test));
    }
  }
  out << json_text(json, layout) << "\n";
}

bool is_known_format(const std::string& format) {
  return format == "text" || format == "json" || format == "junit" || format == "gradescope" || format == "exercism";
}

void write_result(std::ostream& out, const std::string& format, const Course& course, const SubmissionResult& result,
                  const TextStyle& style) {
  if (format == "json") return write_json(out, result);
  if (format == "junit") return write_junit(out, result);
  if (format == "gradescope") return write_gradescope(out, result);
  if (format == "exercism") return write_exercism(out, result);
  write_text(out, course, result, style);
}

}  // namespace mathlings
