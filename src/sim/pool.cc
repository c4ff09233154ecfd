// The pool's public side: validating the request stream, grouping statements into holds
// (statement / transaction / session mode) and the final metrics. The event loop and the
// connections are in pool_events.cc.
#include "dbopt/sim/pool.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace dbopt::sim {

Pool::Pool(const PoolSettings& settings, uint64_t seed)
    : settings_(settings), rng_(seed), timeline_(settings.timeline_buckets) {}

Result<Pool> Pool::Create(const PoolSettings& settings, uint64_t seed) {
  Status valid = ValidatePoolSettings(settings);
  if (!valid) return std::move(valid).error();
  return Pool(settings, seed);
}

// The pool opens its min_idle connections at the first arrival, at no cost to anyone.
void Pool::StartRun(double t) {
  started_ = true;
  clock_ = t;
  m_.start_ms = t;
  timeline_.Start(t);
  for (int i = 0; i < settings_.min_idle; ++i) HandOff(OpenConnection());
}

Status Pool::Submit(const Request& r) {
  // Built only for a message: Submit runs once per event.
  const auto where = [this] { return "request " + std::to_string(m_.statements + 1); };
  if (finished_) return Error::Internal("Pool::Submit after Finish");
  if (!std::isfinite(r.arrival_ms) || !std::isfinite(r.hold_ms)) {
    return Error::BadInput(where() + ": arrival and hold time must be finite");
  }
  if (r.hold_ms < 0) return Error::BadInput(where() + ": negative hold time");
  if (started_ && r.arrival_ms < last_arrival_) {
    return Error::BadInput(where() + ": arrival " + std::to_string(r.arrival_ms) +
                           " ms is before the previous arrival " + std::to_string(last_arrival_) +
                           " ms (requests must come in arrival order)");
  }
  if (!started_) StartRun(r.arrival_ms);
  last_arrival_ = r.arrival_ms;
  ++m_.statements;
  AdvanceTo(r.arrival_ms);
  if (settings_.mode == PoolMode::kStatement || r.session == 0) {
    Arrive(r.arrival_ms, r.hold_ms, 0);
  } else {
    SubmitGrouped(r);
  }
  return Ok{};
}

// Transaction mode: statements of one (session, txn) share a hold that ends with txn_end;
// an autocommit statement (txn 0) is a hold of its own, and a statement of another transaction
// ends the session's open one. Session mode: one hold per session, ended by session_end.
void Pool::SubmitGrouped(const Request& r) {
  const bool session_mode = settings_.mode == PoolMode::kSession;
  const bool ends = session_mode ? r.session_end : r.txn_end;
  auto open = open_unit_.find(r.session);
  if (open != open_unit_.end()) {
    const uint64_t id = open->second;
    Unit& unit = units_.at(id);
    if (session_mode || (r.txn != 0 && r.txn == unit.txn)) {
      if (unit.state == UnitState::kDropped) ++m_.dropped_statements;
      unit.trace_end_ms = std::max(unit.trace_end_ms, r.arrival_ms + r.hold_ms);
      if (ends) CloseUnit(id);
      return;
    }
    CloseUnit(id);
  }
  if (ends || (!session_mode && r.txn == 0)) {
    Arrive(r.arrival_ms, r.hold_ms, 0);
    return;
  }
  OpenUnit(r);
}

void Pool::OpenUnit(const Request& r) {
  const uint64_t id = next_unit_++;
  Unit unit;
  unit.session = r.session;
  unit.txn = r.txn;
  unit.first_arrival_ms = r.arrival_ms;
  unit.trace_end_ms = r.arrival_ms + r.hold_ms;
  units_.emplace(id, unit);
  open_unit_[r.session] = id;
  Arrive(r.arrival_ms, 0, id);
}

// The unit's last statement is known: a held connection is released at
// acquired + (trace_end - first_arrival), i.e. the trace's timing shifted by the wait.
void Pool::CloseUnit(uint64_t id) {
  Unit& unit = units_.at(id);
  unit.closed = true;
  open_unit_.erase(unit.session);
  if (unit.state == UnitState::kHolding) {
    Schedule(unit.acquired_ms + (unit.trace_end_ms - unit.first_arrival_ms), EventKind::kRelease,
             unit.conn);
    units_.erase(id);
  } else if (unit.state == UnitState::kDropped) {
    units_.erase(id);
  }
}

// A request for a connection: an idle one if any, else a new one if the pool may grow (the
// requester waits connect_ms for it), else the queue — or an immediate timeout when
// acquire_timeout is 0.
void Pool::Arrive(double arrival_ms, double span_ms, uint64_t unit) {
  ++m_.requests;
  const Waiter waiter{arrival_ms, span_ms, unit};
  if (!idle_.empty()) {
    Assign(TakeIdle(), waiter);
    return;
  }
  if (CanGrow() && settings_.connect_ms == 0) {
    Assign(OpenConnection(), waiter);
    return;
  }
  if (settings_.acquire_timeout_ms == 0) {
    ++m_.timeouts;
    ++m_.waited;
    Abandon(waiter);
    return;
  }
  waiters_.push_back(waiter);
  m_.peak_waiting = std::max(m_.peak_waiting, static_cast<int>(waiters_.size()));
  Replenish();
}

PoolMetrics Pool::Finish() {
  if (finished_) return m_;
  finished_ = true;
  std::vector<uint64_t> open_units;
  for (const auto& [session, id] : open_unit_) open_units.push_back(id);
  std::sort(open_units.begin(), open_units.end());  // deterministic scheduling order
  for (uint64_t id : open_units) CloseUnit(id);
  while ((in_use_ > 0 || !waiters_.empty()) && ProcessNextBefore(kNever)) {
  }
  m_.end_ms = clock_;
  m_.served = waits_.count();
  if (m_.requests > 0) {
    m_.waited_fraction = static_cast<double>(m_.waited) / static_cast<double>(m_.requests);
    m_.timeout_fraction = static_cast<double>(m_.timeouts) / static_cast<double>(m_.requests);
  }
  m_.wait_ms = {waits_.mean(),         waits_.Quantile(0.50), waits_.Quantile(0.90),
                waits_.Quantile(0.95), waits_.Quantile(0.99), waits_.max()};
  m_.wait_quantiles_exact = waits_.exact();
  const double span = m_.end_ms - m_.start_ms;
  if (span > 0) {
    m_.mean_in_use = in_use_area_ / span;
    m_.mean_waiting = waiting_area_ / span;
    const int capacity = settings_.max == kUnlimited ? m_.peak_open : settings_.max;
    m_.utilization = capacity > 0 ? m_.mean_in_use / capacity : 0.0;
  }
  m_.timeline = timeline_.Buckets(m_.end_ms);
  return m_;
}

}  // namespace dbopt::sim
