#include "learner/watch.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <sstream>
#include <thread>

#include "base/files.hpp"
#include "base/terminal.hpp"
#include "base/text.hpp"
#include "exec/toolchain.hpp"
#include "judge/grading.hpp"
#include "learner/file_watcher.hpp"
#include "learner/learner_state.hpp"
#include "learner/markdown_terminal.hpp"
#include "learner/progress.hpp"
#include "learner/reset.hpp"
#include "model/course.hpp"
#include "model/lesson_document.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

std::size_t count_lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

std::string fit_to_rows(const std::string& text, std::size_t rows, const std::string& what_to_do) {
  if (count_lines(text) <= rows) return text;
  std::istringstream in(text);
  std::string line, out;
  const std::size_t keep = rows > 1 ? rows - 1 : 0;
  for (std::size_t k = 0; k < keep && std::getline(in, line); ++k) out += line + "\n";
  return out + "  … " + std::to_string(count_lines(text) - keep) + " more lines: " + what_to_do + "\n";
}

namespace {

class WatchLoop {
 public:
  WatchLoop(const Options& options, std::ostream& out)
      : out_(out),
        course_(load_course(options.course_dir)),
        toolchain_(options.cache_dir),
        grader_(*course_, toolchain_, options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency()),
                false),
        state_file_(LearnerState::path_for(course_->root)),
        watcher_(!options.poll),
        colour_(colour_wanted(out)) {
    const auto& exercises = course_->exercises();
    if (!options.arguments.empty()) {
      const Exercise& start = course_->find(options.arguments.front());
      current_ = static_cast<std::size_t>(std::find(exercises.begin(), exercises.end(), &start) - exercises.begin());
    } else {
      const Progress progress = Progress::of(*course_, LearnerState::load(state_file_));
      const auto* next = progress.first_unfinished();
      current_ = 0;
      if (next)
        current_ =
            static_cast<std::size_t>(std::find(exercises.begin(), exercises.end(), next->exercise) - exercises.begin());
    }
  }

  int run() {
    RawKeyboard keyboard;
    keyboard_ = &keyboard;
    if (colour_) out_ << screen::hide_cursor;
    open_exercise();
    for (;;) {
      pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {watcher_.event_fd(), POLLIN, 0}};
      const int ready = poll(fds, watcher_.event_fd() >= 0 ? 2 : 1, 1000);
      bool saved = false;
      if (ready > 0 && (fds[1].revents & POLLIN)) saved = watcher_.take_events();
      if (!saved) saved = watcher_.looks_changed();
      if (saved) {
        // An editor may write in several steps: let it finish.
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        watcher_.take_events();
        if (file_hash() != graded_hash_) grade_and_draw();
      }
      if (ready > 0 && (fds[0].revents & (POLLIN | POLLHUP))) {
        char key = 0;
        const ssize_t n = read(STDIN_FILENO, &key, 1);
        if (n <= 0) {
          if (!keyboard.active()) break;  // input ended (not a terminal): leave
          continue;
        }
        if (!handle(key)) break;
      } else if (ready == 0 && screen_size_changed()) {
        draw();
      }
    }
    if (colour_) out_ << screen::show_cursor;
    out_ << "\n"
         << "Bye. `mathlings list` shows your progress; `mathlings watch` picks up where you are.\n";
    out_.flush();
    return 0;
  }

 private:
  const Exercise& exercise() const { return *course_->exercises()[current_]; }
  fs::path file() const { return course_->exercises_dir() / exercise().relative_file(); }
  std::string file_hash() const { return exercise_file_hash(file()); }

  void open_exercise() {
    watcher_.watch(file());
    panel_.clear();
    grade_and_draw();
  }

  void grade_and_draw() {
    status_line_ = "checking " + exercise().id + " …";
    draw();
    graded_hash_ = file_hash();
    const SubmissionResult result = grader_.grade(course_->exercises_dir(), {exercise().id});
    result_ = result.exercises.front();
    // Merged into the file as it is now: another command (check in another
    // terminal) may have recorded other exercises since watch started.
    const CheckedExercise checked{graded_hash_, std::string(to_string(result_.status)), result_.score,
                                  result_.max_score};
    if (result_.status != ExerciseStatus::not_graded)  // no verdict to remember
      LearnerState::update(state_file_, [&](LearnerState& state) { state.checked[result_.id] = checked; });
    ++checks_;
    const std::time_t now = std::time(nullptr);
    char clock[16];
    std::strftime(clock, sizeof clock, "%H:%M:%S", std::localtime(&now));
    status_line_ = "check #" + std::to_string(checks_) + " at " + clock;
    if (result_.status == ExerciseStatus::passed) panel_.clear();
    draw();
  }

  /// false: quit.
  bool handle(char key) {
    switch (key) {
      case 'q':
      case 3:  // Ctrl-C
      case 4:  // Ctrl-D
        return false;
      case 'h': {
        ShownHint hint;
        LearnerState::update(
            state_file_, [&](LearnerState& state) { hint = state.next_hint(exercise().id, exercise().spec.hints); });
        panel_ = "Hint " + std::to_string(hint.number) + " of " + std::to_string(hint.total) + ":\n" +
                 wrap_text(hint.text, "  ", width()) +
                 (hint.remaining() > 0 ? std::to_string(hint.remaining()) + " more: press h again.\n"
                                       : "That was the last hint: press r to read the lesson.\n");
        draw();
        return true;
      }
      case 'l':
        showing_list_ = !showing_list_;
        draw();
        return true;
      case 'r': show_lesson(); return true;
      case 'n':
        if (result_.status != ExerciseStatus::passed) {
          panel_ = "This exercise does not pass yet: press s to skip it anyway.\n";
          draw();
          return true;
        }
        [[fallthrough]];
      case 's':
        current_ = (current_ + 1) % course_->exercises().size();
        showing_list_ = false;
        open_exercise();
        return true;
      case 'p':
        current_ = (current_ + course_->exercises().size() - 1) % course_->exercises().size();
        showing_list_ = false;
        open_exercise();
        return true;
      default: return true;
    }
  }

  std::size_t width() const { return std::min<std::size_t>(size().columns, 100); }
  TerminalSize size() const { return terminal_size(STDOUT_FILENO).value_or(TerminalSize{}); }
  bool screen_size_changed() {
    const auto now = size();
    const bool changed = now.rows != drawn_size_.rows || now.columns != drawn_size_.columns;
    return changed;
  }

  void draw() {
    drawn_size_ = size();
    // The file, not a copy: `check` in another terminal shows here too.
    const Progress progress = Progress::of(*course_, LearnerState::load(state_file_));
    std::ostringstream top, middle, bottom;
    top << (colour_ ? "\033[1m" : "") << "mathlings watch" << (colour_ ? "\033[0m" : "") << " — " << status_line_
        << "\n";
    write_progress(top, *course_, progress, ProgressStyle{colour_, !showing_list_, exercise().id});
    top << "\n";
    if (!showing_list_) {
      middle << "▶ " << exercise().id << "\n  edit exercises/" << exercise().relative_file().string() << "\n";
      const std::string advice = missing_file_advice(*course_, exercise());
      if (!advice.empty()) middle << wrap_text(advice, "  ", width());
      if (checks_ > 0) write_exercise_text(middle, *course_, result_, TextStyle{colour_, false, width()});
      if (result_.status == ExerciseStatus::passed) {
        middle << "\n"
               << (colour_ ? "\033[32m" : "") << "✓ " << exercise().name << " passes. Press n for the next exercise."
               << (colour_ ? "\033[0m" : "") << "\n";
      }
      if (!panel_.empty()) middle << "\n" << panel_;
    }
    bottom << (colour_ ? "\033[2m" : "")
           << "keys: h hint · r read the lesson · l list · n next · s skip · p back · q quit"
           << (colour_ ? "\033[0m" : "") << "\n";
    const std::size_t used = count_lines(top.str()) + count_lines(bottom.str()) + 1;
    const std::size_t room = drawn_size_.rows > used ? drawn_size_.rows - used : 3;
    out_ << (colour_ || keyboard_->active() ? screen::clear : "\n") << top.str()
         << fit_to_rows(middle.str(), room, "mathlings check " + exercise().id) << "\n"
         << bottom.str();
    out_.flush();
  }

  void show_lesson() {
    const fs::path document = course_->lesson_document(*exercise().lesson);
    std::string page = render_markdown(read_file(document), MarkdownStyle{colour_, width()});
    keyboard_->suspend();
    if (colour_) out_ << screen::show_cursor;
    out_.flush();
    if (!(isatty(STDOUT_FILENO) && show_in_pager(page))) {
      out_ << page << "\n(press Enter to go back)";
      out_.flush();
      std::string ignored;
      std::getline(std::cin, ignored);
    }
    keyboard_->resume();
    if (colour_) out_ << screen::hide_cursor;
    draw();
  }

  std::ostream& out_;
  std::unique_ptr<Course> course_;
  Toolchain toolchain_;
  Grader grader_;
  fs::path state_file_;
  FileWatcher watcher_;
  bool colour_;
  RawKeyboard* keyboard_ = nullptr;
  std::size_t current_ = 0;
  ExerciseResult result_;
  std::string graded_hash_;
  std::string status_line_;
  std::string panel_;
  bool showing_list_ = false;
  int checks_ = 0;
  TerminalSize drawn_size_;
};

}  // namespace

int watch(const Options& options, std::ostream& out) {
  return WatchLoop(options, out).run();
}

}  // namespace mathlings
