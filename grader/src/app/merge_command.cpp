// mathlings merge: the outputs of batch shards joined into one gradebook.
#include <ostream>

#include "app/handlers.hpp"
#include "app/term_gradebook.hpp"
#include "base/text.hpp"
#include "classroom/batch.hpp"
#include "classroom/merge.hpp"
#include "model/course.hpp"

namespace mathlings {

int merge_command(const Options& options, std::ostream& out, std::ostream& err) {
  const auto course = load_course(options.course_dir);
  std::vector<std::filesystem::path> inputs(options.arguments.begin(), options.arguments.end());
  const MergeSummary merged = merge_shards(*course, inputs, *options.output, options.partial, err);
  // Recorded once merged: a refused merge records nothing.
  TermGradebook gradebook(options, RunInfo{"merge", std::filesystem::absolute(inputs.front()),
                                           std::filesystem::absolute(*options.output), course_fingerprint(*course)});
  out << merged.rows.size() << " students merged into " << (*options.output / "gradebook.csv").string() << "\n";
  for (const auto& missing : merged.missing) {
    out << "Partial: shard " << missing.shard << " of " << merged.shards << " " << missing.why << "; "
        << missing.students.size() << " students marked not_graded: " << one_line(list_names(missing.students, 8))
        << "\n";
  }
  gradebook.record(merged.rows, out);
  return class_exit_status(merged.rows);  // as the batch of the whole class would
}

}  // namespace mathlings
