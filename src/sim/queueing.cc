// Formulas of shared/reference/pool-and-routing.md §B.1; worked values in tests/unit/sim.
#include "dbopt/sim/queueing.h"

#include <cmath>
#include <limits>

namespace dbopt::sim {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
}  // namespace

// B(c, A) = (A^c/c!) / Σ_{k=0..c} A^k/k!, by the stable recursion
// B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1)).
double ErlangB(int c, double a) {
  double b = 1.0;
  for (int n = 1; n <= c; ++n) b = a * b / (n + a * b);
  return b;
}

// C(c, A) = c·B / (c - A(1 - B)).
double ErlangC(int c, double a) {
  if (a >= c) return 1.0;
  const double b = ErlangB(c, a);
  return c * b / (c - a * (1 - b));
}

// Wq = C·S / (c - A).
double MmcMeanWait(int c, double a, double mean_hold) {
  if (a >= c) return kInfinity;
  return ErlangC(c, a) * mean_hold / (c - a);
}

// P(Wq > t) = C·exp(-(c - A)·t / S).
double MmcWaitTail(int c, double a, double mean_hold, double t) {
  if (a >= c) return 1.0;
  return ErlangC(c, a) * std::exp(-(c - a) * t / mean_hold);
}

// t_p = S·ln(C / (1 - p)) / (c - A) if C > 1 - p, else 0.
double MmcWaitQuantile(int c, double a, double mean_hold, double p) {
  if (a >= c) return kInfinity;
  const double erlang_c = ErlangC(c, a);
  if (erlang_c <= 1 - p) return 0.0;
  return mean_hold * std::log(erlang_c / (1 - p)) / (c - a);
}

// Wq = λ·E[S²] / (2(1 - ρ)), ρ = λ·E[S].
double Mg1MeanWait(double lambda, double mean_hold, double second_moment) {
  const double rho = lambda * mean_hold;
  if (rho >= 1) return kInfinity;
  return lambda * second_moment / (2 * (1 - rho));
}

// Zeltyn & Mandelbaum (2005), deterministic patience τ, μ = 1/S, λ = A/S, d = λ - cμ:
//   E = Σ_{j<c} A^j/j! / (A^{c-1}/(c-1)!) = 1 / B(c-1, A)
//   J = (e^{dτ} - 1)/d + e^{dτ}/(cμ)      (J = τ + 1/(cμ) when d = 0)
//   P(wait) = λJ / (E + λJ),  P(timeout) = (1 + dJ) / (E + λJ).
// τ → ∞ gives Erlang C (and no timeouts) when stable; τ = 0 gives Erlang B.
Abandonment MmcdAbandonment(int c, double a, double mean_hold, double patience) {
  const double mu = 1.0 / mean_hold;
  const double lambda = a * mu;
  const double d = lambda - c * mu;
  const double e = 1.0 / ErlangB(c - 1, a);
  if (std::isinf(patience)) {
    if (d < 0) return {ErlangC(c, a), 0.0};
    return {1.0, 1.0 - c / a};  // unstable: everyone waits, the excess leaves
  }
  double j = 0;
  if (std::fabs(d) < 1e-12 * mu) {
    j = patience + 1.0 / (c * mu);
  } else {
    const double growth = std::exp(d * patience);
    j = (growth - 1) / d + growth / (c * mu);
  }
  return {lambda * j / (e + lambda * j), (1 + d * j) / (e + lambda * j)};
}

double InverseErlangB(int c, double blocking) {
  double lo = 0;
  double hi = 1;
  while (ErlangB(c, hi) < blocking) hi *= 2;
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
    const double mid = (lo + hi) / 2;
    (ErlangB(c, mid) < blocking ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

}  // namespace dbopt::sim
