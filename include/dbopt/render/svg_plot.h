// A line chart as a standalone SVG document: axes with "nice" ticks (1, 2, 5 × 10^k), tick
// labels, axis labels, a title, one polyline with dots per series, and optional reference lines
// (a dashed horizontal threshold, a vertical marker). Generic: `dbopt replay --svg` plots wait
// against pool size with it. Deterministic text (fixed number formatting, fixed palette).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dbopt::render {

struct Series {
  std::string name;
  std::vector<std::pair<double, double>> points;  // (x, y), drawn in the given order
};

struct LineChart {
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<Series> series;
  std::optional<double> threshold_y;  // dashed horizontal line, e.g. an SLO
  std::string threshold_label;
  std::optional<double> marker_x;  // dotted vertical line, e.g. the smallest size meeting it
  std::string marker_label;
  bool integer_x = false;  // x values are counts: ticks at whole numbers only
  int width = 720;
  int height = 420;
};

// Ascending ticks of step 1, 2 or 5 × 10^k covering [lo, hi] with about `target` intervals;
// the first tick <= lo and the last >= hi. With `min_step`, steps are at least that.
std::vector<double> NiceTicks(double lo, double hi, int target = 5, double min_step = 0);

// The SVG document (XML declaration included, text escaped).
std::string RenderLineChartSvg(const LineChart& chart);

}  // namespace dbopt::render
