#include "classroom/class_report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <sstream>

#include "base/config.hpp"
#include "base/files.hpp"
#include "base/json.hpp"
#include "base/text.hpp"
#include "classroom/item_analysis.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

/// A file name as one segment of a link's path: every byte but the
/// unreserved ones of RFC 3986 percent-encoded, so that a student named
/// C#dev or 100% links to their own file (not to a fragment, not to garbage).
std::string url_path_segment(const std::string& name) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

struct Counted {
  std::string exercise, what, detail;
  int students = 0;
  std::vector<std::string> who;  ///< for a known mistake: the students who made it
};

/// The pairs of students whose files are unusually alike, each with its
/// matching passages side by side, for the instructor to judge.
void write_similarity(std::ostream& html, const SimilarityReport& similarity) {
  html << "<h2>Similar hand-ins</h2>\n";
  if (!similarity.checked) {
    html << "<p>Not compared: " << xml_escape(similarity.why_not) << ".</p>\n";
    return;
  }
  html << "<p>" << similarity.files << " files compared, exercise by exercise, with sim_c++ (layout, comments and "
       << "names make no difference; the stub's given lines are left out). A pair is listed when one file consists "
       << "for " << similar_percent << " % or more of the other's code. Never a verdict by itself: read the "
       << "passages and judge.</p>\n";
  if (similarity.pairs.empty()) {
    html << "<p>No pair is that alike.</p>\n";
    return;
  }
  html << "<div id=\"similar\" data-pairs=\"" << similarity.pairs.size() << "\">\n";
  for (const auto& pair : similarity.pairs) {
    html << "<details class=\"pair\"><summary><code>" << xml_escape(pair.exercise) << "</code>: <strong>"
         << xml_escape(pair.a) << "</strong> and <strong>" << xml_escape(pair.b) << "</strong> — " << pair.a_in_b
         << " % of " << xml_escape(pair.a) << "'s code is in " << xml_escape(pair.b) << "'s, " << pair.b_in_a
         << " % the other way</summary>\n";
    for (const auto& p : pair.passages) {
      html << "<table class=\"passages\"><tr><th>" << xml_escape(pair.a) << ", lines " << p.first_a << "–" << p.last_a
           << "</th><th>" << xml_escape(pair.b) << ", lines " << p.first_b << "–" << p.last_b << " (" << p.tokens
           << " tokens alike)</th></tr>\n<tr><td><pre>" << xml_escape(valid_utf8(p.text_a)) << "</pre></td><td><pre>"
           << xml_escape(valid_utf8(p.text_b)) << "</pre></td></tr></table>\n";
    }
    html << "</details>\n";
  }
  html << "</div>\n";
}

/// The items' table: each exercise, then its tests, with what stands out flagged.
void write_items(std::ostream& html, const std::vector<ItemStatistics>& items) {
  html << "<h2>Items</h2>\n<p>Facility: the mean score over the points (100 % everyone scores all). "
          "Discrimination: the correlation of the item's score with the rest of the student's score (as Moodle's "
          "quiz statistics define it; below 20 % it barely tells stronger students from weaker, below 0 the "
          "better students do worse).</p>\n<table id=\"items\">\n<tr><th>exercise</th><th>test</th><th>points</th>"
          "<th>facility</th><th>discrimination</th><th>for the author</th></tr>\n";
  for (const auto& i : items) {
    html << "<tr" << (i.flag.empty() ? "" : " class=\"flag\"") << "><td><code>" << xml_escape(i.exercise)
         << "</code></td><td>" << (i.test.empty() ? "<em>the exercise</em>" : xml_escape(i.test)) << "</td><td>"
         << format_number(i.max_score) << "</td><td>" << format_percent(i.facility) << "</td><td>"
         << (i.discrimination ? format_percent(*i.discrimination) : "—") << "</td><td>" << xml_escape(i.flag)
         << "</td></tr>\n";
  }
  html << "</table>\n";
}

}  // namespace

void write_class_report(const fs::path& dir, const Course& course, const std::vector<StudentRow>& rows,
                        const SimilarityReport& similarity, const BookAssets& assets) {
  std::vector<const StudentRow*> graded;
  for (const auto& row : rows)
    if (row.status == "graded") graded.push_back(&row);
  double max_score = 0;
  for (const auto* e : course.exercises()) max_score += e->spec.max_score();

  // The overall distribution, in tenths of the maximum.
  std::vector<int> histogram(10, 0);
  std::vector<double> scores;
  for (const auto* row : graded) {
    const double fraction = max_score > 0 ? row->result.score() / max_score : 0;
    ++histogram[std::min<std::size_t>(9, static_cast<std::size_t>(fraction * 10))];
    scores.push_back(row->result.score());
  }
  std::sort(scores.begin(), scores.end());
  double mean = 0;
  for (double s : scores) mean += s;
  mean = scores.empty() ? 0 : mean / static_cast<double>(scores.size());
  const double median = scores.empty()      ? 0
                        : scores.size() % 2 ? scores[scores.size() / 2]
                                            : (scores[scores.size() / 2 - 1] + scores[scores.size() / 2]) / 2;

  // Per exercise: how many students ended in each status.
  std::vector<std::string> statuses{"passed", "partial", "failed", "compile_error", "rejected", "not_attempted"};
  std::map<std::string, std::map<std::string, int>> by_exercise;
  std::map<std::pair<std::string, std::string>, Counted> failed_tests, mistakes;
  for (const auto* row : graded) {
    for (const auto& ex : row->result.exercises) {
      ++by_exercise[ex.id][std::string(to_string(ex.status))];
      for (const auto& t : ex.tests) {
        if (t.status == TestStatus::passed || t.status == TestStatus::not_implemented) continue;
        if (ex.status == ExerciseStatus::compile_error || ex.status == ExerciseStatus::rejected) continue;
        auto& test = failed_tests[{ex.id, t.name}];
        test.exercise = ex.id;
        test.what = t.name;
        ++test.students;
        if (!t.misconception.empty()) {
          auto& mistake = mistakes[{ex.id, t.misconception}];
          mistake.exercise = ex.id;
          mistake.what = t.misconception;
          for (const auto& m : course.find(ex.id).spec.misconceptions)
            if (m.name == t.misconception) mistake.detail = m.message;
          ++mistake.students;  // once per test it explains: see below
        }
      }
    }
  }
  // A status the list above does not know yet is charted all the same.
  for (const auto& [id, counts] : by_exercise)
    for (const auto& [status, n] : counts)
      if (std::find(statuses.begin(), statuses.end(), status) == statuses.end()) statuses.push_back(status);
  // A mistake counts once per student and exercise, however many tests it explains.
  for (auto& [key, mistake] : mistakes) {
    mistake.students = 0;
    for (const auto* row : graded) {
      for (const auto& ex : row->result.exercises) {
        if (ex.id != key.first) continue;
        if (std::any_of(ex.tests.begin(), ex.tests.end(),
                        [&](const TestResult& t) { return t.misconception == key.second; })) {
          ++mistake.students;
          mistake.who.push_back(row->student);
        }
      }
    }
  }
  const auto most = [](const std::map<std::pair<std::string, std::string>, Counted>& counted, std::size_t n) {
    std::vector<Counted> list;
    for (const auto& [key, c] : counted) list.push_back(c);
    std::stable_sort(list.begin(), list.end(),
                     [](const Counted& a, const Counted& b) { return a.students > b.students; });
    if (list.size() > n) list.resize(n);
    return list;
  };

  std::vector<std::string> ids;
  for (const auto* e : course.exercises()) ids.push_back(e->id);
  Json data;
  data["histogram"] = histogram;
  data["max_score"] = max_score;
  data["exercises"] = ids;
  data["statuses"] = Json::object();
  for (const auto& status : statuses) {
    Json& counts = data["statuses"][status] = Json::array();
    for (const auto& id : ids) counts.push_back(by_exercise[id][status]);
  }

  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Class report — "
       << xml_escape(course.title) << "</title>\n<script src=\"assets/chart.min.js\"></script>\n"
       << "<script src=\"assets/report.js\"></script>\n<link rel=\"stylesheet\" href=\"assets/book.css\">\n"
       << "</head>\n<body data-report=\"loading\" data-errors=\"0\">\n<main>\n<h1>Class report: "
       << xml_escape(course.title) << "</h1>\n<p>" << rows.size() << " students, " << graded.size() << " graded";
  if (graded.size() < rows.size()) html << ", " << rows.size() - graded.size() << " could not be graded (see below)";
  const auto one_decimal = [](double d) { return format_number(std::round(d * 10) / 10); };
  html << ". Mean " << one_decimal(mean) << " / " << format_number(max_score) << ", median " << one_decimal(median)
       << ".</p>\n<h2>Scores</h2>\n<figure class=\"chart\" id=\"scores\"><canvas></canvas><figcaption>Students by "
          "overall score, in tenths of the maximum</figcaption></figure>\n"
       << "<h2>Exercises</h2>\n<figure class=\"chart\" id=\"exercises\"><canvas></canvas><figcaption>How each "
          "exercise ended, by student</figcaption></figure>\n";
  html << "<h2>Tests failed most often</h2>\n<table>\n<tr><th>exercise</th><th>test</th><th>students</th></tr>\n";
  for (const auto& t : most(failed_tests, 15)) {
    html << "<tr><td><code>" << xml_escape(t.exercise) << "</code></td><td>" << xml_escape(t.what) << "</td><td>"
         << t.students << "</td></tr>\n";
  }
  html << "</table>\n<h2>Known mistakes detected most often</h2>\n";
  if (mistakes.empty())
    html << "<p>None detected.</p>\n";
  else {
    html << "<table>\n<tr><th>exercise</th><th>mistake</th><th>students</th><th>what it is</th><th>who</th></tr>\n";
    for (const auto& m : most(mistakes, 15)) {
      html << "<tr><td><code>" << xml_escape(m.exercise) << "</code></td><td>" << xml_escape(m.what) << "</td><td>"
           << m.students << "</td><td>" << xml_escape(m.detail) << "</td><td>" << xml_escape(list_names(m.who, 40))
           << "</td></tr>\n";
    }
    html << "</table>\n";
  }
  write_items(html, item_statistics(rows));
  write_similarity(html, similarity);
  // Sortable by a click on a header (report.js): each sortable cell carries the value it sorts by.
  html << "<h2>Students</h2>\n<table id=\"students\" class=\"sortable\">\n<tr><th data-sort=\"text\">student</th>"
          "<th data-sort=\"number\">score</th><th>exercises passed</th><th data-sort=\"text\">status</th>"
          "<th data-sort=\"number\">days late</th><th>note</th><th>feedback</th></tr>\n";
  for (const auto& row : rows) {
    html << "<tr><td data-value=\"" << xml_escape(row.student) << "\">" << xml_escape(row.student);
    if (!row.name.empty()) html << "<br><small>" << xml_escape(row.name) << "</small>";
    html << "</td>";
    const std::optional<double> score = gradebook_score(row);
    if (row.status == "graded") {
      const auto passed = std::count_if(row.result.exercises.begin(), row.result.exercises.end(),
                                        [](const ExerciseResult& e) { return e.status == ExerciseStatus::passed; });
      html << "<td data-value=\"" << format_number(score.value_or(0)) << "\">" << format_number(score.value_or(0))
           << " / " << format_number(max_score);
      if (row.late && row.late->minutes_late > 0) {
        html << "<br><small>" << format_delay(row.late->minutes_late) << " late, −"
             << format_percent(row.late->penalty, 2) << "</small>";
      }
      html << "</td><td>" << passed << " / " << row.result.exercises.size() << "</td>";
    } else {
      // Two cells, no colspan: a column is sorted by its cells' places.
      html << "<td data-value=\"" << (score ? format_number(*score) : "-1") << "\">"
           << (score ? format_number(*score) + " / " + format_number(max_score) : "—") << "</td><td>not graded: "
           << xml_escape(row.status == "not_graded" ? "the machine was too busy" : row.status) << "</td>";
    }
    const std::int64_t days_late = row.late ? row.late->days_late : 0;
    html << "<td data-value=\"" << xml_escape(row.status) << "\">" << xml_escape(row.status) << "</td><td data-value=\""
         << days_late << "\">" << (row.late ? std::to_string(days_late) : "—") << "</td>";
    html << "<td>" << xml_escape(row.message) << "</td>";  // why not graded, or where the files were found
    const std::string feedback = "feedback/" + url_path_segment(row.student);
    html << "<td><a href=\"" << feedback << ".html\">feedback</a> (<a href=\"" << feedback
         << ".md\">Markdown</a>)</td></tr>\n";
  }
  html << "</table>\n</main>\n<script type=\"application/json\" id=\"report-data\">"
       << json_for_script(json_text(data, {{}, true}))  // max_score as 164.0, as in a result
       << "</script>\n</body>\n</html>\n";

  fs::create_directories(dir / "assets");
  const fs::path chart = assets.chart / "chart.min.js";
  if (fs::exists(chart))
    fs::copy_file(fs::canonical(chart), dir / "assets" / "chart.min.js", fs::copy_options::overwrite_existing);
  const fs::path own = fs::path(config::source_dir) / "grader" / "book";
  for (const char* file : {"report.js", "book.css"})
    fs::copy_file(own / file, dir / "assets" / file, fs::copy_options::overwrite_existing);
  write_file_atomically(dir / "report.html", html.str());
}

}  // namespace mathlings
