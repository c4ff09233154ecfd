// Numbers with units in user-written specs (pool settings, SLOs, synthetic workloads):
// durations "250us", "50ms", "1.5s", "10m", "1h" and rates "80/s", "4800/min", "0.08/ms".
#pragma once

#include <string_view>

#include "dbopt/base/result.h"

namespace dbopt::sim {

// Milliseconds. Units: us, ms, s, m (minutes), min, h. A bare number is taken as milliseconds
// only when `bare_is_ms` is true; otherwise the unit is required. Negative values are errors.
Result<double> ParseDurationMs(std::string_view text, bool bare_is_ms);

// Events per millisecond from "<number>/<unit>" with unit us, ms, s, m, min or h; must be > 0.
Result<double> ParseRatePerMs(std::string_view text);

// A plain non-negative number (no unit).
Result<double> ParseNumber(std::string_view text);

}  // namespace dbopt::sim
