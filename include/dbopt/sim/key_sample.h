// A uniform sample of the distinct keys seen, with their exact counts and busy time, in
// bounded memory: bottom-k sampling by key hash (keep the `capacity` keys with the smallest
// KeyHash64). A key in the final sample had a hash below every threshold the sample ever had,
// so it was admitted at its first occurrence and its totals are exact. While fewer than
// `capacity` distinct keys were seen the sample is every key. Resharding and rebalancing are
// simulated over it.
#pragma once

#include <cstdint>
#include <queue>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dbopt/sim/shard_key.h"

namespace dbopt::sim {

struct KeyLoad {
  Key key;
  uint64_t queries = 0;
  double busy_ms = 0;
};

class KeySample {
 public:
  explicit KeySample(size_t capacity) : capacity_(capacity) {}
  void Add(const Key& key, uint64_t hash, double busy_ms);
  // Sorted by key.
  std::vector<KeyLoad> Keys() const;
  bool complete() const { return !evicted_; }  // every distinct key is in the sample

 private:
  size_t capacity_;
  bool evicted_ = false;
  std::unordered_map<Key, KeyLoad, KeyHasher> loads_;
  std::priority_queue<std::pair<uint64_t, Key>> by_hash_;  // max-heap: the eviction candidate
};

}  // namespace dbopt::sim
