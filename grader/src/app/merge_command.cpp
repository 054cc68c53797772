// mathlings merge: the outputs of batch shards joined into one gradebook.
#include <ostream>

#include "app/handlers.hpp"
#include "base/text.hpp"
#include "classroom/merge.hpp"
#include "model/course.hpp"

namespace mathlings {

int merge_command(const Options& options, std::ostream& out, std::ostream& err) {
  const auto course = load_course(options.course_dir);
  std::vector<std::filesystem::path> inputs(options.arguments.begin(), options.arguments.end());
  const MergeSummary merged = merge_shards(*course, inputs, *options.output, options.partial, err);
  out << merged.rows.size() << " students merged into " << (*options.output / "gradebook.csv").string() << "\n";
  for (const auto& missing : merged.missing) {
    out << "Partial: shard " << missing.shard << " of " << merged.shards << " " << missing.why << "; "
        << missing.students.size() << " students marked not_graded: " << one_line(list_names(missing.students, 8))
        << "\n";
  }
  return class_exit_status(merged.rows);  // as the batch of the whole class would
}

}  // namespace mathlings
