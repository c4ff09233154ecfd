#include "dbopt/sim/rng.h"

#include <cmath>
#include <cstdint>

namespace dbopt::sim {

// Z = sqrt(-2 ln U1) · cos(2π U2); the sine twin is not kept, so each call uses two draws and
// the stream position never depends on how many normals were asked for before.
double Rng::StandardNormal() {
  constexpr double kTwoPi = 6.283185307179586476925286766559;
  const double u1 = Uniform01();
  const double u2 = Uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
}

// Draw 64 bits until they fall below the largest multiple of n, then reduce: every residue is
// equally likely.
uint64_t Rng::Below(uint64_t n) {
  const uint64_t limit = UINT64_MAX - (UINT64_MAX % n);
  uint64_t x = engine_();
  while (x >= limit) x = engine_();
  return x % n;
}

}  // namespace dbopt::sim
