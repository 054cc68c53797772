#include "classroom/batch.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "base/config.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/hash.hpp"
#include "base/text.hpp"
#include "classroom/archive.hpp"
#include "classroom/course_fingerprint.hpp"
#include "classroom/hand_in_time.hpp"
#include "classroom/result_store.hpp"
#include "classroom/roster.hpp"
#include "classroom/shard_manifest.hpp"
#include "exec/process.hpp"
#include "model/submission_layout.hpp"
#include "model/term.hpp"

namespace mathlings {
namespace {

constexpr std::size_t max_similarity_bytes = 256 << 10;  // an exercise's file is a few KiB

struct MissingSubmission : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Entry {
  std::string student;
  fs::path path;                       ///< empty: on the roster, nothing in ROOT
  std::string name, email;             ///< from the roster
  std::optional<Moment> submitted_at;  ///< likewise
};

/// Adds an entry for each student on the roster that ROOT has nothing of,
/// names each entry that is on it by its roster id (with the name and email
/// the roster gives), and lists the entries of ROOT that are on no roster;
/// in student order.
void apply_roster(const fs::path& roster_file, std::vector<Entry>& entries, BatchSummary& summary) {
  const Roster roster = read_roster(roster_file);
  std::vector<std::string> root_names;
  for (const auto& e : entries) root_names.push_back(e.student);
  const std::map<std::string, std::string> matched = match_roster(roster, root_names);
  std::vector<Entry> missing;
  for (const auto& student : roster.students) {
    const auto match = matched.find(student.id);
    if (match == matched.end()) {
      missing.push_back({student.id, {}, student.name, student.email, student.submitted_at});
      continue;
    }
    for (auto& e : entries) {
      if (e.student != match->second) continue;
      e.student = student.id;
      e.name = student.name;
      e.email = student.email;
      e.submitted_at = student.submitted_at;
    }
  }
  for (const auto& e : entries)
    if (!matched.count(e.student)) summary.not_on_roster.push_back(e.student);
  entries.insert(entries.end(), missing.begin(), missing.end());
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.student < b.student; });
}

/// ROOT's entries, one per student, in name order.
std::vector<Entry> list_students(const fs::path& root) {
  if (!fs::is_directory(root)) throw UsageError("batch: no folder " + root.string());
  std::vector<Entry> entries;
  std::set<std::string> taken;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(root))
    if (e.path().filename().string().front() != '.') paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    const std::string name = p.filename().string();
    std::string student = fs::is_directory(p) ? name : archive_stem(name);
    if (!taken.insert(student).second) student = name;  // alice/ and alice.zip both: keep both
    taken.insert(student);
    entries.push_back({student, p, {}, {}, std::nullopt});
  }
  return entries;
}

/// A hand-in's file for each exercise of the whole course, read once for
/// the resume key, the files' hash and the similarity report: its first
/// max_source_bytes + 1 bytes (a marker when there is none), and whether it
/// is a plain file, not a link — the similarity report follows no link.
struct HandedFile {
  std::string text;
  bool plain = false;
};
using HandedFiles = std::map<std::string, HandedFile>;

HandedFiles read_hand_in(const Course& whole_course, const fs::path& dir) {
  HandedFiles files;
  for (const auto* e : whole_course.exercises()) {
    const fs::path file = dir / e->relative_file();
    std::error_code absent;
    HandedFile& handed = files[e->id];
    handed.plain = fs::symlink_status(file, absent).type() == fs::file_type::regular;
    handed.text =
        fs::is_regular_file(file, absent) ? read_file_prefix(file, max_source_bytes + 1) : std::string("\x01missing");
  }
  return files;
}

/// The key of a student's result: the course, the files graded, and where
/// they were found (the notes), so that a student who mends a layout mistake
/// is graded again.
std::string submission_hash(const Course& course, const std::string& fingerprint, const LocatedSubmission& located,
                            const HandedFiles& files) {
  Hasher hasher;
  hasher.field(fingerprint);
  for (const auto& note : located.notes) hasher.field(note);
  for (const auto* e : course.exercises()) hasher.field(e->id).field(files.at(e->id).text);
  return hasher.hex();
}

/// The hand-in's files alone, every exercise of the whole course's, and where
/// they were found: what must be the same for an earlier result of an
/// exercise to be kept when the course changed elsewhere.
std::string files_hash(const Course& whole_course, const LocatedSubmission& located, const HandedFiles& files) {
  Hasher hasher;
  for (const auto& note : located.notes) hasher.field(note);
  for (const auto* e : whole_course.exercises()) hasher.field(e->id).field(files.at(e->id).text);
  return hasher.hex();
}

/// The exercises of `student`'s earlier result in `output` that can be kept:
/// graded from the same files by the same grader, against an exercise
/// whose fingerprint has not changed since. None when there is no such
/// result (or it is damaged: everything is graded again).
std::map<std::string, ExerciseResult> untouched_exercises(const fs::path& output, const std::string& student,
                                                          const std::string& files,
                                                          const std::map<std::string, std::string>& fingerprints) {
  std::map<std::string, ExerciseResult> kept;
  std::optional<StudentRow> earlier;
  try {
    earlier = read_row(output, student);
  } catch (const GraderError&) {
    return kept;
  }
  if (!earlier || !has_result(*earlier) || earlier->files_hash != files || earlier->grader_version != config::version)
    return kept;
  for (const auto& e : earlier->result.exercises) {
    const auto now = fingerprints.find(e.id);
    const auto then = earlier->exercise_fingerprints.find(e.id);
    if (e.status != ExerciseStatus::not_graded && now != fingerprints.end() &&
        then != earlier->exercise_fingerprints.end() && now->second == then->second)
      kept.emplace(e.id, e);
  }
  return kept;
}

/// A graded student's notes as the one line a gradebook's message column holds.
std::string join_notes(const std::vector<std::string>& notes) {
  std::string line;
  for (const auto& note : notes) line += (line.empty() ? "" : " ") + note;
  return line;
}

/// Names the exercises the grader could not finish, and what to do.
std::string not_graded_message(const SubmissionResult& result) {
  std::vector<std::string> ids;
  for (const auto& e : result.exercises)
    if (e.status == ExerciseStatus::not_graded) ids.push_back(e.id);
  return "could not grade " + list_names(ids, 3) +
         ": the machine was too busy (not the student's fault) — run the batch again; only what could not be graded "
         "is graded again";
}

class Progress {
 public:
  Progress(std::ostream& out, bool terminal, std::size_t total) : out_(out), terminal_(terminal), total_(total) {}
  void done(const StudentRow& row, bool resumed) {
    std::lock_guard lock(mutex_);
    ++count_;
    const std::string what = row.status != "graded"
                                 ? row.status + ": " + row.message.substr(0, 60)
                                 : format_number(row.result.score()) + "/" + format_number(row.result.max_score()) +
                                       (resumed ? " (unchanged, not graded again)" : "");
    if (terminal_) {
      const std::size_t width = 30, filled = width * count_ / std::max<std::size_t>(total_, 1);
      out_ << "\r\033[K[" << std::string(filled, '#') << std::string(width - filled, '-') << "] " << count_ << "/"
           << total_ << "  " << row.student << ": " << what << std::flush;
      if (count_ == total_) out_ << "\n";
    } else {
      out_ << "mathlings: " << count_ << "/" << total_ << " " << row.student << ": " << what << "\n";
    }
  }

 private:
  std::ostream& out_;
  bool terminal_;
  std::size_t total_;
  std::size_t count_ = 0;
  std::mutex mutex_;
};

}  // namespace

unsigned shard_of(const std::string& student, unsigned shards) {
  const std::string hex = Hasher().add(student).hex();
  return static_cast<unsigned>(std::stoull(hex.substr(0, 12), nullptr, 16) % shards) + 1;
}

BatchSummary run_batch(const Course& whole_course, Toolchain& toolchain, const BatchOptions& options,
                       std::ostream& progress, bool progress_is_terminal) {
  // Found and graded against the whole course; written as the part graded.
  const std::vector<std::string> exercises =
      options.assignment ? options.assignment->exercises : std::vector<std::string>{};
  const std::unique_ptr<Course> part = exercises.empty() ? nullptr : course_part(whole_course, exercises);
  const Course& course = part ? *part : whole_course;
  BatchSummary summary;
  std::vector<Entry> everyone = list_students(options.root);
  if (options.roster) apply_roster(*options.roster, everyone, summary);
  const std::string fingerprint = course_fingerprint(course);
  // Of the whole course, whatever part is graded: a result kept across assignments means the same.
  const std::map<std::string, std::string> fingerprints = exercise_fingerprints(whole_course);
  ShardManifest manifest{.shard = options.shard,
                         .shards = options.shards,
                         .course = fingerprint,
                         .assignment = options.assignment ? options.assignment->id : "",
                         .roster = options.roster ? fs::absolute(*options.roster).string() : "",
                         .finished = false,
                         .members = {}};
  for (const auto& e : everyone)
    manifest.members.push_back({e.student, shard_of(e.student, options.shards), e.name, e.email});
  std::vector<Entry> students;
  const auto in_this_shard = [&](const std::string& student) {
    return shard_of(student, options.shards) == options.shard;
  };
  for (auto& e : everyone)
    if (in_this_shard(e.student)) students.push_back(std::move(e));
  std::erase_if(summary.not_on_roster, [&](const std::string& student) { return !in_this_shard(student); });
  if (options.assignment && !fs::is_regular_file(config::commit_time_program)) {
    // Without it every repository would go undated, and every late penalty unapplied.
    throw GraderError(std::string("the program that reads repositories' commit times is missing (") +
                      config::commit_time_program + "): build mathlings again (cmake --build build)");
  }
  fs::create_directories(options.output / "results");
  write_shard_manifest(options.output, manifest);
  // Students in parallel, and each student's exercises too: in a class whose
  // files are alike, the students' threads mostly wait for one compile, and
  // the exercises' threads keep the cores busy meanwhile. The processes that
  // do the work never outnumber --jobs.
  limit_concurrent_processes(options.jobs);
  Grader grader(whole_course, toolchain, options.jobs, true);
  summary.rows.resize(students.size());
  std::vector<bool> resumed(students.size(), false);
  Progress report(progress, progress_is_terminal, students.size());
  std::atomic<std::size_t> next{0};
  std::exception_ptr course_fault;
  std::atomic<bool> stop{false};
  std::mutex fault_mutex, summary_mutex;

  // Every hand-in's files, for the similarity report once all are graded.
  ClassFiles class_files;
  const auto collect = [&](const HandedFiles& files, const std::string& student) {
    for (const auto* e : course.exercises()) {
      const HandedFile& handed = files.at(e->id);
      if (!handed.plain) continue;  // a link is followed nowhere: its target is no hand-in's
      std::lock_guard lock(summary_mutex);
      class_files[e->id][student] = handed.text.substr(0, max_similarity_bytes);
    }
  };
  const auto grade_one = [&](std::size_t k) {
    const Entry& entry = students[k];
    StudentRow& row = summary.rows[k];
    row.student = entry.student;
    std::optional<TemporaryDirectory> unpacked, staging;
    std::optional<HandIn> handed_in;
    std::string no_hand_in_time;
    try {
      if (entry.path.empty()) {
        throw MissingSubmission("on the roster, but ROOT holds no folder, .zip or .tar.gz named " + entry.student);
      }
      fs::path dir = entry.path;
      if (!fs::is_directory(entry.path)) {
        if (!is_archive_name(entry.path.filename().string())) {
          throw ArchiveError("neither a folder nor a .zip or .tar.gz archive");
        }
        unpacked.emplace(options.output / ".work");
        extract_archive(entry.path, unpacked->path());
        dir = unpacked->path();
      }
      // Before the student's code runs: unisolated, it could touch its own files' times.
      if (options.assignment) {
        HandInLookup lookup = hand_in_time(entry.path, entry.submitted_at);
        handed_in = std::move(lookup.found);
        no_hand_in_time = std::move(lookup.why_none);
      }
      // Wrapped in a folder, a whole repository, flattened by an uploader: find the files, and say so.
      staging.emplace(options.output / ".work");
      const LocatedSubmission located = locate_submission(whole_course, dir, Layout::find, staging->path());
      const HandedFiles handed = read_hand_in(whole_course, located.dir);
      row.submission_hash = submission_hash(course, fingerprint, located, handed);
      collect(handed, entry.student);
      const std::string files = files_hash(whole_course, located, handed);
      if (auto earlier = resumed_row(options.output, entry.student, row.submission_hash)) {
        row = std::move(*earlier);
        resumed[k] = true;
      } else {
        // After the course changed, only what the change touched is graded again.
        const auto kept = untouched_exercises(options.output, entry.student, files, fingerprints);
        std::vector<std::string> to_grade;
        for (const auto* e : course.exercises())
          if (!kept.count(e->id)) to_grade.push_back(e->id);
        SubmissionResult graded;
        if (!to_grade.empty()) graded = grader.grade(located.dir, kept.empty() ? exercises : to_grade);
        for (const auto* e : course.exercises()) {
          const auto old = kept.find(e->id);
          if (old != kept.end()) {
            row.result.exercises.push_back(old->second);
            continue;
          }
          for (auto& g : graded.exercises)
            if (g.id == e->id) row.result.exercises.push_back(std::move(g));
        }
        if (!kept.empty() && !to_grade.empty()) {
          std::lock_guard lock(summary_mutex);
          ++summary.partly_kept;
          for (const auto& id : to_grade) ++summary.graded_again[id];
        }
        row.files_hash = files;
        row.grader_version = config::version;
        for (const auto* e : course.exercises()) row.exercise_fingerprints[e->id] = fingerprints.at(e->id);
        row.result.notes = located.notes;
        row.message = join_notes(located.notes);
        if (row.result.any_not_graded()) {
          // Never kept as a grade: resume grades this student again.
          row.status = "not_graded";
          row.message = not_graded_message(row.result);
        }
      }
    } catch (const MachineBusy& e) {
      // Never kept, never recorded: the batch run again grades this student again.
      row.status = "not_graded";
      row.message = std::string(e.what()) + " (not the student's fault) — run the batch again";
    } catch (const MissingSubmission& e) {
      row.status = "missing";
      row.message = e.what();
    } catch (const ArchiveError& e) {
      row.status = "unreadable";
      row.message = e.what();
    } catch (const CourseError&) {
      std::lock_guard lock(fault_mutex);
      if (!course_fault) course_fault = std::current_exception();
      stop = true;  // a broken course grades nobody right: stop everyone
      return;
    } catch (const std::exception& e) {
      row.status = "grader_error";
      row.message = std::string("mathlings could not grade this submission: ") + e.what();
    }
    row.name = entry.name;  // the roster's, whatever an earlier run kept
    row.email = entry.email;
    // Looked up every run, kept or not: a roster may bring the platform's
    // times after a first run used the files'.
    const bool hand_in_changed = row.handed_in != handed_in || row.no_hand_in_time != no_hand_in_time;
    row.handed_in = std::move(handed_in);
    row.no_hand_in_time = std::move(no_hand_in_time);
    if (!resumed[k] || hand_in_changed) write_row(options.output, row);
    report.done(row, resumed[k]);
  };
  std::vector<std::thread> threads;
  const auto work = [&] {
    for (std::size_t k; (k = next++) < students.size();) {
      if (stop) return;
      grade_one(k);
    }
  };
  for (unsigned t = 1; t < std::min<std::size_t>(std::max(1u, options.jobs), students.size()); ++t) {
    threads.emplace_back(work);
  }
  work();
  for (auto& t : threads) t.join();
  if (course_fault) std::rethrow_exception(course_fault);
  std::error_code ignored;
  fs::remove_all(options.output / ".work", ignored);

  for (std::size_t k = 0; k < students.size(); ++k) {
    if (summary.rows[k].status == "missing") summary.missing.push_back(summary.rows[k].student);
    if (summary.rows[k].status == "not_graded") summary.machine_busy.push_back(summary.rows[k].student);
    if (summary.rows[k].status != "graded")
      ++summary.not_graded;
    else if (resumed[k])
      ++summary.resumed;
    else
      ++summary.graded;
  }
  if (options.assignment) apply_late_policy(summary.rows, *options.assignment);
  if (options.shards > 1) {
    summary.similarity.why_not = "a shard sees only its own students: the merged report says what it can";
  } else {
    summary.similarity = find_similar_pairs(course, class_files);
  }
  write_class_outputs(options.output, course, options.assignment ? &*options.assignment : nullptr, summary.rows,
                      summary.similarity);
  manifest.finished = true;  // last: merge takes a shard whose gradebook is written as whole
  write_shard_manifest(options.output, manifest);
  return summary;
}

}  // namespace mathlings
