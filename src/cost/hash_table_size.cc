// Hash join table sizing (PostgreSQL 15 nodeHash.c ExecChooseHashTableSize), in 64-bit size_t
// arithmetic.
#include "dbopt/cost/hash_table_size.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>

#include "dbopt/cost/width.h"

namespace dbopt::cost {

namespace {

// PG15 (64-bit): HJTUPLE_OVERHEAD, sizeof(HashJoinTuple), SKEW_BUCKET_OVERHEAD,
// SKEW_HASH_MEM_PERCENT, NTUP_PER_BUCKET, MaxAllocSize.
constexpr uint64_t kHjTupleOverhead = 16;
constexpr uint64_t kPointerSize = 8;
constexpr uint64_t kSkewBucketOverhead = 16;
constexpr uint64_t kSkewHashMemPercent = 2;
constexpr double kTuplesPerBucket = 1;
constexpr uint64_t kMaxAllocSize = 0x3fffffff;
// PG15: ExecChooseHashTableSize's minimum bucket count.
constexpr int kMinBuckets = 1024;
// PG15 clamps the combined Parallel Hash limit to SIZE_MAX; this is the largest double below
// 2^64, so the conversion back to an unsigned 64-bit size is defined.
constexpr double kMaxSizeAsDouble = 18446744073709549568.0;
// PG15: a relation without size information is assumed to have 1000 rows.
constexpr double kDefaultHashTuples = 1000.0;

uint64_t PrevPowerOf2(uint64_t n) {
  uint64_t p = 1;
  while (p <= n / 2) p *= 2;
  return p;
}

uint64_t NextPowerOf2(uint64_t n) {
  uint64_t p = 1;
  while (p < n) p *= 2;
  return p;
}

// The skew-bucket reservation: SKEW_HASH_MEM_PERCENT of the memory, in whole MCV entries of
// tupsize + 8 bucket pointers + an int + a HashSkewBucket each; returns the MCVs it holds.
int ReserveSkewSpace(uint64_t tupsize, uint64_t* hash_table_bytes) {
  const uint64_t bytes_per_mcv = tupsize + 8 * kPointerSize + 4 + kSkewBucketOverhead;
  uint64_t skew_mcvs = *hash_table_bytes / bytes_per_mcv;
  skew_mcvs = (skew_mcvs * kSkewHashMemPercent) / 100;
  skew_mcvs = std::min<uint64_t>(skew_mcvs, INT_MAX);
  if (skew_mcvs > 0) *hash_table_bytes -= skew_mcvs * bytes_per_mcv;
  return static_cast<int>(skew_mcvs);
}

// When the table does not fit: buckets for a full hash_mem, and enough batches (powers of two).
void ChooseBatches(uint64_t tupsize, double inner_rel_bytes, uint64_t hash_table_bytes,
                   uint64_t max_pointers, HashTableSize* out) {
  const uint64_t bucket_size = tupsize * static_cast<uint64_t>(kTuplesPerBucket) + kPointerSize;
  uint64_t sbuckets =
      hash_table_bytes <= bucket_size ? 1 : NextPowerOf2(hash_table_bytes / bucket_size);
  sbuckets = std::min(sbuckets, max_pointers);
  out->num_buckets = static_cast<int>(NextPowerOf2(sbuckets));
  const uint64_t bucket_bytes = static_cast<uint64_t>(out->num_buckets) * kPointerSize;
  double dbatch = std::ceil(inner_rel_bytes / static_cast<double>(hash_table_bytes - bucket_bytes));
  dbatch = std::min(dbatch, static_cast<double>(max_pointers));
  const int minbatch = static_cast<int>(dbatch);
  out->num_batches = static_cast<int>(NextPowerOf2(std::max(2, minbatch)));
}

}  // namespace

HashTableSize ExecChooseHashTableSize(const CostParams& params, double ntuples, int tuple_width,
                                      bool use_skew, bool try_combined_hash_mem,
                                      int parallel_workers) {
  HashTableSize out;
  if (ntuples <= 0.0) ntuples = kDefaultHashTuples;
  const uint64_t tupsize =
      kHjTupleOverhead + MaxAlign(kSizeofMinimalTupleHeader) + MaxAlign(tuple_width);
  const double inner_rel_bytes = ntuples * static_cast<double>(tupsize);
  uint64_t hash_table_bytes = static_cast<uint64_t>(params.HashMemBytes());
  if (try_combined_hash_mem) {
    const double limit = static_cast<double>(hash_table_bytes) * (parallel_workers + 1.0);
    hash_table_bytes = static_cast<uint64_t>(std::min(limit, kMaxSizeAsDouble));
  }
  out.space_allowed = static_cast<double>(hash_table_bytes);
  if (use_skew) out.num_skew_mcvs = ReserveSkewSpace(tupsize, &hash_table_bytes);
  uint64_t max_pointers = hash_table_bytes / kPointerSize;
  max_pointers = std::min(max_pointers, kMaxAllocSize / kPointerSize);
  max_pointers = PrevPowerOf2(max_pointers);
  max_pointers = std::min<uint64_t>(max_pointers, INT_MAX / 2 + 1);

  double dbuckets = std::ceil(ntuples / kTuplesPerBucket);
  dbuckets = std::min(dbuckets, static_cast<double>(max_pointers));
  const int nbuckets = std::max(static_cast<int>(dbuckets), kMinBuckets);
  out.num_buckets = static_cast<int>(NextPowerOf2(nbuckets));
  out.num_batches = 1;
  const double bucket_bytes = static_cast<double>(kPointerSize) * out.num_buckets;
  if (inner_rel_bytes + bucket_bytes > static_cast<double>(hash_table_bytes)) {
    if (try_combined_hash_mem) {
      return ExecChooseHashTableSize(params, ntuples, tuple_width, use_skew, false,
                                     parallel_workers);
    }
    ChooseBatches(tupsize, inner_rel_bytes, hash_table_bytes, max_pointers, &out);
  }
  return out;
}

}  // namespace dbopt::cost
