#include "classroom/student_pack.hpp"

#include <map>
#include <sstream>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/hash.hpp"
#include "judge/course_call.hpp"
#include "judge/generators.hpp"
#include "learner/book.hpp"
#include "model/shipped_outcomes.hpp"

namespace mathlings {
namespace {

void copy_tree(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

}  // namespace

std::string strip_hidden_tests(const std::string& spec_text) {
  std::istringstream in(spec_text);
  std::string line, out, block;
  bool in_tests = false, block_hidden = false;
  const auto flush = [&] {
    if (!block_hidden) out += block;
    block.clear();
    block_hidden = false;
  };
  while (std::getline(in, line)) {
    if (line.rfind("tests:", 0) == 0) {
      in_tests = true;
      out += line + "\n";
      continue;
    }
    if (!in_tests) {
      out += line + "\n";
      continue;
    }
    if (line.rfind("  - ", 0) == 0) flush();
    if (line.find("hidden: true") != std::string::npos) block_hidden = true;
    block += line + "\n";
  }
  flush();
  return out;
}

void export_student_pack(const Course& course, Grader& grader, const fs::path& project_root,
                         const fs::path& destination, std::ostream& out) {
  if (fs::exists(destination) && !fs::is_empty(destination)) {
    throw UsageError(destination.string() + " exists and is not empty; export into a new folder");
  }
  fs::create_directories(destination);
  for (const char* dir : {"include", "lessons", "exercises"}) copy_tree(course.root / dir, destination / dir);
  copy_tree(course.root / "exercises", destination / "stubs");  // what `mathlings reset` restores
  fs::copy_file(course.root / "course.yaml", destination / "course.yaml");
  if (fs::exists(course.root / ".clang-format"))
    fs::copy_file(course.root / ".clang-format", destination / ".clang-format");
  // The grader, to build and run where the learner is.
  copy_tree(project_root / "grader", destination / "grader");
  for (const char* file : {"CMakeLists.txt", "CMakePresets.json", "setup.sh", ".gitignore"}) {
    if (fs::exists(project_root / file)) fs::copy_file(project_root / file, destination / file);
  }
  // The book's figures are computed by the reference solutions: build it once
  // here and ship every answer it needed, as for a test named "figure".
  std::map<std::string, std::string> figure_answers;  // by exercise id
  {
    const CourseCall record =
        reference_caller(course, grader,
                         [&](const Exercise& exercise, const TestSpec&, const std::string& request,
                             const std::vector<protocol::Outcome>& outcomes) {
                           figure_answers[exercise.id] += shipped_record("", "figure", request, outcomes);
                         });
    TemporaryDirectory scratch(fs::temp_directory_path(), "mathlings-pack-book-");
    build_book(course, LearnerState{}, scratch.path(), record);
  }
  int visible = 0, hidden = 0;
  for (const auto* exercise : course.exercises()) {
    // Specs without their hidden tests; the codec and prebuild headers beside them.
    for (const auto& entry : fs::directory_iterator(course.specs_dir() / exercise->lesson->id)) {
      if (entry.path().extension() == ".hpp") {
        fs::create_directories(destination / "specs" / exercise->lesson->id);
        fs::copy_file(entry.path(), destination / "specs" / exercise->lesson->id / entry.path().filename(),
                      fs::copy_options::overwrite_existing);
      }
    }
    const fs::path spec_out = destination / "specs" / (exercise->id + ".yaml");
    write_file_atomically(spec_out, strip_hidden_tests(read_file(exercise->spec.file)));
    std::size_t expected_visible = 0;
    for (const auto& test : exercise->spec.tests) expected_visible += !test.hidden;
    if (load_spec(spec_out).tests.size() != expected_visible) {
      throw CourseError(
          exercise->spec.file.string() +
          ": could not leave out its hidden tests (write each test as a block starting with '  - name:')");
    }
    // The reference's answers to every visible test, as data.
    std::string data;
    for (const auto& test : exercise->spec.tests) {
      if (test.hidden) {
        ++hidden;
        continue;
      }
      ++visible;
      const std::string request = encode_test_request(test, cases_of(test));
      data += shipped_record("", test.name, request, grader.reference_outcomes(*exercise, test, request));
      for (const auto& m : exercise->spec.misconceptions) {
        data += shipped_record(m.name, test.name, request, grader.variant_outcomes(*exercise, m, test, request));
      }
    }
    write_file_atomically(destination / "expected" / (exercise->id + ".expected"), data + figure_answers[exercise->id]);
  }
  out << "Exported the student pack to " << destination.string() << ": " << course.exercises().size() << " exercises, "
      << visible << " visible tests (expected outcomes shipped as data), " << hidden
      << " hidden tests and every solution left out.\nLearners run ./setup.sh there, then build/grader/mathlings "
         "check.\n";
}

}  // namespace mathlings
