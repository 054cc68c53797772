// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// Defines the names of test macros and of the harness's binding macro, hoping
// they reach the code that judges it. (They cannot: bindings and judgement
// are compiled apart from the learner's file.)
#include <cmath>
#define EXPECT_NEAR(...) (void)0
#define ASSERT_TRUE(...) (void)0
#define MATHLINGS_EXERCISE_FUNCTIONS(...)
#define isnan(x) false
#include <mathlings/linear_algebra.hpp>

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  return 12345.678;
}
}  // namespace mathlings
