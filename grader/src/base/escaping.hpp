// Text made safe for the formats it is written into. Anything a learner's
// program prints, or a student names a file, may be any bytes.
#pragma once

#include <string>

namespace mathlings {

/// Text with &, <, >, " and ' escaped, and characters XML 1.0 forbids replaced.
std::string xml_escape(const std::string& s);
/// Invalid UTF-8 sequences (a learner's program may print anything)
/// replaced by U+FFFD.
std::string valid_utf8(const std::string& s);
/// `s` as one word of a POSIX shell script, whatever it holds: in single
/// quotes, each ' written as '\''. For the job scripts handed to a scheduler;
/// a command the grader runs itself never passes through a shell.
std::string shell_quoted(const std::string& s);

}  // namespace mathlings
