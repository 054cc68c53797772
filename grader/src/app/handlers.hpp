// The function behind each command of the command table (app/command_table.cpp),
// a file each (app/<command>_command.cpp). Each returns the exit status (0 all
// passed, 1 something fell short, 2 some of it could not be graded) and throws
// when nothing could be done as asked. The course is located before they run.
#pragma once

#include <iosfwd>

#include "model/invocation.hpp"

namespace mathlings {

// For learners.
int list_command(const Options& options, std::ostream& out, std::ostream& err);
int check_command(const Options& options, std::ostream& out, std::ostream& err);
int hint_command(const Options& options, std::ostream& out, std::ostream& err);
int watch_command(const Options& options, std::ostream& out, std::ostream& err);
int lesson_command(const Options& options, std::ostream& out, std::ostream& err);
int book_command(const Options& options, std::ostream& out, std::ostream& err);
int reset_command(const Options& options, std::ostream& out, std::ostream& err);

// For instructors.
int grade_command(const Options& options, std::ostream& out, std::ostream& err);
int batch_command(const Options& options, std::ostream& out, std::ostream& err);
int batch_on_slurm(const Options& options, std::ostream& out, std::ostream& err);  ///< batch --slurm N
int merge_command(const Options& options, std::ostream& out, std::ostream& err);
int regrade_command(const Options& options, std::ostream& out, std::ostream& err);
int export_command(const Options& options, std::ostream& out, std::ostream& err);
int gradebook_command(const Options& options, std::ostream& out, std::ostream& err);

// For course authors.
int verify_command(const Options& options, std::ostream& out, std::ostream& err);
int sync_command(const Options& options, std::ostream& out, std::ostream& err);
int new_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace mathlings
