// Resharding n → m simulated over observed keys (a Router's key sample), and rebalancing plans
// for the table strategies (docs/routing-model.md "Resharding", "Rebalancing").
#pragma once

#include <vector>

#include "dbopt/sim/key_sample.h"
#include "dbopt/sim/strategy.h"

namespace dbopt::sim {

struct Movement {
  uint64_t keys = 0;
  uint64_t moved_keys = 0;
  double key_fraction = 0;   // moved_keys / keys
  double load_fraction = 0;  // queries of moved keys / all queries of the keys
  double optimum = 0;        // |m - n| / max(n, m): 1/(n+1) for one added shard
};

Movement KeyMovement(const Strategy& from, const Strategy& to, const std::vector<KeyLoad>& keys);

struct KeyMove {
  Key key;
  int from = 0;
  int to = 0;
  uint64_t queries = 0;
};

struct RebalancePlan {
  std::vector<KeyMove> moves;  // directory: keys to re-map
  std::vector<Key> splits;     // range: the new split points
  double skew_before = 0;      // max/mean of per-shard queries
  double skew_after = 0;
  bool reached_target = false;
};

// Directory: greedily move a key from the busiest to the idlest shard — the heaviest key
// lighter than half their gap, else the heaviest lighter than the gap — until max/mean is at
// most max_skew or no move lowers the maximum.
RebalancePlan PlanDirectoryRebalance(const Strategy& current, const std::vector<KeyLoad>& keys,
                                     double max_skew);

// Range: new split points cut the key-ordered load into `shards` parts, each cut where the
// running total is closest to i·total/shards (a key cannot be split).
RebalancePlan PlanRangeRebalance(const Strategy& current, const std::vector<KeyLoad>& keys,
                                 double max_skew);

}  // namespace dbopt::sim
