// Strict YAML: every error is a CourseError naming the file, the line and
// the field; values keep their kind (an integer is not a real, a quoted
// number is text).
#include "base/yaml_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "base/files.hpp"

namespace mathlings {
namespace {

class Yaml : public ::testing::Test {
 protected:
  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-yaml-test-"};
  fs::path file(const std::string& text) {
    const fs::path path = work.path() / "spec.yaml";
    std::ofstream(path) << text;
    return path;
  }
  /// The message of the CourseError `action` throws ("" if none).
  template <class Action>
  static std::string error_of(Action action) {
    try {
      action();
    } catch (const CourseError& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(Yaml, AMissingFileOrASyntaxErrorNamesTheFileAndLine) {
  const fs::path missing = work.path() / "missing.yaml";
  EXPECT_EQ(error_of([&] { YamlReader{missing}; }), missing.string() + ": file not found");
  const fs::path broken = file("title: t\nlessons: [a, b\n");
  const std::string message = error_of([&] { YamlReader{broken}; });
  EXPECT_EQ(message.rfind(broken.string() + ":", 0), 0u) << message;
  EXPECT_NE(message.find("not valid YAML"), std::string::npos) << message;
}

TEST_F(Yaml, UnknownAndMissingKeysAreErrorsAtTheirLine) {
  const fs::path path = file("tests:\n  - name: a\n    points: 2\n    tolerence: 1e-9\n");
  const YamlReader reader(path);
  const YAML::Node test = reader.root()["tests"][0];
  EXPECT_EQ(error_of([&] {
              reader.expect_keys(test, "tests[0]", {"name", "points", "tolerance"});
            }),
            path.string() + ":4: tests[0].tolerence: unknown key (expected one of: name, points, tolerance)");
  EXPECT_EQ(error_of([&] { reader.require(test, "tests[0]", "call"); }), path.string() + ":2: tests[0].call: missing");
  EXPECT_EQ(reader.require(test, "tests[0]", "name").Scalar(), "a");
  EXPECT_NE(error_of([&] { reader.expect_map(reader.root()["tests"], "tests"); }).find("expected a mapping"),
            std::string::npos);
}

TEST_F(Yaml, NumbersMustBeNumbersAndWholeNumbersWhole) {
  const YamlReader reader(file("a: 2.5\nb: 1e400\nc: three\nd: 7\ne: 7.5\nf: [1]\n"));
  const auto& root = reader.root();
  EXPECT_DOUBLE_EQ(reader.number(root["a"], "a"), 2.5);
  EXPECT_NE(error_of([&] { reader.number(root["b"], "b"); }).find(":2: b: expected a finite number, found '1e400'"),
            std::string::npos);
  EXPECT_NE(error_of([&] { reader.number(root["c"], "c"); }).find("found 'three'"), std::string::npos);
  EXPECT_EQ(reader.integer(root["d"], "d"), 7);
  EXPECT_NE(error_of([&] { reader.integer(root["e"], "e"); }).find("expected a whole number, found '7.5'"),
            std::string::npos);
  EXPECT_NE(error_of([&] { reader.string(root["f"], "f"); }).find(":6: f: expected a text value"), std::string::npos);
}

TEST_F(Yaml, StringsAreAListOfTextOnly) {
  const YamlReader reader(file("ok: [a, b]\nnested: [a, [b]]\nnot_a_list: a\n"));
  EXPECT_EQ(reader.strings(reader.root()["ok"], "ok"), (std::vector<std::string>{"a", "b"}));
  EXPECT_NE(error_of([&] { reader.strings(reader.root()["nested"], "nested"); }).find("nested[1]: expected a text"),
            std::string::npos);
  EXPECT_NE(error_of([&] { reader.strings(reader.root()["not_a_list"], "not_a_list"); }).find("expected a list"),
            std::string::npos);
}

TEST_F(Yaml, ValuesKeepTheirKind) {
  const YamlReader reader(
      file("args: [3, 3.0, '3', true, ~, [1, 2], {slope: 2, intercept: -0.5}, .inf, -inf, .nan, text]\n"));
  const Value args = reader.value(reader.root()["args"], "args");
  ASSERT_TRUE(args.is<List>());
  const List& list = args.as<List>();
  ASSERT_EQ(list.size(), 11u);
  EXPECT_EQ(list[0], Value(std::int64_t{3}));
  EXPECT_TRUE(list[1].is<double>());
  EXPECT_EQ(list[2], Value("3"));  // quoted: text, not a number
  EXPECT_EQ(list[3], Value(true));
  EXPECT_TRUE(list[4].is<std::monostate>());
  EXPECT_EQ(list[5], Value(List{1, 2}));
  ASSERT_TRUE(list[6].is<Record>());
  EXPECT_EQ(list[6].as<Record>().names, (std::vector<std::string>{"slope", "intercept"}));  // in the order written
  EXPECT_EQ(list[6].as<Record>().values[1], Value(-0.5));
  EXPECT_EQ(list[7], Value(INFINITY));
  EXPECT_EQ(list[8], Value(-INFINITY));
  EXPECT_TRUE(list[9].is<double>() && std::isnan(list[9].as<double>()));
  EXPECT_EQ(list[10], Value("text"));
}

TEST_F(Yaml, YamlInsideAnotherFileCountsLinesFromWhereItStarts) {
  // A figure block whose first line is line 40 of the lesson.
  const YamlReader reader("title: Costs\nseries: 3\n", "lessons/01/README.md", 40);
  EXPECT_EQ(error_of([&] { reader.strings(reader.root()["series"], "series"); }),
            "lessons/01/README.md:41: series: expected a list");
  EXPECT_EQ(error_of([&] {
              YamlReader("title: [unclosed\n", "lessons/01/README.md", 40);
            }).rfind("lessons/01/README.md:4", 0),
            0u);
}

}  // namespace
}  // namespace mathlings
