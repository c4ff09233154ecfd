// A seeded random source whose outputs are the same on every platform: the engine is
// std::mt19937_64 (its output sequence is fixed by the C++ standard) and every distribution is
// written here from raw bits, because std::*_distribution results are implementation-defined.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace dbopt::sim {

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  uint64_t NextBits() { return engine_(); }

  // Uniform on the open interval (0, 1): the top 53 bits, centred in their cell,
  // u = (floor(x / 2^11) + 0.5) · 2^-53, so log(u) is always finite.
  double Uniform01() { return (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53; }

  // Exponential with the given mean by inversion: X = -mean · ln(U).
  double Exponential(double mean) { return -mean * std::log(Uniform01()); }

  // Standard normal by the Box–Muller transform: Z = sqrt(-2 ln U1) · cos(2π U2).
  double StandardNormal();

  // Uniform integer in [0, n), n > 0, without modulo bias (rejection of the short last cell).
  uint64_t Below(uint64_t n);

 private:
  std::mt19937_64 engine_;
};

}  // namespace dbopt::sim
