// Service-level objectives for the pool sweep: "p99_wait<50ms", "timeouts<=0",
// "waited_fraction<5%", several joined by commas (all must hold).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/sim/pool.h"

namespace dbopt::sim {

enum class SloMetric {
  kP50Wait,
  kP95Wait,
  kP99Wait,
  kMaxWait,
  kMeanWait,
  kTimeouts,
  kWaitedFraction
};

struct SloCondition {
  SloMetric metric = SloMetric::kP99Wait;
  bool inclusive = false;  // <= rather than <
  double threshold = 0;    // ms for waits; a count, or a fraction when `fraction` is set
  bool fraction = false;   // timeouts given in %: compare the timeout fraction
};

struct Slo {
  std::string text;
  std::vector<SloCondition> conditions;
};

Result<Slo> ParseSlo(std::string_view text);
bool MeetsSlo(const Slo& slo, const PoolMetrics& metrics);
// The value the condition compares (ms, count or fraction).
double SloValue(const SloCondition& condition, const PoolMetrics& metrics);

}  // namespace dbopt::sim
