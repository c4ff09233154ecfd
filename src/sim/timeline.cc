#include "dbopt/sim/timeline.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace dbopt::sim {

Timeline::Timeline(int buckets, double initial_width_ms)
    : width_ms_(initial_width_ms), cells_(static_cast<size_t>(buckets)) {}

void Timeline::Start(double start_ms) { start_ms_ = start_ms; }

// Merge cells (2i, 2i+1) into i: integrals add, peaks take the larger.
void Timeline::Widen() {
  const size_t n = cells_.size();
  for (size_t i = 0; i < n; ++i) {
    Cell merged;
    for (size_t j = 2 * i; j < std::min(n, 2 * i + 2); ++j) {
      merged.in_use_ms += cells_[j].in_use_ms;
      merged.waiting_ms += cells_[j].waiting_ms;
      merged.max_in_use = std::max(merged.max_in_use, cells_[j].max_in_use);
      merged.max_waiting = std::max(merged.max_waiting, cells_[j].max_waiting);
    }
    cells_[i] = merged;
  }
  width_ms_ *= 2;
}

void Timeline::Accumulate(double from_ms, double to_ms, int in_use, int waiting) {
  if (!(to_ms > from_ms)) return;
  while (to_ms - start_ms_ > width_ms_ * static_cast<double>(cells_.size())) Widen();
  double t = from_ms;
  size_t cell = static_cast<size_t>((from_ms - start_ms_) / width_ms_);
  while (t < to_ms && cell < cells_.size()) {
    const double cell_end = start_ms_ + width_ms_ * static_cast<double>(cell + 1);
    const double until = std::min(to_ms, cell_end);
    Cell& c = cells_[cell];
    c.in_use_ms += (until - t) * in_use;
    c.waiting_ms += (until - t) * waiting;
    c.max_in_use = std::max(c.max_in_use, in_use);
    c.max_waiting = std::max(c.max_waiting, waiting);
    t = until;
    ++cell;
  }
}

std::vector<TimelineBucket> Timeline::Buckets(double end_ms) const {
  std::vector<TimelineBucket> out;
  const double span = end_ms - start_ms_;
  if (!(span > 0)) return out;
  const size_t used = std::min(cells_.size(), static_cast<size_t>(std::ceil(span / width_ms_)));
  for (size_t i = 0; i < used; ++i) {
    TimelineBucket b;
    b.start_ms = start_ms_ + width_ms_ * static_cast<double>(i);
    b.width_ms = width_ms_;
    const double covered = std::min(width_ms_, end_ms - b.start_ms);
    b.mean_in_use = cells_[i].in_use_ms / covered;
    b.mean_waiting = cells_[i].waiting_ms / covered;
    b.max_in_use = cells_[i].max_in_use;
    b.max_waiting = cells_[i].max_waiting;
    out.push_back(b);
  }
  return out;
}

}  // namespace dbopt::sim
