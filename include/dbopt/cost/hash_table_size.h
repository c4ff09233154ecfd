// The executor's hash-join table sizing, which the planner calls to cost batching:
// nodeHash.c ExecChooseHashTableSize.
#pragma once

#include "dbopt/cost/params.h"

namespace dbopt::cost {

struct HashTableSize {
  double space_allowed = 0;  // bytes
  int num_buckets = 0;       // a power of two ≥ 1024
  int num_batches = 1;       // a power of two
  int num_skew_mcvs = 0;
};

// ExecChooseHashTableSize(ntuples, width, useskew, try_combined_hash_mem, workers) on 64-bit:
//   tupsize = 16 (HJTUPLE_OVERHEAD) + 16 (MAXALIGN(SizeofMinimalTupleHeader)) + MAXALIGN(width)
//   bytes = hash_mem (×(workers + 1) when trying a combined Parallel Hash table)
//   skew: per_mcv = tupsize + 84; mcvs = floor(floor(bytes/per_mcv)·2/100); bytes −= mcvs·per_mcv
//   max_pointers = prevpow2(min(bytes/8, MaxAllocSize/8)), ≤ INT_MAX/2 + 1
//   buckets = nextpow2(max(1024, min(ceil(ntuples), max_pointers)))  (ntuples ≤ 0 → 1000)
//   if ntuples·tupsize + 8·buckets > bytes: (combined: retry without) buckets =
//     nextpow2(min(nextpow2(bytes/(tupsize + 8)), max_pointers)); batches =
//     nextpow2(max(2, min(ceil(ntuples·tupsize/(bytes − 8·buckets)), max_pointers)))
HashTableSize ExecChooseHashTableSize(const CostParams& params, double ntuples, int tuple_width,
                                      bool use_skew, bool try_combined_hash_mem,
                                      int parallel_workers);

}  // namespace dbopt::cost
