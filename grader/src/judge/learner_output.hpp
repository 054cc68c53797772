// What a learner's code printed, made safe to show in a verdict: after it,
// as a labelled block whose every line is marked, so that printed text can
// never pass for the grader's own words (a verdict, a score), and with
// control characters (terminal escapes, carriage returns) neutralised.
#pragma once

#include <string>
#include <string_view>

namespace mathlings {

/// Which part of long output to keep: the beginning (what a wrong answer
/// printed first) or the end (what came last before a crash).
enum class KeepPrinted { first_lines, last_lines };

/// "\n  your code printed (during this call):\n    | …" with at most a few
/// lines, each cut short, or "" when nothing (but blank space) was printed.
std::string show_printed(std::string_view printed, KeepPrinted keep);

/// `text` with every control character but the newline, and the Unicode
/// controls that reorder or hide text, shown as '?'; invalid UTF-8 as U+FFFD.
std::string neutralise_printed(std::string_view text);

}  // namespace mathlings
