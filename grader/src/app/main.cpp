// mathlings: the course's grader. The only place where faults become
// messages and exit statuses: a learner's shortfall is a result (exit 1),
// anything thrown means nothing could be graded as asked (exit 2).
#include <sys/prctl.h>

#include <csignal>
#include <iostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "base/config.hpp"
#include "base/errors.hpp"
#include "classroom/merge.hpp"

int main(int argc, char** argv) {
  using namespace mathlings;
  std::signal(SIGPIPE, SIG_IGN);  // a runner that closes its input must not kill the grader
  // Expected values live in this process's memory: no process of the same
  // user (a learner's program included) may read it through /proc/<pid>/mem.
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  try {
    const Options options = parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
    if (options.help) {
      std::cout << help_text(options.command);
      return 0;
    }
    if (options.version) {
      std::cout << "mathlings " << config::version << "\n";
      return 0;
    }
    return run_command(options, std::cout, std::cerr);
  } catch (const IncompleteShards& e) {
    std::cerr << "mathlings: " << e.what() << "\n";
    return incomplete_shards_status;
  } catch (const UsageError& e) {
    std::cerr << "mathlings: " << e.what() << "\n";
  } catch (const CourseError& e) {
    std::cerr << "mathlings: the course is broken: " << e.what() << "\n";
  } catch (const GraderError& e) {
    std::cerr << "mathlings: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "mathlings: internal error: " << e.what() << "\n(this is a bug in mathlings, not in your code)\n";
  }
  return 2;
}
