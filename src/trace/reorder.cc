#include "reorder.h"

#include <algorithm>
#include <functional>

namespace dbopt::trace {

namespace {

// Copies a view into a slot's string, reusing its capacity. The slot's event keeps views only
// until Pop() points them at the strings again (slots move when the vector grows, and short
// strings live inside the slot).
void Own(std::string_view view, std::string* storage) { storage->assign(view.data(), view.size()); }

}  // namespace

void ReorderBuffer::Push(const Event& event) {
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
  Own(event.session, &slot.session);
  Own(event.txn, &slot.txn);
  Own(event.user, &slot.user);
  Own(event.db, &slot.db);
  Own(event.sql, &slot.sql);
  Own(event.shard_key, &slot.shard_key);
  heap_.push_back(Entry{event.start_us, seq_++, index});
  std::push_heap(heap_.begin(), heap_.end(), std::greater<Entry>());
  newest_start_us_ = std::max(newest_start_us_, event.start_us);
}

bool ReorderBuffer::Pop(bool drain, Event* out) {
  if (lent_ != kNoSlot) {
    free_.push_back(lent_);
    lent_ = kNoSlot;
  }
  if (heap_.empty()) return false;
  const Entry& top = heap_.front();
  // Ready when nothing still unread can start before it: every later event starts at least
  // at newest_start - window.
  if (!drain && top.start_us > newest_start_us_ - window_us_) return false;
  std::pop_heap(heap_.begin(), heap_.end(), std::greater<Entry>());
  const Entry entry = heap_.back();
  heap_.pop_back();
  lent_ = entry.slot;
  const Slot& slot = slots_[entry.slot];
  *out = slot.event;
  out->session = slot.session;
  out->txn = slot.txn;
  out->user = slot.user;
  out->db = slot.db;
  out->sql = slot.sql;
  out->shard_key = slot.shard_key;
  NoteReleased(entry.start_us);
  return true;
}

}  // namespace dbopt::trace
