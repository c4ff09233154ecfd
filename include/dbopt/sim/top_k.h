// Heavy hitters in bounded memory: the Space-Saving algorithm (Metwally, Agrawal, El Abbadi
// 2005) with `capacity` counters. A new key, when all counters are taken, replaces the key with
// the smallest count c and starts at c + 1 with error c. Guarantees: every key whose true count
// exceeds N/capacity is tracked; a tracked key's true count is in [count - error, count].
#pragma once

#include <cstdint>
#include <vector>

#include "dbopt/base/flat_index.h"
#include "dbopt/sim/shard_key.h"

namespace dbopt::sim {

struct HotKey {
  Key key;
  uint64_t count = 0;  // an upper bound of the true count
  uint64_t error = 0;  // count - error is a lower bound
};

class SpaceSaving {
 public:
  explicit SpaceSaving(size_t capacity) : capacity_(capacity) {}
  // `hash` is KeyHash64(key).
  void Add(const Key& key, uint64_t hash);
  // By count descending, ties by key ascending.
  std::vector<HotKey> Top(size_t k) const;

 private:
  void SiftDown(size_t i);
  void SiftUp(size_t i);
  void Swap(size_t a, size_t b);
  uint64_t CountAt(size_t heap_position) const { return entries_[heap_[heap_position]].count; }

  size_t capacity_;
  std::vector<HotKey> entries_;   // the counters; slots never move
  std::vector<size_t> heap_;      // min-heap of entry slots by count
  std::vector<size_t> position_;  // entry slot -> heap position
  std::vector<uint64_t> hashes_;  // entry slot -> its key's hash
  FlatIndex slot_;                // key hash -> entry slot
};

}  // namespace dbopt::sim
