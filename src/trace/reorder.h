// Private to the trace module: sorts events by start time within a bounded window of trace
// time. Logs written at completion (PostgreSQL, MySQL, pgbench) list statements by their end,
// so their starts are out of order by up to the longest statement. An event is released once
// an event starting `window` later has been read; memory is bounded by the events of one
// window. Ties keep the reading order, so the output is deterministic.
//
// Two stores, merged on release: events that come in order (start >= the last one stored
// there) go to a FIFO whose strings are appended to one sliding text buffer — the common case
// costs a memcpy; the stragglers go to a min-heap of slots whose strings keep their capacity.
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
  // until the next Push() or Pop().
  bool Pop(bool drain, Event* out);
  // For a window of 0 (no buffering): remembers the start of an event passed straight on.
  void NoteReleased(int64_t start_us) {
    last_released_us_ = start_us;
    released_any_ = true;
  }
  size_t size() const { return fifo_.size() + heap_.size(); }

 private:
  static constexpr int kStrings = 6;  // session, txn, user, db, sql, shard_key
  // An event in the FIFO: its fields without the views (rebuilt from the text buffer on
  // release), so that the window's events take half the memory an Event would.
  struct Queued {
    int64_t start_us;
    int64_t duration_us;
    uint64_t session_key;
    uint64_t txn_key;
    int64_t rows;
    int64_t line;
    uint64_t seq;
    uint64_t text_at;            // where its strings start in the text stream
    uint32_t lengths[kStrings];  // of its strings, stored back to back from text_at
    bool txn_end;
  };
  struct Slot {  // an event in the heap
    Event event;
    std::string text[kStrings];
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

  void PushFifo(const Event& event);
  void PushHeap(const Event& event);
  void PopFifo(Event* out);
  void PopHeap(Event* out);

  int64_t window_us_;
  uint64_t seq_ = 0;
  int64_t newest_start_us_ = std::numeric_limits<int64_t>::min();
  int64_t last_released_us_ = 0;
  bool released_any_ = false;

  // A FIFO of Queued in a ring that doubles when full (no allocation per event).
  class Fifo {
   public:
    bool empty() const { return count_ == 0; }
    size_t size() const { return count_; }
    const Queued& front() const { return ring_[head_]; }
    const Queued& back() const { return ring_[(head_ + count_ - 1) & (ring_.size() - 1)]; }
    void push_back(const Queued& q);
    void pop_front() {
      head_ = (head_ + 1) & (ring_.size() - 1);
      --count_;
    }

   private:
    std::vector<Queued> ring_;  // its size is a power of two
    size_t head_ = 0;
    size_t count_ = 0;
  };

  Fifo fifo_;
  std::string text_;         // the FIFO's strings, back to back
  uint64_t text_base_ = 0;   // the stream position of text_[0]
  uint64_t text_freed_ = 0;  // stream position up to which strings are released

  std::vector<Slot> slots_;  // reused: their strings keep their capacity
  std::vector<uint32_t> free_;
  std::vector<Entry> heap_;  // a min-heap by (start, seq)
  uint32_t lent_ = kNoSlot;  // the slot handed out by the last Pop()
};

}  // namespace dbopt::trace
