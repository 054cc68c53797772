// The terminal helpers when there is no terminal, as in a CI job or a pipe:
// no colour, no size, no raw mode; the pager is the learner's.
#include "base/terminal.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>

#include "base/files.hpp"

namespace mathlings {
namespace {

/// Sets an environment variable for one test and puts it back afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(Terminal, ColourOnlyOnStandardOutputAndNeverWithNoColor) {
  std::ostringstream buffer;
  EXPECT_FALSE(colour_wanted(buffer));
  EXPECT_FALSE(colour_wanted(std::cerr));
  {
    const ScopedEnv no_color("NO_COLOR", "1");
    EXPECT_FALSE(colour_wanted(std::cout));
  }
  const ScopedEnv colour_allowed("NO_COLOR", nullptr);
  EXPECT_EQ(colour_wanted(std::cout), isatty(STDOUT_FILENO) == 1);
}

TEST(Terminal, APipeHasNoSize) {
  int ends[2];
  ASSERT_EQ(pipe(ends), 0);
  EXPECT_FALSE(terminal_size(ends[0]).has_value());
  EXPECT_FALSE(terminal_size(ends[1]).has_value());
  close(ends[0]);
  close(ends[1]);
  EXPECT_FALSE(terminal_size(-1).has_value());
}

TEST(Terminal, RawKeyboardDoesNothingWithoutATerminal) {
  if (isatty(STDIN_FILENO)) GTEST_SKIP() << "standard input is a terminal here: raw mode would change it";
  RawKeyboard keyboard;
  EXPECT_FALSE(keyboard.active());
  keyboard.resume();
  EXPECT_FALSE(keyboard.active());
  keyboard.suspend();
  EXPECT_FALSE(keyboard.active());
}

TEST(Terminal, ThePageGoesThroughTheLearnersPager) {
  TemporaryDirectory work(fs::temp_directory_path(), "mathlings-pager-test-");
  const fs::path shown = work.path() / "shown.txt";
  {
    const ScopedEnv pager("PAGER", ("cat > '" + shown.string() + "'").c_str());
    EXPECT_TRUE(show_in_pager("# Lesson\n\nsome text\n"));
  }
  EXPECT_EQ(read_file(shown), "# Lesson\n\nsome text\n");
  // A pager that fails (after reading the page: no broken pipe): the caller
  // then prints the page itself.
  const ScopedEnv failing("PAGER", "cat > /dev/null; exit 3");
  EXPECT_FALSE(show_in_pager("x"));
}

}  // namespace
}  // namespace mathlings
