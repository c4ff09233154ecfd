// `dbopt replay` output: the ReplayReport as readable text tables or as JSON
// (docs/replay-output.md), and the sweep's wait-against-pool-size chart (svg_plot.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "dbopt/render/svg_plot.h"
#include "dbopt/sim/replay.h"

namespace dbopt::render {

std::string ReplayReportText(const sim::ReplayReport& report);
nlohmann::ordered_json ReplayReportJson(const sim::ReplayReport& report);

// p50/p95/p99 wait against pool size, the SLO threshold when it is a wait quantile, and the
// smallest size that meets it. Requires report.sweep.
LineChart SweepChart(const sim::ReplayReport& report);

}  // namespace dbopt::render
