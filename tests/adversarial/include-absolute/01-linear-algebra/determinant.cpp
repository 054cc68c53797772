// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: error
// @EXPECTED_STATUS: rejected
// Includes the reference solution by an absolute path, as it would be on a
// typical checkout.
#include "/work/main/solutions/01-linear-algebra/determinant.cpp"
