#include "authoring/lesson_examples.hpp"

#include <cctype>
#include <regex>
#include <set>
#include <sstream>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "exec/process.hpp"

namespace mathlings {

std::vector<LessonExample> extract_examples(const std::string& markdown) {
  std::vector<LessonExample> examples;
  std::istringstream in(markdown);
  std::string line;
  int number = 0;
  enum { prose, example, output, other_fence } state = prose;
  bool awaiting_output = false;  // only blank lines since the last example closed
  while (std::getline(in, line)) {
    ++number;
    const bool fence = line.rfind("```", 0) == 0;
    switch (state) {
      case prose:
        if (fence && line.substr(3).rfind("cpp example", 0) == 0) {
          examples.push_back({number, "", false, ""});
          state = example;
        } else if (fence && line.substr(3) == "output" && awaiting_output) {
          examples.back().has_expected_output = true;
          state = output;
        } else if (fence) {
          state = other_fence;
        }
        if (!line.empty()) awaiting_output = false;
        break;
      case example:
        if (fence) {
          state = prose;
          awaiting_output = true;
        } else {
          examples.back().code += line + "\n";
        }
        break;
      case output:
        if (fence)
          state = prose;
        else
          examples.back().expected_output += line + "\n";
        break;
      case other_fence:
        if (fence) state = prose;
        break;
    }
  }
  return examples;
}

std::vector<ExampleFailure> check_lesson_document(const Course& course, const Lesson& lesson) {
  const fs::path document = course.lesson_document(lesson);
  const std::string display = fs::relative(document, course.root).string();
  if (!fs::is_regular_file(document)) return {{display, "the lesson document is missing"}};
  const std::string text = read_file(document);
  std::vector<ExampleFailure> failures;
  const auto anchors = lesson_headings(text);
  static const std::regex link(R"(\]\(#([^)\s]+)\))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), link); it != std::sregex_iterator(); ++it) {
    if (!anchors.count((*it)[1]))
      failures.push_back({display, "a link to #" + (*it)[1].str() + ", which is no heading"});
  }
  const auto exercises_heading = text.find("\n## Exercises");
  if (exercises_heading == std::string::npos) {
    failures.push_back({display, "no \"## Exercises\" section listing the lesson's exercises"});
  } else {
    const std::string section = text.substr(exercises_heading);
    for (const auto& exercise : lesson.exercises) {
      if (section.find("**" + exercise.name + "**") == std::string::npos) {
        failures.push_back({display, "the Exercises section does not list **" + exercise.name + "**"});
      }
    }
  }
  return failures;
}

std::vector<ExampleFailure> check_lesson_examples(const Course& course, const Lesson& lesson, Toolchain& toolchain) {
  std::vector<ExampleFailure> failures;
  const fs::path document = course.lesson_document(lesson);
  const std::string display = fs::relative(document, course.root).string();
  if (!fs::is_regular_file(document)) return {{display, "the lesson document is missing"}};
  std::vector<BuildProduct> solutions;
  for (const auto& exercise : lesson.exercises) {
    const std::string source = read_file(course.solutions_dir() / exercise.relative_file());
    BuildProduct object = toolchain.compile(course, lesson, source, exercise.relative_file().string());
    if (!object.ok) return {{exercise.id, "the reference solution does not compile:\n" + object.diagnostics}};
    solutions.push_back(std::move(object));
  }
  const auto examples = extract_examples(read_file(document));
  if (examples.empty()) failures.push_back({display, "the lesson has no ```cpp example block"});
  for (const auto& example : examples) {
    const std::string where = display + ":" + std::to_string(example.line);
    const std::string name = "example-" + std::to_string(example.line) + ".cpp";
    const BuildProduct object = toolchain.compile(course, lesson, example.code, name);
    if (!object.ok) {
      failures.push_back({where, "the example does not compile:\n" + object.diagnostics});
      continue;
    }
    auto objects = solutions;
    objects.push_back(object);
    const BuildProduct program = toolchain.link_program(objects, name);
    if (!program.ok) {
      failures.push_back({where, "the example does not link:\n" + program.diagnostics});
      continue;
    }
    TemporaryDirectory scratch(toolchain.cache_dir() / "scratch");
    ProcessSpec spec;
    spec.argv = {program.path.string()};
    spec.working_directory = scratch.path();
    spec.limits = Limits::of_cpu_time(10);
    const ProcessResult r = run_process(spec);
    if (r.starved()) throw MachineBusy(where + ": the example could not run, the machine being too busy: try again");
    if (!r.succeeded()) {
      failures.push_back(
          {where, "the example did not run to the end (" +
                      (r.end == ProcessResult::End::signaled ? signal_description(r.signal)
                                                             : "exit status " + std::to_string(r.exit_code)) +
                      "):\n" + r.output});
    } else if (example.has_expected_output && r.output != example.expected_output) {
      failures.push_back(
          {where, "the example printed\n" + r.output + "but the lesson shows\n" + example.expected_output});
    }
  }
  return failures;
}

}  // namespace mathlings
