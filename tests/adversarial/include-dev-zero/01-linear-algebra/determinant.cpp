// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: error
// @EXPECTED_STATUS: rejected compile_error
// An endless header: a compiler that opened it would read forever.
#include "/dev/zero"
