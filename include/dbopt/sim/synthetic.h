// Synthetic request streams for what-if runs: `poisson:rate=80/s,hold=exp:100ms`
// (hold=const:100ms, hold=lognormal:100ms,0.5 — mean and sigma of ln X). Seeded and streaming.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/sim/pool.h"
#include "dbopt/sim/rng.h"

namespace dbopt::sim {

enum class HoldKind { kConst, kExp, kLognormal };

struct HoldDistribution {
  HoldKind kind = HoldKind::kExp;
  double mean_ms = 100;
  double sigma = 0.5;  // lognormal only: standard deviation of ln X
};

struct SyntheticSpec {
  double rate_per_ms = 0.08;  // Poisson arrival rate
  HoldDistribution hold;
};

Result<SyntheticSpec> ParseSyntheticSpec(std::string_view spec);
std::string FormatSyntheticSpec(const SyntheticSpec& spec);

// Poisson arrivals from t = 0 (the first one after one exponential gap); each request is a
// statement of its own (session 0).
class ArrivalGenerator {
 public:
  ArrivalGenerator(const SyntheticSpec& spec, uint64_t seed) : spec_(spec), rng_(seed) {}
  Request Next();

 private:
  double Hold();

  SyntheticSpec spec_;
  Rng rng_;
  double clock_ms_ = 0;
};

// The first `count` requests, or (count = 0) all arriving before `duration_ms`.
std::vector<Request> GenerateRequests(const SyntheticSpec& spec, uint64_t seed, uint64_t count,
                                      double duration_ms = 0);

}  // namespace dbopt::sim
