// mathlings merge: the outputs of batch shards joined into one gradebook.
#include <algorithm>
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
        << missing.students.size() << " students marked not_graded: " << list_names(missing.students, 8) << "\n";
  }
  const auto count = [&](const char* status) {
    return std::count_if(merged.rows.begin(), merged.rows.end(),
                         [&](const StudentRow& row) { return row.status == status; });
  };
  if (count("not_graded") > 0) return 2;  // as the batch that could not grade them
  return count("graded") == static_cast<long>(merged.rows.size()) ? 0 : 1;
}

}  // namespace mathlings
