// What one run of mathlings was asked to do: the command, its arguments and
// options, as the command line (app/cli.cpp) gave them. Stages below the
// app read it; none of them parses it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mathlings {

struct Options {
  std::string command;
  std::vector<std::string> arguments;  ///< ids or the submission directory
  std::filesystem::path course_dir;    ///< --course, else found by locate_course (course_location.hpp)
  std::filesystem::path cache_dir;     ///< --cache, else the course's own (locate_course)
  bool course_given = false;
  bool cache_given = false;
  std::string format = "text";
  std::optional<std::filesystem::path> output;
  std::optional<std::filesystem::path> roster;     ///< batch --roster FILE
  std::optional<std::filesystem::path> gradebook;  ///< batch, merge --gradebook FILE.db
  std::string assignment;                          ///< batch, merge --assignment ID (term.yaml)
  std::string reason;                              ///< regrade --reason TEXT
  unsigned jobs = 0;                               ///< 0: one per core
  unsigned shard = 1;                              ///< batch --shard K/N
  unsigned shards = 1;
  /// batch --slurm N and what goes with it: the class graded by N tasks of a
  /// Slurm job array (classroom/slurm.hpp). 0: on this machine.
  unsigned slurm_shards = 0;
  std::string only_shards;  ///< --only-shards 3,7
  std::string partition, account, slurm_time, slurm_memory;
  unsigned cpus_per_task = 0;  ///< 0: the default
  bool wait = false;
  bool partial = false;     ///< merge --partial: write an incomplete set of shards, the gap marked
  bool check_only = false;  ///< sync --check
  bool poll = false;        ///< watch --poll: look for saves by polling, not inotify
  bool find_files = false;  ///< grade --find-files: grade files found outside the submission layout
  bool help = false;
  bool version = false;
};

}  // namespace mathlings
