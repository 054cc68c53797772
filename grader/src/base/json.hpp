// JSON built and read with nlohmann/json. The library builds and escapes the
// values; the layout is this file's, because the files the grader writes keep
// the layout they have always had (tests/golden/ fixes it byte for byte): a
// space after every comma and colon, some objects one member a line, and
// scores spelt 10.0 — none of which the library's own dump() writes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mathlings {

/// A JSON value whose objects keep their members in the order they were added.
using Json = nlohmann::ordered_json;

/// How one object or array is laid out.
enum class JsonForm {
  tight,   ///< on one line: {"a": 1, "b": [1, 2]}
  spaced,  ///< on one line, a space inside the brackets: { "a": 1 }
  lines,   ///< an object's first member and closing brace on lines of their own; an array one item a line
};

/// The layout of the objects or arrays found at one path.
struct JsonShape {
  /// Where: "" is the root, "/exercises/*/tests" the tests of every exercise
  /// (* stands for any key or item).
  std::string path;
  JsonForm form = JsonForm::tight;
  /// For an object: the members that begin a new line, indented two more
  /// than the line the object begins on.
  std::vector<std::string> new_line_before = {};
};

struct JsonLayout {
  std::vector<JsonShape> shapes;        ///< an object or array at no path named here is tight
  bool point_on_whole_numbers = false;  ///< a whole floating-point number as 10.0, not 10
};

/// `value` written in `layout`, with no line break at the end. A number that
/// is not finite is written as null (JSON has no NaN).
std::string json_text(const Json& value, const JsonLayout& layout = {});

/// JSON text to put inside an HTML <script> element: every "</" written as
/// "<\/" (the same string to a JSON reader), so no value can end the element.
std::string json_for_script(std::string json_text);

/// A floating-point number as the grader writes it: up to 10 significant
/// digits (37.5, 0.3333333333), a whole one as 10.0 if asked.
std::string json_number(double d, bool point_on_whole_numbers);

/// `text` parsed: any valid JSON (RFC 8259), but a key twice in one object
/// is refused rather than one of its values silently dropped. Throws
/// GraderError naming `name` (the file) and, for a syntax error, the line
/// and column.
Json parse_json(const std::string& text, const std::string& name);

}  // namespace mathlings
