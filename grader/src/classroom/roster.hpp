// A class roster: who should have handed something in. With it, `batch`
// gives a row to every student on it, those who handed in nothing included,
// and names the hand-ins that belong to no one on it.
//
// A roster is read by its header, as the platforms export it:
//   GitHub Classroom's roster  identifier, github_username, github_id, name
//   Canvas's gradebook export  Student, ID, SIS User ID, SIS Login ID, Section, …
//   Moodle's grade export      First name, Last name, ID number, …, Email address
//   Moodle's user list         username, firstname, lastname, email, …
// or a header of its own that names the folder column student, id, username,
// login, github_username or identifier (and optionally name and email), or
// no header at all: one id per line. A header it cannot place is an error,
// never a student. Any header may add a submitted_at column: when each
// student handed in, as the platform recorded it (ISO 8601 with its offset,
// 2026-10-05T23:41:07+02:00), the best source of hand-in times there is.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/term.hpp"

namespace mathlings {

struct RosterStudent {
  /// Names the student's submission in ROOT: a folder's name, an archive's
  /// without .zip or .tar.gz.
  std::string id;
  std::string name;                    ///< "" when the roster has no name
  std::string email;                   ///< "" when the roster has no email
  std::optional<Moment> submitted_at;  ///< its submitted_at, when it has one
  /// Every column of its line, by the header's name as written ("SIS User
  /// ID": "4012"): the identities an export to the LMS writes back.
  std::map<std::string, std::string> fields;
  int line = 0;
};

struct Roster {
  std::string format;               ///< what it was read as, e.g. "GitHub Classroom roster"
  std::vector<std::string> header;  ///< its columns' names as written; empty for a plain list
  std::vector<RosterStudent> students;
};

/// The students of a roster file, in its order. Which column is the id:
/// GitHub Classroom's github_username (its identifier when the student has
/// not linked an account yet); Canvas's SIS Login ID, else SIS User ID, else
/// ID (its "Points Possible" row, posting-policy rows and its Test Student
/// are skipped); Moodle's ID number, else Username, else Email address;
/// Moodle's user list's username. Blank lines and lines starting with # are
/// skipped. A header that cannot be placed, an empty, unusable or repeated
/// id, or broken quoting is a UsageError naming the file and line and what
/// to do.
Roster read_roster(const std::filesystem::path& file);

/// Which entry of ROOT (by name) is each roster student's: the one named by
/// their id, or else — as `gh classroom clone` names the repositories it
/// clones, <assignment prefix>-<GitHub username> — the one named
/// <prefix>-<id>, with the one prefix most of the class shares. Students
/// with no entry are left out.
std::map<std::string, std::string> match_roster(const Roster& roster, const std::vector<std::string>& root_names);

}  // namespace mathlings
