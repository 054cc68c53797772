// The command line of the contract (§3), parsed into Options.
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
  std::optional<std::filesystem::path> roster;  ///< batch --roster FILE
  unsigned jobs = 0;                            ///< 0: one per core
  unsigned shard = 1;                           ///< batch --shard K/N
  unsigned shards = 1;
  bool check_only = false;  ///< sync --check
  bool poll = false;        ///< watch --poll: look for saves by polling, not inotify
  bool find_files = false;  ///< grade --find-files: grade files found outside the contract's layout
  bool help = false;
  bool version = false;
};

/// UsageError on anything it does not understand.
Options parse_command_line(const std::vector<std::string>& args);
std::string usage_text();

}  // namespace mathlings
