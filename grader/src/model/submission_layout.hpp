// Finding a submission's files when they are not where the submission layout puts them.
//
// The submission layout (documented in the README's "For instructors" section) is <lesson>/<exercise>.cpp at the
// top of the submission, like exercises/; a submission laid out so is graded as it is, silently. Real hand-ins
// often differ: an archive or an upload wraps everything in a folder, a student hands in their whole repository
// (exercises/ beside stubs/ or solutions/), or an uploader flattens the files (elimination.cpp at the top, as
// Gradescope's drag-and-drop does). Such a submission must never become a silent zero.
//
// locate_submission() looks, in this order, for that layout at the top; for exactly one folder inside laid out so
// (exercises/ preferred when several are); for files named after exercises anywhere inside. With Layout::find it
// grades what it found (files matched by name are copied into a staging folder laid out properly) and notes what it
// did; with Layout::strict (`grade`, `check`: the documented layout, strictly) it grades the top as that layout
// says and notes where the files seem to be and what to do. The notes travel with the result, so the person reading
// it sees them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/course.hpp"

namespace mathlings {

enum class Layout {
  strict,  ///< the documented layout, strictly: grade the top of the folder; only say where files seem to be
  find,    ///< grade the files wherever they were found
};

struct LocatedSubmission {
  std::filesystem::path dir;       ///< laid out like exercises/: to be graded
  std::vector<std::string> notes;  ///< for people: what was found where, and what to do
};

/// `staging` is an empty folder that may receive copies of files matched by
/// name (Layout::find only); it must outlive the grading of `dir`.
LocatedSubmission locate_submission(const Course& course, const std::filesystem::path& submission, Layout layout,
                                    const std::filesystem::path& staging);

}  // namespace mathlings
