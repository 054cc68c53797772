// mathlings merge: the outputs of batch shards joined into one gradebook.
#include <optional>
#include <ostream>

#include "app/handlers.hpp"
#include "app/session.hpp"
#include "app/term_gradebook.hpp"
#include "base/text.hpp"
#include "classroom/merge.hpp"
#include "model/course.hpp"

namespace mathlings {

int merge_command(const Options& options, std::ostream& out, std::ostream& err) {
  const GradedCourse course = load_graded_course(options);
  const MergeRequest request{.inputs = {options.arguments.begin(), options.arguments.end()},
                             .output = *options.output,
                             .assignment = course.assignment,
                             .write_partial = options.partial};
  // A gradebook there already is opened first, so that one that cannot be
  // used stops the merge before it writes; a new one is made only once merged.
  std::optional<TermGradebook> gradebook;
  if (std::filesystem::exists(gradebook_file(options))) gradebook.emplace(options);
  const MergeSummary merged = merge_shards(course.graded(), request, err);
  // Begun once merged: a refused merge records nothing.
  if (!gradebook) gradebook.emplace(options);
  gradebook->begin(RunInfo{"merge", std::filesystem::absolute(request.inputs.front()),
                           std::filesystem::absolute(*options.output), merged.course_hash, options.assignment, ""});
  out << merged.rows.size() << " students merged into " << (*options.output / "gradebook.csv").string() << "\n";
  for (const auto& missing : merged.missing) {
    out << "Partial: shard " << missing.shard << " of " << merged.shards << " " << missing.why << "; "
        << missing.students.size() << " students marked not_graded: " << one_line(list_names(missing.students, 8))
        << "\n";
  }
  gradebook->record(course.graded(), merged.rows, out);
  return class_exit_status(merged.rows);  // as the batch of the whole class would
}

}  // namespace mathlings
