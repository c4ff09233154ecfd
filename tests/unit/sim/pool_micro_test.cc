// The deterministic micro-oracles of shared/reference/pool-and-routing.md §B.4 and the
// connection life cycle (idle timeout, max lifetime, min_idle), checked exactly.
#include <doctest/doctest.h>

#include <vector>

#include "dbopt/sim/pool.h"

namespace dbopt::sim {
namespace {

PoolSettings Fixed(int size) {
  PoolSettings s;
  s.max = size;
  s.min_idle = size;
  return s;
}

Request At(double arrival, double hold, uint64_t session = 0) {
  Request r;
  r.arrival_ms = arrival;
  r.hold_ms = hold;
  r.session = session;
  return r;
}

PoolMetrics Run(const PoolSettings& settings, const std::vector<Request>& requests) {
  Result<Pool> pool = Pool::Create(settings, 1);
  REQUIRE(pool.ok());
  for (const Request& r : requests) REQUIRE(pool->Submit(r).ok());
  return pool->Finish();
}

}  // namespace

TEST_SUITE("sim pool micro") {
  TEST_CASE("1: one connection, arrivals 0, 1, 2 of 10 ms wait 0, 9, 18") {
    const PoolMetrics m = Run(Fixed(1), {At(0, 10), At(1, 10), At(2, 10)});
    CHECK(m.wait_ms.mean == 9);
    CHECK(m.wait_ms.max == 18);
    CHECK(m.wait_ms.p50 == 9);
    CHECK(m.end_ms == 30);
    CHECK(m.utilization == 1.0);
    CHECK(m.waited == 2);
    CHECK(m.peak_waiting == 2);
  }

  TEST_CASE("2: two connections, four arrivals at 0 wait 0, 0, 10, 10") {
    const PoolMetrics m = Run(Fixed(2), {At(0, 10), At(0, 10), At(0, 10), At(0, 10)});
    CHECK(m.wait_ms.mean == 5);
    CHECK(m.waited_fraction == 0.5);
    CHECK(m.peak_waiting == 2);
    CHECK(m.wait_ms.max == 10);
  }

  TEST_CASE("3: a waiter gives up after acquire_timeout") {
    PoolSettings s = Fixed(1);
    s.acquire_timeout_ms = 5;
    const PoolMetrics m = Run(s, {At(0, 10), At(1, 10)});
    CHECK(m.timeouts == 1);
    CHECK(m.served == 1);
    CHECK(m.requests == 2);
    CHECK(m.waited_fraction == 0.5);
    CHECK(m.end_ms == 10);
    // The waiter waited 5 ms (t = 1..6): a queue of one over 5 of the 10 ms.
    CHECK(m.mean_waiting == doctest::Approx(0.5));
  }

  TEST_CASE("4: transaction mode holds from the first statement to COMMIT, think time included") {
    auto session_x = [](PoolMode mode) {
      PoolSettings s = Fixed(1);
      s.mode = mode;
      std::vector<Request> trace;
      Request q1 = At(0, 5, 1);  // BEGIN; q1 0-5 ms
      q1.txn = 7;
      q1.txn_end = false;
      Request q2 = At(25, 5, 1);  // q2 25-30 ms, then COMMIT
      q2.txn = 7;
      q2.txn_end = true;
      Request y = At(6, 1, 2);  // session Y, autocommit
      return Run(s, {q1, y, q2});
    };
    const PoolMetrics transaction = session_x(PoolMode::kTransaction);
    CHECK(transaction.requests == 2);
    CHECK(transaction.wait_ms.max == 24);  // Y waits 6 -> 30
    CHECK(transaction.end_ms == 31);
    const PoolMetrics statement = session_x(PoolMode::kStatement);
    CHECK(statement.requests == 3);
    CHECK(statement.wait_ms.max == 0);
  }

  TEST_CASE("4b: session mode holds until session_end; later statements shift by the wait") {
    PoolSettings s = Fixed(1);
    s.mode = PoolMode::kSession;
    Request a1 = At(0, 2, 1);
    Request b1 = At(1, 3, 2);  // waits for session 1 to end at 12
    Request a2 = At(10, 2, 1);
    a2.session_end = true;
    Request b2 = At(5, 1, 2);  // (submitted in order below)
    b2.session_end = true;
    const PoolMetrics m = Run(s, {a1, b1, b2, a2});
    CHECK(m.requests == 2);
    CHECK(m.wait_ms.max == 11);       // b acquires at 12
    CHECK(m.end_ms == 12 + (6 - 1));  // b's span 1..6 shifted to 12..17
  }

  TEST_CASE("5: FIFO waits 9, 9, 9 and LIFO waits 11, 9, 7 — same mean, different max") {
    auto run = [](WaiterOrder order) {
      PoolSettings s = Fixed(1);
      s.order = order;
      return Run(s, {At(0, 10), At(1, 1), At(2, 1), At(3, 1)});
    };
    const PoolMetrics fifo = run(WaiterOrder::kFifo);
    const PoolMetrics lifo = run(WaiterOrder::kLifo);
    CHECK(fifo.wait_ms.mean == 27.0 / 4);
    CHECK(lifo.wait_ms.mean == 27.0 / 4);
    CHECK(fifo.wait_ms.max == 9);
    CHECK(lifo.wait_ms.max == 11);
    CHECK(lifo.wait_ms.p50 == 7);  // sorted waits 0, 7, 9, 11
  }

  TEST_CASE("idle timeout closes connections above min_idle; reopening costs connect_ms") {
    PoolSettings s;
    s.max = 2;
    s.idle_timeout_ms = 100;
    s.connect_ms = 3;
    const PoolMetrics m = Run(s, {At(0, 10), At(0, 10), At(500, 10)});
    CHECK(m.opened == 3);
    CHECK(m.closed_idle_timeout == 2);
    CHECK(m.wait_ms.max == 3);  // every request paid the connect
    CHECK(m.end_ms == 513);
    s.min_idle = 1;
    const PoolMetrics kept = Run(s, {At(0, 10), At(0, 10), At(500, 10)});
    CHECK(kept.closed_idle_timeout == 1);
    CHECK(kept.opened == 2);        // min_idle opened one at the start, one was added
    CHECK(kept.wait_ms.mean == 1);  // 0 (warm), 3 (connect), 0 (kept idle)
  }

  TEST_CASE("max lifetime retires busy connections on return and idle ones at once") {
    PoolSettings s = Fixed(1);
    s.max_lifetime_ms = 50;
    s.connect_ms = 2;
    const PoolMetrics m = Run(s, {At(0, 60), At(61, 1), At(200, 1)});
    // Conn 1 (born 0) expires busy at 50, closes at 60; conn 2 opens 60..62 and serves the
    // request of 61 (wait 1); it expires idle at 112, conn 3 is ready at 114, expires idle at
    // 164, and conn 4 (ready at 166) serves the request of 200 at once.
    CHECK(m.closed_max_lifetime == 3);
    CHECK(m.opened == 4);
    CHECK(m.wait_ms.max == 1);
    CHECK(m.end_ms == 201);
  }

  TEST_CASE("max_idle closes returned connections beyond it (Go's MaxIdleClosed)") {
    PoolSettings s;
    s.max = kUnlimited;
    s.max_idle = 1;
    const PoolMetrics m = Run(s, {At(0, 10), At(0, 10), At(0, 10)});
    CHECK(m.opened == 3);
    CHECK(m.closed_max_idle == 2);
    CHECK(m.peak_open == 3);
    CHECK(m.utilization == 1.0);  // unlimited: relative to the peak of open connections
  }

  TEST_CASE("acquire_timeout 0 never waits (a loss system)") {
    PoolSettings s = Fixed(1);
    s.acquire_timeout_ms = 0;
    const PoolMetrics m = Run(s, {At(0, 10), At(5, 10), At(10, 10)});
    CHECK(m.timeouts == 1);
    CHECK(m.served == 2);  // the one at 10 gets the connection freed at 10
  }

  TEST_CASE("a transaction that timed out drops its later statements") {
    PoolSettings s = Fixed(1);
    s.mode = PoolMode::kTransaction;
    s.acquire_timeout_ms = 5;
    Request first = At(1, 1, 2);
    first.txn = 3;
    first.txn_end = false;
    Request last = At(8, 1, 2);
    last.txn = 3;
    const PoolMetrics m = Run(s, {At(0, 20, 1), first, last});
    CHECK(m.timeouts == 1);
    CHECK(m.dropped_statements == 1);
    CHECK(m.statements == 3);
  }

  TEST_CASE("the timeline has a fixed number of buckets covering the run") {
    PoolSettings s = Fixed(2);
    s.timeline_buckets = 8;
    std::vector<Request> trace;
    for (int i = 0; i < 100; ++i) trace.push_back(At(i * 10.0, 15));
    const PoolMetrics m = Run(s, trace);
    REQUIRE(m.timeline.size() <= 8);
    CHECK(m.timeline.front().start_ms == 0);
    CHECK(m.timeline.back().start_ms + m.timeline.back().width_ms >= m.end_ms);
    CHECK(m.timeline.front().max_in_use == 2);
    double area = 0;
    for (const auto& b : m.timeline) {
      area += b.mean_in_use * std::min(b.width_ms, m.end_ms - b.start_ms);
    }
    CHECK(area == doctest::Approx(m.mean_in_use * (m.end_ms - m.start_ms)));
  }

  TEST_CASE("requests out of order and negative holds are errors") {
    Result<Pool> pool = Pool::Create(Fixed(1), 1);
    REQUIRE(pool.ok());
    CHECK(pool->Submit(At(5, 1)).ok());
    const Status early = pool->Submit(At(4, 1));
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().message() ==
          "request 2: arrival 4.000000 ms is before the previous arrival 5.000000 ms (requests "
          "must come in arrival order)");
    const Status negative = pool->Submit(At(6, -1));
    REQUIRE_FALSE(negative.ok());
    CHECK(negative.error().message() == "request 2: negative hold time");
  }
}

}  // namespace dbopt::sim
