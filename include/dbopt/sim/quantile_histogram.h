// Fixed-memory distribution of non-negative values (wait times in ms) with exact count, sum, min
// and max, and quantiles that are
//   * exact while at most kExactLimit values were added (they are kept), and after that
//   * read from a log-linear histogram: 128 linear sub-buckets per power of two, so a bucket's
//     width is at most 1/128 of its lower bound and its midpoint is within 1/256 ≈ 0.39 % of any
//     value in it; the estimate is then clamped to [min, max].
// Zero is counted exactly (most requests of a healthy pool never wait).
// Quantile method: nearest rank — the smallest recorded value v such that at least p·n of the
// values are <= v (rank ceil(p·n), at least 1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dbopt::sim {

class QuantileHistogram {
 public:
  static constexpr int kSubBuckets = 128;
  static constexpr int kMinExponent = -30;  // values below 2^-31 share the first bucket
  static constexpr int kMaxExponent = 50;   // values above 2^50 share the last bucket
  static constexpr size_t kExactLimit = 4096;

  QuantileHistogram();

  void Add(double value);

  uint64_t count() const { return count_; }
  double sum() const { return sum_; }
  double mean() const { return count_ == 0 ? 0.0 : sum_ / static_cast<double>(count_); }
  double min() const { return count_ == 0 ? 0.0 : min_; }
  double max() const { return count_ == 0 ? 0.0 : max_; }
  // p in [0, 1]; 0 when empty.
  double Quantile(double p) const;
  // True while quantiles are exact.
  bool exact() const { return count_ <= kExactLimit; }

 private:
  static int BucketOf(double value);
  static double BucketMidpoint(int bucket);

  uint64_t count_ = 0;
  uint64_t zeros_ = 0;
  double sum_ = 0;
  double min_ = 0;
  double max_ = 0;
  std::vector<uint64_t> buckets_;
  std::vector<double> exact_values_;
};

}  // namespace dbopt::sim
