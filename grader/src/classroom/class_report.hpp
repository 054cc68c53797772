// DIR/report.html, written by `batch` and `merge` beside the gradebook: how a
// class did, for its instructor. The overall score distribution and, per
// exercise, how many students passed, got part, failed, did not compile or
// did not try (Chart.js, from Debian's libjs-chart.js, copied into
// DIR/assets/); the tests failed most often; the known mistakes detected
// most often (misconceptions.hpp); and every student, linked to their
// feedback; the item analysis (item_analysis.hpp) and the pairs of
// students whose files are unusually alike, passages side by side
// (similarity.hpp). Works offline from file://; marks itself ready for the
// browser test like the book.
#pragma once

#include <filesystem>
#include <vector>

#include "classroom/gradebook.hpp"
#include "classroom/similarity.hpp"
#include "learner/book.hpp"

namespace mathlings {

void write_class_report(const std::filesystem::path& dir, const Course& course, const std::vector<StudentRow>& rows,
                        const SimilarityReport& similarity, const BookAssets& assets = {});

}  // namespace mathlings
