// The strategies that carry a table: ring (sorted vnode points), range (split points) and
// directory (explicit key → shard map).
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dbopt/sim/hash.h"
#include "dbopt/sim/strategy.h"

namespace dbopt::sim {
namespace {

// Karger ring: shard s owns the points XXH64("shard-<s>-<v>"), v < vnodes; a key belongs to the
// first point at or after KeyHash64(key), wrapping to the first point.
class RingStrategy : public Strategy {
 public:
  RingStrategy(int shards, int vnodes) : Strategy(shards), vnodes_(vnodes) {
    for (int s = 0; s < shards; ++s) {
      for (int v = 0; v < vnodes; ++v) {
        const std::string name = "shard-" + std::to_string(s) + "-" + std::to_string(v);
        points_.emplace_back(XxHash64(name), s);
      }
    }
    std::sort(points_.begin(), points_.end());
  }
  int ShardOf(const Key& key) const override {
    const uint64_t h = KeyHash64(key);
    auto it = std::lower_bound(points_.begin(), points_.end(), std::make_pair(h, -1));
    return it == points_.end() ? points_.front().second : it->second;
  }
  std::string Describe() const override {
    return "ring shards=" + std::to_string(shards()) + " vnodes=" + std::to_string(vnodes_);
  }

 private:
  int vnodes_;
  std::vector<std::pair<uint64_t, int>> points_;
};

// Shard i holds [split[i-1], split[i]): a split point starts the next range.
class RangeStrategy : public Strategy {
 public:
  explicit RangeStrategy(std::vector<Key> splits)
      : Strategy(static_cast<int>(splits.size()) + 1), splits_(std::move(splits)) {}
  int ShardOf(const Key& key) const override {
    return static_cast<int>(std::upper_bound(splits_.begin(), splits_.end(), key) -
                            splits_.begin());
  }
  std::string Describe() const override { return "range shards=" + std::to_string(shards()); }

 private:
  std::vector<Key> splits_;
};

class DirectoryStrategy : public Strategy {
 public:
  DirectoryStrategy(int shards, std::unordered_map<Key, int, KeyHasher> directory)
      : Strategy(shards), directory_(std::move(directory)) {}
  int ShardOf(const Key& key) const override {
    auto it = directory_.find(key);
    return it != directory_.end() ? it->second : JumpConsistentHash(KeyHash64(key), shards());
  }
  std::string Describe() const override {
    return "directory shards=" + std::to_string(shards()) +
           " keys=" + std::to_string(directory_.size());
  }

 private:
  std::unordered_map<Key, int, KeyHasher> directory_;
};

}  // namespace

std::unique_ptr<Strategy> MakeRingStrategy(int shards, int vnodes) {
  return std::make_unique<RingStrategy>(shards, vnodes);
}

Result<std::unique_ptr<Strategy>> MakeRangeStrategy(std::vector<Key> splits) {
  for (size_t i = 1; i < splits.size(); ++i) {
    if (!(splits[i - 1] < splits[i])) {
      return Error::BadInput("range split points must be strictly ascending: \"" +
                             splits[i].ToText() + "\" follows \"" + splits[i - 1].ToText() + "\"");
    }
  }
  return std::unique_ptr<Strategy>(std::make_unique<RangeStrategy>(std::move(splits)));
}

Result<std::unique_ptr<Strategy>> MakeDirectoryStrategy(
    int shards, std::unordered_map<Key, int, KeyHasher> directory) {
  if (shards < 1) return Error::BadInput("a directory needs at least one shard");
  for (const auto& [key, shard] : directory) {
    if (shard < 0 || shard >= shards) {
      return Error::BadInput("directory maps \"" + key.ToText() + "\" to shard " +
                             std::to_string(shard) + ", outside 0.." + std::to_string(shards - 1));
    }
  }
  return std::unique_ptr<Strategy>(
      std::make_unique<DirectoryStrategy>(shards, std::move(directory)));
}

}  // namespace dbopt::sim
