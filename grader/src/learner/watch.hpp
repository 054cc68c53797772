// `mathlings watch`: the learner's loop.
//
// Theory of operation. watch starts at the first exercise not yet passed (or
// the one named), grades it, and draws one screen: the progress of every
// lesson at the top, the exercise's result in the middle (cut to fit, so the
// progress never scrolls away), the keys at the bottom. Then it waits, in
// one poll(), for a key or for the exercise's file to be saved (inotify, and
// a stat a second as a fallback or with --poll). A save whose content
// differs from what was last graded is graded again and the screen redrawn,
// with a counter ("check #N") that says a new verdict arrived. When the
// exercise passes, watch says so and waits for the learner to press n: it
// never moves on by itself. Every grading updates the same state file as
// `check` (merged under its lock, never overwritten from watch's memory), so
// `list` agrees with what watch showed and keeps what check recorded.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "model/invocation.hpp"

namespace mathlings {

int watch(const Options& options, std::ostream& out);

/// At most `rows` lines of `text` (the middle of watch's screen, so that the
/// progress above it never scrolls away); when lines are cut, a last line
/// says how many, and `what_to_do` to see them all.
std::string fit_to_rows(const std::string& text, std::size_t rows, const std::string& what_to_do);

}  // namespace mathlings
