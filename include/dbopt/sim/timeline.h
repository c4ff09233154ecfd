// The pool's state over time in a fixed number of buckets: time-weighted mean and peak of
// connections in use and of waiting requests. Memory does not grow with the trace: buckets start
// 1 ms wide and, when the trace outgrows them, neighbours are merged pairwise and the width
// doubles (so the final width is the smallest power-of-two multiple of 1 ms that covers the run).
#pragma once

#include <vector>

namespace dbopt::sim {

struct TimelineBucket {
  double start_ms = 0;
  double width_ms = 0;
  double mean_in_use = 0;  // time-weighted over the bucket
  int max_in_use = 0;
  double mean_waiting = 0;  // time-weighted over the bucket
  int max_waiting = 0;
};

class Timeline {
 public:
  explicit Timeline(int buckets, double initial_width_ms = 1.0);

  // The run starts at `start_ms` (the first arrival).
  void Start(double start_ms);
  // The pool had `in_use` busy connections and `waiting` waiters over [from_ms, to_ms).
  void Accumulate(double from_ms, double to_ms, int in_use, int waiting);
  // The buckets up to `end_ms` (the last one may be partial; its means are over its covered part).
  std::vector<TimelineBucket> Buckets(double end_ms) const;

 private:
  struct Cell {
    double in_use_ms = 0;   // ∫ in_use dt
    double waiting_ms = 0;  // ∫ waiting dt
    int max_in_use = 0;
    int max_waiting = 0;
  };
  void Widen();

  double start_ms_ = 0;
  double width_ms_;
  std::vector<Cell> cells_;
};

}  // namespace dbopt::sim
