// Prints the cost of the sandbox per learner process: the median wall time of
// starting and ending a trivial program a few hundred times through
// run_process, with and without isolation. Run by scripts/benchmark.sh.
#include <algorithm>
#include <cstdio>
#include <vector>

#include "base/files.hpp"
#include "exec/process.hpp"

namespace {

double median_run_ms(bool isolated, int runs) {
  using namespace mathlings;
  std::vector<double> times;
  for (int k = 0; k < runs; ++k) {
    TemporaryDirectory scratch(fs::temp_directory_path(), "mathlings-bench-");
    ProcessSpec spec;
    spec.argv = {"/usr/bin/true"};
    spec.working_directory = scratch.path();
    spec.isolation.enabled = isolated;
    times.push_back(run_process(spec).wall_seconds * 1000);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main() {
  constexpr int runs = 300;
  const double plain = median_run_ms(false, runs);
  const double isolated = median_run_ms(true, runs);
  std::printf(
      "per-process cost, median of %d runs of /usr/bin/true: plain fork/exec %.2f ms, in the sandbox %.2f ms "
      "(+%.2f ms)\n",
      runs, plain, isolated, isolated - plain);
}
