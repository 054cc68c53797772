// CSV as the grader writes and reads it. Every CSV the grader writes is made
// of CsvRecord lines, so that no text a student chose — a folder's name, a
// roster id, a file named in a note — can reach a spreadsheet as a formula;
// rosters are read with parse_csv.
#pragma once

#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mathlings {

/// A text cell as RFC 4180 quotes it, neutralised as OWASP recommends
/// against formula injection: a cell starting with =, +, -, @, a tab or a
/// carriage return gets a leading single quote (a spreadsheet shows it as
/// text) and is quoted.
std::string csv_text_cell(std::string_view text);

/// One line of a CSV file, cell by cell.
class CsvRecord {
 public:
  /// Text of any origin: neutralised and quoted as csv_text_cell says.
  CsvRecord& text(std::string_view cell);
  /// A number the grader itself formatted: written as it is, so that a
  /// spreadsheet still sums it (a negative number is a number, not a formula).
  CsvRecord& number(double value);
  /// The cells, comma-separated, and a line break.
  std::string line() const { return line_ + "\n"; }

 private:
  void separate();
  std::string line_;
  bool empty_ = true;
};

inline std::ostream& operator<<(std::ostream& out, const CsvRecord& record) {
  return out << record.line();
}

/// A CSV text that cannot be read: an unclosed quote, text after a closing
/// quote. `line` is 1-based.
struct CsvSyntaxError : std::runtime_error {
  CsvSyntaxError(int line, const std::string& what) : std::runtime_error(what), line(line) {}
  int line;
};

struct CsvLine {
  int line = 0;  ///< where the record starts, 1-based
  std::vector<std::string> fields;
};

/// The records of a CSV text (RFC 4180: quoted fields may hold the delimiter,
/// "" and line breaks; CRLF or LF; a UTF-8 byte order mark is dropped). Blank
/// lines are skipped. Throws CsvSyntaxError.
std::vector<CsvLine> parse_csv(std::string_view text, char delimiter);

/// The delimiter a file's first line uses: the most frequent of ',', ';' and
/// tab outside quotes (spreadsheets in many locales write ';'); ',' when the
/// line has none.
char guess_csv_delimiter(std::string_view text);

}  // namespace mathlings
