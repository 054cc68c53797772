// A figure's JSON, as the lesson book's page script reads it.
#include "model/figures.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "base/json.hpp"

namespace mathlings {
namespace {

Figure two_series() {
  Figure figure;
  figure.title = "Loss </script> \"per\" step";
  figure.x_label = "step";
  figure.y_label = "loss";
  figure.log_y = true;
  figure.series.push_back({"reference", "line", false, {{0, 1}, {1, 0.5}, {2, std::nan("")}}});
  figure.series.push_back({"yours: reference", "points", true, {}});
  return figure;
}

TEST(Figure, JsonIsOneLineInTheFieldsOrder) {
  EXPECT_EQ(figure_json(two_series()),
            R"({"title": "Loss <\/script> \"per\" step", "x": "step", "y": "loss", "log_y": true, "series": [)"
            R"({"label": "reference", "style": "line", "yours": false, "points": [[0, 1], [1, 0.5], [2, null]]}, )"
            R"({"label": "yours: reference", "style": "points", "yours": true, "points": []}]})");
}

TEST(Figure, JsonCannotEndItsScriptElementAndReadsBack) {
  const std::string json = figure_json(two_series());
  EXPECT_EQ(json.find("</"), std::string::npos);
  const Json read = parse_json(json, "figure");
  EXPECT_EQ(read["title"], "Loss </script> \"per\" step");
  EXPECT_TRUE(read["series"][0]["points"][2][1].is_null());  // Chart.js leaves a gap
}

}  // namespace
}  // namespace mathlings
