// What the compiler read, from its own account: the make-style dependency
// file that `-MD -MF` writes. The textual include policy reads directives as
// written; this reads the files actually opened, however their names were
// spelled (relative, through `..`, built by a macro), so it is the check
// that cannot be talked around.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mathlings {

/// The prerequisites of a dependency file ("out.o: a.cpp b.hpp \ ..."), in
/// order, with escaped spaces undone. The target is left out.
std::vector<std::string> parse_dependency_file(std::string_view text);

/// The files a compiler's messages quote from ("/path:12:3: error: …",
/// "In file included from /path:4"): a failed compile writes no dependency
/// file, yet its messages may show lines of what it read.
std::vector<std::string> files_named_in_diagnostics(std::string_view output);

/// Where a compiled file may read from: some files, and everything below some folders.
struct ReadPolicy {
  std::string working_directory;     ///< relative names are resolved against it
  std::vector<std::string> files;    ///< absolute
  std::vector<std::string> folders;  ///< absolute, without a trailing slash
};

/// The first dependency outside the policy, normalised (`..` resolved).
std::optional<std::string> first_read_outside(const std::vector<std::string>& dependencies, const ReadPolicy& policy);

}  // namespace mathlings
