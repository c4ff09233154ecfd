#include "reorder.h"

#include <algorithm>
#include <functional>

namespace dbopt::trace {

namespace {

// The string fields of an event, in the order they are stored.
constexpr std::string_view Event::*kFields[] = {&Event::session, &Event::txn, &Event::user,
                                                &Event::db,      &Event::sql, &Event::shard_key};

}  // namespace

void ReorderBuffer::Fifo::push_back(const Queued& q) {
  if (count_ == ring_.size()) {
    std::vector<Queued> grown;
    grown.reserve(std::max<size_t>(64, ring_.size() * 2));
    for (size_t i = 0; i < count_; ++i) grown.push_back(ring_[(head_ + i) & (ring_.size() - 1)]);
    grown.resize(grown.capacity());
    ring_.swap(grown);
    head_ = 0;
  }
  ring_[(head_ + count_) & (ring_.size() - 1)] = q;
  ++count_;
}

void ReorderBuffer::Push(const Event& event) {
  if (fifo_.empty() || event.start_us >= fifo_.back().start_us) {
    PushFifo(event);
  } else {
    PushHeap(event);
  }
  ++seq_;
  newest_start_us_ = std::max(newest_start_us_, event.start_us);
}

void ReorderBuffer::PushFifo(const Event& event) {
  // Drop released text from the front once it is at least half of the buffer: amortized O(1).
  const size_t freed = static_cast<size_t>(text_freed_ - text_base_);
  if (freed > 0 && freed >= text_.size() / 2) {
    text_.erase(0, freed);
    text_base_ = text_freed_;
  }
  Queued q{};
  q.start_us = event.start_us;
  q.duration_us = event.duration_us;
  q.session_key = event.session_key;
  q.txn_key = event.txn_key;
  q.rows = event.rows;
  q.line = event.line;
  q.seq = seq_;
  q.text_at = text_base_ + text_.size();
  q.txn_end = event.txn_end;
  for (int i = 0; i < kStrings; ++i) {
    const std::string_view field = event.*kFields[i];
    q.lengths[i] = static_cast<uint32_t>(field.size());
    text_.append(field);
  }
  fifo_.push_back(q);
}

void ReorderBuffer::PushHeap(const Event& event) {
  uint32_t index;
  if (!free_.empty()) {
    index = free_.back();
    free_.pop_back();
  } else {
    index = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  Slot& slot = slots_[index];
  slot.event = event;
  for (int i = 0; i < kStrings; ++i) slot.text[i].assign(event.*kFields[i]);
  heap_.push_back(Entry{event.start_us, seq_, index});
  std::push_heap(heap_.begin(), heap_.end(), std::greater<Entry>());
}

bool ReorderBuffer::Pop(bool drain, Event* out) {
  if (lent_ != kNoSlot) {
    free_.push_back(lent_);
    lent_ = kNoSlot;
  }
  if (fifo_.empty() && heap_.empty()) return false;
  bool from_fifo = heap_.empty();
  if (!fifo_.empty() && !heap_.empty()) {
    const Queued& f = fifo_.front();
    const Entry& h = heap_.front();
    from_fifo = f.start_us != h.start_us ? f.start_us < h.start_us : f.seq < h.seq;
  }
  const int64_t start = from_fifo ? fifo_.front().start_us : heap_.front().start_us;
  // Ready when nothing still unread can start before it: every later event starts at least at
  // newest_start - window.
  if (!drain && start > newest_start_us_ - window_us_) return false;
  if (from_fifo) {
    PopFifo(out);
  } else {
    PopHeap(out);
  }
  NoteReleased(start);
  return true;
}

void ReorderBuffer::PopFifo(Event* out) {
  const Queued& q = fifo_.front();
  *out = Event{};
  out->start_us = q.start_us;
  out->duration_us = q.duration_us;
  out->session_key = q.session_key;
  out->txn_key = q.txn_key;
  out->txn_end = q.txn_end;
  out->rows = q.rows;
  out->line = q.line;
  size_t at = static_cast<size_t>(q.text_at - text_base_);
  for (int i = 0; i < kStrings; ++i) {
    const size_t length = q.lengths[i];
    out->*kFields[i] = std::string_view(text_).substr(at, length);
    at += length;
  }
  text_freed_ = text_base_ + at;
  fifo_.pop_front();
}

void ReorderBuffer::PopHeap(Event* out) {
  std::pop_heap(heap_.begin(), heap_.end(), std::greater<Entry>());
  const Entry entry = heap_.back();
  heap_.pop_back();
  lent_ = entry.slot;
  const Slot& slot = slots_[entry.slot];
  *out = slot.event;
  for (int i = 0; i < kStrings; ++i) out->*kFields[i] = slot.text[i];
}

}  // namespace dbopt::trace
