// The JSON layer: values written in the layouts asked for, with the grader's
// number spelling, and any valid JSON read back, but never a key twice.
#include "base/json.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "base/errors.hpp"

namespace mathlings {
namespace {

std::string error_of(const std::string& text, const std::string& name = "results/alice.json") {
  try {
    parse_json(text, name);
  } catch (const GraderError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Json, EscapesWhatJsonRequires) {
  EXPECT_EQ(json_text(Json("a\"b\\c\nd\te\x01")), "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
  EXPECT_EQ(json_text(Json("é ✓ 😀")), "\"é ✓ 😀\"");  // UTF-8 as it is, not \u escapes
}

TEST(Json, InvalidUtf8IsReplacedNotCopied) {
  EXPECT_EQ(json_text(Json(std::string("a\xff"
                                       "b\xc3"))),
            "\"a\xef\xbf\xbd"
            "b\xef\xbf\xbd\"");
  // An encoded surrogate is not UTF-8 either.
  EXPECT_EQ(json_text(Json(std::string("\xed\xa0\x80"))).find("\xed\xa0\x80"), std::string::npos);
}

TEST(Json, NumbersAreSpeltAsTheGraderAlwaysHas) {
  EXPECT_EQ(json_number(10, true), "10.0");
  EXPECT_EQ(json_number(37.5, true), "37.5");
  EXPECT_EQ(json_number(10, false), "10");
  EXPECT_EQ(json_number(1.0 / 3, false), "0.3333333333");
  EXPECT_EQ(json_text(Json::array({2.0, 3, -1.5}), {{}, true}), "[2.0, 3, -1.5]");
  EXPECT_EQ(json_text(Json::array({2.0, 3, -1.5})), "[2, 3, -1.5]");
}

TEST(Json, ANumberThatIsNotFiniteIsNull) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(json_text(Json::array({std::nan(""), inf, -inf}), {{}, true}), "[null, null, null]");
}

TEST(Json, TightIsOneLineWithASpaceAfterEachCommaAndColon) {
  Json json;
  json["b"] = 1;
  json["a"] = Json::array({true, nullptr, "x"});
  json["c"] = Json::object();
  json["d"] = Json::array();
  EXPECT_EQ(json_text(json), R"({"b": 1, "a": [true, null, "x"], "c": {}, "d": []})");
}

TEST(Json, ShapesChooseLinesAndSpacesByPath) {
  Json json;
  json["schema"] = "s";
  json["score"] = 1.0;
  json["max_score"] = 2.0;
  json["items"] = Json::array();
  json["items"].push_back({{"id", "a"}, {"message", "m"}, {"extra", Json::array({1, 2})}});
  json["items"].push_back({{"id", "b"}, {"message", "n"}, {"extra", Json::array()}});
  const JsonLayout layout{{{"", JsonForm::lines, {"score", "items"}},
                           {"/items", JsonForm::lines},
                           {"/items/*", JsonForm::spaced, {"message"}},
                           {"/items/*/extra", JsonForm::lines}},
                          true};
  EXPECT_EQ(json_text(json, layout), R"({
  "schema": "s",
  "score": 1.0, "max_score": 2.0,
  "items": [
    { "id": "a",
      "message": "m", "extra": [
        1,
        2
      ] },
    { "id": "b",
      "message": "n", "extra": [] }
  ]
})");
}

TEST(Json, StarMatchesAnyKey) {
  Json json;
  json["by id"]["01/a"] = {{"status", "passed"}};
  json["by id"]["01/b"] = {{"status", "failed"}};
  EXPECT_EQ(json_text(json, {{{"/by id/*", JsonForm::spaced}}}),
            R"({"by id": {"01/a": { "status": "passed" }, "01/b": { "status": "failed" }}})");
}

TEST(Json, ReadsAnyValidJsonIncludingEscapedSurrogatePairs) {
  const Json json = parse_json(R"({"s": "\ud83d\ude00 \u00e9\/", "n": [1, -2.5e3, 0.1], "t": true, "z": null})", "f");
  EXPECT_EQ(json["s"], "\xf0\x9f\x98\x80 \xc3\xa9/");
  EXPECT_EQ(json["n"][1], -2500.0);
  EXPECT_TRUE(json["t"].get<bool>());
  EXPECT_TRUE(json["z"].is_null());
}

TEST(Json, KeepsTheOrderOfMembers) {
  const Json json = parse_json(R"({"b": 1, "a": 2})", "f");
  EXPECT_EQ(json_text(json), R"({"b": 1, "a": 2})");
}

TEST(Json, RefusesAKeyTwiceNamingTheFileTheKeyAndWhere) {
  EXPECT_EQ(error_of(R"({"score": 1, "score": 2})"),
            "results/alice.json: the key \"score\" appears twice in the top-level object (a key may appear once in an "
            "object)");
  const std::string nested = error_of(R"({"exercises": [{"tests": []}, {"tests": [1, {"name": "a", "name": "b"}]}]})");
  EXPECT_NE(nested.find("results/alice.json: the key \"name\" appears twice in exercises[1].tests[1]"),
            std::string::npos)
      << nested;
}

TEST(Json, TheSameKeyInTwoObjectsIsNoDuplicate) {
  EXPECT_NO_THROW(parse_json(R"({"a": {"id": 1}, "b": {"id": 2}, "id": [{"id": 3}, {"id": 4}]})", "f"));
}

TEST(Json, ASyntaxErrorNamesTheFileLineAndColumn) {
  const std::string error = error_of("{\n  \"a\": 1,\n  \"b\": tru\n}");
  EXPECT_EQ(error.rfind("results/alice.json:3:", 0), 0u) << error;
  EXPECT_NE(error.find("not valid JSON"), std::string::npos) << error;
}

TEST(Json, ATruncatedTextIsRefused) {
  const std::string error = error_of("{\n  \"a\": [1, 2");
  EXPECT_EQ(error.rfind("results/alice.json:2:", 0), 0u) << error;
  EXPECT_NE(error.find("end of input"), std::string::npos) << error;
  EXPECT_NE(error_of(""), "(no error)");
}

TEST(Json, ALoneSurrogateOrInvalidUtf8IsRefused) {
  EXPECT_NE(error_of(R"({"s": "\ud83d"})"), "(no error)");
  EXPECT_NE(error_of("{\"s\": \"\xff\"}"), "(no error)");
}

// Inside an HTML <script> element, "</script>" in a value would end it early.
TEST(Json, ForAScriptNoValueCanEndTheElementAndItStillReadsTheSame) {
  const Json value = Json::object({{"title", "a </script><b>x</b>"}});
  const std::string text = json_for_script(json_text(value));
  EXPECT_EQ(text.find("</"), std::string::npos) << text;
  EXPECT_EQ(parse_json(text, "test")["title"], "a </script><b>x</b>");
}

}  // namespace
}  // namespace mathlings
