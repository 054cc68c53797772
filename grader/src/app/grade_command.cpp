// mathlings grade: one submission directory, every test hidden ones included,
// in one of the result formats.
#include <fstream>
#include <iostream>
#include <optional>

#include "app/handlers.hpp"
#include "app/session.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/terminal.hpp"
#include "model/submission_layout.hpp"
#include "report/report.hpp"

namespace mathlings {

int grade_command(const Options& options, std::ostream& out, std::ostream&) {
  const fs::path dir = options.arguments.front();
  if (!fs::is_directory(dir)) throw UsageError("submission directory not found: " + dir.string());
  Session session(options);
  std::optional<TemporaryDirectory> staging;  // only --find-files copies files (matched by name) anywhere
  if (options.find_files) staging.emplace(fs::temp_directory_path(), "mathlings-submission-");
  const LocatedSubmission located = locate_submission(*session.course, dir, staging ? Layout::find : Layout::strict,
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

}  // namespace mathlings
