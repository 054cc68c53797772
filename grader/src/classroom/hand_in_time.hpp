// When a student handed their work in, from the best source there is for it.
//
// In order of trust:
//   roster   the roster's submitted_at column: the time an LMS or GitHub
//            Classroom recorded (copied from its export by the instructor).
//   commit   the committer time of the checked-out commit, when the hand-in
//            is a cloned git repository (`gh classroom clone`). The student
//            can set it (git commit --date): trust it as far as the
//            repository's host is not asked.
//   files    the last resort: for an archive, its own modification time (what
//            an LMS download sets, when unzipped keeping times); for a
//            folder, the newest modification time of its plain files (links
//            and .git folders left out, the first 100 000 entries looked at).
//            A copy that did not keep times gives the time of the copy.
//
// A folder holding a repository (.git in it, or in the one folder it wraps)
// is dated by its commit or not at all: its files' times are when it was
// cloned, after every deadline. A time before 2000 or after tomorrow is no
// hand-in's (a clock set wrong, a forged date), and is not used.
//
// The repository is read by mathlings-commit-time (grader/commit-time), a
// process of its own run with limits on time and memory: without git and
// without the repository's configuration, hooks or attributes, refusing
// links and borrowed object stores (its header says how).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "model/term.hpp"

namespace mathlings {

struct HandIn {
  Moment at;
  std::string source;  ///< "roster", "commit" or "files"
  std::string detail;  ///< what exactly, for the instructor: "commit 1a2b3c4", "the archive's time"
  bool operator==(const HandIn&) const = default;
};

/// A hand-in time, or why there is none ("its repository's commit time
/// cannot be read (…)").
struct HandInLookup {
  std::optional<HandIn> found;
  std::string why_none;
};

/// The hand-in time of `entry` (a student's folder or archive in ROOT): the
/// roster's when it gives one, else its commit's, else its files'. Throws
/// MachineBusy when the machine was too busy to read a repository (never
/// the student's fault: grade again), GraderError when
/// mathlings-commit-time cannot be run at all.
HandInLookup hand_in_time(const std::filesystem::path& entry, const std::optional<Moment>& roster_time);

/// The committer time of the commit `repository`/.git's HEAD names, read
/// by mathlings-commit-time under limits.
HandInLookup commit_time(const std::filesystem::path& repository);

/// What `source` means, as feedback says it: "the commit time of your
/// repository's last commit".
std::string describe_hand_in_source(const std::string& source);

}  // namespace mathlings
