// A discrete-event simulation of a connection pool driven by a stream of requests
// (docs/pool-model.md). Requests are submitted in arrival order and the pool keeps only
// in-flight state — busy and idle connections, waiters, open transactions/sessions — so memory
// does not grow with the length of the trace. Deterministic for a given seed.
//
//   Result<Pool> pool = Pool::Create(settings, seed);
//   for (const Request& r : trace) if (Status s = pool->Submit(r); !s) return s.error();
//   PoolMetrics m = pool->Finish();
#pragma once

#include <cstdint>
#include <deque>
#include <queue>
#include <unordered_map>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/sim/pool_settings.h"
#include "dbopt/sim/quantile_histogram.h"
#include "dbopt/sim/rng.h"
#include "dbopt/sim/timeline.h"

namespace dbopt::sim {

// One statement of the trace. Transaction and session modes group statements into one hold:
// from the first statement's arrival to the end (arrival + hold) of the statement that ends the
// transaction (txn_end) or the session (session_end), shifted by the wait of the first one.
struct Request {
  double arrival_ms = 0;     // when the statement starts in the trace
  double hold_ms = 0;        // how long it runs
  uint64_t session = 0;      // 0: no session — the statement is a unit of its own in every mode
  uint64_t txn = 0;          // 0: autocommit
  bool txn_end = true;       // the transaction ends with this statement (COMMIT, or autocommit)
  bool session_end = false;  // the client disconnects after this statement
};

struct WaitSummary {
  double mean = 0;
  double p50 = 0;
  double p90 = 0;
  double p95 = 0;
  double p99 = 0;
  double max = 0;
};

struct PoolMetrics {
  uint64_t statements = 0;           // submitted
  uint64_t requests = 0;             // connection acquisitions attempted (holds)
  uint64_t served = 0;               // got a connection
  uint64_t waited = 0;               // did not get one at once (served after a wait, or timed out)
  uint64_t timeouts = 0;             // gave up after acquire_timeout
  uint64_t dropped_statements = 0;   // later statements of a transaction/session that timed out
  double waited_fraction = 0;        // waited / requests
  double timeout_fraction = 0;       // timeouts / requests
  WaitSummary wait_ms;               // over served requests (zeros included)
  bool wait_quantiles_exact = true;  // false: from the histogram (within 0.39 %)
  double start_ms = 0;               // first arrival
  double end_ms = 0;                 // last release or timeout
  double mean_in_use = 0;            // time-weighted over [start, end]
  double utilization = 0;            // mean_in_use / max (unlimited pool: / peak_open)
  double mean_waiting = 0;           // time-weighted queue length
  int peak_in_use = 0;
  int peak_waiting = 0;
  int peak_open = 0;
  uint64_t opened = 0;
  uint64_t closed_idle_timeout = 0;
  uint64_t closed_max_lifetime = 0;
  uint64_t closed_max_idle = 0;
  std::vector<TimelineBucket> timeline;
};

class Pool {
 public:
  static Result<Pool> Create(const PoolSettings& settings, uint64_t seed);

  // Errors: arrival before the previous one, negative or non-finite times.
  Status Submit(const Request& request);
  // Ends open transactions/sessions at their last statement, runs the pool until every request
  // has been served or has timed out, and returns the metrics. Call once.
  PoolMetrics Finish();

  const PoolSettings& settings() const { return settings_; }

 private:
  enum class EventKind : uint8_t { kRelease, kConnected, kLifetime };
  struct Event {
    double time;
    uint64_t seq;  // ties at the same time go in scheduling order
    EventKind kind;
    uint32_t conn;
    uint32_t generation;
    bool operator>(const Event& o) const { return time != o.time ? time > o.time : seq > o.seq; }
  };
  struct Connection {
    double born_ms = 0;
    double idle_since_ms = 0;
    uint32_t generation = 0;  // bumped on close, so stale lifetime events are ignored
    bool open = false;
    bool busy = false;
    bool retire_on_release = false;
  };
  struct Waiter {
    double arrival_ms;
    double span_ms;  // hold when known (unit == 0)
    uint64_t unit;   // multi-statement unit id, 0 for a single statement
  };
  enum class UnitState : uint8_t { kWaiting, kHolding, kDropped };
  struct Unit {
    uint64_t session = 0;
    uint64_t txn = 0;
    double first_arrival_ms = 0;
    double trace_end_ms = 0;
    double acquired_ms = 0;
    uint32_t conn = 0;
    bool closed = false;
    UnitState state = UnitState::kWaiting;
  };

  Pool(const PoolSettings& settings, uint64_t seed);

  // pool.cc: grouping statements into holds.
  void SubmitGrouped(const Request& r);
  void OpenUnit(const Request& r);
  void CloseUnit(uint64_t unit_id);
  void Arrive(double arrival_ms, double span_ms, uint64_t unit);
  void StartRun(double t);
  // pool_events.cc: the event loop and the connections.
  void AdvanceTo(double t);
  bool ProcessNextBefore(double t);
  void MoveClock(double t);
  void Schedule(double time, EventKind kind, uint32_t conn);
  void Assign(uint32_t conn, const Waiter& waiter);
  void HandOff(uint32_t conn);
  void Release(uint32_t conn);
  void Connected(uint32_t conn);
  void Expire(uint32_t conn, uint32_t generation);
  void TimeOutFront();
  void Abandon(const Waiter& waiter);
  uint32_t OpenConnection();
  void Open(uint32_t conn);
  void CloseIdleFront();
  void Close(uint32_t conn, uint64_t& cause_counter);
  uint32_t NewConnection();
  void StartConnect();
  void Replenish();
  bool CanGrow() const;
  Waiter TakeWaiter();
  uint32_t TakeIdle();

  PoolSettings settings_;
  Rng rng_;
  bool started_ = false;
  bool finished_ = false;
  double clock_ = 0;
  double last_arrival_ = 0;
  uint64_t next_seq_ = 0;
  uint64_t next_unit_ = 1;
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> events_;
  std::vector<Connection> connections_;
  std::vector<uint32_t> free_slots_;
  std::deque<uint32_t> idle_;                 // ordered by idle_since_ms
  std::deque<Waiter> waiters_;                // ordered by arrival (so deadlines are in order too)
  std::unordered_map<uint64_t, Unit> units_;  // multi-statement holds in flight
  std::unordered_map<uint64_t, uint64_t> open_unit_;  // session -> its open unit
  int open_ = 0;                                      // open connections (idle + busy)
  int connecting_ = 0;                                // connections being opened
  int in_use_ = 0;
  double in_use_area_ = 0;   // ∫ in_use dt
  double waiting_area_ = 0;  // ∫ waiters dt
  QuantileHistogram waits_;
  Timeline timeline_;
  PoolMetrics m_;
};

}  // namespace dbopt::sim
