#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dbopt/render/sparkline.h"
#include "dbopt/render/svg_plot.h"

namespace dbopt::render {

TEST_SUITE("render svg plot") {
  TEST_CASE("nice ticks: 1, 2, 5 times a power of ten, covering the range") {
    CHECK(NiceTicks(0, 100, 5) == std::vector<double>{0, 20, 40, 60, 80, 100});
    CHECK(NiceTicks(3, 61, 5) == std::vector<double>{0, 20, 40, 60, 80});
    const std::vector<double> small = NiceTicks(0, 0.9, 4);
    CHECK(small == std::vector<double>{0, 0.5, 1});  // step 0.2 would give 5 > 4 intervals
    CHECK(NiceTicks(1, 5, 8) == std::vector<double>{1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5});
    CHECK(NiceTicks(1, 5, 8, 1) == std::vector<double>{1, 2, 3, 4, 5});
    const std::vector<double> empty = NiceTicks(7, 7, 5);  // an empty range still has an axis
    CHECK(empty.front() == 7);
    CHECK(empty.back() == doctest::Approx(8.0));
  }
  TEST_CASE("a chart has its axes, labels, series, reference lines, and escapes text") {
    LineChart c;
    c.title = "wait <by> size";
    c.x_label = "size";
    c.y_label = "ms";
    c.series = {{"p99", {{1, 10}, {2, 5}, {3, 1}}}};
    c.threshold_y = 4;
    c.threshold_label = "SLO p99<4ms";
    c.marker_x = 3;
    c.marker_label = "3";
    const std::string svg = RenderLineChartSvg(c);
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("wait &lt;by&gt; size") != std::string::npos);
    CHECK(svg.find("SLO p99&lt;4ms") != std::string::npos);
    CHECK(svg.find("<polyline") != std::string::npos);
    // x from 1 to 3 spans the plot (70 .. 700 px); y 0..10 maps 10 to the top (40 px).
    CHECK(svg.find("points=\"70.0,40.0 385.0,202.5 700.0,332.5\"") != std::string::npos);
    CHECK(svg.find("stroke-dasharray=\"6,4\"") != std::string::npos);
    CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
  }
  TEST_CASE("sparkline scales between the smallest and largest value") {
    CHECK(Sparkline({0, 1, 2, 3, 4, 5, 6, 7}) == "▁▂▃▄▅▆▇█");
    CHECK(Sparkline({5, 5}) == "▁▁");
    CHECK(Sparkline({}) == "");
  }
}

}  // namespace dbopt::render
