#include "dbopt/sim/quantile_histogram.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace dbopt::sim {

namespace {
constexpr int kExponents = QuantileHistogram::kMaxExponent - QuantileHistogram::kMinExponent + 1;
}  // namespace

QuantileHistogram::QuantileHistogram()
    : buckets_(static_cast<size_t>(kExponents) * kSubBuckets, 0) {
  exact_values_.reserve(256);
}

// value = m · 2^e with m in [0.5, 1): bucket (e - kMinExponent)·128 + floor((m - 0.5)·256).
int QuantileHistogram::BucketOf(double value) {
  int exponent = 0;
  double mantissa = std::frexp(value, &exponent);
  if (exponent < kMinExponent) {
    exponent = kMinExponent;
    mantissa = 0.5;
  } else if (exponent > kMaxExponent) {
    exponent = kMaxExponent;
    mantissa = 0.999999;
  }
  const int sub = static_cast<int>((mantissa - 0.5) * 2 * kSubBuckets);
  return (exponent - kMinExponent) * kSubBuckets + std::min(sub, kSubBuckets - 1);
}

// The bucket covers [(0.5 + s/256)·2^e, (0.5 + (s+1)/256)·2^e); its midpoint is returned.
double QuantileHistogram::BucketMidpoint(int bucket) {
  const int exponent = bucket / kSubBuckets + kMinExponent;
  const int sub = bucket % kSubBuckets;
  const double mantissa = 0.5 + (sub + 0.5) / (2.0 * kSubBuckets);
  return std::ldexp(mantissa, exponent);
}

void QuantileHistogram::Add(double value) {
  if (count_ == 0 || value < min_) min_ = value;
  if (count_ == 0 || value > max_) max_ = value;
  ++count_;
  sum_ += value;
  if (value <= 0) {
    ++zeros_;
  } else {
    ++buckets_[static_cast<size_t>(BucketOf(value))];
  }
  if (count_ <= kExactLimit) {
    exact_values_.push_back(value);
  } else if (!exact_values_.empty()) {
    exact_values_.clear();
    exact_values_.shrink_to_fit();
  }
}

double QuantileHistogram::Quantile(double p) const {
  if (count_ == 0) return 0.0;
  const double clamped = std::min(1.0, std::max(0.0, p));
  uint64_t rank = static_cast<uint64_t>(std::ceil(clamped * static_cast<double>(count_)));
  rank = std::max<uint64_t>(1, std::min(rank, count_));
  if (exact()) {
    std::vector<double> sorted = exact_values_;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(rank - 1), sorted.end());
    return sorted[rank - 1];
  }
  if (rank <= zeros_) return 0.0;
  uint64_t seen = zeros_;
  for (size_t b = 0; b < buckets_.size(); ++b) {
    seen += buckets_[b];
    if (seen >= rank) return std::min(max_, std::max(min_, BucketMidpoint(static_cast<int>(b))));
  }
  return max_;
}

}  // namespace dbopt::sim
