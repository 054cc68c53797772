// mathlings merge: the outputs of batch shards joined into one gradebook.
#include <algorithm>
#include <ostream>

#include "app/handlers.hpp"
#include "classroom/batch.hpp"
#include "model/course.hpp"

namespace mathlings {

int merge_command(const Options& options, std::ostream& out, std::ostream& err) {
  const auto course = load_course(options.course_dir);
  std::vector<fs::path> inputs(options.arguments.begin(), options.arguments.end());
  const auto rows = merge_batches(*course, inputs, *options.output, err);
  const auto not_graded =
      std::count_if(rows.begin(), rows.end(), [](const StudentRow& r) { return r.status != "graded"; });
  out << rows.size() << " students merged into " << (*options.output / "gradebook.csv").string() << "\n";
  const bool machine_busy =
      std::any_of(rows.begin(), rows.end(), [](const StudentRow& r) { return r.status == "not_graded"; });
  if (machine_busy) return 2;  // as the batch that could not grade them
  return not_graded == 0 ? 0 : 1;
}

}  // namespace mathlings
