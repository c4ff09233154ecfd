// The same request stream against pool sizes lo..hi in one pass (one simulated pool per size,
// each fed every request), and the smallest size that meets an SLO.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/sim/pool.h"
#include "dbopt/sim/slo.h"

namespace dbopt::sim {

struct SweepRow {
  int size = 0;
  PoolMetrics metrics;
  bool meets_slo = false;
};

struct SweepResult {
  std::vector<SweepRow> rows;           // by size, ascending
  std::optional<int> smallest_meeting;  // the smallest size whose row meets the SLO
};

// "4..64" or "max=4..64".
struct SizeRange {
  int lo = 0;
  int hi = 0;
};
Result<SizeRange> ParseSizeRange(std::string_view text);

// The settings for one size: max = size; a fixed-size base (min_idle >= max) stays fixed-size,
// otherwise min_idle is capped at the size.
PoolSettings SettingsForSize(const PoolSettings& base, int size);

class PoolSweep {
 public:
  static Result<PoolSweep> Create(const PoolSettings& base, SizeRange sizes, uint64_t seed,
                                  std::optional<Slo> slo);
  Status Submit(const Request& request);
  SweepResult Finish();

 private:
  PoolSweep(std::vector<Pool> pools, SizeRange sizes, std::optional<Slo> slo);

  std::vector<Pool> pools_;
  SizeRange sizes_;
  std::optional<Slo> slo_;
};

Result<SweepResult> SweepPoolSizes(const std::vector<Request>& requests, const PoolSettings& base,
                                   SizeRange sizes, uint64_t seed, std::optional<Slo> slo);

}  // namespace dbopt::sim
