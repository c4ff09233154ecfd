// DurationSketch: exact values first, then a log-linear histogram over the range seen.
#include "dbopt/trace/duration_sketch.h"

#include <algorithm>
#include <cmath>

namespace dbopt::trace {
namespace {

constexpr int kLinearLimit = 64;  // values below this have a bucket each
constexpr int kSubBits = 5;       // 32 buckets per power of two above it
constexpr int kSubBuckets = 1 << kSubBits;
constexpr int kFirstExponent = 6;  // 2^6 = kLinearLimit

// The rank of quantile p among n values: ceil(p·n), at least 1.
uint64_t Rank(double p, uint64_t n) {
  const double r = std::ceil(std::clamp(p, 0.0, 1.0) * static_cast<double>(n));
  return std::max<uint64_t>(1, static_cast<uint64_t>(r));
}

int FloorLog2(uint64_t v) { return 63 - __builtin_clzll(v); }

}  // namespace

int DurationSketch::BucketOf(int64_t micros) {
  if (micros < kLinearLimit) return static_cast<int>(micros);
  const uint64_t v = static_cast<uint64_t>(micros);
  const int e = FloorLog2(v);
  const int sub = static_cast<int>((v >> (e - kSubBits)) & (kSubBuckets - 1));
  return kLinearLimit + (e - kFirstExponent) * kSubBuckets + sub;
}

double DurationSketch::BucketMidpoint(int bucket) {
  if (bucket < kLinearLimit) return bucket;
  const int e = (bucket - kLinearLimit) / kSubBuckets + kFirstExponent;
  const int sub = (bucket - kLinearLimit) % kSubBuckets;
  const double width = std::ldexp(1.0, e - kSubBits);
  return std::ldexp(1.0, e) + (sub + 0.5) * width;
}

void DurationSketch::Add(int64_t micros) {
  micros = std::max<int64_t>(0, micros);
  if (count_ == 0 || micros < min_) min_ = micros;
  if (count_ == 0 || micros > max_) max_ = micros;
  ++count_;
  if (count_ <= kExactLimit) {
    exact_.push_back(micros);
    return;
  }
  if (!exact_.empty()) {  // the first value beyond the limit: move the kept ones over
    for (int64_t v : exact_) AddToBuckets(v);
    exact_.clear();
    exact_.shrink_to_fit();
  }
  AddToBuckets(micros);
}

void DurationSketch::AddToBuckets(int64_t micros) {
  const int b = BucketOf(micros);
  if (counts_.empty()) {
    lo_ = b;
    counts_.assign(1, 0);
  } else if (b < lo_) {
    counts_.insert(counts_.begin(), static_cast<size_t>(lo_ - b), 0);
    lo_ = b;
  } else if (b >= lo_ + static_cast<int>(counts_.size())) {
    counts_.resize(static_cast<size_t>(b - lo_ + 1), 0);
  }
  ++counts_[static_cast<size_t>(b - lo_)];
}

double DurationSketch::Quantile(double p) const {
  if (count_ == 0) return 0;
  const uint64_t rank = Rank(p, count_);
  if (exact()) {
    std::vector<int64_t> sorted = exact_;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(rank - 1), sorted.end());
    return static_cast<double>(sorted[rank - 1]);
  }
  uint64_t seen = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) {
      const double mid = BucketMidpoint(lo_ + static_cast<int>(i));
      return std::clamp(mid, static_cast<double>(min_), static_cast<double>(max_));
    }
  }
  return static_cast<double>(max_);
}

}  // namespace dbopt::trace
