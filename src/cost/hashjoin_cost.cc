// Hash joins (PostgreSQL 15 costsize.c initial_cost_hashjoin, final_cost_hashjoin).
#include <cmath>

#include "dbopt/cost/join_cost.h"
#include "dbopt/cost/parallel_cost.h"
#include "dbopt/cost/width.h"

namespace dbopt::cost {

namespace {

// PG15: final_cost_hashjoin halves the hash-qual cost per bucket entry (quals run only when the
// hash codes match), and charges a tenth of that for unmatched SEMI/ANTI outer rows.
constexpr double kMatchedBucketFraction = 0.5;
constexpr double kUnmatchedBucketFraction = 0.05;

// The hash quals evaluated while scanning buckets, and the tuples passing them. A SEMI/ANTI or
// inner_unique join stops at the first match (frac = 2/(match_count + 1)); unmatched outer rows
// see an average bucket at a tenth of the cost.
void AddBucketScanCost(const HashJoinInput& in, double bucket_size, double virtual_buckets,
                       double* run, double* hash_join_tuples) {
  const double outer_rows = in.outer.rows;
  const double inner_rows = in.inner.rows;
  if (in.kind == JoinKind::kSemi || in.kind == JoinKind::kAnti || in.inner_unique) {
    const double matched = std::rint(outer_rows * in.semifactors.outer_match_frac);
    const double inner_scan_frac = kEarlyStopFuzz / (in.semifactors.match_count + 1.0);
    *run += in.hash_quals.per_tuple * matched *
            ClampRowEst(inner_rows * bucket_size * inner_scan_frac) * kMatchedBucketFraction;
    *run += in.hash_quals.per_tuple * (outer_rows - matched) *
            ClampRowEst(inner_rows / virtual_buckets) * kUnmatchedBucketFraction;
    *hash_join_tuples = in.kind == JoinKind::kAnti ? outer_rows - matched : matched;
    return;
  }
  *run += in.hash_quals.per_tuple * outer_rows * ClampRowEst(inner_rows * bucket_size) *
          kMatchedBucketFraction;
  *hash_join_tuples = in.hash_join_tuples;
}

}  // namespace

HashJoinWorkspace InitialCostHashJoin(const CostParams& params, const HashJoinInput& in) {
  HashJoinWorkspace ws;
  const double outer_rows = in.outer.rows;
  const double inner_rows = in.inner.rows;
  double startup = in.outer.cost.startup;
  double run = in.outer.cost.total - in.outer.cost.startup;
  startup += in.inner.cost.total;
  startup += (params.cpu_operator_cost * in.num_hash_clauses + params.cpu_tuple_cost) * inner_rows;
  run += params.cpu_operator_cost * in.num_hash_clauses * outer_rows;
  ws.inner_rows_total = inner_rows;
  if (in.parallel_hash) {
    ws.inner_rows_total *= ParallelDivisor(params, in.inner.parallel_workers);
  }
  ws.table = ExecChooseHashTableSize(params, ws.inner_rows_total, in.inner.width, true,
                                     in.parallel_hash, in.outer.parallel_workers);
  if (ws.table.num_batches > 1) {
    const double outer_pages = PageSize(outer_rows, in.outer.width);
    const double inner_pages = PageSize(inner_rows, in.inner.width);
    startup += params.seq_page_cost * inner_pages;
    run += params.seq_page_cost * (inner_pages + 2 * outer_pages);
  }
  ws.cost = {startup, startup + run};
  ws.run = run;
  return ws;
}

JoinCost FinalCostHashJoin(const CostParams& params, const HashJoinInput& in,
                           const HashJoinWorkspace& ws) {
  JoinCost out;
  const double inner_rows = in.inner.rows;
  out.rows = in.output.rows;
  if (in.output.parallel_workers > 0) {
    out.rows = ClampRowEst(out.rows / ParallelDivisor(params, in.output.parallel_workers));
  }
  double startup = ws.cost.startup;
  double run = ws.run;
  if (!params.enable_hashjoin) startup += kDisableCost;
  const double virtual_buckets =
      static_cast<double>(ws.table.num_buckets) * static_cast<double>(ws.table.num_batches);
  double bucket_size = in.inner_bucket_size;
  double mcv_freq = in.inner_mcv_freq;
  if (in.inner_is_unique_path) {
    bucket_size = 1.0 / virtual_buckets;
    mcv_freq = 0.0;
  }
  if (RelationByteSize(ClampRowEst(inner_rows * mcv_freq), in.inner.width) >
      params.HashMemBytes()) {
    startup += kDisableCost;
  }
  QualCost qp_quals = in.join_quals;
  qp_quals.startup -= in.hash_quals.startup;
  qp_quals.per_tuple -= in.hash_quals.per_tuple;
  startup += in.hash_quals.startup;
  double hash_join_tuples = 0;
  AddBucketScanCost(in, bucket_size, virtual_buckets, &run, &hash_join_tuples);
  startup += qp_quals.startup;
  run += (params.cpu_tuple_cost + qp_quals.per_tuple) * hash_join_tuples;
  startup += in.output.target.startup;
  run += in.output.target.per_tuple * out.rows;
  out.cost = {startup, startup + run};
  return out;
}

}  // namespace dbopt::cost
