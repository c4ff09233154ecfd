// The pool's event loop and connection life cycle. Pending work is kept where its order is
// already known, so nothing stale piles up:
//   * releases, finished connects and lifetime ends: a min-heap by (time, scheduling order);
//   * timeouts: the waiter queue is in arrival order and the timeout is the same for everyone,
//     so the next timeout is always the oldest waiter's (arrival + acquire_timeout);
//   * idle timeouts: the idle list is in return order, so the next one is its front's.
// At equal times: heap events, then timeouts, then idle closes, then the arriving request —
// a connection freed at t serves a waiter whose deadline is t and a request arriving at t.
#include <algorithm>
#include <cmath>

#include "dbopt/sim/pool.h"

namespace dbopt::sim {

void Pool::AdvanceTo(double t) {
  while (ProcessNextBefore(t)) {
  }
  MoveClock(t);
}

bool Pool::ProcessNextBefore(double t) {
  const double next_event = events_.empty() ? kNever : events_.top().time;
  const double next_timeout =
      waiters_.empty() ? kNever : waiters_.front().arrival_ms + settings_.acquire_timeout_ms;
  double next_idle = kNever;
  if (!idle_.empty() && open_ > settings_.min_idle && std::isfinite(settings_.idle_timeout_ms)) {
    next_idle =
        std::max(clock_, connections_[idle_.front()].idle_since_ms + settings_.idle_timeout_ms);
  }
  const double next = std::min(next_event, std::min(next_timeout, next_idle));
  if (next > t || next == kNever) return false;
  MoveClock(next);
  if (next_event == next) {
    const Event e = events_.top();
    events_.pop();
    switch (e.kind) {
      case EventKind::kRelease:
        Release(e.conn);
        break;
      case EventKind::kConnected:
        Connected(e.conn);
        break;
      case EventKind::kLifetime:
        Expire(e.conn, e.generation);
        break;
    }
  } else if (next_timeout == next) {
    TimeOutFront();
  } else {
    CloseIdleFront();
  }
  return true;
}

// Time-weighted integrals: the levels were constant since the last change.
void Pool::MoveClock(double t) {
  if (!(t > clock_)) return;
  const int waiting = static_cast<int>(waiters_.size());
  in_use_area_ += (t - clock_) * in_use_;
  waiting_area_ += (t - clock_) * waiting;
  timeline_.Accumulate(clock_, t, in_use_, waiting);
  clock_ = t;
}

void Pool::Schedule(double time, EventKind kind, uint32_t conn) {
  events_.push(Event{time, next_seq_++, kind, conn, connections_[conn].generation});
}

void Pool::Assign(uint32_t conn, const Waiter& waiter) {
  connections_[conn].busy = true;
  ++in_use_;
  m_.peak_in_use = std::max(m_.peak_in_use, in_use_);
  const double wait = clock_ - waiter.arrival_ms;
  waits_.Add(wait);
  if (wait > 0) ++m_.waited;
  if (waiter.unit == 0) {
    Schedule(clock_ + waiter.span_ms, EventKind::kRelease, conn);
    return;
  }
  Unit& unit = units_.at(waiter.unit);
  unit.acquired_ms = clock_;
  unit.conn = conn;
  unit.state = UnitState::kHolding;
  if (unit.closed) {
    Schedule(clock_ + (unit.trace_end_ms - unit.first_arrival_ms), EventKind::kRelease, conn);
    units_.erase(waiter.unit);
  }
}

// A free connection goes to a waiter (by the waiter order), else to the idle list — unless
// max_idle connections are idle already, then it is closed (Go's MaxIdleClosed).
void Pool::HandOff(uint32_t conn) {
  if (!waiters_.empty()) {
    Assign(conn, TakeWaiter());
    return;
  }
  if (settings_.max_idle != kUnlimited && static_cast<int>(idle_.size()) >= settings_.max_idle) {
    Close(conn, m_.closed_max_idle);
    return;
  }
  connections_[conn].idle_since_ms = clock_;
  idle_.push_back(conn);
}

void Pool::Release(uint32_t conn) {
  connections_[conn].busy = false;
  --in_use_;
  if (connections_[conn].retire_on_release) {
    Close(conn, m_.closed_max_lifetime);
    Replenish();
    return;
  }
  HandOff(conn);
}

void Pool::Connected(uint32_t conn) {
  --connecting_;
  Open(conn);
  HandOff(conn);
}

// The connection is open from now on; its lifetime starts.
void Pool::Open(uint32_t conn) {
  Connection& c = connections_[conn];
  c.open = true;
  c.born_ms = clock_;
  ++open_;
  ++m_.opened;
  m_.peak_open = std::max(m_.peak_open, open_);
  if (std::isfinite(settings_.max_lifetime_ms)) {
    Schedule(clock_ + settings_.max_lifetime_ms, EventKind::kLifetime, conn);
  }
}

// An open connection right now (pool start, or connect_ms = 0); the caller hands it out.
uint32_t Pool::OpenConnection() {
  const uint32_t conn = NewConnection();
  Open(conn);
  return conn;
}

// max_lifetime reached: an idle connection closes now, a busy one when it is returned.
void Pool::Expire(uint32_t conn, uint32_t generation) {
  Connection& c = connections_[conn];
  if (!c.open || c.generation != generation) return;
  if (c.busy) {
    c.retire_on_release = true;
    return;
  }
  idle_.erase(std::find(idle_.begin(), idle_.end(), conn));
  Close(conn, m_.closed_max_lifetime);
  Replenish();
}

void Pool::TimeOutFront() {
  const Waiter waiter = waiters_.front();
  waiters_.pop_front();
  ++m_.timeouts;
  ++m_.waited;
  Abandon(waiter);
}

// A timed-out transaction/session: its later statements are dropped until it ends.
void Pool::Abandon(const Waiter& waiter) {
  if (waiter.unit == 0) return;
  Unit& unit = units_.at(waiter.unit);
  if (unit.closed) {
    units_.erase(waiter.unit);
  } else {
    unit.state = UnitState::kDropped;
  }
}

void Pool::CloseIdleFront() {
  const uint32_t conn = idle_.front();
  idle_.pop_front();
  Close(conn, m_.closed_idle_timeout);
}

void Pool::Close(uint32_t conn, uint64_t& cause_counter) {
  Connection& c = connections_[conn];
  c.open = false;
  c.busy = false;
  c.retire_on_release = false;
  ++c.generation;
  --open_;
  ++cause_counter;
  free_slots_.push_back(conn);
}

uint32_t Pool::NewConnection() {
  if (!free_slots_.empty()) {
    const uint32_t conn = free_slots_.back();
    free_slots_.pop_back();
    return conn;
  }
  connections_.emplace_back();
  return static_cast<uint32_t>(connections_.size() - 1);
}

void Pool::StartConnect() {
  if (settings_.connect_ms == 0) {
    HandOff(OpenConnection());
    return;
  }
  const uint32_t conn = NewConnection();
  ++connecting_;
  Schedule(clock_ + settings_.connect_ms, EventKind::kConnected, conn);
}

// Keep min_idle connections, and open one per waiter that has none coming while the pool may
// grow (HikariCP adds connections while waiters outnumber pending adds).
void Pool::Replenish() {
  while (open_ + connecting_ < settings_.min_idle) StartConnect();
  while (!waiters_.empty() && connecting_ < static_cast<int>(waiters_.size()) && CanGrow()) {
    StartConnect();
  }
}

bool Pool::CanGrow() const {
  return settings_.max == kUnlimited || open_ + connecting_ < settings_.max;
}

Pool::Waiter Pool::TakeWaiter() {
  Waiter waiter{};
  switch (settings_.order) {
    case WaiterOrder::kFifo:
      waiter = waiters_.front();
      waiters_.pop_front();
      break;
    case WaiterOrder::kLifo:
      waiter = waiters_.back();
      waiters_.pop_back();
      break;
    case WaiterOrder::kRandom: {
      const auto index = static_cast<long>(rng_.Below(waiters_.size()));
      waiter = waiters_[static_cast<size_t>(index)];
      waiters_.erase(waiters_.begin() + index);
      break;
    }
  }
  return waiter;
}

uint32_t Pool::TakeIdle() {
  uint32_t conn = 0;
  if (settings_.reuse == IdleReuse::kLifo) {
    conn = idle_.back();
    idle_.pop_back();
  } else {
    conn = idle_.front();
    idle_.pop_front();
  }
  return conn;
}

}  // namespace dbopt::sim
