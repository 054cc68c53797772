#include "authoring/sync.hpp"

#include "base/files.hpp"
#include "model/single_source.hpp"

namespace mathlings {

std::vector<StubState> stub_states(const Course& course) {
  std::vector<StubState> states;
  for (const auto* exercise : course.exercises()) {
    StubState s;
    s.exercise = exercise;
    s.stub_file = course.exercises_dir() / exercise->relative_file();
    const fs::path solution = course.solutions_dir() / exercise->relative_file();
    s.generated = generate_stub(read_file(solution), "solutions/" + exercise->relative_file().string());
    s.up_to_date = fs::is_regular_file(s.stub_file) && read_file(s.stub_file) == s.generated;
    states.push_back(std::move(s));
  }
  return states;
}

int write_stubs(const Course& course, std::ostream& out) {
  int written = 0;
  for (const auto& s : stub_states(course)) {
    if (s.up_to_date) continue;
    if (fs::exists(s.stub_file)) {
      const fs::path backup = course.root / ".mathlings" / "sync-backup" / s.exercise->relative_file();
      write_file_atomically(backup, read_file(s.stub_file));
      out << "  updated  exercises/" << s.exercise->relative_file().string() << " (the old one is in "
          << fs::relative(backup, course.root).string() << ")\n";
    } else {
      out << "  created  exercises/" << s.exercise->relative_file().string() << "\n";
    }
    write_file_atomically(s.stub_file, s.generated);
    ++written;
  }
  return written;
}

}  // namespace mathlings
