// The strategies that need no table: hash (Citus / Vitess ranges), mod, jump and rendezvous,
// and the key helpers they share.
#include <charconv>
#include <cstdint>
#include <memory>
#include <string>

#include "dbopt/sim/hash.h"
#include "dbopt/sim/shard_key.h"
#include "dbopt/sim/strategy.h"

namespace dbopt::sim {

std::string Key::ToText() const {
  if (is_text) return text;
  char buffer[24];
  const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, integer);
  return std::string(buffer, ptr);
}

uint64_t KeyHash64(const Key& key) {
  if (key.is_text) return XxHash64(key.text);
  char buffer[24];
  const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, key.integer);
  return XxHash64(std::string_view(buffer, static_cast<size_t>(ptr - buffer)));
}

namespace {

uint64_t ByteSwap(uint64_t v) {
  uint64_t out = 0;
  for (int i = 0; i < 8; ++i) out = (out << 8) | ((v >> (8 * i)) & 0xff);
  return out;
}

// Vitess shards own equal ranges of the keyspace-id space: shard = floor(ksid · n / 2^64),
// computed in 64 bits as floor((hi·n + floor(lo·n / 2^32)) / 2^32) with ksid = hi·2^32 + lo.
int KeyspaceRange(uint64_t keyspace_id, int shards) {
  const uint64_t n = static_cast<uint64_t>(shards);
  const uint64_t high = (keyspace_id >> 32) * n + (((keyspace_id & 0xffffffffULL) * n) >> 32);
  return static_cast<int>(high >> 32);
}

class HashStrategy : public Strategy {
 public:
  HashStrategy(int shards, HashFunction fn) : Strategy(shards), fn_(fn) {}

  int ShardOf(const Key& key) const override {
    switch (fn_) {
      case HashFunction::kCitus: {
        const int32_t h = key.is_text ? PgHashText(key.text) : PgHashInt8(key.integer);
        return CitusShardIndex(h, shards());
      }
      case HashFunction::kVitess:
        if (!key.is_text)
          return KeyspaceRange(VitessHash(static_cast<uint64_t>(key.integer)), shards());
        return KeyspaceRange(ByteSwap(XxHash64(key.text)), shards());
      case HashFunction::kXxHash:
        return KeyspaceRange(ByteSwap(KeyHash64(key)), shards());
    }
    return 0;
  }
  std::string Describe() const override {
    const char* names[] = {"citus", "vitess", "xxhash"};
    return "hash fn=" + std::string(names[static_cast<int>(fn_)]) +
           " shards=" + std::to_string(shards());
  }

 private:
  HashFunction fn_;
};

class ModStrategy : public Strategy {
 public:
  using Strategy::Strategy;
  int ShardOf(const Key& key) const override {
    return static_cast<int>(KeyHash64(key) % static_cast<uint64_t>(shards()));
  }
  std::string Describe() const override { return "mod shards=" + std::to_string(shards()); }
};

class JumpStrategy : public Strategy {
 public:
  using Strategy::Strategy;
  int ShardOf(const Key& key) const override {
    return JumpConsistentHash(KeyHash64(key), shards());
  }
  std::string Describe() const override { return "jump shards=" + std::to_string(shards()); }
};

// score(key, s) = Mix64(h + 0x9e3779b97f4a7c15·(s + 1)); the highest wins, ties to the lower s.
class RendezvousStrategy : public Strategy {
 public:
  using Strategy::Strategy;
  int ShardOf(const Key& key) const override {
    const uint64_t h = KeyHash64(key);
    int best = 0;
    uint64_t best_score = 0;
    for (int s = 0; s < shards(); ++s) {
      const uint64_t score = Mix64(h + 0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(s + 1));
      if (s == 0 || score > best_score) {
        best = s;
        best_score = score;
      }
    }
    return best;
  }
  std::string Describe() const override { return "rendezvous shards=" + std::to_string(shards()); }
};

}  // namespace

std::unique_ptr<Strategy> MakeHashStrategy(int shards, HashFunction fn) {
  return std::make_unique<HashStrategy>(shards, fn);
}
std::unique_ptr<Strategy> MakeModStrategy(int shards) {
  return std::make_unique<ModStrategy>(shards);
}
std::unique_ptr<Strategy> MakeJumpStrategy(int shards) {
  return std::make_unique<JumpStrategy>(shards);
}
std::unique_ptr<Strategy> MakeRendezvousStrategy(int shards) {
  return std::make_unique<RendezvousStrategy>(shards);
}

}  // namespace dbopt::sim
