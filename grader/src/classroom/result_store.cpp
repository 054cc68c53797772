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

StudentRow read_meta(const fs::path& meta, const std::string& student) {
  std::istringstream in(read_file(meta));
  StudentRow row;
  row.student = student;
  std::getline(in, row.submission_hash);
  std::getline(in, row.status);
  std::getline(in, row.message);
  std::getline(in, row.name);
  std::getline(in, row.email);
  // Absent from a meta file written before hand-in times were.
  std::string at, source, detail;
  std::getline(in, at);
  std::getline(in, source);
  std::getline(in, detail);
  if (const auto moment = parse_moment(at); moment && !source.empty())
    row.handed_in = HandIn{.at = *moment, .source = source, .detail = detail};
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
  write_file_atomically(meta_file(output, row.student),
                        // One value a line: a line break in a message (an archive entry's name
                        // quoted in it) must not become the name or email of the lines after.
                        row.submission_hash + "\n" + row.status + "\n" + one_line(row.message) + "\n" +
                            one_line(row.name) + "\n" + one_line(row.email) + "\n" +
                            (row.handed_in ? format_moment(row.handed_in->at) + "\n" + row.handed_in->source + "\n" +
                                                 one_line(row.handed_in->detail) + "\n"
                                           : ""));
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
