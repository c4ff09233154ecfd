// User-written specs: SLOs, synthetic workloads, pool settings and presets — exact messages.
#include <doctest/doctest.h>

#include <string>

#include "dbopt/sim/pool_settings.h"
#include "dbopt/sim/pool_sweep.h"
#include "dbopt/sim/slo.h"
#include "dbopt/sim/synthetic.h"

namespace dbopt::sim {
namespace {

template <typename T>
std::string ErrorOf(const Result<T>& r) {
  return r.ok() ? "(ok)" : r.error().message();
}
template <typename T>
std::string HintOf(const Result<T>& r) {
  return r.ok() ? "(ok)" : r.error().diagnostic.hint;
}

}  // namespace

TEST_SUITE("sim specs") {
  TEST_CASE("SLOs parse into conditions and are checked against metrics") {
    Result<Slo> slo = ParseSlo("p99_wait<50ms, timeouts<=0,waited_fraction<5%");
    REQUIRE(slo.ok());
    REQUIRE(slo->conditions.size() == 3);
    CHECK(slo->conditions[0].metric == SloMetric::kP99Wait);
    CHECK(slo->conditions[0].threshold == 50);
    CHECK_FALSE(slo->conditions[0].inclusive);
    CHECK(slo->conditions[1].inclusive);
    CHECK(slo->conditions[2].threshold == doctest::Approx(0.05));
    PoolMetrics m;
    m.wait_ms.p99 = 49;
    m.waited_fraction = 0.04;
    CHECK(MeetsSlo(*slo, m));
    m.wait_ms.p99 = 50;
    CHECK_FALSE(MeetsSlo(*slo, m));
    CHECK(ParseSlo("max_wait<=1.5s")->conditions[0].threshold == 1500);
    CHECK(ParseSlo("timeouts<0.1%")->conditions[0].fraction);
  }

  TEST_CASE("SLO errors") {
    CHECK(ErrorOf(ParseSlo("")) == "empty SLO: expected e.g. \"p99_wait<50ms\"");
    CHECK(ErrorOf(ParseSlo("p99wait<50ms")) ==
          "unknown SLO metric \"p99wait\" (expected one of: p50_wait, p95_wait, p99_wait, "
          "max_wait, mean_wait, timeouts, waited_fraction)");
    CHECK(HintOf(ParseSlo("p99wait<50ms")) == "did you mean \"p99_wait\"?");
    CHECK(ErrorOf(ParseSlo("p99_wait>50ms")) ==
          "invalid SLO \"p99_wait>50ms\": expected <metric><op><value> with op < or <=, like "
          "p99_wait<50ms");
    CHECK(ErrorOf(ParseSlo("p99_wait<50")) ==
          "invalid SLO \"p99_wait<50\": invalid duration \"50\": missing unit (expected us, ms, "
          "s, m or h)");
    CHECK(ErrorOf(ParseSlo("p99_wait<50sec")) ==
          "invalid SLO \"p99_wait<50sec\": invalid duration \"50sec\": unknown unit \"sec\" "
          "(expected us, ms, s, m or h)");
    CHECK(ErrorOf(ParseSlo("p99_wait<")) ==
          "invalid SLO \"p99_wait<\": missing value after the operator");
    CHECK(ErrorOf(ParseSlo("waited_fraction<5ms")) ==
          "invalid SLO \"waited_fraction<5ms\": waited_fraction takes a percentage or a "
          "fraction, like 5% or 0.05");
    CHECK(ErrorOf(ParseSlo("timeouts<few")) ==
          "invalid SLO \"timeouts<few\": timeouts takes a count or a percentage, like 0 or 0.1%");
  }

  TEST_CASE("synthetic workloads") {
    Result<SyntheticSpec> spec = ParseSyntheticSpec("poisson:rate=80/s,hold=exp:100ms");
    REQUIRE(spec.ok());
    CHECK(spec->rate_per_ms == doctest::Approx(0.08));
    CHECK(spec->hold.kind == HoldKind::kExp);
    CHECK(spec->hold.mean_ms == 100);
    Result<SyntheticSpec> lognormal =
        ParseSyntheticSpec("poisson:hold=lognormal:20ms,0.8,rate=5/ms");
    REQUIRE(lognormal.ok());
    CHECK(lognormal->hold.sigma == doctest::Approx(0.8));
    CHECK(lognormal->rate_per_ms == 5);
    CHECK(ParseSyntheticSpec("poisson:rate=60/min,hold=const:1s")->hold.mean_ms == 1000);
    // Lognormal holds have the requested mean.
    SyntheticSpec s = *lognormal;
    double sum = 0;
    for (const Request& r : GenerateRequests(s, 7, 100000)) sum += r.hold_ms;
    CHECK(sum / 100000 == doctest::Approx(20).epsilon(0.01));
    CHECK(GenerateRequests(*spec, 1, 0, 1000).size() > 50);  // ~80 arrivals in one second
  }

  TEST_CASE("synthetic workload errors") {
    CHECK(ErrorOf(ParseSyntheticSpec("")) ==
          "empty synthetic workload: expected e.g. \"poisson:rate=80/s,hold=exp:100ms\"");
    CHECK(ErrorOf(ParseSyntheticSpec("poison:rate=80/s,hold=exp:100ms")) ==
          "unknown arrival process \"poison\" (expected one of: poisson)");
    CHECK(HintOf(ParseSyntheticSpec("poison:rate=80/s")) == "did you mean \"poisson\"?");
    CHECK(ErrorOf(ParseSyntheticSpec("poisson:rat=80/s,hold=exp:100ms")) ==
          "unknown synthetic parameter \"rat\" (expected one of: rate, hold)");
    CHECK(ErrorOf(ParseSyntheticSpec("poisson:hold=exp:100ms")) ==
          "synthetic workload: missing rate=<number>/<unit>, like rate=80/s");
    CHECK(ErrorOf(ParseSyntheticSpec("poisson:rate=80/s")) ==
          "synthetic workload: missing hold=<distribution>:<mean>, like hold=exp:100ms");
    CHECK(ErrorOf(ParseSyntheticSpec("poisson:rate=80,hold=exp:100ms")) ==
          "invalid rate \"80\": expected <number>/<unit>, like 80/s");
    CHECK(ErrorOf(ParseSyntheticSpec("poisson:rate=80/sec,hold=exp:100ms")) ==
          "invalid rate \"80/sec\": unknown unit \"sec\" (expected us, ms, s, m or h)");
    CHECK(ErrorOf(ParseSyntheticSpec("poisson:rate=80/s,hold=expo:100ms")) ==
          "unknown hold distribution \"expo\" (expected one of: exp, const, lognormal)");
    CHECK(HintOf(ParseSyntheticSpec("poisson:rate=80/s,hold=expo:100ms")) ==
          "did you mean \"exp\"?");
    CHECK(ErrorOf(ParseSyntheticSpec("poisson:rate=80/s,hold=exp:100ms,2")) ==
          "invalid hold \"exp:100ms,2\": only lognormal takes a sigma");
    CHECK(ErrorOf(ParseSyntheticSpec("poisson:rate=0/s,hold=exp:1ms")) ==
          "invalid rate \"0/s\": must be positive");
  }

  TEST_CASE("pool specs and presets") {
    Result<PoolSettings> s = ParsePoolSpec(
        "max=20,min_idle=5,acquire_timeout=30s,idle_timeout=10m,max_lifetime=30m,connect_ms=3,"
        "mode=transaction,order=lifo",
        PoolSettings{});
    REQUIRE(s.ok());
    CHECK(s->max == 20);
    CHECK(s->min_idle == 5);
    CHECK(s->acquire_timeout_ms == 30000);
    CHECK(s->idle_timeout_ms == 600000);
    CHECK(s->max_lifetime_ms == 1800000);
    CHECK(s->connect_ms == 3);
    CHECK(s->mode == PoolMode::kTransaction);
    CHECK(s->order == WaiterOrder::kLifo);
    CHECK(ParsePoolSpec(FormatPoolSettings(*s), PoolSettings{})->max_lifetime_ms == 1800000);
    CHECK(ErrorOf(ParsePoolSpec("max_conn=5", PoolSettings{})) ==
          "unknown pool setting \"max_conn\" (expected one of: max, min_idle, max_idle, "
          "acquire_timeout, idle_timeout, max_lifetime, connect_ms, mode, order, reuse)");
    CHECK(ErrorOf(ParsePoolSpec("mode=transact", PoolSettings{})) ==
          "unknown pool mode \"transact\" (expected one of: statement, transaction, session)");
    CHECK(ErrorOf(ParsePoolSpec("max=5,min_idle=6", PoolSettings{})) ==
          "pool min_idle (6) must not exceed max (5)");
    CHECK(ErrorOf(ParsePoolSpec("max=five", PoolSettings{})) ==
          "pool setting max: invalid count \"five\" (expected a number or unlimited)");
    CHECK(ErrorOf(ParsePoolSpec("acquire_timeout=soon", PoolSettings{})) ==
          "pool setting acquire_timeout: invalid duration \"soon\": expected a number and a "
          "unit, like 50ms");
    CHECK(ErrorOf(ParsePoolSpec("max", PoolSettings{})) ==
          "invalid pool setting \"max\": expected key=value");

    const PoolSettings hikari = *PoolPreset("hikaricp");
    CHECK(hikari.max == 10);
    CHECK(hikari.min_idle == 10);
    CHECK(hikari.acquire_timeout_ms == 30000);
    CHECK(hikari.max_lifetime_ms == 1800000);
    const PoolSettings bouncer = *PoolPreset("pgbouncer");
    CHECK(bouncer.max == 20);
    CHECK(bouncer.acquire_timeout_ms == 120000);
    CHECK(bouncer.mode == PoolMode::kSession);
    const PoolSettings go = *PoolPreset("go-sql");
    CHECK(go.max == kUnlimited);
    CHECK(go.max_idle == 2);
    CHECK(go.order == WaiterOrder::kRandom);
    CHECK(HintOf(PoolPreset("hikari")) == "did you mean \"hikaricp\"?");
  }

  TEST_CASE("sweep finds the smallest pool meeting the SLO, in one pass") {
    SyntheticSpec spec;  // 80/s, exp 100 ms: A = 8
    const std::vector<Request> requests = GenerateRequests(spec, 5, 50000);
    Result<SweepResult> sweep =
        SweepPoolSizes(requests, *PoolPreset("hikaricp"), {8, 14}, 5, *ParseSlo("p99_wait<50ms"));
    REQUIRE(sweep.ok());
    REQUIRE(sweep->rows.size() == 7);
    CHECK(sweep->rows[0].metrics.wait_ms.p99 > sweep->rows[6].metrics.wait_ms.p99);
    // Erlang C: p99 wait is 185.6, 106.6, 65.95, 40.56 ms at c = 10, 11, 12, 13.
    REQUIRE(sweep->smallest_meeting.has_value());
    CHECK(*sweep->smallest_meeting == 13);
    CHECK(ErrorOf(ParseSizeRange("max=8..4")) ==
          "invalid pool size range \"max=8..4\": need 1 <= lo <= hi");
    CHECK(ParseSizeRange("max=4..64")->hi == 64);
  }
}

}  // namespace dbopt::sim
