// Several learner files of one lesson compiled as one unit: whether they may
// be, and the unit's text.
//
// Compiled together, a lesson's files share one start of the compiler, one
// load of the lesson's precompiled header and the instantiations they have in
// common: lesson 01's five reference files take 0.5 s as one unit against
// 1.5 s one by one. But in one unit a file sees what the files before it
// declared — a helper, a macro, a using-directive, a header it included — and
// every runner linked from the unit carries every file's code. A file that
// compiles only thanks to its neighbour would pass together and fail alone,
// and an exercise's verdict would depend on another exercise's file. So files
// go together only when a look at their tokens finds none of that: no
// directive but #include (at the top) and #pragma once, the same headers and
// using-directives in each, no name one file declares at namespace scope that
// another names or must define itself, nothing added to the library's
// namespaces, and nothing a runner would run at start-up (a variable made by
// a call, a constructor attribute). The look is lexical and errs on the side
// of apart, which costs only time: then each file is compiled on its own, as
// always. What it cannot see: the size of a file's static data, which every
// runner of the unit then carries.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mathlings {

struct UnitFile {
  std::string display_name;  ///< the path diagnostics and line tables name
  std::string source;
  /// The functions its exercise defines: no other file may.
  std::vector<std::string> functions;
};

/// Why `files` must be compiled apart, or nothing when they may share a
/// unit. `already_included` lists the headers the lesson's precompiled header
/// includes: a file's #include of one of those changes nothing.
std::optional<std::string> why_compiled_apart(const std::vector<UnitFile>& files,
                                              const std::vector<std::string>& already_included);

/// The unit: each file's text after a #line directive naming it, so that
/// diagnostics, assert messages and line tables name the file and its lines
/// as when it is compiled alone.
std::string unit_source(const std::vector<UnitFile>& files);

/// The headers a header's text includes as <name>, in order.
std::vector<std::string> included_headers(const std::string& source);

}  // namespace mathlings
