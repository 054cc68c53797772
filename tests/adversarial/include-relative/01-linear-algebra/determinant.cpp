// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: error
// @EXPECTED_STATUS: rejected
// Includes the reference solution by a relative path.
#include "../../solutions/01-linear-algebra/determinant.cpp"
