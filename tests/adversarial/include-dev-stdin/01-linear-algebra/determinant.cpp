// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: error
// @EXPECTED_STATUS: rejected compile_error
// A header read from the compiler's standard input: a compiler waiting on a
// terminal would wait forever.
#include "/dev/stdin"
