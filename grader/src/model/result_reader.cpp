#include "model/result_reader.hpp"

#include <yaml-cpp/yaml.h>

#include "base/errors.hpp"

namespace mathlings {
namespace {

template <class Status>
Status status_from(const std::string& text, std::initializer_list<Status> all) {
  for (Status s : all)
    if (to_string(s) == text) return s;
  throw GraderError("unknown status '" + text + "'");
}

}  // namespace

SubmissionResult read_result_json(const std::filesystem::path& file) {
  try {
    const YAML::Node root = YAML::LoadFile(file.string());  // JSON is YAML
    if (root["schema"].as<std::string>() != "mathlings.result/1") throw GraderError("not a mathlings.result/1");
    SubmissionResult result;
    for (const auto& note : root["notes"]) result.notes.push_back(note.as<std::string>());
    for (const auto& e : root["exercises"]) {
      ExerciseResult exercise;
      exercise.id = e["id"].as<std::string>();
      exercise.status = status_from<ExerciseStatus>(
          e["status"].as<std::string>(),
          {ExerciseStatus::passed, ExerciseStatus::partial, ExerciseStatus::failed, ExerciseStatus::not_attempted,
           ExerciseStatus::compile_error, ExerciseStatus::rejected, ExerciseStatus::not_graded});
      exercise.score = e["score"].as<double>();
      exercise.max_score = e["max_score"].as<double>();
      exercise.message = e["message"].as<std::string>();
      for (const auto& t : e["tests"]) {
        TestResult test;
        test.name = t["name"].as<std::string>();
        test.status = status_from<TestStatus>(
            t["status"].as<std::string>(),
            {TestStatus::passed, TestStatus::failed, TestStatus::error, TestStatus::not_implemented, TestStatus::crash,
             TestStatus::timeout, TestStatus::memory_limit, TestStatus::output_limit, TestStatus::not_graded});
        test.score = t["score"].as<double>();
        test.max_score = t["max_score"].as<double>();
        test.message = t["message"].as<std::string>();
        test.hidden = t["hidden"] && t["hidden"].as<bool>();
        if (t["misconception"]) test.misconception = t["misconception"].as<std::string>();
        exercise.tests.push_back(std::move(test));
      }
      result.exercises.push_back(std::move(exercise));
    }
    return result;
  } catch (const YAML::Exception& e) {
    throw GraderError(file.string() + ":" + std::to_string(e.mark.line + 1) + ": not a result file: " + e.msg);
  } catch (const GraderError& e) {
    throw GraderError(file.string() + ": " + e.what());
  }
}

}  // namespace mathlings
