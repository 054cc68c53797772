#include "classroom/result_store.hpp"

#include <sstream>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/json.hpp"
#include "base/text.hpp"
#include "model/result_reader.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

fs::path result_file(const fs::path& output, const std::string& student) {
  return output / "results" / (student + ".json");
}

fs::path meta_file(const fs::path& output, const std::string& student) {
  return output / "results" / (student + ".meta");
}

/// A meta file: one value a line — the key, status, message, the roster's
/// name and email, the hand-in time, its source and detail (empty lines
/// when there is none), why there is none, the files' hash, the grader's version, then one
/// line per graded exercise: its fingerprint and id. A file of an older
/// mathlings ends early: what it lacks is empty, and nothing is reused of it.
StudentRow read_meta(const fs::path& meta, const std::string& student) {
  std::istringstream in(read_file(meta));
  StudentRow row;
  row.student = student;
  std::string at, source, detail;
  for (std::string* line : {&row.submission_hash, &row.status, &row.message, &row.name, &row.email, &at, &source,
                            &detail, &row.no_hand_in_time, &row.files_hash, &row.grader_version})
    std::getline(in, *line);
  if (const auto moment = parse_moment(at); moment && !source.empty())
    row.handed_in = HandIn{.at = *moment, .source = source, .detail = detail};
  for (std::string line; std::getline(in, line);) {
    const auto space = line.find(' ');
    if (space != std::string::npos) row.exercise_fingerprints[line.substr(space + 1)] = line.substr(0, space);
  }
  return row;
}

}  // namespace

bool has_result(const StudentRow& row) {
  return row.status == "graded" || row.status == "not_graded";
}

void write_row(const fs::path& output, const StudentRow& row) {
  std::ostringstream json;
  if (has_result(row)) {
    write_json(json, row.result);
  } else {
    json << json_text(Json{{"schema", "mathlings.failure/1"}}, {{{"", JsonForm::spaced}}}) << "\n";
  }
  // The result first: a meta file never names a result that is not there.
  write_file_atomically(result_file(output, row.student), json.str());
  // One value a line: a line break in a message (an archive entry's name
  // quoted in it) must not become the name or email of the lines after.
  std::string meta;
  for (const std::string& value :
       {row.submission_hash, row.status, one_line(row.message), one_line(row.name), one_line(row.email),
        row.handed_in ? format_moment(row.handed_in->at) : "", row.handed_in ? row.handed_in->source : "",
        row.handed_in ? one_line(row.handed_in->detail) : "", one_line(row.no_hand_in_time), row.files_hash,
        row.grader_version})
    meta += value + "\n";
  for (const auto& [exercise, fingerprint] : row.exercise_fingerprints) meta += fingerprint + " " + exercise + "\n";
  write_file_atomically(meta_file(output, row.student), meta);
}

std::optional<StudentRow> read_row(const fs::path& output, const std::string& student) {
  const fs::path meta = meta_file(output, student);
  if (!fs::exists(meta)) return std::nullopt;
  StudentRow row = read_meta(meta, student);
  if (has_result(row)) row.result = read_result_json(result_file(output, student));
  return row;
}

std::optional<StudentRow> resumed_row(const fs::path& output, const std::string& student, const std::string& hash) {
  const fs::path meta = meta_file(output, student);
  if (!fs::exists(meta)) return std::nullopt;
  StudentRow row = read_meta(meta, student);
  if (row.submission_hash != hash || row.status != "graded") return std::nullopt;
  try {
    row.result = read_result_json(result_file(output, student));
  } catch (const GraderError&) {
    return std::nullopt;
  }
  return row;
}

}  // namespace mathlings
