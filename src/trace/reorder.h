// Private to the trace module: sorts events by start time within a bounded window of trace
// time. Logs written at completion (PostgreSQL, MySQL, pgbench) list statements by their end,
// so their starts are out of order by up to the longest statement. An event is released once
// an event starting `window` later has been read; memory is bounded by the events of one
// window. Ties keep the reading order, so the output is deterministic.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "dbopt/trace/event.h"

namespace dbopt::trace {

class ReorderBuffer {
 public:
  explicit ReorderBuffer(int64_t window_us) : window_us_(window_us) {}

  // True when `event` starts before an event already released: it cannot be put in order.
  bool TooLate(const Event& event) const {
    return released_any_ && event.start_us < last_released_us_;
  }
  // Copies the event (its strings too).
  void Push(const Event& event);
  // The earliest event, if it is ready (or any event when `drain`); its strings stay valid
  // until the next Pop().
  bool Pop(bool drain, Event* out);
  // For a window of 0 (no buffering): remembers the start of an event passed straight on.
  void NoteReleased(int64_t start_us) {
    last_released_us_ = start_us;
    released_any_ = true;
  }
  size_t size() const { return heap_.size(); }

 private:
  struct Slot {
    Event event;
    std::string session, txn, user, db, sql, shard_key;
  };
  struct Entry {
    int64_t start_us;
    uint64_t seq;  // reading order: breaks ties
    uint32_t slot;
    bool operator>(const Entry& o) const {
      return start_us != o.start_us ? start_us > o.start_us : seq > o.seq;
    }
  };
  static constexpr uint32_t kNoSlot = std::numeric_limits<uint32_t>::max();

  int64_t window_us_;
  std::vector<Slot> slots_;  // reused: their strings keep their capacity
  std::vector<uint32_t> free_;
  std::vector<Entry> heap_;  // a min-heap by (start, seq)
  uint64_t seq_ = 0;
  int64_t newest_start_us_ = std::numeric_limits<int64_t>::min();
  int64_t last_released_us_ = 0;
  bool released_any_ = false;
  uint32_t lent_ = kNoSlot;  // the slot handed out by the last Pop()
};

}  // namespace dbopt::trace
