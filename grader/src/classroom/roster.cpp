#include "classroom/roster.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "base/csv.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/text.hpp"

namespace mathlings {
namespace {

/// A column's name as compared: lower case, with '_' and '-' as spaces and
/// runs of spaces as one ("GitHub_Username" and "github username" agree).
std::string column_key(const std::string& header) {
  std::string key;
  for (unsigned char c : trimmed(header)) {
    const char k = c == '_' || c == '-' || std::isspace(c) ? ' ' : static_cast<char>(std::tolower(c));
    if (k != ' ' || (!key.empty() && key.back() != ' ')) key += k;
  }
  return trimmed(key);
}

/// How one kind of roster names its columns.
struct RosterFormat {
  std::string name;
  std::vector<std::string> identifying;  ///< columns that all must be there to tell it apart
  std::vector<std::string> ids;          ///< the first of these that is not empty is the id
  std::vector<std::string> names;        ///< joined with a space (first and last name)
  std::vector<std::string> emails;
};

const std::vector<RosterFormat>& known_exports() {
  static const std::vector<RosterFormat> formats{
      {"GitHub Classroom roster", {"identifier", "github username"}, {"github username", "identifier"}, {"name"}, {}},
      {"Canvas gradebook export",
       {"student", "id", "sis user id"},
       {"sis login id", "sis user id", "id"},
       {"student"},
       {"email"}},
      {"Moodle grade export",
       {"first name", "last name"},
       {"id number", "username", "email address"},
       {"first name", "last name"},
       {"email address"}},
      {"Moodle user list", {"username", "firstname", "lastname"}, {"username"}, {"firstname", "lastname"}, {"email"}},
  };
  return formats;
}

/// The columns a roster of one's own may use for the id, in this order.
const std::vector<std::string>& own_id_columns() {
  static const std::vector<std::string> columns{"student",         "id",        "student id", "username", "login",
                                                "github username", "identifier"};
  return columns;
}

struct Placed {
  RosterFormat format;
  std::vector<int> ids, names, emails;  ///< column indexes
  int submitted_at = -1;
};

int column_of(const std::vector<std::string>& keys, const std::string& wanted) {
  const auto it = std::find(keys.begin(), keys.end(), wanted);
  return it == keys.end() ? -1 : static_cast<int>(it - keys.begin());
}

std::vector<int> columns_of(const std::vector<std::string>& keys, const std::vector<std::string>& wanted) {
  std::vector<int> found;
  for (const auto& w : wanted)
    if (const int k = column_of(keys, w); k >= 0) found.push_back(k);
  return found;
}

/// Which columns of a header are the id, the name and the email, if this
/// grader knows the header.
std::optional<Placed> place_header(const std::vector<std::string>& header) {
  std::vector<std::string> keys;
  for (const auto& h : header) keys.push_back(column_key(h));
  const int submitted_at = column_of(keys, "submitted at");
  for (const auto& format : known_exports()) {
    if (std::all_of(format.identifying.begin(), format.identifying.end(),
                    [&](const std::string& c) { return column_of(keys, c) >= 0; })) {
      return Placed{format, columns_of(keys, format.ids), columns_of(keys, format.names),
                    columns_of(keys, format.emails), submitted_at};
    }
  }
  for (const auto& id : own_id_columns()) {
    if (const int k = column_of(keys, id); k >= 0) {
      RosterFormat own{"roster with a header", {}, {id}, {"name", "full name"}, {"email", "email address", "e mail"}};
      return Placed{own, {k}, columns_of(keys, own.names), columns_of(keys, own.emails), submitted_at};
    }
  }
  return std::nullopt;
}

std::string field(const CsvLine& record, int column) {
  return column >= 0 && static_cast<std::size_t>(column) < record.fields.size() ? trimmed(record.fields[column]) : "";
}

std::string joined(const std::vector<std::string>& fields) {
  std::string out;
  for (const auto& f : fields) {
    if (f.empty()) continue;
    out += (out.empty() ? "" : " ") + f;
  }
  return out;
}

std::size_t filled_fields(const CsvLine& record) {
  return static_cast<std::size_t>(std::count_if(record.fields.begin(), record.fields.end(),
                                                [](const std::string& f) { return !trimmed(f).empty(); }));
}

bool is_comment(const CsvLine& record) {
  return trimmed(record.fields.front()).starts_with("#");
}

/// The rows of a platform's export that are no student.
bool is_no_student(const Placed& placed, const CsvLine& record, const std::vector<std::string>& header) {
  if (placed.format.name != "Canvas gradebook export") return false;
  const std::string student = field(record, column_of(header, "student"));
  // Canvas writes the points of each assignment under the header, a row of
  // posting policies ("Manual Posting") with neither name nor id, and its
  // own Test Student.
  return student == "Points Possible" || student == "Student, Test" ||
         (student.empty() && field(record, column_of(header, "id")).empty());
}

std::string quoted_list(const std::vector<std::string>& fields) {
  std::string out;
  for (const auto& f : fields) out += (out.empty() ? "'" : ", '") + trimmed(f) + "'";
  return out;
}

}  // namespace

Roster read_roster(const std::filesystem::path& file) {
  std::string text;
  try {
    text = read_file(file);
  } catch (const std::exception&) {
    throw UsageError("cannot read the roster " + file.string());
  }
  const auto where = [&](int line) { return file.string() + ":" + std::to_string(line) + ": "; };
  std::vector<CsvLine> records;
  try {
    std::size_t first = 0;  // guess the delimiter from the first line that is no comment
    while (first < text.size() && (text[first] == '#' || std::isspace(static_cast<unsigned char>(text[first])))) {
      first = text[first] == '#' ? text.find('\n', first) : first + 1;
      if (first == std::string::npos) first = text.size();
    }
    records = parse_csv(text, guess_csv_delimiter(std::string_view(text).substr(first)));
  } catch (const CsvSyntaxError& e) {
    throw UsageError(where(e.line) + e.what() + "; mend the quoting, or export the roster again");
  }
  std::erase_if(records, [](const CsvLine& r) { return filled_fields(r) == 0 || is_comment(r); });

  Roster roster;
  std::optional<Placed> placed;
  std::vector<std::string> header_keys;
  std::size_t start = 0;
  if (!records.empty() && filled_fields(records.front()) > 1) {
    placed = place_header(records.front().fields);
    if (!placed) {
      throw UsageError(where(records.front().line) + "cannot tell which column names each student's submission: " +
                       quoted_list(records.front().fields) +
                       " is no header this grader knows. Export the roster from GitHub Classroom, Canvas or Moodle "
                       "as it is, or make this line a header that names the column of folder names 'student' "
                       "(and, if you like, a 'name' and an 'email' column), or list one id per line.");
    }
    for (const auto& h : records.front().fields) {
      header_keys.push_back(column_key(h));
      roster.header.push_back(trimmed(h));
    }
    roster.format = placed->format.name;
    start = 1;
  } else {
    roster.format = "list of ids";
    const std::vector<std::string>& ids = own_id_columns();
    if (!records.empty() &&
        (std::find(ids.begin(), ids.end(), column_key(records.front().fields.front())) != ids.end() ||
         column_key(records.front().fields.front()) == "name")) {
      start = 1;  // a one-word header
    }
  }

  std::map<std::string, int> seen_on;
  for (std::size_t r = start; r < records.size(); ++r) {
    const CsvLine& record = records[r];
    RosterStudent student;
    student.line = record.line;
    if (placed) {
      if (is_no_student(*placed, record, header_keys)) continue;
      for (std::size_t k = 0; k < roster.header.size(); ++k)
        student.fields[roster.header[k]] = one_line(field(record, static_cast<int>(k)));
      for (int column : placed->ids)
        if (student.id.empty()) student.id = field(record, column);
      std::vector<std::string> names;
      for (int column : placed->names) names.push_back(field(record, column));
      student.name = one_line(joined(names));
      for (int column : placed->emails)
        if (student.email.empty()) student.email = one_line(field(record, column));
      if (const std::string when = field(record, placed->submitted_at); !when.empty()) {
        student.submitted_at = parse_moment(when);
        if (!student.submitted_at) {
          throw UsageError(where(record.line) + "submitted_at '" + one_line(when) +
                           "' is no time this grader reads: write it as 2026-10-05T23:41:07+02:00 (ISO 8601 with "
                           "its offset, or Z for UTC), or leave it empty for a student who has not handed in");
        }
      }
    } else {
      student.id = trimmed(record.fields.front());
    }
    if (student.id.empty()) {
      std::string columns = "the first field";
      if (placed) {
        columns.clear();
        for (int column : placed->ids)
          columns += (columns.empty() ? "'" : " or '") + trimmed(records[0].fields[column]) + "'";
      }
      throw UsageError(where(record.line) + "no student id in " + columns + "; fill it in or delete the line");
    }
    const bool unusable =
        student.id.find('/') != std::string::npos || student.id == "." || student.id == ".." ||
        std::any_of(student.id.begin(), student.id.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
    if (unusable) {
      throw UsageError(where(record.line) + "'" + one_line(student.id) +
                       "' cannot name a submission in ROOT (a folder or archive name); correct the id");
    }
    if (const auto earlier = seen_on.find(student.id); earlier != seen_on.end()) {
      throw UsageError(where(record.line) + "'" + student.id + "' is on the roster already, at line " +
                       std::to_string(earlier->second) + "; delete one of the two lines");
    }
    seen_on.emplace(student.id, record.line);
    roster.students.push_back(std::move(student));
  }
  if (roster.students.empty()) throw UsageError("the roster " + file.string() + " names no student");
  return roster;
}

std::map<std::string, std::string> match_roster(const Roster& roster, const std::vector<std::string>& root_names) {
  std::map<std::string, std::string> matched;
  const std::set<std::string> root(root_names.begin(), root_names.end());
  std::set<std::string> taken;
  for (const auto& student : roster.students) {
    if (root.count(student.id)) {
      matched.emplace(student.id, student.id);
      taken.insert(student.id);
    }
  }
  // The assignment's prefix: the one shared by the most students left.
  std::map<std::string, std::set<std::string>> students_of_prefix;
  for (const auto& name : root_names) {
    if (taken.count(name)) continue;
    for (const auto& student : roster.students) {
      const std::string& id = student.id;
      if (matched.count(id) || name.size() <= id.size() + 1 || !name.ends_with("-" + id)) continue;
      students_of_prefix[name.substr(0, name.size() - id.size() - 1)].insert(id);
    }
  }
  std::string prefix;
  std::size_t most = 0;
  for (const auto& [candidate, ids] : students_of_prefix) {
    if (ids.size() > most || (ids.size() == most && candidate.size() < prefix.size())) {
      prefix = candidate;
      most = ids.size();
    }
  }
  if (most == 0) return matched;
  for (const auto& student : roster.students) {
    const std::string name = prefix + "-" + student.id;
    if (!matched.count(student.id) && root.count(name) && !taken.count(name)) {
      matched.emplace(student.id, name);
      taken.insert(name);
    }
  }
  return matched;
}

}  // namespace mathlings
