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
//            folder, the newest modification time of its files. A copy that
//            did not keep times gives the time of the copy.
//
// A repository is read without git and without its configuration: its HEAD
// file, its refs and its object database (libgit2's, opened alone). A
// student's .git/config, hooks or attributes are never read, so nothing in
// them (core.fsmonitor, gpg.program, a hook) can run.
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

/// The hand-in time of `entry` (a student's folder or archive in ROOT): the
/// roster's when it gives one, else its commit's, else its files'; nothing
/// when none can be found (an empty folder).
std::optional<HandIn> hand_in_time(const std::filesystem::path& entry, const std::optional<Moment>& roster_time);

/// The committer time of the commit `repository`/.git's HEAD names; nothing
/// when there is no repository, or its HEAD or commit cannot be read (a
/// broken, shallow-and-empty or SHA-256 repository).
std::optional<HandIn> commit_time(const std::filesystem::path& repository);

/// What `source` means, as feedback says it: "the commit time of your
/// repository's last commit".
std::string describe_hand_in_source(const std::string& source);

}  // namespace mathlings
