// The planner cost parameters (PostgreSQL 15 GUCs, costsize.c globals) as plain numbers, read
// once from catalog::Settings. Every cost function of this module takes a CostParams; none of
// them reads settings or statistics itself. jit and jit_above_cost never change plan costs
// (PostgreSQL decides about JIT after planning), so they are not here.
#pragma once

#include "dbopt/base/result.h"
#include "dbopt/catalog/settings.h"

namespace dbopt::cost {

// PG15: costsize.c `disable_cost`: added to the startup cost of a disabled path (enable_* off);
// the path stays a candidate.
constexpr double kDisableCost = 1.0e10;
// PG15: BLCKSZ, the only block size dbopt's formulas support.
constexpr int kBlockSize = 8192;
// PG15: costsize.c MAXIMUM_ROWCOUNT, the ceiling of clamp_row_est.
constexpr double kMaximumRowCount = 1e100;
// PG15: costsize.c APPEND_CPU_COST_MULTIPLIER: Append/MergeAppend charge 0.5·cpu_tuple_cost a row.
constexpr double kAppendCpuCostMultiplier = 0.5;
// PG15: a tuple comparison is charged as two operator evaluations (cost_tuplesort,
// cost_merge_append, cost_gather_merge).
constexpr double kOpsPerComparison = 2.0;
// PG15: SEMI/ANTI/inner_unique joins stop after 1/(match_count + 1) of the matches, fuzzed ×2.
constexpr double kEarlyStopFuzz = 2.0;
// PG15: selfuncs.h DEFAULT_NUM_DISTINCT (used by cost_incremental_sort when groups are unknown).
constexpr double kDefaultNumDistinct = 200;

struct CostParams {
  double seq_page_cost = 1.0;
  double random_page_cost = 4.0;
  double cpu_tuple_cost = 0.01;
  double cpu_index_tuple_cost = 0.005;
  double cpu_operator_cost = 0.0025;
  double parallel_tuple_cost = 0.1;
  double parallel_setup_cost = 1000;
  double effective_cache_size = 524288;  // in blocks, as PostgreSQL keeps it
  int work_mem_kb = 4096;
  double hash_mem_multiplier = 2.0;
  int max_parallel_workers_per_gather = 2;
  double min_parallel_table_scan_size = 1024;  // blocks
  double min_parallel_index_scan_size = 64;    // blocks
  bool parallel_leader_participation = true;

  bool enable_seqscan = true;
  bool enable_indexscan = true;
  bool enable_indexonlyscan = true;
  bool enable_bitmapscan = true;
  bool enable_tidscan = true;
  bool enable_sort = true;
  bool enable_incremental_sort = true;
  bool enable_hashagg = true;
  bool enable_nestloop = true;
  bool enable_material = true;
  bool enable_memoize = true;
  bool enable_mergejoin = true;
  bool enable_hashjoin = true;
  bool enable_gathermerge = true;
  bool enable_parallel_append = true;
  bool enable_parallel_hash = true;

  // work_mem · 1024 as the C code's `work_mem * 1024L` (a long).
  double WorkMemBytes() const { return static_cast<double>(work_mem_kb) * 1024.0; }
  // nodeHash.c get_hash_memory_limit: (size_t)(work_mem · hash_mem_multiplier · 1024).
  double HashMemBytes() const;
};

// Reads the cost-relevant settings (PostgreSQL 15 defaults when never set). A block_size other
// than 8192 is "not supported": PostgreSQL compiles BLCKSZ into every formula.
Result<CostParams> CostParamsFromSettings(const catalog::Settings& settings);

}  // namespace dbopt::cost
