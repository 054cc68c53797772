#include "model/spec.hpp"

#include <algorithm>
#include <set>

#include "base/yaml_reader.hpp"
#include "model/spec_vocabulary.hpp"

namespace mathlings {
namespace {

// Published values quoted to fewer digits would let a reference that is wrong
// in the fourth digit pass: a reference is certified to at least 6 significant
// digits (the README's promise for every reference solution).
constexpr int minimum_certified_digits = 6;

bool holds_only_integers(const Value& v) {
  if (v.is<double>()) return false;
  if (v.is<List>()) {
    for (const auto& item : v.as<List>())
      if (!holds_only_integers(item)) return false;
  }
  if (v.is<Record>()) {
    for (const auto& item : v.as<Record>().values)
      if (!holds_only_integers(item)) return false;
  }
  return !v.is<std::vector<double>>() && !v.is<Matrix>();
}

Tolerance read_tolerance(const YamlReader& yaml, const YAML::Node& node, const std::string& field,
                         Tolerance tolerance) {
  yaml.expect_keys(node, field, {"abs", "rel"});
  if (node["abs"]) tolerance.abs = yaml.number(node["abs"], field + ".abs");
  if (node["rel"]) tolerance.rel = yaml.number(node["rel"], field + ".rel");
  if (tolerance.abs < 0 || tolerance.rel < 0) yaml.fail(node, field, "tolerances must not be negative");
  if (tolerance.rel >= 1) yaml.fail(node, field, "a relative tolerance of 1 or more accepts anything");
  return tolerance;
}

GeneratorSpec read_generator(const YamlReader& yaml, const YAML::Node& node, const std::string& field) {
  yaml.expect_keys(node, field,
                   {"kind", "sizes", "shapes", "per_size", "seed", "condition", "rank", "before", "after"});
  GeneratorSpec g;
  g.line = yaml.line_of(node);
  g.kind = yaml.string(yaml.require(node, field, "kind"), field + ".kind");
  if (find_generator_kind(g.kind) == nullptr) {
    yaml.fail(node["kind"], field + ".kind", "unknown generator '" + g.kind + "' (known: " + known_generators() + ")");
  }
  if (node["sizes"] && node["shapes"]) yaml.fail(node, field, "give sizes or shapes, not both");
  if (node["sizes"]) {
    const auto sizes = node["sizes"];
    if (!sizes.IsSequence() || sizes.size() == 0) yaml.fail(sizes, field + ".sizes", "expected a list of sizes");
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      const long n = yaml.integer(sizes[k], field + ".sizes[" + std::to_string(k) + "]");
      if (n < 1 || n > 2000) yaml.fail(sizes[k], field + ".sizes", "sizes must be from 1 to 2000");
      g.shapes.push_back({n});
    }
  } else if (node["shapes"]) {
    const auto shapes = node["shapes"];
    if (!shapes.IsSequence() || shapes.size() == 0)
      yaml.fail(shapes, field + ".shapes", "expected a list of [rows, cols]");
    for (std::size_t k = 0; k < shapes.size(); ++k) {
      const std::string at = field + ".shapes[" + std::to_string(k) + "]";
      if (!shapes[k].IsSequence() || shapes[k].size() != 2) yaml.fail(shapes[k], at, "expected [rows, cols]");
      const long r = yaml.integer(shapes[k][0], at), c = yaml.integer(shapes[k][1], at);
      if (r < 1 || c < 1 || r * c > 1'000'000) yaml.fail(shapes[k], at, "shape out of range");
      g.shapes.push_back({r, c});
    }
  } else {
    yaml.fail(node, field, "missing sizes (or shapes)");
  }
  if (node["per_size"]) {
    g.per_shape = yaml.integer(node["per_size"], field + ".per_size");
    if (g.per_shape < 1 || g.per_shape > 100) yaml.fail(node["per_size"], field + ".per_size", "must be from 1 to 100");
  }
  g.seed = static_cast<std::uint64_t>(yaml.integer(yaml.require(node, field, "seed"), field + ".seed"));
  if (node["condition"]) {
    g.condition = yaml.number(node["condition"], field + ".condition");
    if (g.condition < 1) yaml.fail(node["condition"], field + ".condition", "a condition number is at least 1");
  }
  if (node["rank"]) g.rank = yaml.integer(node["rank"], field + ".rank");
  for (const auto* key : {"before", "after"}) {
    if (!node[key]) continue;
    if (!node[key].IsSequence()) yaml.fail(node[key], field + "." + key, "expected a list of arguments");
    (std::string(key) == "before" ? g.before : g.after) = yaml.value(node[key], field + "." + key).as<List>();
  }
  if (const auto problem = generator_problem(g)) yaml.fail(node, field, *problem);
  return g;
}

TestSpec read_test(const YamlReader& yaml, const YAML::Node& node, const std::string& field, const ExerciseSpec& spec,
                   const TestSpec& defaults) {
  yaml.expect_keys(node, field,
                   {"name", "points", "function", "cases", "generate", "tolerance", "check", "expect", "time_limit",
                    "memory_limit", "hidden", "needs", "compare", "standard_errors"});
  TestSpec test = defaults;
  test.line = yaml.line_of(node);
  test.name = yaml.string(yaml.require(node, field, "name"), field + ".name");
  if (test.name.empty()) yaml.fail(node["name"], field + ".name", "must not be empty");
  test.points = yaml.number(yaml.require(node, field, "points"), field + ".points");
  if (test.points <= 0) yaml.fail(node["points"], field + ".points", "must be positive");
  if (node["function"]) {
    test.function = yaml.string(node["function"], field + ".function");
  } else if (spec.functions.size() == 1) {
    test.function = spec.functions.front();
  } else {
    yaml.fail(node, field + ".function", "missing (the exercise has several functions)");
  }
  if (std::find(spec.functions.begin(), spec.functions.end(), test.function) == spec.functions.end()) {
    yaml.fail(node["function"], field + ".function", "'" + test.function + "' is not in this spec's functions");
  }
  if (node["cases"]) {
    const auto cases = node["cases"];
    if (!cases.IsSequence()) yaml.fail(cases, field + ".cases", "expected a list of argument lists");
    for (std::size_t k = 0; k < cases.size(); ++k) {
      const std::string at = field + ".cases[" + std::to_string(k) + "]";
      if (cases[k].IsMap()) {  // {args: [...], certified: value, digits: N, source: "..."}
        yaml.expect_keys(cases[k], at, {"args", "certified", "digits", "source"});
        CertifiedValue c;
        c.case_index = k;
        c.line = yaml.line_of(cases[k]);
        c.value = yaml.value(yaml.require(cases[k], at, "certified"), at + ".certified");
        c.source = yaml.string(yaml.require(cases[k], at, "source"), at + ".source");
        if (cases[k]["digits"]) {
          c.digits = static_cast<int>(yaml.integer(cases[k]["digits"], at + ".digits"));
          if (c.digits < 1 || c.digits > 16) yaml.fail(cases[k]["digits"], at + ".digits", "must be from 1 to 16");
          if (c.digits < minimum_certified_digits && !holds_only_integers(c.value)) {
            yaml.fail(cases[k]["digits"], at + ".digits",
                      "certify a real value to at least " + std::to_string(minimum_certified_digits) +
                          " significant digits (fewer are allowed only for exact integers such as a rank)");
          }
        }
        test.certified.push_back(std::move(c));
      }
      // (A YAML::Node assigned to writes through to the node it refers to: initialise, never assign.)
      const YAML::Node args = cases[k].IsMap() ? yaml.require(cases[k], at, "args") : cases[k];
      if (!args.IsSequence()) yaml.fail(args, at, "expected the list of the function's arguments");
      test.cases.push_back(yaml.value(args, at).as<List>());
    }
  }
  if (node["generate"]) test.generate = read_generator(yaml, node["generate"], field + ".generate");
  if (test.cases.empty() && !test.generate) yaml.fail(node, field, "a test needs cases or generate");
  if (node["tolerance"]) test.tolerance = read_tolerance(yaml, node["tolerance"], field + ".tolerance", test.tolerance);
  if (node["check"]) {
    test.check = yaml.string(node["check"], field + ".check");
    if (!is_known_check(test.check)) {
      yaml.fail(node["check"], field + ".check", "unknown check '" + test.check + "' (known: " + known_checks() + ")");
    }
  }
  if (node["expect"]) test.expect = yaml.string(node["expect"], field + ".expect");
  if (node["time_limit"]) {
    test.time_limit = yaml.number(node["time_limit"], field + ".time_limit");
    if (test.time_limit <= 0 || test.time_limit > 600)
      yaml.fail(node["time_limit"], field + ".time_limit", "must be from 0 to 600 seconds");
  }
  if (node["hidden"]) {
    const std::string value = yaml.string(node["hidden"], field + ".hidden");
    if (value != "true" && value != "false") yaml.fail(node["hidden"], field + ".hidden", "expected true or false");
    test.hidden = value == "true";
  }
  if (node["needs"]) test.needs = yaml.strings(node["needs"], field + ".needs");
  if (node["compare"]) test.compared_fields = yaml.strings(node["compare"], field + ".compare");
  if (node["standard_errors"]) {
    if (!is_statistical(test.check))
      yaml.fail(
          node["standard_errors"], field + ".standard_errors",
          "only a statistical check (z_test_p_values, permutation_p_value) takes it; this test's is " + test.check);
    test.standard_errors = yaml.number(node["standard_errors"], field + ".standard_errors");
    if (!(test.standard_errors >= 3 && test.standard_errors <= 10))
      yaml.fail(node["standard_errors"], field + ".standard_errors",
                "from 3 to 10: fewer fails right answers too often, more lets wrong ones through");
  }
  if (node["memory_limit"]) {
    test.memory_limit_mib = yaml.number(node["memory_limit"], field + ".memory_limit");
    if (test.memory_limit_mib < 64)
      yaml.fail(node["memory_limit"], field + ".memory_limit", "must be at least 64 (MiB)");
  }
  return test;
}

}  // namespace

double ExerciseSpec::max_score() const {
  double total = 0;
  for (const auto& t : tests) total += t.points;
  return total;
}

namespace {

std::vector<Misconception> read_misconceptions(const YamlReader& yaml, const YAML::Node& list) {
  if (!list.IsSequence()) yaml.fail(list, "misconceptions", "expected a list of {name, message}");
  // specs/<lesson>/<exercise>.yaml -> specs/<lesson>/misconceptions/<exercise>/
  const auto folder = yaml.file().parent_path() / "misconceptions" / yaml.file().stem();
  std::vector<Misconception> out;
  std::set<std::string> names;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const std::string field = "misconceptions[" + std::to_string(k) + "]";
    yaml.expect_keys(list[k], field, {"name", "message"});
    Misconception m;
    m.name = yaml.string(yaml.require(list[k], field, "name"), field + ".name");
    m.message = yaml.string(yaml.require(list[k], field, "message"), field + ".message");
    m.line = yaml.line_of(list[k]);
    if (m.name.empty() || m.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
      yaml.fail(list[k]["name"], field + ".name", "use lower-case words joined by '-', like flipped-sign");
    }
    if (!names.insert(m.name).second) yaml.fail(list[k]["name"], field + ".name", "duplicate name '" + m.name + "'");
    if (m.message.size() < 10) yaml.fail(list[k]["message"], field + ".message", "say what the mistake is");
    m.file = folder / (m.name + ".cpp");  // a student pack has the name and message only
    out.push_back(std::move(m));
  }
  return out;
}

bool is_lower_case_name(const std::string& name) {
  return !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
}

std::vector<Technique> read_techniques(const YamlReader& yaml, const YAML::Node& list,
                                       const std::vector<Misconception>& misconceptions) {
  if (!list.IsSequence()) yaml.fail(list, "techniques", "expected a list of {name, without, stated_as}");
  std::vector<Technique> out;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const std::string field = "techniques[" + std::to_string(k) + "]";
    yaml.expect_keys(list[k], field, {"name", "without", "stated_as"});
    Technique t;
    t.line = yaml.line_of(list[k]);
    t.name = yaml.string(yaml.require(list[k], field, "name"), field + ".name");
    if (!is_lower_case_name(t.name))
      yaml.fail(list[k]["name"], field + ".name", "use lower-case words joined by '-', like complement");
    for (const auto& other : out)
      if (other.name == t.name) yaml.fail(list[k]["name"], field + ".name", "duplicate name '" + t.name + "'");
    t.without = yaml.string(yaml.require(list[k], field, "without"), field + ".without");
    if (std::none_of(misconceptions.begin(), misconceptions.end(),
                     [&](const Misconception& m) { return m.name == t.without; })) {
      yaml.fail(list[k]["without"], field + ".without",
                "'" + t.without + "' is not in this spec's misconceptions: write the plain formula as one");
    }
    t.stated_as = yaml.strings(yaml.require(list[k], field, "stated_as"), field + ".stated_as");
    if (t.stated_as.empty() ||
        std::any_of(t.stated_as.begin(), t.stated_as.end(), [](const std::string& s) { return s.empty(); })) {
      yaml.fail(list[k]["stated_as"], field + ".stated_as", "give the words that name the technique");
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

ExerciseSpec load_spec(const std::filesystem::path& file) {
  const YamlReader yaml(file);
  const YAML::Node& root = yaml.root();
  yaml.expect_keys(root, "spec",
                   {"functions", "hints", "tolerance", "time_limit", "tests", "misconceptions", "techniques"});
  ExerciseSpec spec;
  spec.file = file;
  spec.functions = yaml.strings(yaml.require(root, "spec", "functions"), "functions");
  if (spec.functions.empty()) yaml.fail(root["functions"], "functions", "list at least one function");
  for (const auto& f : spec.functions) {
    if (f.empty() ||
        f.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != std::string::npos) {
      yaml.fail(root["functions"], "functions", "'" + f + "' is not a C++ identifier");
    }
  }
  spec.hints = yaml.strings(yaml.require(root, "spec", "hints"), "hints");
  if (spec.hints.empty()) yaml.fail(root["hints"], "hints", "give at least one hint");
  TestSpec defaults;
  if (root["tolerance"]) defaults.tolerance = read_tolerance(yaml, root["tolerance"], "tolerance", defaults.tolerance);
  if (root["time_limit"]) defaults.time_limit = yaml.number(root["time_limit"], "time_limit");
  const auto tests = yaml.require(root, "spec", "tests");
  if (!tests.IsSequence() || tests.size() == 0) yaml.fail(tests, "tests", "expected a non-empty list of tests");
  std::set<std::string> names;
  for (std::size_t k = 0; k < tests.size(); ++k) {
    const std::string field = "tests[" + std::to_string(k) + "]";
    spec.tests.push_back(read_test(yaml, tests[k], field, spec, defaults));
    if (!names.insert(spec.tests.back().name).second) {
      yaml.fail(tests[k]["name"], field + ".name", "duplicate test name '" + spec.tests.back().name + "'");
    }
  }
  if (root["misconceptions"]) spec.misconceptions = read_misconceptions(yaml, root["misconceptions"]);
  if (root["techniques"]) spec.techniques = read_techniques(yaml, root["techniques"], spec.misconceptions);
  for (std::size_t k = 0; k < spec.tests.size(); ++k) {
    for (const auto& need : spec.tests[k].needs) {
      if (std::none_of(spec.techniques.begin(), spec.techniques.end(),
                       [&](const Technique& t) { return t.name == need; })) {
        yaml.fail(tests[k]["needs"], "tests[" + std::to_string(k) + "].needs",
                  "'" + need + "' is not in this spec's techniques");
      }
    }
  }
  return spec;
}

}  // namespace mathlings
