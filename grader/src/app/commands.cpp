#include "app/commands.hpp"

#include <filesystem>

#include "app/command_table.hpp"
#include "base/config.hpp"
#include "base/errors.hpp"
#include "model/course.hpp"
#include "model/course_location.hpp"

namespace mathlings {

int run_command(const Options& given, std::ostream& out, std::ostream& err) {
  const Command* command = find_command(given.command);
  if (command == nullptr) throw UsageError("unknown command '" + given.command + "'");
  Options options = given;
  std::error_code no_working_dir;  // (deleted under us: then nothing is found above it)
  locate_course(options, std::filesystem::current_path(no_working_dir), config::default_course_dir, err);
  if (command->needs_solutions && load_course(options.course_dir)->is_student_pack()) {
    throw UsageError(options.command + " needs the course's reference solutions; this is a student pack");
  }
  return command->run(options, out, err);
}

}  // namespace mathlings
