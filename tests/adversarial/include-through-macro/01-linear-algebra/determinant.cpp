// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: error
// @EXPECTED_STATUS: rejected
// Builds the path of the reference solution with macros, so that no path is
// written out where a text search would find it.
#define MATHLINGS_STRINGIFY(x) #x
#define MATHLINGS_PATH(x) MATHLINGS_STRINGIFY(../../ solutions / 01 - linear - algebra / x.cpp)
#include MATHLINGS_PATH(determinant)
