#include <cmath>
#include <cstdio>

#include "report/report.hpp"

namespace mathlings {

std::string json_score(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, d == std::floor(d) && std::fabs(d) < 1e15 ? "%.1f" : "%.10g", d);
  return buf;
}

void write_json(std::ostream& out, const SubmissionResult& result) {
  out << "{\n  \"schema\": \"mathlings.result/1\",\n";
  out << "  \"score\": " << json_score(result.score()) << ", \"max_score\": " << json_score(result.max_score())
      << ",\n";
  if (!result.notes.empty()) {
    out << "  \"notes\": [";
    for (std::size_t k = 0; k < result.notes.size(); ++k) out << (k ? ", " : "") << json_string(result.notes[k]);
    out << "],\n";
  }
  out << "  \"exercises\": [";
  for (std::size_t e = 0; e < result.exercises.size(); ++e) {
    const auto& ex = result.exercises[e];
    out << (e ? "," : "") << "\n    { \"id\": " << json_string(ex.id) << ",\n";
    out << "      \"status\": " << json_string(std::string(to_string(ex.status))) << ",\n";
    out << "      \"score\": " << json_score(ex.score) << ", \"max_score\": " << json_score(ex.max_score) << ",\n";
    out << "      \"message\": " << json_string(ex.message) << ",\n";
    out << "      \"tests\": [";
    for (std::size_t t = 0; t < ex.tests.size(); ++t) {
      const auto& test = ex.tests[t];
      out << (t ? "," : "") << "\n        { \"name\": " << json_string(test.name)
          << ", \"status\": " << json_string(std::string(to_string(test.status)))
          << ", \"score\": " << json_score(test.score) << ", \"max_score\": " << json_score(test.max_score)
          << ",\n          \"message\": " << json_string(test.message) << (test.hidden ? ", \"hidden\": true" : "")
          << (test.misconception.empty() ? "" : ", \"misconception\": " + json_string(test.misconception)) << " }";
    }
    out << (ex.tests.empty() ? "" : "\n      ") << "] }";
  }
  out << (result.exercises.empty() ? "" : "\n  ") << "]\n}\n";
}

}  // namespace mathlings
