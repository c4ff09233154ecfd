// Shard-routing strategies: a key → a shard in [0, shards). docs/routing-model.md defines each.
//   hash        fn=citus (PostgreSQL hashint8/hashtext → Citus' equal int32 ranges, default),
//               fn=vitess (Vitess `hash` vindex for integers, `xxhash` for texts → equal
//               keyspace-id ranges), fn=xxhash (Vitess `xxhash` for every key)
//   mod         KeyHash64(key) mod shards (the baseline that moves n/(n+1) of keys)
//   range       sorted split points: shard i holds [split[i-1], split[i])
//   directory   an explicit key → shard map; unmapped keys go by jump hash
//   ring        consistent hashing, `vnodes` points per shard (default 160, as ketama)
//   jump        Lamping–Veach jump hash of KeyHash64(key)
//   rendezvous  highest random weight: argmax over shards of Mix64(KeyHash64(key) + φ·(s+1))
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/sim/shard_key.h"

namespace dbopt::sim {

class Strategy {
 public:
  explicit Strategy(int shards) : shards_(shards) {}
  virtual ~Strategy() = default;
  virtual int ShardOf(const Key& key) const = 0;
  virtual std::string Describe() const = 0;
  int shards() const { return shards_; }

 private:
  int shards_;
};

enum class HashFunction { kCitus, kVitess, kXxHash };

std::unique_ptr<Strategy> MakeHashStrategy(int shards, HashFunction fn = HashFunction::kCitus);
std::unique_ptr<Strategy> MakeModStrategy(int shards);
std::unique_ptr<Strategy> MakeJumpStrategy(int shards);
std::unique_ptr<Strategy> MakeRendezvousStrategy(int shards);
std::unique_ptr<Strategy> MakeRingStrategy(int shards, int vnodes = 160);
// n - 1 ascending split points make n shards.
Result<std::unique_ptr<Strategy>> MakeRangeStrategy(std::vector<Key> splits);
Result<std::unique_ptr<Strategy>> MakeDirectoryStrategy(
    int shards, std::unordered_map<Key, int, KeyHasher> directory);

// "strategy=jump,shards=8", "strategy=ring,shards=8,vnodes=100", "strategy=hash,fn=vitess".
// range and directory need their tables and are built with the Make functions.
Result<std::unique_ptr<Strategy>> ParseRouteSpec(std::string_view spec);

}  // namespace dbopt::sim
