// The simulator against queueing theory (shared/reference/pool-and-routing.md §B), with fixed
// seeds. Tolerance rationale: successive waits are strongly correlated (busy periods), so the
// binomial standard error sqrt(p(1-p)/n) understates the noise by ~5x. Each tolerance below is
// 4 standard deviations of the estimator measured over 12 seeds at the same n = 4·10^5
// (e.g. Erlang C P(wait): σ = 0.0044, mean wait: σ = 0.59 ms, p95: σ = 2.6 ms), so a correct
// simulator fails with probability < 10^-4 per check, and the seeds are fixed anyway.
#include <doctest/doctest.h>

#include <cstdint>

#include "dbopt/sim/pool.h"
#include "dbopt/sim/queueing.h"
#include "dbopt/sim/synthetic.h"

namespace dbopt::sim {
namespace {

constexpr uint64_t kArrivals = 400000;

struct Case {
  int c = 10;
  double rate_per_ms = 0.08;  // 80 requests/s
  HoldKind hold = HoldKind::kExp;
  double hold_ms = 100;
  double timeout_ms = kNever;
  WaiterOrder order = WaiterOrder::kFifo;
  uint64_t seed = 42;
};

PoolMetrics Simulate(const Case& k) {
  PoolSettings s;
  s.max = k.c;
  s.min_idle = k.c;
  s.acquire_timeout_ms = k.timeout_ms;
  s.order = k.order;
  SyntheticSpec spec;
  spec.rate_per_ms = k.rate_per_ms;
  spec.hold.kind = k.hold;
  spec.hold.mean_ms = k.hold_ms;
  Result<Pool> pool = Pool::Create(s, k.seed);
  REQUIRE(pool.ok());
  ArrivalGenerator arrivals(spec, k.seed);
  bool all_ok = true;
  for (uint64_t i = 0; i < kArrivals; ++i) all_ok &= pool->Submit(arrivals.Next()).ok();
  REQUIRE(all_ok);
  return pool->Finish();
}

}  // namespace

TEST_SUITE("sim pool oracle") {
  TEST_CASE("M/M/c FIFO matches Erlang C: c=10, A=8 (80/s, 100 ms)") {
    const PoolMetrics m = Simulate(Case{});
    CHECK(m.waited_fraction == doctest::Approx(ErlangC(10, 8)).epsilon(0.018 / 0.4092));
    CHECK(m.wait_ms.mean == doctest::Approx(MmcMeanWait(10, 8, 100)).epsilon(2.4 / 20.46));
    CHECK(m.wait_ms.p90 == doctest::Approx(MmcWaitQuantile(10, 8, 100, 0.90)).epsilon(6.7 / 70.45));
    CHECK(m.wait_ms.p95 ==
          doctest::Approx(MmcWaitQuantile(10, 8, 100, 0.95)).epsilon(10.6 / 105.1));
    CHECK(m.utilization == doctest::Approx(0.8).epsilon(0.01));
    CHECK(m.mean_waiting == doctest::Approx(1.637).epsilon(0.15));  // Lq by Little's law
    CHECK_FALSE(m.wait_quantiles_exact);
  }

  TEST_CASE("waiter order leaves P(wait) and the mean alone but not the tail (M/M/c)") {
    Case fifo;
    Case lifo;
    lifo.order = WaiterOrder::kLifo;
    Case random;
    random.order = WaiterOrder::kRandom;
    const PoolMetrics f = Simulate(fifo);
    for (const Case& k : {lifo, random}) {
      const PoolMetrics m = Simulate(k);
      CHECK(m.waited_fraction == doctest::Approx(ErlangC(10, 8)).epsilon(0.045));
      CHECK(m.wait_ms.mean == doctest::Approx(MmcMeanWait(10, 8, 100)).epsilon(0.12));
      CHECK(m.wait_ms.p99 > 1.3 * f.wait_ms.p99);  // pilot: FIFO 190, random 266, LIFO 404 ms
    }
  }

  TEST_CASE("no waiting (acquire_timeout=0) matches Erlang B, for any hold distribution") {
    Case exponential;
    exponential.timeout_ms = 0;
    Case constant = exponential;
    constant.hold = HoldKind::kConst;
    for (const Case& k : {exponential, constant}) {
      const PoolMetrics m = Simulate(k);
      CHECK(m.timeout_fraction == doctest::Approx(ErlangB(10, 8)).epsilon(0.004 / 0.1217));
      CHECK(m.wait_ms.max == 0);
    }
  }

  TEST_CASE("acquire timeout = abandonment: M/M/c+D") {
    Case normal;
    normal.timeout_ms = 50;  // τ = 0.5 S
    const Abandonment theory = MmcdAbandonment(10, 8, 100, 50);
    const PoolMetrics m = Simulate(normal);
    CHECK(m.timeout_fraction == doctest::Approx(theory.p_timeout).epsilon(0.0027 / 0.03423));
    CHECK(m.waited_fraction == doctest::Approx(theory.p_wait).epsilon(0.012 / 0.3283));
    CHECK(m.wait_ms.max <= 50);

    Case overload;
    overload.rate_per_ms = 0.12;  // A = 12 > c: only abandonment keeps it stable
    overload.timeout_ms = 100;
    const Abandonment heavy = MmcdAbandonment(10, 12, 100, 100);
    const PoolMetrics o = Simulate(overload);
    CHECK(o.timeout_fraction == doctest::Approx(heavy.p_timeout).epsilon(0.007 / 0.1774));
    CHECK(o.waited_fraction == doctest::Approx(heavy.p_wait).epsilon(0.0072 / 0.9445));
  }

  TEST_CASE("M/D/1 waits half as long as M/M/1 at ρ = 0.8 (Pollaczek–Khinchine)") {
    Case deterministic;
    deterministic.c = 1;
    deterministic.hold = HoldKind::kConst;
    deterministic.hold_ms = 10;
    Case exponential = deterministic;
    exponential.hold = HoldKind::kExp;
    const PoolMetrics d = Simulate(deterministic);
    const PoolMetrics e = Simulate(exponential);
    CHECK(d.wait_ms.mean == doctest::Approx(Mg1MeanWait(0.08, 10, 100)).epsilon(1.0 / 20));
    CHECK(e.wait_ms.mean == doctest::Approx(Mg1MeanWait(0.08, 10, 200)).epsilon(2.9 / 40));
    CHECK(d.waited_fraction == doctest::Approx(0.8).epsilon(0.01));  // c = 1: P(wait) = ρ
  }

  TEST_CASE("same seed, same metrics; another seed, other metrics") {
    Case k;
    k.order = WaiterOrder::kRandom;
    const PoolMetrics a = Simulate(k);
    const PoolMetrics b = Simulate(k);
    CHECK(a.wait_ms.mean == b.wait_ms.mean);
    CHECK(a.wait_ms.p99 == b.wait_ms.p99);
    CHECK(a.waited == b.waited);
    CHECK(a.end_ms == b.end_ms);
    CHECK(a.mean_in_use == b.mean_in_use);
    REQUIRE(a.timeline.size() == b.timeline.size());
    for (size_t i = 0; i < a.timeline.size(); ++i) {
      CHECK(a.timeline[i].mean_waiting == b.timeline[i].mean_waiting);
    }
    k.seed = 43;
    const PoolMetrics c = Simulate(k);
    CHECK(c.wait_ms.mean != a.wait_ms.mean);
    CHECK(c.waited != a.waited);
  }
}

}  // namespace dbopt::sim
