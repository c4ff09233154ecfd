#include "dbopt/sim/router.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace dbopt::sim {

// max/mean = max_i x_i / x̄;  cv = sqrt(Σ (x_i - x̄)² / n) / x̄.
Skew SkewOf(const std::vector<double>& x) {
  Skew skew;
  if (x.empty()) return skew;
  double sum = 0;
  double max = 0;
  for (double v : x) {
    sum += v;
    max = std::max(max, v);
  }
  const double mean = sum / static_cast<double>(x.size());
  if (mean <= 0) return skew;
  double squares = 0;
  for (double v : x) squares += (v - mean) * (v - mean);
  skew.max_over_mean = max / mean;
  skew.cv = std::sqrt(squares / static_cast<double>(x.size())) / mean;
  return skew;
}

Router::Router(std::unique_ptr<Strategy> strategy, RouterOptions options)
    : strategy_(std::move(strategy)),
      options_(options),
      touched_(static_cast<size_t>(strategy_->shards()), 0),
      hot_(options.hot_key_capacity),
      sample_(options.key_sample) {
  for (int s = 0; s < strategy_->shards(); ++s) shards_.push_back(ShardLoad{s, 0, 0});
}

void Router::Count(int shard, double busy_ms) {
  ++shards_[static_cast<size_t>(shard)].queries;
  shards_[static_cast<size_t>(shard)].busy_ms += busy_ms;
}

void Router::Observe(const Key& key, double busy_ms) {
  const uint64_t hash = KeyHash64(key);
  hot_.Add(key, hash);
  sample_.Add(key, hash, busy_ms);
}

void Router::RouteKey(const Key& key, double busy_ms) {
  ++totals_.queries;
  ++totals_.single_shard;
  Count(strategy_->ShardOf(key), busy_ms);
  Observe(key, busy_ms);
}

void Router::Route(const std::vector<Key>& keys, double busy_ms) {
  if (keys.size() == 1) {
    RouteKey(keys[0], busy_ms);
    return;
  }
  ++totals_.queries;
  if (keys.empty()) {
    ++totals_.scatter;
    for (int s = 0; s < strategy_->shards(); ++s) Count(s, busy_ms);
    return;
  }
  std::vector<int> hit;
  for (const Key& key : keys) {
    const int s = strategy_->ShardOf(key);
    if (!touched_[static_cast<size_t>(s)]) {
      touched_[static_cast<size_t>(s)] = 1;
      hit.push_back(s);
    }
    Observe(key, busy_ms / static_cast<double>(keys.size()));
  }
  ++(hit.size() == 1 ? totals_.single_shard : totals_.multi_shard);
  for (int s : hit) {
    Count(s, busy_ms);
    touched_[static_cast<size_t>(s)] = 0;
  }
}

RoutingMetrics Router::Metrics() const {
  RoutingMetrics m = totals_;
  m.shards = shards_;
  if (m.queries > 0) {
    m.scatter_fraction = static_cast<double>(m.scatter) / static_cast<double>(m.queries);
  }
  std::vector<double> queries;
  std::vector<double> busy;
  for (const ShardLoad& s : shards_) {
    queries.push_back(static_cast<double>(s.queries));
    busy.push_back(s.busy_ms);
  }
  m.query_skew = SkewOf(queries);
  m.busy_skew = SkewOf(busy);
  m.hot_keys = hot_.Top(options_.hot_keys_reported);
  return m;
}

}  // namespace dbopt::sim
