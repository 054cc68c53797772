#include "model/result_reader.hpp"

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/json.hpp"

namespace mathlings {
namespace {

/// Every way a result file can be unreadable has the same remedy.
constexpr const char* remedy =
    " (the file is damaged, or was not written by mathlings: run again the batch that wrote it, which grades again "
    "a result it cannot read)";

/// What a JSON value is, for a message.
std::string kind_of(const Json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  if (value.is_string()) return "a string";
  if (value.is_number()) return "a number";
  if (value.is_boolean()) return "true or false";
  return "null";
}

template <class Status>
Status status_from(const std::string& text, std::initializer_list<Status> all) {
  for (Status s : all)
    if (to_string(s) == text) return s;
  throw GraderError("unknown status '" + text + "'");
}

/// One object of the result, read member by member; a member missing or of
/// the wrong type is an error naming where it is (exercises[0].score).
class Members {
 public:
  Members(const Json& object, std::string where) : object_(object), where_(std::move(where)) {
    if (!object_.is_object()) throw GraderError(name() + " should be an object, not " + kind_of(object_));
  }

  std::string text(const char* key) const { return get(key, &Json::is_string, "a string").get<std::string>(); }
  double number(const char* key) const { return get(key, &Json::is_number, "a number").get<double>(); }
  bool flag(const char* key, bool otherwise) const {
    return object_.contains(key) ? get(key, &Json::is_boolean, "true or false").get<bool>() : otherwise;
  }
  std::string optional_text(const char* key) const { return object_.contains(key) ? text(key) : ""; }
  /// The items of an array, each with where it is; none if `key` is absent and `optional`.
  std::vector<std::pair<const Json*, std::string>> items(const char* key, bool optional) const {
    std::vector<std::pair<const Json*, std::string>> out;
    if (optional && !object_.contains(key)) return out;
    const Json& array = get(key, &Json::is_array, "an array");
    for (std::size_t k = 0; k < array.size(); ++k) out.emplace_back(&array[k], at(key) + "[" + std::to_string(k) + "]");
    return out;
  }

 private:
  const Json& object_;
  std::string where_;

  std::string name() const { return where_.empty() ? "the top level" : where_; }
  std::string at(const char* key) const { return where_.empty() ? key : where_ + "." + key; }
  const Json& get(const char* key, bool (Json::*is)() const noexcept, const char* expected) const {
    const auto it = object_.find(key);
    if (it == object_.end()) throw GraderError(name() + " has no \"" + key + "\"");
    if (!((*it).*is)()) throw GraderError(at(key) + " should be " + expected + ", not " + kind_of(*it));
    return *it;
  }
};

TestResult test_from(const Members& t) {
  TestResult test;
  test.name = t.text("name");
  test.status = test_status_named(t.text("status"));
  test.score = t.number("score");
  test.max_score = t.number("max_score");
  test.message = t.text("message");
  test.hidden = t.flag("hidden", false);
  test.misconception = t.optional_text("misconception");
  return test;
}

ExerciseResult exercise_from(const Members& e) {
  ExerciseResult exercise;
  exercise.id = e.text("id");
  exercise.status = exercise_status_named(e.text("status"));
  exercise.score = e.number("score");
  exercise.max_score = e.number("max_score");
  exercise.message = e.text("message");
  for (const auto& [test, where] : e.items("tests", true)) exercise.tests.push_back(test_from(Members(*test, where)));
  return exercise;
}

}  // namespace

SubmissionResult read_result_json(const std::filesystem::path& file) {
  Json root;
  try {
    root = parse_json(read_file(file), file.string());  // its messages name the file
  } catch (const GraderError& e) {
    throw GraderError(e.what() + std::string(remedy));
  }
  try {
    const Members members(root, "");
    if (members.text("schema") != "mathlings.result/1") throw GraderError("not a mathlings.result/1");
    SubmissionResult result;
    for (const auto& [note, where] : members.items("notes", true)) {
      if (!note->is_string()) throw GraderError(where + " should be a string, not " + kind_of(*note));
      result.notes.push_back(note->get<std::string>());
    }
    for (const auto& [exercise, where] : members.items("exercises", true))
      result.exercises.push_back(exercise_from(Members(*exercise, where)));
    return result;
  } catch (const GraderError& e) {
    throw GraderError(file.string() + ": " + e.what() + remedy);
  }
}

ExerciseStatus exercise_status_named(const std::string& text) {
  return status_from<ExerciseStatus>(
      text, {ExerciseStatus::passed, ExerciseStatus::partial, ExerciseStatus::failed, ExerciseStatus::not_attempted,
             ExerciseStatus::compile_error, ExerciseStatus::rejected, ExerciseStatus::not_graded});
}

TestStatus test_status_named(const std::string& text) {
  return status_from<TestStatus>(
      text, {TestStatus::passed, TestStatus::failed, TestStatus::error, TestStatus::not_implemented, TestStatus::crash,
             TestStatus::timeout, TestStatus::memory_limit, TestStatus::output_limit, TestStatus::not_graded});
}

}  // namespace mathlings
