// The hash functions that shard routers use, each bit-exact with the system it is named after
// (test vectors: shared/reference/pool-and-routing.md §C and tests/unit/sim/hash_test.cc).
#pragma once

#include <cstdint>
#include <string_view>

namespace dbopt::sim {

// Vitess `hash` vindex: single DES (ECB, all-zero key) of the big-endian uint64; the keyspace id
// is the 8 output bytes, returned here as a big-endian uint64 (1 -> 0x166b40b44aba4bd6).
uint64_t VitessHash(uint64_t value);

// DES encryption of one 64-bit block (big-endian bit numbering, as FIPS 46-3).
uint64_t DesEncrypt(uint64_t key, uint64_t block);

// xxHash64 of `bytes` with `seed` (Yann Collet's XXH64). Vitess' `xxhash` vindex is
// XxHash64(text bytes of the value, 0) written little-endian.
uint64_t XxHash64(std::string_view bytes, uint64_t seed = 0);

// PostgreSQL 15's hash_bytes (src/common/hashfn.c, Bob Jenkins' lookup3 as PostgreSQL adapted it)
// and the type hash functions built on it, as int32 like the SQL functions return them.
uint32_t PgHashBytes(std::string_view bytes);
uint32_t PgHashUint32(uint32_t value);
int32_t PgHashInt4(int32_t value);          // hashint4
int32_t PgHashInt8(int64_t value);          // hashint8: equals hashint4 for values in int32 range
int32_t PgHashText(std::string_view text);  // hashtext under a deterministic collation

// Citus: shard index of a 32-bit hash with `shard_count` equal ranges of the int32 space;
// the last shard absorbs the remainder (FindShardInterval).
//   increment = 2^32 / shard_count;  index = min((uint32)(hash - INT32_MIN) / increment, n - 1)
int CitusShardIndex(int32_t hash, int shard_count);

// Jump consistent hash (Lamping & Veach 2014): bucket in [0, buckets) for a 64-bit key.
int JumpConsistentHash(uint64_t key, int buckets);

// A 64-bit finaliser (splitmix64's) for mixing a key hash with a shard number.
uint64_t Mix64(uint64_t x);

}  // namespace dbopt::sim
