// mathlings book: the lessons as a web site that works offline.
#include <ostream>

#include "app/handlers.hpp"
#include "app/session.hpp"
#include "base/files.hpp"
#include "judge/course_call.hpp"
#include "learner/book.hpp"
#include "learner/learner_state.hpp"

namespace mathlings {

int book_command(const Options& options, std::ostream& out, std::ostream&) {
  Session session(options);
  const Course& course = *session.course;
  const fs::path state_file = LearnerState::path_for(course.root);
  const fs::path output = options.output ? *options.output : state_file.parent_path() / "book";
  // The figures' numbers: the reference solutions, run as for a test.
  const CourseCall call = reference_caller(course, *session.grader);
  // Over them, the learner's own numbers, where their code answers.
  const fs::path index =
      build_book(course, LearnerState::load(state_file), output, call, learner_caller(course, *session.grader));
  out << "The book is in " << output.string() << "; open file://" << fs::absolute(index).string() << "\n";
  return 0;
}

}  // namespace mathlings
