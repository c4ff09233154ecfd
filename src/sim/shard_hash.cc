// Hash-to-shard maps that need no table: Citus' hash ranges, jump consistent hash, and the
// 64-bit mixer the rendezvous strategy scores with.
#include <cstdint>
#include <limits>

#include "dbopt/sim/hash.h"

namespace dbopt::sim {

// Citus FindShardInterval: equal ranges of the 2^32 hash tokens, starting at INT32_MIN.
//   increment = 2^32 / n;  index = (uint32)(hash - INT32_MIN) / increment, clamped to n - 1
// (when n is not a power of two the last shard's range is larger).
int CitusShardIndex(int32_t hash, int shard_count) {
  const uint64_t increment = (uint64_t{1} << 32) / static_cast<uint64_t>(shard_count);
  const uint64_t token =
      static_cast<uint64_t>(static_cast<int64_t>(hash) - std::numeric_limits<int32_t>::min());
  const uint64_t index = token / increment;
  return index >= static_cast<uint64_t>(shard_count) ? shard_count - 1 : static_cast<int>(index);
}

// Lamping & Veach (arXiv:1406.2294), the fast form: with the LCG key = key·2862933555777941757+1,
// the next bucket count at which the key jumps is j = floor((b + 1)·2^31 / ((key >> 33) + 1));
// the key stays in the last b with j >= buckets.
int JumpConsistentHash(uint64_t key, int buckets) {
  int64_t b = -1;
  int64_t j = 0;
  while (j < buckets) {
    b = j;
    key = key * 2862933555777941757ULL + 1;
    j = static_cast<int64_t>(static_cast<double>(b + 1) * (static_cast<double>(int64_t{1} << 31) /
                                                           static_cast<double>((key >> 33) + 1)));
  }
  return static_cast<int>(b);
}

// splitmix64's finaliser (Steele, Lea, Flood 2014).
uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace dbopt::sim
