#include "learner/book.hpp"

#include <md4c-html.h>

#include <regex>
#include <set>
#include <sstream>

#include "base/config.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/text.hpp"
#include "learner/progress.hpp"
#include "model/lesson_document.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

std::string page_name(const Lesson& lesson) {
  return lesson.id + ".html";
}

std::string page(const Course& course, const std::string& title, const std::string& body, const std::string& nav) {
  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       << "<title>" << xml_escape(title) << " — " << xml_escape(course.title) << "</title>\n"
       << "<link rel=\"stylesheet\" href=\"assets/katex/katex.min.css\">\n"
       << "<link rel=\"stylesheet\" href=\"assets/highlight/default.css\">\n"
       << "<link rel=\"stylesheet\" href=\"assets/book.css\">\n"
       << "<script src=\"assets/katex/katex.min.js\"></script>\n"
       << "<script src=\"assets/highlight/highlight.min.js\"></script>\n"
       << "<script src=\"assets/chart.min.js\"></script>\n"
       << "<script src=\"assets/book.js\"></script>\n"
       << "</head>\n<body data-book=\"loading\" data-errors=\"0\">\n"
       << "<header class=\"site\"><a href=\"index.html\">" << xml_escape(course.title) << "</a>" << nav
       << "</header>\n<main>\n"
       << body << "</main>\n<footer class=\"site\">Built by <code>mathlings book</code>; your statuses are those of "
       << "your last <code>mathlings check</code>.</footer>\n</body>\n</html>\n";
  return html.str();
}

std::string status_cell(const ExerciseProgress& e) {
  const std::string status = e.changed ? "changed since the last check" : status_in_words(e);
  std::string css = e.status;
  for (auto& c : css)
    if (c == ' ') c = '_';
  return "<td class=\"status-" + css + "\">" + xml_escape(status) + "</td><td>" + format_number(e.score) + " / " +
         format_number(e.max_score) + "</td>";
}

std::string bar(double fraction) {
  const int percent = static_cast<int>(fraction * 100 + 0.5);
  return "<span class=\"bar\" title=\"" + std::to_string(percent) +
         "%\"><span style=\"width:" + std::to_string(percent) + "%\"></span></span>";
}

void copy_assets(const BookAssets& assets, const fs::path& to) {
  const auto need = [](const fs::path& p) {
    if (!fs::exists(p))
      throw UsageError("the book needs " + p.string() +
                       ": install Debian's libjs-katex, libjs-highlight.js and libjs-chart.js (./setup.sh does)");
  };
  for (const auto& p : {assets.katex / "katex.min.js", assets.katex / "katex.min.css", assets.katex / "fonts",
                        assets.highlight / "highlight.min.js", assets.highlight / "styles" / "default.css",
                        assets.chart / "chart.min.js"}) {
    need(p);
  }
  fs::create_directories(to / "katex");
  fs::create_directories(to / "highlight");
  // Debian's packages link some of these (katex.min.js, fonts/): copy what they point to.
  const auto copy_file = [](const fs::path& from, const fs::path& into) {
    fs::copy_file(fs::canonical(from), into, fs::copy_options::overwrite_existing);
  };
  copy_file(assets.katex / "katex.min.js", to / "katex" / "katex.min.js");
  copy_file(assets.katex / "katex.min.css", to / "katex" / "katex.min.css");
  fs::copy(fs::canonical(assets.katex / "fonts"), to / "katex" / "fonts",
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  copy_file(assets.highlight / "highlight.min.js", to / "highlight" / "highlight.min.js");
  copy_file(assets.highlight / "styles" / "default.css", to / "highlight" / "default.css");
  copy_file(assets.chart / "chart.min.js", to / "chart.min.js");
  const fs::path own = fs::path(config::source_dir) / "grader" / "book";
  copy_file(own / "book.js", to / "book.js");
  copy_file(own / "book.css", to / "book.css");
}

/// The lesson's HTML: Markdown through md4c, ```figure blocks as charts.
std::string lesson_html(const Course& course, const Lesson& lesson, const std::string& document, const CourseCall& call,
                        const LearnerCall& learner, int& figures) {
  std::string html, markdown, figure;
  int line_number = 0, figure_line = 0;
  bool in_figure = false;
  std::istringstream in(document);
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (!in_figure && line.rfind("```figure", 0) == 0) {
      in_figure = true;
      figure.clear();
      figure_line = line_number + 1;
      continue;
    }
    if (in_figure && line.rfind("```", 0) == 0) {
      in_figure = false;
      html += markdown_to_html(markdown);
      markdown.clear();
      const Figure computed = compute_figure(figure, course.lesson_document(lesson), figure_line, call, learner);
      ++figures;
      html += "<figure class=\"chart\" id=\"figure-" + std::to_string(figures) + "\"><canvas></canvas>" +
              "<script type=\"application/json\">" + figure_json(computed) + "</script><figcaption>" +
              xml_escape(computed.title) + "</figcaption></figure>\n";
      continue;
    }
    (in_figure ? figure : markdown) += line + "\n";
  }
  return with_heading_ids(html + markdown_to_html(markdown));
}

}  // namespace

std::string with_heading_ids(const std::string& html) {
  static const std::regex heading(R"(<h([1-6])>([\s\S]*?)</h\1>)");
  static const std::regex markup(R"(<[^>]*>|&[#A-Za-z0-9]+;)");
  std::set<std::string> used;
  std::string out;
  auto last = html.cbegin();
  for (auto it = std::sregex_iterator(html.begin(), html.end(), heading); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    // The text as read (tags and entities dropped, which the anchor drops
    // anyway), anchored as the lessons' links expect: heading_anchor.
    const std::string base = heading_anchor(std::regex_replace(m[2].str(), markup, ""));
    std::string id = base;
    for (int n = 1; !used.insert(id).second; ++n) id = base + "-" + std::to_string(n);  // as GitHub numbers repeats
    out.append(last, m[0].first);
    out += "<h" + m[1].str() + " id=\"" + xml_escape(id) + "\">" + m[2].str() + "</h" + m[1].str() + ">";
    last = m[0].second;
  }
  out.append(last, html.cend());
  return out;
}

std::string markdown_to_html(const std::string& markdown) {
  std::string html;
  const auto append = [](const MD_CHAR* text, MD_SIZE size, void* into) {
    static_cast<std::string*>(into)->append(text, size);
  };
  // No raw HTML from the Markdown: a lesson is text, formulas and code.
  const unsigned flags = MD_DIALECT_GITHUB | MD_FLAG_LATEXMATHSPANS | MD_FLAG_NOHTML;
  if (md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), append, &html, flags, 0) != 0) {
    throw CourseError("md4c could not render a lesson");
  }
  return html;
}

fs::path build_book(const Course& course, const LearnerState& state, const fs::path& output, const CourseCall& call,
                    const LearnerCall& learner, const BookAssets& assets) {
  std::error_code ec;
  fs::remove_all(output / "assets", ec);
  fs::create_directories(output);
  copy_assets(assets, output / "assets");
  const Progress progress = Progress::of(course, state);
  std::ostringstream index;
  index << "<h1>" << xml_escape(course.title)
        << "</h1>\n<p>Overall: " << bar(progress.max_score > 0 ? progress.score / progress.max_score : 0) << " "
        << format_number(progress.score) << " / " << format_number(progress.max_score) << " points, " << progress.passed
        << " of " << progress.exercises.size() << " exercises passed.</p>\n"
        << "<table>\n<tr><th>lesson</th><th>progress</th><th>exercises passed</th></tr>\n";
  for (std::size_t k = 0; k < course.lessons.size(); ++k) {
    const Lesson& lesson = course.lessons[k];
    const std::string document = read_file(course.lesson_document(lesson));
    std::ostringstream body;
    int figures = 0;
    body << lesson_html(course, lesson, document, call, learner, figures);
    body << "<section class=\"exercises\" id=\"your-exercises\">\n<h2>Your exercises</h2>\n"
         << "<table>\n<tr><th>exercise</th><th>status</th><th>points</th><th>where the lesson explains it</th></tr>\n";
    double score = 0, max = 0;
    int passed = 0;
    for (const auto& e : progress.exercises) {
      if (e.exercise->lesson != &lesson) continue;
      score += e.score;
      max += e.max_score;
      passed += e.passed();
      std::string where;
      for (const auto& section : exercise_sections(document, e.exercise->name)) {
        where += (where.empty() ? "" : ", ") + std::string("<a href=\"#") + heading_anchor(section) + "\">" +
                 xml_escape(section) + "</a>";
      }
      body << "<tr id=\"exercise-" << e.exercise->name << "\"><td><code>" << e.exercise->id << "</code></td>"
           << status_cell(e) << "<td>" << where << "</td></tr>\n";
    }
    body << "</table>\n<p>Edit <code>exercises/" << lesson.id
         << "/</code> and run <code>mathlings check</code> (or <code>mathlings watch</code>); rebuild the book to see "
            "your statuses here.</p>\n</section>\n";
    std::string nav;
    if (k > 0) nav += "<a href=\"" + page_name(course.lessons[k - 1]) + "\">← " + course.lessons[k - 1].id + "</a>";
    if (k + 1 < course.lessons.size())
      nav += "<a href=\"" + page_name(course.lessons[k + 1]) + "\">" + course.lessons[k + 1].id + " →</a>";
    write_file_atomically(output / page_name(lesson), page(course, lesson.title, body.str(), nav));
    index << "<tr><td><a href=\"" << page_name(lesson) << "\">" << xml_escape(lesson.id + " — " + lesson.title)
          << "</a></td><td>" << bar(max > 0 ? score / max : 0) << "</td><td>" << passed << " / "
          << lesson.exercises.size() << "</td></tr>\n";
  }
  index << "</table>\n";
  write_file_atomically(output / "index.html", page(course, "Lessons", index.str(), ""));
  return output / "index.html";
}

}  // namespace mathlings
