#include "dbopt/sim/queueing.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

namespace dbopt::sim {
namespace {

// Equal to 4 significant figures: |x - y| <= 0.5 unit in the 4th digit of y.
bool FourSignificant(double x, double y) {
  if (y == 0) return std::fabs(x) < 1e-12;
  const double unit = std::pow(10.0, std::floor(std::log10(std::fabs(y))) - 3);
  return std::fabs(x - y) <= 0.5 * unit + 1e-15;
}

struct Row {
  int c;
  double a;
  double b, erlang_c, wq, lq, wq_given_wait, tail_s, p50, p90, p95, p99;
};

// shared/reference/pool-and-routing.md §B.2 (times in units of S).
const Row kTable[] = {
    {1, 0.8, 0.4444, 0.8000, 4.000, 3.200, 5.000, 0.6550, 2.350, 10.40, 13.86, 21.91},
    {2, 1, 0.2000, 0.3333, 0.3333, 0.3333, 1.000, 0.1226, 0, 1.204, 1.897, 3.507},
    {5, 4, 0.1991, 0.5541, 0.5541, 2.216, 1.000, 0.2038, 0.1028, 1.712, 2.405, 4.015},
    {10, 5, 0.01838, 0.03611, 0.007221, 0.03611, 0.2000, 0.0002433, 0, 0, 0, 0.2568},
    {10, 8, 0.1217, 0.4092, 0.2046, 1.637, 0.5000, 0.05538, 0, 0.7045, 1.051, 1.856},
    {10, 9, 0.1680, 0.6687, 0.6687, 6.019, 1.000, 0.2460, 0.2908, 1.900, 2.593, 4.203},
    {16, 12, 0.06041, 0.2046, 0.05114, 0.6137, 0.2500, 0.003747, 0, 0.1789, 0.3522, 0.7546},
    {20, 15, 0.04559, 0.1604, 0.03209, 0.4813, 0.2000, 0.001081, 0, 0.09454, 0.2332, 0.5551},
    {30, 25, 0.05260, 0.2499, 0.04998, 1.249, 0.2000, 0.001684, 0, 0.1832, 0.3218, 0.6437},
    {55, 48, 0.03837, 0.2387, 0.03410, 1.637, 0.1429, 0.0002177, 0, 0.1243, 0.2233, 0.4532},
    {100, 90, 0.02696, 0.2169, 0.02169, 1.952, 0.1000, 9.849e-6, 0, 0.07745, 0.1468, 0.3077},
};

}  // namespace

TEST_SUITE("sim queueing") {
  TEST_CASE("Erlang B/C, M/M/c waits and quantiles match §B.2 to 4 significant figures") {
    for (const Row& r : kTable) {
      CAPTURE(r.c);
      CAPTURE(r.a);
      const double erlang_c = ErlangC(r.c, r.a);
      CHECK(FourSignificant(ErlangB(r.c, r.a), r.b));
      CHECK(FourSignificant(erlang_c, r.erlang_c));
      CHECK(FourSignificant(MmcMeanWait(r.c, r.a, 1.0), r.wq));
      CHECK(FourSignificant(erlang_c * r.a / (r.c - r.a), r.lq));  // Lq = C·A/(c - A)
      CHECK(FourSignificant(MmcMeanWait(r.c, r.a, 1.0) / erlang_c, r.wq_given_wait));
      CHECK(FourSignificant(MmcWaitTail(r.c, r.a, 1.0, 1.0), r.tail_s));
      CHECK(FourSignificant(MmcWaitQuantile(r.c, r.a, 1.0, 0.50), r.p50));
      CHECK(FourSignificant(MmcWaitQuantile(r.c, r.a, 1.0, 0.90), r.p90));
      CHECK(FourSignificant(MmcWaitQuantile(r.c, r.a, 1.0, 0.95), r.p95));
      CHECK(FourSignificant(MmcWaitQuantile(r.c, r.a, 1.0, 0.99), r.p99));
    }
  }

  TEST_CASE("the concrete-unit example: 80 req/s, 100 ms holds, 10 connections") {
    const double a = 80 * 0.1;
    CHECK(FourSignificant(MmcMeanWait(10, a, 100), 20.46));
    CHECK(FourSignificant(MmcWaitQuantile(10, a, 100, 0.90), 70.45));
    CHECK(FourSignificant(MmcWaitQuantile(10, a, 100, 0.95), 105.1));
    CHECK(FourSignificant(MmcWaitQuantile(10, a, 100, 0.99), 185.6));
  }

  TEST_CASE("published cross-checks §B.3") {
    CHECK(FourSignificant(InverseErlangB(10, 0.01), 4.461));
    CHECK(FourSignificant(InverseErlangB(10, 0.02), 5.084));
    CHECK(FourSignificant(InverseErlangB(10, 0.05), 6.216));
    CHECK(FourSignificant(ErlangB(10, 4.46), 0.009985));
    CHECK(FourSignificant(ErlangB(10, 5.08), 0.01992));
    CHECK(FourSignificant(ErlangB(30, 25), 0.05260));
    // Call centre: 48 E, 55 agents, 4-minute calls: ASA 8.184 s, P(W <= 15 s) = 0.8459.
    CHECK(FourSignificant(MmcMeanWait(55, 48, 240), 8.184));
    CHECK(FourSignificant(1 - MmcWaitTail(55, 48, 240, 15), 0.8459));
  }

  TEST_CASE("M/M/c+D abandonment §B.3") {
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(FourSignificant(MmcdAbandonment(10, 8, 1, 0).p_timeout, 0.1217));
    CHECK(FourSignificant(MmcdAbandonment(10, 8, 1, 0.5).p_wait, 0.3283));
    CHECK(FourSignificant(MmcdAbandonment(10, 8, 1, 0.5).p_timeout, 0.03423));
    CHECK(FourSignificant(MmcdAbandonment(10, 8, 1, 1).p_wait, 0.3818));
    CHECK(FourSignificant(MmcdAbandonment(10, 8, 1, 1).p_timeout, 0.01159));
    CHECK(FourSignificant(MmcdAbandonment(10, 8, 1, inf).p_wait, 0.4092));
    CHECK(MmcdAbandonment(10, 8, 1, inf).p_timeout == 0);
    CHECK(FourSignificant(MmcdAbandonment(10, 12, 1, 0.5).p_wait, 0.8303));
    CHECK(FourSignificant(MmcdAbandonment(10, 12, 1, 0.5).p_timeout, 0.1996));
    CHECK(FourSignificant(MmcdAbandonment(10, 12, 1, 1).p_wait, 0.9445));
    CHECK(FourSignificant(MmcdAbandonment(10, 12, 1, 1).p_timeout, 0.1774));
    CHECK(FourSignificant(MmcdAbandonment(2, 1, 1, 1).p_wait, 0.2898));
    CHECK(FourSignificant(MmcdAbandonment(2, 1, 1, 1).p_timeout, 0.06532));
    CHECK(FourSignificant(MmcdAbandonment(1, 0.8, 1, 1).p_wait, 0.5798));
    CHECK(FourSignificant(MmcdAbandonment(1, 0.8, 1, 1).p_timeout, 0.2752));
    // The same law in other time units: patience and hold both in ms.
    CHECK(FourSignificant(MmcdAbandonment(10, 8, 100, 50).p_timeout, 0.03423));
  }

  TEST_CASE("Pollaczek–Khinchine: M/D/1 waits half as long as M/M/1 at ρ = 0.8") {
    CHECK(FourSignificant(Mg1MeanWait(0.8, 1, 1), 2.000));  // E[S²] = S² for constant S
    CHECK(FourSignificant(Mg1MeanWait(0.8, 1, 2), 4.000));  // E[S²] = 2S² for exponential S
    CHECK(FourSignificant(MmcMeanWait(1, 0.8, 1), 4.000));
  }
}

}  // namespace dbopt::sim
