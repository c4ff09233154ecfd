// Join costs: costsize.c initial_/final_cost_nestloop, initial_/final_cost_mergejoin,
// initial_/final_cost_hashjoin and compute_semi_anti_join_factors. As in PostgreSQL, the
// initial step gives a cheap lower bound (the planner may drop the path there) and the final
// step adds the CPU costs. Selectivities, bucket statistics and approx_tuple_count results come
// from the caller.
#pragma once

#include "dbopt/cost/basics.h"
#include "dbopt/cost/hash_table_size.h"
#include "dbopt/cost/params.h"

namespace dbopt::cost {

enum class JoinKind { kInner, kLeft, kFull, kRight, kSemi, kAnti };

// One input of a join: its path cost, rows (per worker for a partial path) and width.
struct JoinSide {
  Cost cost;
  double rows = 0;
  int width = 0;
  int parallel_workers = 0;
};

// PostgreSQL's SemiAntiJoinFactors.
struct SemiAntiFactors {
  double outer_match_frac = 0;  // fraction of outer rows with at least one match
  double match_count = 1;       // average matches per matched outer row
};

// compute_semi_anti_join_factors from the SEMI (or ANTI) selectivity jsel and the inner-join
// selectivity nsel of the join quals: outer_match_frac = jsel; match_count = jsel > 0 ?
// max(1, nsel·inner_rel_rows/jsel) : 1.
SemiAntiFactors ComputeSemiAntiJoinFactors(double jsel, double nsel, double inner_rel_rows);

// What final_cost_* needs besides the inputs: the join's own row estimate and CPU costs.
struct JoinOutput {
  double rows = 0;           // the join rel's rows (or ppi_rows)
  int parallel_workers = 0;  // > 0 for a partial path: rows are divided per worker
  QualCost target;           // pathtarget->cost
};

struct JoinCost {
  Cost cost;
  double rows = 0;
};

// ---- nested loop ----

struct NestLoopInput {
  JoinKind kind = JoinKind::kInner;
  bool inner_unique = false;
  JoinSide outer;
  JoinSide inner;
  Cost inner_rescan;            // cost_rescan of the inner path (CostRescan / CostMemoizeRescan)
  SemiAntiFactors semifactors;  // SEMI, ANTI or inner_unique
  // has_indexed_join_quals: the inner is a parameterized index (or simple bitmap) scan that
  // enforces every join qual, and no join quals remain at the join.
  bool indexed_join_quals = false;
  QualCost join_quals;  // joinrestrictinfo
  JoinOutput output;
};

struct NestLoopWorkspace {
  Cost cost;  // the lower bound
  double run = 0;
  double inner_run = 0;
  double inner_rescan_run = 0;
};

// initial_cost_nestloop: startup = outer.startup + inner.startup; run = outer.run
// + (o − 1)·rescan.startup (o > 1) and, unless SEMI/ANTI/inner_unique, + inner.run
// + (o − 1)·rescan.run.
NestLoopWorkspace InitialCostNestLoop(const CostParams& params, const NestLoopInput& in);

// final_cost_nestloop: the SEMI/ANTI/inner_unique early-stop model (reference §4.7) or
// ntuples = o·i; then + (ctc + join_quals.pt)·ntuples + target; +disable without enable_nestloop.
JoinCost FinalCostNestLoop(const CostParams& params, const NestLoopInput& in,
                           const NestLoopWorkspace& ws);

// ---- merge join ----

struct MergeJoinInput {
  JoinKind kind = JoinKind::kInner;
  bool inner_unique = false;
  JoinSide outer;
  JoinSide inner;
  bool sort_outer = false;  // outersortkeys != NIL
  bool sort_inner = false;
  bool has_merge_clauses = true;
  // mergejoinscansel of the first merge clause, oriented to outer/inner.
  double outer_start_sel = 0, outer_end_sel = 1;
  double inner_start_sel = 0, inner_end_sel = 1;
  // final step
  QualCost merge_quals;  // cost_qual_eval(mergeclauses)
  QualCost join_quals;   // cost_qual_eval(joinrestrictinfo), merge clauses included
  int num_merge_clauses = 0;
  int num_join_clauses = 0;      // list_length(joinrestrictinfo)
  double merge_join_tuples = 0;  // approx_tuple_count(mergeclauses)
  bool outer_is_unique_path = false;
  bool inner_supports_mark_restore = true;  // ExecSupportsMarkRestore(inner)
  JoinOutput output;
};

struct MergeJoinWorkspace {
  Cost cost;
  double run = 0;
  double inner_run = 0;
  double outer_rows = 0, inner_rows = 0;
  double outer_skip_rows = 0, inner_skip_rows = 0;
};

struct MergeJoinCost {
  JoinCost join;
  bool materialize_inner = false;
  bool skip_mark_restore = false;
};

// initial_cost_mergejoin: scan fractions (LEFT/ANTI scan the whole outer, RIGHT the whole inner,
// FULL or clauseless both), rounded to rows (skip = rint, rows = clamp_row_est) and back to
// fractions; each side costs its Sort (cost_sort, work_mem, no limit) or its path:
// startup += src.startup + src.run·start_frac; run += src.run·(end − start) (inner: inner_run).
MergeJoinWorkspace InitialCostMergeJoin(const CostParams& params, const MergeJoinInput& in);

// final_cost_mergejoin (reference §4.8): rescanned = max(0, mergetuples − inner rows) unless the
// outer is unique-ified or mark/restore is skipped; ratio = 1 + rescanned/inner_rows; the inner is
// materialized (coc·inner_rows·ratio) when cheaper, required, or a spilling sort; merge quals on
// compared tuples, (ctc + other quals)·mergetuples.
MergeJoinCost FinalCostMergeJoin(const CostParams& params, const MergeJoinInput& in,
                                 const MergeJoinWorkspace& ws);

// ---- hash join ----

struct HashJoinInput {
  JoinKind kind = JoinKind::kInner;
  bool inner_unique = false;
  JoinSide outer;
  JoinSide inner;
  int num_hash_clauses = 1;
  bool parallel_hash = false;  // a shared hash table built by parallel workers
  // final step
  bool inner_is_unique_path = false;
  // estimate_hash_bucket_stats minima over the hash clauses for the inner side, computed with
  // nbuckets = ws.table.num_buckets · ws.table.num_batches (ignored for a unique-ified inner).
  double inner_bucket_size = 1;
  double inner_mcv_freq = 1;
  QualCost hash_quals;  // cost_qual_eval(hashclauses)
  QualCost join_quals;  // cost_qual_eval(joinrestrictinfo), hash clauses included
  SemiAntiFactors semifactors;
  double hash_join_tuples = 0;  // approx_tuple_count(hashclauses) (inner joins)
  JoinOutput output;
};

struct HashJoinWorkspace {
  Cost cost;
  double run = 0;
  HashTableSize table;
  double inner_rows_total = 0;
};

// initial_cost_hashjoin: startup = outer.startup + inner.total + (coc·nclauses + ctc)·inner_rows;
// run = outer.run + coc·nclauses·outer_rows; batching adds spc·inner pages to startup and
// spc·(inner pages + 2·outer pages) to run (page_size of rows and width).
HashJoinWorkspace InitialCostHashJoin(const CostParams& params, const HashJoinInput& in);

// final_cost_hashjoin (reference §4.9), with +disable when the inner MCV's bucket would exceed
// hash_mem or hash joins are off.
JoinCost FinalCostHashJoin(const CostParams& params, const HashJoinInput& in,
                           const HashJoinWorkspace& ws);

}  // namespace dbopt::cost
