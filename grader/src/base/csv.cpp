#include "base/csv.hpp"

#include "base/text.hpp"

namespace mathlings {
namespace {

bool starts_a_formula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string_view without_byte_order_mark(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

}  // namespace

std::string csv_text_cell(std::string_view text) {
  if (starts_a_formula(text)) return quoted("'" + std::string(text));
  if (text.find_first_of(",\"\n\r") != std::string_view::npos) return quoted(text);
  return std::string(text);
}

void CsvRecord::separate() {
  if (!empty_) line_ += ',';
  empty_ = false;
}

CsvRecord& CsvRecord::text(std::string_view cell) {
  separate();
  line_ += csv_text_cell(cell);
  return *this;
}

CsvRecord& CsvRecord::number(double value) {
  separate();
  line_ += format_number(value);
  return *this;
}

std::vector<CsvLine> parse_csv(std::string_view text, char delimiter) {
  text = without_byte_order_mark(text);
  std::vector<CsvLine> records;
  CsvLine record;
  std::string field;
  int line = 1;
  record.line = line;
  bool quoted_field = false, in_quotes = false, after_quotes = false;
  const auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    quoted_field = after_quotes = false;
  };
  const auto end_record = [&] {
    const bool was_quoted = quoted_field;
    end_field();
    const bool blank = record.fields.size() == 1 && record.fields.front().empty() && !was_quoted;
    if (!blank) records.push_back(std::move(record));
    record = CsvLine{};
    record.line = line;
  };
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    if (in_quotes) {
      if (c == '"' && k + 1 < text.size() && text[k + 1] == '"') {
        field += '"';
        ++k;
      } else if (c == '"') {
        in_quotes = false;
        after_quotes = true;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == delimiter) {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && k + 1 < text.size() && text[k + 1] == '\n') ++k;
      ++line;
      end_record();
    } else if (after_quotes) {
      if (c != ' ' && c != '\t') {
        throw CsvSyntaxError(line, "text after a closing quote (a quote inside a quoted field is written \"\")");
      }
    } else if (c == '"' && field.find_first_not_of(" \t") == std::string::npos) {
      field.clear();  // spaces before an opening quote are not part of the field
      in_quotes = quoted_field = true;
    } else {
      field += c;
    }
  }
  if (in_quotes) throw CsvSyntaxError(record.line, "a quoted field is never closed (a \" is missing)");
  if (!field.empty() || !record.fields.empty() || quoted_field) end_record();
  return records;
}

char guess_csv_delimiter(std::string_view text) {
  text = without_byte_order_mark(text);
  int commas = 0, semicolons = 0, tabs = 0;
  bool in_quotes = false;
  for (char c : text) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n' || c == '\r') break;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

}  // namespace mathlings
