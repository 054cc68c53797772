#include "model/term.hpp"

#include <algorithm>
#include <ctime>
#include <regex>
#include <set>

#include "base/yaml_reader.hpp"
#include "model/course.hpp"

namespace mathlings {
namespace {

bool is_word(const std::string& s) {
  return !s.empty() &&
         s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == std::string::npos;
}

Moment moment_of(const YamlReader& yaml, const YAML::Node& node, const std::string& field) {
  const std::string text = yaml.string(node, field);
  const auto moment = parse_moment(text);
  if (!moment) {
    yaml.fail(node, field,
              "'" + text + "' is not a moment with its offset, like 2026-10-05T23:59+02:00 or 2026-10-05T21:59Z");
  }
  return *moment;
}

double fraction(const YamlReader& yaml, const YAML::Node& map, const std::string& field, const char* key,
                double otherwise) {
  if (!map[key]) return otherwise;
  const double value = yaml.number(map[key], field + "." + key);
  if (!(value >= 0 && value <= 1)) yaml.fail(map[key], field + "." + key, "a fraction of the points, from 0 to 1");
  return value;
}

}  // namespace

std::optional<Moment> parse_moment(const std::string& text) {
  static const std::regex form(R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))$)");
  std::smatch m;
  if (!std::regex_match(text, m, form)) return std::nullopt;
  std::tm tm{};
  tm.tm_year = std::stoi(m[1]) - 1900;
  tm.tm_mon = std::stoi(m[2]) - 1;
  tm.tm_mday = std::stoi(m[3]);
  tm.tm_hour = std::stoi(m[4]);
  tm.tm_min = std::stoi(m[5]);
  tm.tm_sec = m[6].matched ? std::stoi(m[6]) : 0;
  if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 59) return std::nullopt;
  const std::tm asked = tm;
  const std::time_t utc = timegm(&tm);
  if (tm.tm_mday != asked.tm_mday || tm.tm_mon != asked.tm_mon) return std::nullopt;  // 31 April, 29 February 2026
  Moment moment;
  if (m[7] != "Z") {
    const int hours = std::stoi(m[9]), minutes = std::stoi(m[10]);
    if (hours > 14 || minutes > 59) return std::nullopt;
    moment.offset_minutes = (m[8] == "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  moment.epoch_seconds = static_cast<std::int64_t>(utc) - moment.offset_minutes * 60;
  return moment;
}

std::string format_moment(const Moment& moment) {
  const std::time_t local = static_cast<std::time_t>(moment.epoch_seconds + moment.offset_minutes * 60);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
  if (moment.offset_minutes == 0) return std::string(text) + "Z";
  const int offset = std::abs(moment.offset_minutes);
  char zone[16];
  std::snprintf(zone, sizeof zone, "%c%02d:%02d", moment.offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
  return std::string(text) + zone;
}

const Assignment* Term::find(const std::string& id) const {
  const auto it = std::find_if(assignments.begin(), assignments.end(), [&](const Assignment& a) { return a.id == id; });
  return it == assignments.end() ? nullptr : &*it;
}

std::unique_ptr<Course> course_part(const Course& course, const std::vector<std::string>& exercises) {
  auto part = std::make_unique<Course>();
  part->root = course.root;
  part->title = course.title;
  for (const auto& lesson : course.lessons) {
    Lesson kept = lesson;
    std::erase_if(kept.exercises, [&](const Exercise& e) {
      return std::find(exercises.begin(), exercises.end(), e.id) == exercises.end();
    });
    if (!kept.exercises.empty()) part->lessons.push_back(std::move(kept));
  }
  // Each exercise points at its lesson: at the copy's, now that they stay where they are.
  for (auto& lesson : part->lessons)
    for (auto& e : lesson.exercises) e.lesson = &lesson;
  return part;
}

std::optional<Term> load_term(const Course& course) {
  const auto file = course.root / "term.yaml";
  if (!std::filesystem::exists(file)) return std::nullopt;
  const YamlReader yaml(file);
  yaml.expect_map(yaml.root(), "term.yaml");
  yaml.expect_keys(yaml.root(), "term.yaml", {"assignments"});
  const YAML::Node list = yaml.require(yaml.root(), "term.yaml", "assignments");
  if (!list.IsSequence()) yaml.fail(list, "assignments", "a list of assignments");
  std::set<std::string> known;
  for (const auto* e : course.exercises()) known.insert(e->id);
  Term term;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const YAML::Node node = list[k];
    const std::string field = "assignments[" + std::to_string(k) + "]";
    yaml.expect_map(node, field);
    yaml.expect_keys(node, field,
                     {"id", "title", "exercises", "due", "grace_minutes", "penalty_per_day", "penalty_cap",
                      "extensions", "canvas_id"});
    Assignment a;
    a.id = yaml.string(yaml.require(node, field, "id"), field + ".id");
    if (!is_word(a.id)) yaml.fail(node["id"], field + ".id", "a word of letters, digits, - and _");
    if (term.find(a.id)) yaml.fail(node["id"], field + ".id", "'" + a.id + "' names an earlier assignment too");
    a.title = node["title"] ? yaml.string(node["title"], field + ".title") : a.id;
    const YAML::Node exercises = yaml.require(node, field, "exercises");
    for (const auto& id : yaml.strings(exercises, field + ".exercises")) {
      if (!known.count(id)) yaml.fail(exercises, field + ".exercises", "no exercise '" + id + "' in course.yaml");
      if (std::find(a.exercises.begin(), a.exercises.end(), id) != a.exercises.end())
        yaml.fail(exercises, field + ".exercises", "'" + id + "' is listed twice");
      a.exercises.push_back(id);
    }
    if (a.exercises.empty()) yaml.fail(exercises, field + ".exercises", "at least one exercise");
    a.due = moment_of(yaml, yaml.require(node, field, "due"), field + ".due");
    if (node["grace_minutes"]) {
      const long grace = yaml.integer(node["grace_minutes"], field + ".grace_minutes");
      if (grace < 0 || grace > 7 * 24 * 60)
        yaml.fail(node["grace_minutes"], field + ".grace_minutes", "whole minutes, from 0 to a week");
      a.grace_minutes = static_cast<int>(grace);
    }
    a.penalty_per_day = fraction(yaml, node, field, "penalty_per_day", 0);
    a.penalty_cap = fraction(yaml, node, field, "penalty_cap", 1);
    if (const YAML::Node extensions = node["extensions"]) {
      yaml.expect_map(extensions, field + ".extensions");
      for (const auto& entry : extensions) {
        const std::string student = entry.first.as<std::string>();
        const Moment extended = moment_of(yaml, entry.second, field + ".extensions." + student);
        if (extended.epoch_seconds <= a.due.epoch_seconds)
          yaml.fail(entry.second, field + ".extensions." + student, "an extension must end after the due time");
        a.extensions[student] = extended;
      }
    }
    if (node["canvas_id"]) {
      a.canvas_id = yaml.string(node["canvas_id"], field + ".canvas_id");
      if (a.canvas_id.empty() || a.canvas_id.find_first_not_of("0123456789") != std::string::npos)
        yaml.fail(node["canvas_id"], field + ".canvas_id", "the number Canvas shows in the assignment's address");
    }
    term.assignments.push_back(std::move(a));
  }
  return term;
}

}  // namespace mathlings
