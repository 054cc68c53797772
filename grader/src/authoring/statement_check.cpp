#include "authoring/statement_check.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "base/files.hpp"
#include "base/text.hpp"
#include "model/lesson_document.hpp"

namespace mathlings {
namespace {

/// Lower-case ASCII, each line without its leading comment slashes, and every
/// run of white space one space: a phrase matches across a line break, in a
/// comment or in a paragraph alike.
std::string searchable(const std::string& text) {
  std::string out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    auto from = line.find_first_not_of(" \t");
    while (from != std::string::npos && from < line.size() && line[from] == '/') ++from;
    if (from == std::string::npos) continue;
    for (std::size_t k = from; k < line.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(line[k]);
      if (std::isspace(c)) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += static_cast<char>(std::tolower(c));
      }
    }
    if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// `word` in `text` as a whole identifier: invalid_argument, not my_invalid_argument_type.
bool names_identifier(const std::string& text, const std::string& word) {
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !is_identifier_char(text[at - 1]);
    const auto end = at + word.size();
    if (starts && (end == text.size() || !is_identifier_char(text[end]))) return true;
  }
  return false;
}

/// The line opens an exercise's doc comment: `/// <name>:`.
bool opens_doc_comment(const std::string& line, const std::string& name) {
  const std::string t = trimmed(line);
  return t.rfind("///", 0) == 0 && trimmed(t.substr(3)).rfind(name + ":", 0) == 0;
}

/// What a line says in comments: `/// x`, `// x`, or a trailing `///< x`.
std::string comment_words(const std::string& line) {
  const auto at = line.find("//");
  if (at == std::string::npos) return "";
  std::size_t from = at;
  while (from < line.size() && (line[from] == '/' || line[from] == '<')) ++from;
  return trimmed(line.substr(from));
}

std::string course_relative(const Course& course, const std::filesystem::path& p) {
  const auto relative = p.lexically_relative(course.root);
  return relative.empty() || *relative.begin() == ".." ? p.string() : relative.string();
}

std::string spec_where(const Course& course, const Exercise& exercise, const TestSpec& test) {
  return course_relative(course, exercise.spec.file) + ":" + std::to_string(test.line);
}

std::string doc_comment_where(const DocComment& doc, const Exercise& exercise) {
  return doc.line == 0
             ? doc.header.string() + " (no doc comment begins '/// " + exercise.name + ":')"
             : doc.header.string() + ":" + std::to_string(doc.line) + " (the doc comment of " + exercise.name + ")";
}

std::string quoted_list(const std::vector<std::string>& phrases) {
  std::string out;
  for (std::size_t k = 0; k < phrases.size(); ++k)
    out += (k == 0 ? "" : k + 1 == phrases.size() ? " or " : ", ") + ("'" + phrases[k] + "'");
  return out;
}

const TestResult* result_named(const ExerciseResult& result, const std::string& name) {
  for (const auto& t : result.tests)
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace

DocComment exercise_doc_comment(const Course& course, const Exercise& exercise) {
  DocComment doc;
  const std::filesystem::path header = course.include_dir() / exercise.lesson->header;
  doc.header = course_relative(course, header);
  if (!std::filesystem::is_regular_file(header)) return doc;
  std::istringstream in(read_file(header));
  std::string line;
  bool inside = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!inside) {
      inside = opens_doc_comment(line, exercise.name);
      if (inside) doc.line = number;
    } else {
      // The block ends where another exercise of the lesson begins its own.
      for (const auto& other : exercise.lesson->exercises)
        if (other.name != exercise.name && opens_doc_comment(line, other.name)) return doc;
    }
    if (inside) {
      const std::string words = comment_words(line);
      if (!words.empty()) doc.text += words + "\n";
    }
  }
  return doc;
}

std::string exercise_lesson_text(const Course& course, const Exercise& exercise) {
  const auto document = course.lesson_document(*exercise.lesson);
  if (!std::filesystem::is_regular_file(document)) return "";
  const std::string text = read_file(document);
  const auto sections = exercise_sections(text, exercise.name);
  if (sections.empty()) return text;
  std::istringstream in(text);
  std::string line, out;
  bool in_fence = false;
  std::size_t taking = 0;  // the level of the heading being taken; 0: none
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) in_fence = !in_fence;
    const auto hashes = line.find_first_not_of('#');
    if (!in_fence && hashes != std::string::npos && hashes > 0 && hashes <= 6 && line[hashes] == ' ') {
      const std::string title = line.substr(hashes + 1);
      if (taking != 0 && hashes <= taking) taking = 0;
      if (taking == 0 && std::find(sections.begin(), sections.end(), title) != sections.end()) taking = hashes;
    }
    if (taking != 0) out += line + "\n";
  }
  return out;
}

std::vector<StatementProblem> check_stated_exceptions(const Course& course, const Exercise& exercise) {
  std::vector<StatementProblem> problems;
  const DocComment doc = exercise_doc_comment(course, exercise);
  for (const auto& test : exercise.spec.tests) {
    if (!test.expect) continue;
    const std::string type = test.expect->rfind("std::", 0) == 0 ? test.expect->substr(5) : *test.expect;
    if (names_identifier(doc.text, type)) continue;
    problems.push_back({spec_where(course, exercise, test),
                        "the test '" + test.name + "' expects std::" + type + ", which " +
                            doc_comment_where(doc, exercise) + " does not name: say there when " + test.function +
                            " throws std::" + type + ", or a learner who does what the text says loses the points"});
  }
  return problems;
}

std::vector<StatementProblem> check_stated_techniques(const Course& course, const Exercise& exercise,
                                                      const std::map<std::string, ExerciseResult>& variants) {
  std::vector<StatementProblem> problems;
  if (exercise.spec.techniques.empty()) return problems;
  const DocComment doc = exercise_doc_comment(course, exercise);
  const auto stub_file = course.exercises_dir() / exercise.relative_file();
  const std::string stub = std::filesystem::is_regular_file(stub_file) ? read_file(stub_file) : "";
  const std::string readable = searchable(doc.text + "\n" + stub + "\n" + exercise_lesson_text(course, exercise));
  const std::string spec_file = course_relative(course, exercise.spec.file);
  const auto sections =
      section_list(exercise_sections(std::filesystem::is_regular_file(course.lesson_document(*exercise.lesson))
                                         ? read_file(course.lesson_document(*exercise.lesson))
                                         : "",
                                     exercise.name));
  const std::string lesson_part =
      "lessons/" + exercise.lesson->id + "/README.md" + (sections.empty() ? "" : " (" + sections + ")");
  for (const auto& technique : exercise.spec.techniques) {
    const std::string technique_where = spec_file + ":" + std::to_string(technique.line);
    const auto graded = variants.find(technique.without);
    // Not measured this time, the machine being too busy: verify says so and ends with status 2.
    if (graded != variants.end() && graded->second.status == ExerciseStatus::not_graded) continue;
    if (graded == variants.end() || graded->second.status == ExerciseStatus::compile_error ||
        graded->second.status == ExerciseStatus::rejected) {
      problems.push_back({technique_where, "the plain variant '" + technique.without +
                                               "' was not graded, so what needs " + technique.name +
                                               " cannot be measured: make it compile"});
      continue;
    }
    const bool stated = std::any_of(
        technique.stated_as.begin(), technique.stated_as.end(),
        [&](const std::string& phrase) { return readable.find(trimmed(searchable(phrase))) != std::string::npos; });
    for (const auto& test : exercise.spec.tests) {
      const TestResult* result = result_named(graded->second, test.name);
      const bool plain_fails = result && result->status != TestStatus::passed;
      const bool declared = std::find(test.needs.begin(), test.needs.end(), technique.name) != test.needs.end();
      const std::string where = spec_where(course, exercise, test);
      if (plain_fails && !declared) {
        problems.push_back({where, "the plain variant '" + technique.without + "' (without " + technique.name +
                                       ") fails the test '" + test.name + "': add `needs: [" + technique.name +
                                       "]` to the test, and state " + technique.name +
                                       " where the learner reads — or loosen the test"});
      } else if (!plain_fails && declared) {
        problems.push_back({where, "the test '" + test.name + "' declares that it needs " + technique.name +
                                       ", but the plain variant '" + technique.without + "' passes it: take " +
                                       technique.name + " out of its needs"});
      } else if (plain_fails && !stated) {
        problems.push_back({where, "the test '" + test.name + "' needs " + technique.name + " (the plain variant '" +
                                       technique.without +
                                       "' fails it), but no text the learner reads names it: write " +
                                       quoted_list(technique.stated_as) + " in " + doc_comment_where(doc, exercise) +
                                       ", in the stub (through the solution's `// >` lines) or in " + lesson_part});
      }
    }
  }
  return problems;
}

}  // namespace mathlings
