// Routes queries by their shard-key sets and measures the spread (docs/routing-model.md):
// one key → one shard, several (IN list) → the set of their shards, none → every shard
// (scatter). Each shard a query touches counts the query and its busy time.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "dbopt/sim/key_sample.h"
#include "dbopt/sim/strategy.h"
#include "dbopt/sim/top_k.h"

namespace dbopt::sim {

struct ShardLoad {
  int shard = 0;
  uint64_t queries = 0;
  double busy_ms = 0;
};

// max/mean and coefficient of variation (population σ / mean) over shards.
struct Skew {
  double max_over_mean = 0;
  double cv = 0;
};
Skew SkewOf(const std::vector<double>& per_shard);

struct RoutingMetrics {
  uint64_t queries = 0;
  uint64_t single_shard = 0;
  uint64_t multi_shard = 0;
  uint64_t scatter = 0;
  double scatter_fraction = 0;
  std::vector<ShardLoad> shards;
  Skew query_skew;
  Skew busy_skew;
  std::vector<HotKey> hot_keys;  // top by count (Space-Saving bounds)
};

struct RouterOptions {
  size_t hot_key_capacity = 128;  // Space-Saving counters
  size_t hot_keys_reported = 10;
  size_t key_sample = 65536;  // distinct keys kept for resharding
};

class Router {
 public:
  explicit Router(std::unique_ptr<Strategy> strategy, RouterOptions options = {});

  void Route(const std::vector<Key>& keys, double busy_ms);
  void RouteKey(const Key& key, double busy_ms);  // the one-key case without a vector
  RoutingMetrics Metrics() const;
  const Strategy& strategy() const { return *strategy_; }
  const KeySample& sample() const { return sample_; }

 private:
  void Count(int shard, double busy_ms);
  void Observe(const Key& key, double busy_ms);

  std::unique_ptr<Strategy> strategy_;
  RouterOptions options_;
  std::vector<ShardLoad> shards_;
  std::vector<char> touched_;
  RoutingMetrics totals_;
  SpaceSaving hot_;
  KeySample sample_;
};

}  // namespace dbopt::sim
