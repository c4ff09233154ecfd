// The distribution of one statement shape's durations in little memory, for the workload
// summary's p50/p95/p99 (one sketch per fingerprint, so it must be small: sim's
// QuantileHistogram, 80 KB each, would not fit 10,000 shapes).
//
// Exact while at most kExactLimit values were added (they are kept); after that, a log-linear
// histogram over integer microseconds: values below 64 µs have a bucket each, above that each
// power of two has 32 buckets, so a bucket is at most 1/32 of its lower bound wide and its
// midpoint is within 1/64 ≈ 1.6 % of any value in it. Counts live in one array spanning only
// the buckets between the smallest and largest value seen (a few KB for durations spread over
// six orders of magnitude). Quantiles use the nearest rank (the smallest value v with at least
// p·n values <= v), clamped to [min, max].
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dbopt::trace {

class DurationSketch {
 public:
  static constexpr size_t kExactLimit = 32;

  void Add(int64_t micros);  // negative values count as 0

  uint64_t count() const { return count_; }
  int64_t min() const { return count_ == 0 ? 0 : min_; }
  int64_t max() const { return count_ == 0 ? 0 : max_; }
  // p in [0, 1]; 0 when empty. Exact while exact().
  double Quantile(double p) const;
  bool exact() const { return count_ <= kExactLimit; }

 private:
  static int BucketOf(int64_t micros);
  static double BucketMidpoint(int bucket);
  void AddToBuckets(int64_t micros);

  uint64_t count_ = 0;
  int64_t min_ = 0;
  int64_t max_ = 0;
  std::vector<int64_t> exact_;  // while count_ <= kExactLimit
  int lo_ = 0;                  // bucket of counts_[0]
  std::vector<uint32_t> counts_;
};

}  // namespace dbopt::trace
