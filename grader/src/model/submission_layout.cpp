#include "model/submission_layout.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "base/files.hpp"
#include "base/text.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

// Deep enough for repository/exercises/lesson/file inside an archive's own
// folder; shallow enough that a huge upload is not walked end to end.
constexpr int deepest_folder = 4;
// A note lists at most this many files by name.
constexpr std::size_t files_named = 6;

/// How many exercise files `dir` holds where the submission layout puts them (a link
/// counts: the grader itself rejects it, with the reason).
int files_in_place(const Course& course, const fs::path& dir) {
  int count = 0;
  for (const auto* exercise : course.exercises()) {
    std::error_code ec;
    if (fs::symlink_status(dir / exercise->relative_file(), ec).type() != fs::file_type::not_found && !ec) ++count;
  }
  return count;
}

/// Names an archiver or an editor adds that are never a learner's work.
bool skipped(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.empty() || name.front() == '.' || name == "__MACOSX";
}

struct Contents {
  std::vector<fs::path> laid_out_folders;  ///< folders inside with files in place, nearest first
  std::vector<fs::path> cpp_files;         ///< every .cpp file, not a link, anywhere inside
};

Contents look_inside(const Course& course, const fs::path& submission) {
  Contents contents;
  std::error_code ec;
  fs::recursive_directory_iterator it(submission, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    if (skipped(entry.path())) {
      if (entry.is_directory()) it.disable_recursion_pending();
      continue;
    }
    const auto status = entry.symlink_status();
    if (fs::is_directory(status)) {
      if (it.depth() + 1 >= deepest_folder) it.disable_recursion_pending();
      if (files_in_place(course, entry.path()) > 0) contents.laid_out_folders.push_back(entry.path());
    } else if (fs::is_regular_file(status) && entry.path().extension() == ".cpp") {
      contents.cpp_files.push_back(entry.path());
    }
  }
  const auto depth = [](const fs::path& p) { return std::distance(p.begin(), p.end()); };
  std::stable_sort(contents.laid_out_folders.begin(), contents.laid_out_folders.end(),
                   [&](const fs::path& a, const fs::path& b) { return depth(a) < depth(b); });
  std::sort(contents.cpp_files.begin(), contents.cpp_files.end());
  return contents;
}

/// A path inside the submission as a note shows it. The names are the
/// student's: a control character (a newline in an archive's entry, say)
/// becomes '?', so that a note stays one line of text wherever it goes.
std::string shown(const fs::path& path, const fs::path& submission) {
  std::string text = fs::relative(path, submission).generic_string();
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return text;
}

std::string listed(const std::vector<std::string>& names) {
  return list_names(names, files_named);
}

/// The one folder inside to grade, if the laid-out folders point at one: the
/// only one, or the one called exercises/ (a whole repository handed in).
std::optional<fs::path> chosen_folder(const std::vector<fs::path>& folders) {
  if (folders.size() == 1) return folders.front();
  std::optional<fs::path> exercises;
  for (const auto& folder : folders) {
    if (folder.filename() != "exercises") continue;
    if (exercises) return std::nullopt;
    exercises = folder;
  }
  return exercises;
}

/// Whether `folder` is all there is in `submission`, wrapped in folders that
/// hold nothing else: the normal shape of a zipped folder, not worth a note.
bool only_wrapped(const fs::path& submission, const fs::path& folder) {
  fs::path at = submission;
  for (const auto& part : fs::relative(folder, submission)) {
    int entries = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(at, ec)) entries += skipped(e.path()) ? 0 : 1;
    if (entries != 1) return false;
    at /= part;
  }
  return true;
}

struct NameMatches {
  std::map<const Exercise*, fs::path> files;  ///< exercise → the one file named after it
  std::vector<std::string> problems;          ///< files that cannot be placed, and why
};

/// Files named after exercises (elimination.cpp), wherever they are.
NameMatches match_by_name(const Course& course, const std::vector<fs::path>& cpp_files, const fs::path& submission) {
  std::map<std::string, std::vector<const Exercise*>> exercises_named;
  for (const auto* exercise : course.exercises()) exercises_named[exercise->name].push_back(exercise);
  std::map<const Exercise*, std::vector<fs::path>> candidates;
  NameMatches matches;
  for (const auto& file : cpp_files) {
    const auto named = exercises_named.find(file.stem().string());
    if (named == exercises_named.end()) continue;
    if (named->second.size() > 1) {
      matches.problems.push_back(shown(file, submission) + " could belong to " + named->second[0]->id + " or " +
                                 named->second[1]->id + ": put it in its lesson's folder");
      continue;
    }
    candidates[named->second.front()].push_back(file);
  }
  for (const auto& [exercise, files] : candidates) {
    if (files.size() == 1) {
      matches.files.emplace(exercise, files.front());
      continue;
    }
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(shown(f, submission));
    matches.problems.push_back(std::to_string(files.size()) + " files could be " + exercise->id + " (" + listed(names) +
                               "): none of them is graded; keep one");
  }
  return matches;
}

/// A file name as a person might have meant it: "Row-Echelon (1).cpp.txt"
/// is "row_echelon".
std::string meant_name(const fs::path& file) {
  std::string name;
  for (const char c : file.filename().string())
    name += static_cast<char>(c == '-' ? '_' : std::tolower(static_cast<unsigned char>(c)));
  name = name.substr(0, name.find('.'));
  if (const auto copy = name.find(" ("); copy != std::string::npos) name.erase(copy);  // "elimination (1)"
  if (name.ends_with(" _ copy")) name.erase(name.size() - 7);                          // "elimination - Copy"
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

/// Files in the lesson folders of what will be graded that were surely meant
/// as a missing exercise's file (Elimination.cpp, elimination.cc,
/// elimination (1).cpp): a note each, so that a misnamed file is not taken
/// for an exercise never attempted.
void note_misnamed_files(const Course& course, LocatedSubmission& located) {
  for (const auto& lesson : course.lessons) {
    const fs::path folder = located.dir / lesson.id;
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(folder, ec))) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec))
      if (!skipped(entry.path()) && fs::is_regular_file(entry.symlink_status())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& lesson_exercise : lesson.exercises) {
      const Exercise* exercise = &lesson_exercise;
      const fs::path expected = located.dir / exercise->relative_file();
      if (fs::symlink_status(expected, ec).type() != fs::file_type::not_found) continue;
      for (const auto& file : files) {
        if (meant_name(file) != exercise->name) continue;
        located.notes.push_back(shown(file, located.dir) + " is not graded: the file of " + exercise->id +
                                " must be named " + exercise->relative_file().generic_string() + ".");
        break;
      }
    }
  }
}

LocatedSubmission find_the_files(const Course& course, const fs::path& submission, Layout layout,
                                 const fs::path& staging) {
  LocatedSubmission located{submission, {}};
  if (files_in_place(course, submission) > 0) return located;  // laid out as documented: nothing to say

  const Contents contents = look_inside(course, submission);
  const std::string example = course.exercises().front()->relative_file().generic_string();
  if (!contents.laid_out_folders.empty()) {
    std::vector<std::string> names;
    for (const auto& folder : contents.laid_out_folders) names.push_back(shown(folder, submission) + "/");
    const auto folder = chosen_folder(contents.laid_out_folders);
    if (!folder) {
      located.notes.push_back("Several folders inside are laid out like exercises/ (" + listed(names) +
                              "), and none is graded: hand in one of them.");
    } else if (layout == Layout::find) {
      located.dir = *folder;
      if (!only_wrapped(submission, *folder))
        located.notes.push_back("Found the files in " + shown(*folder, submission) +
                                "/ inside the submission, not at its top: graded those.");
    } else {
      located.notes.push_back("Nothing is where the course expects it (" + example + " at the top), but " +
                              shown(*folder, submission) +
                              "/ is laid out so: grade that folder instead (or grade with --find-files).");
    }
    return located;
  }

  const NameMatches matches = match_by_name(course, contents.cpp_files, submission);
  std::vector<std::string> placed;
  for (const auto* exercise : course.exercises()) {
    const auto match = matches.files.find(exercise);
    if (match == matches.files.end()) continue;
    placed.push_back(shown(match->second, submission) + " → " + exercise->relative_file().generic_string());
    if (layout == Layout::find) {
      fs::create_directories(staging / exercise->lesson->id);
      // Enough of a file of any size for the grader to see that it is too large.
      write_file_atomically(staging / exercise->relative_file(), read_file_prefix(match->second, max_source_bytes + 1));
    }
  }
  if (!placed.empty()) {
    if (layout == Layout::find) {
      located.dir = staging;
      located.notes.push_back(
          "The files were not in their lessons' folders; matched by name and graded: " + listed(placed) + ".");
    } else {
      located.notes.push_back("Nothing is in its lesson's folder, but some files are named after exercises (" +
                              listed(placed) + "): move each into its lesson's folder, or grade with --find-files.");
    }
  }
  for (const auto& problem : matches.problems) located.notes.push_back("Not graded: " + problem + ".");
  if (placed.empty() && matches.problems.empty()) {
    std::vector<std::string> names;
    for (const auto& f : contents.cpp_files) names.push_back(shown(f, submission));
    located.notes.push_back(names.empty()
                                ? "The submission holds no .cpp file."
                                : "No file is named after an exercise (found " + listed(names) +
                                      "); each exercise's file is <lesson>/<exercise>.cpp, like " + example + ".");
  }
  return located;
}

}  // namespace

LocatedSubmission locate_submission(const Course& course, const fs::path& submission, Layout layout,
                                    const fs::path& staging) {
  LocatedSubmission located = find_the_files(course, submission, layout, staging);
  note_misnamed_files(course, located);
  return located;
}

}  // namespace mathlings
