// MergedReader: a k-way merge of readers by start time, advancing a reader only once the event
// it returned is no longer in use (its views point into that reader's buffers).
#include "dbopt/trace/merged_reader.h"

#include <utility>

namespace dbopt::trace {

MergedReader::MergedReader(std::vector<std::unique_ptr<Reader>> readers)
    : readers_(std::move(readers)), heads_(readers_.size()), live_(readers_.size(), 0) {}

Status MergedReader::Advance(size_t reader) {
  Result<bool> more = readers_[reader]->Next(&heads_[reader]);
  if (!more) return std::move(more).error();
  live_[reader] = *more ? 1 : 0;
  return Ok{};
}

Result<bool> MergedReader::Next(Event* event) {
  // One trace (the common case): nothing to merge, so no head to hold and copy per event.
  if (readers_.size() == 1) return readers_[0]->Next(event);
  if (!primed_) {
    primed_ = true;
    for (size_t i = 0; i < readers_.size(); ++i) {
      if (Status s = Advance(i); !s) return std::move(s).error();
    }
  } else if (has_pending_) {
    if (Status s = Advance(pending_); !s) return std::move(s).error();
  }
  has_pending_ = false;
  size_t best = readers_.size();
  for (size_t i = 0; i < readers_.size(); ++i) {
    if (live_[i] && (best == readers_.size() || heads_[i].start_us < heads_[best].start_us)) {
      best = i;
    }
  }
  if (best == readers_.size()) return false;
  *event = heads_[best];
  pending_ = best;
  has_pending_ = true;
  return true;
}

}  // namespace dbopt::trace
