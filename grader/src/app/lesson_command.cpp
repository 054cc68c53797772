// mathlings lesson: a lesson's text in the terminal, with the exercises that
// go with it and the sections that explain each.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <sstream>

#include "app/handlers.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/terminal.hpp"
#include "base/text.hpp"
#include "learner/learner_state.hpp"
#include "learner/markdown_terminal.hpp"
#include "learner/progress.hpp"
#include "model/course.hpp"
#include "model/lesson_document.hpp"

namespace mathlings {
namespace {

std::size_t terminal_width(std::ostream& out) {
  if (&out != &std::cout) return 80;
  const auto size = terminal_size(STDOUT_FILENO);
  return size ? std::clamp<std::size_t>(size->columns, 40, 100) : 80;
}

/// Through the learner's pager ($PAGER, else less) when the page is longer
/// than a terminal screen; straight out otherwise.
void show_paged(const std::string& page, std::ostream& out) {
  const auto size = &out == &std::cout ? terminal_size(STDOUT_FILENO) : std::nullopt;
  const auto lines = static_cast<std::size_t>(std::count(page.begin(), page.end(), '\n'));
  if (size && lines >= size->rows) {
    std::cout.flush();
    if (show_in_pager(page)) return;
  }
  out << page;
}

/// The lesson of an id: a lesson's own, or an exercise's.
const Lesson& lesson_of(const Course& course, const std::string& id) {
  for (const auto& lesson : course.lessons)
    if (lesson.id == id) return lesson;
  return *course.find(id).lesson;  // a UsageError naming the valid ids if it is neither
}

}  // namespace

int lesson_command(const Options& options, std::ostream& out, std::ostream&) {
  const auto course = load_course(options.course_dir);
  const Lesson& lesson = lesson_of(*course, options.arguments.front());
  const bool of_exercise = lesson.id != options.arguments.front();
  const std::string id = of_exercise ? course->find(options.arguments.front()).id : lesson.id;
  const fs::path document = course->lesson_document(lesson);
  if (!fs::is_regular_file(document)) throw CourseError("the lesson text " + document.string() + " is missing");
  const bool colour = colour_wanted(out);
  const std::string text = read_file(document);
  std::ostringstream page;
  page << render_markdown(text, MarkdownStyle{colour, terminal_width(out)});
  const Progress progress = Progress::of(*course, LearnerState::load(LearnerState::path_for(course->root)));
  page << "\nThe exercises of this lesson (in exercises/" << lesson.id << "/):\n";
  for (const auto& e : progress.exercises) {
    if (e.exercise->lesson != &lesson) continue;
    const std::string sections = section_list(exercise_sections(text, e.exercise->name));
    const std::string where = sections.empty() ? "" : " — " + sections;
    page << wrap_text((e.exercise->id == id ? "▶ " : "  ") + e.exercise->name + " (" + status_in_words(e) + ")" + where,
                      "  ", terminal_width(out));
  }
  show_paged(page.str(), out);
  return 0;
}

}  // namespace mathlings
