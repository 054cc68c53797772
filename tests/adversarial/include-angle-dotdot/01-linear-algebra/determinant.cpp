// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: error
// @EXPECTED_STATUS: rejected
// Climbs out of an allowed include folder with "..", behind a line splice and
// a comment to fool a naive reader, spelt with the %: digraph.
// clang-format off
%: /* hidden */ inc\
lude <mathlings/../../solutions/01-linear-algebra/determinant.cpp>
