// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: timeout
// Burns CPU on four threads at once: CPU time is counted over all of them.
#include <atomic>
#include <mathlings/linear_algebra.hpp>
#include <thread>
#include <vector>

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  std::atomic<bool> forever{true};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      volatile double x = 0;
      while (forever) x = x + 1;
    });
  for (auto& t : threads) t.join();
  return 0;
}
}  // namespace mathlings
