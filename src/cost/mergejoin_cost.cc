// Merge joins (PostgreSQL 15 costsize.c initial_cost_mergejoin, final_cost_mergejoin).
#include <cmath>

#include "dbopt/cost/join_cost.h"
#include "dbopt/cost/parallel_cost.h"
#include "dbopt/cost/sort_cost.h"
#include "dbopt/cost/width.h"

namespace dbopt::cost {

namespace {

struct ScanFractions {
  double outer_start, outer_end, inner_start, inner_end;
};

ScanFractions MergeScanFractions(const MergeJoinInput& in) {
  ScanFractions f{0, 1, 0, 1};
  if (!in.has_merge_clauses || in.kind == JoinKind::kFull) return f;
  f = {in.outer_start_sel, in.outer_end_sel, in.inner_start_sel, in.inner_end_sel};
  if (in.kind == JoinKind::kLeft || in.kind == JoinKind::kAnti) {
    f.outer_start = 0.0;
    f.outer_end = 1.0;
  } else if (in.kind == JoinKind::kRight) {
    f.inner_start = 0.0;
    f.inner_end = 1.0;
  }
  return f;
}

// The cost of one sorted input: its Sort (no limit, work_mem) or the path itself.
Cost SortedSource(const CostParams& params, const JoinSide& side, double rows, bool sort) {
  if (!sort) return side.cost;
  return CostSort(params, side.cost.total, rows, side.width, 0.0, -1.0);
}

}  // namespace

MergeJoinWorkspace InitialCostMergeJoin(const CostParams& params, const MergeJoinInput& in) {
  MergeJoinWorkspace ws;
  const double outer_path_rows = in.outer.rows <= 0 ? 1 : in.outer.rows;
  const double inner_path_rows = in.inner.rows <= 0 ? 1 : in.inner.rows;
  ScanFractions f = MergeScanFractions(in);
  ws.outer_skip_rows = std::rint(outer_path_rows * f.outer_start);
  ws.inner_skip_rows = std::rint(inner_path_rows * f.inner_start);
  ws.outer_rows = ClampRowEst(outer_path_rows * f.outer_end);
  ws.inner_rows = ClampRowEst(inner_path_rows * f.inner_end);
  // Re-derive the fractions from the rounded counts, as PostgreSQL does.
  f.outer_start = ws.outer_skip_rows / outer_path_rows;
  f.inner_start = ws.inner_skip_rows / inner_path_rows;
  f.outer_end = ws.outer_rows / outer_path_rows;
  f.inner_end = ws.inner_rows / inner_path_rows;

  const Cost outer = SortedSource(params, in.outer, outer_path_rows, in.sort_outer);
  const Cost inner = SortedSource(params, in.inner, inner_path_rows, in.sort_inner);
  double startup = outer.startup;
  startup += (outer.total - outer.startup) * f.outer_start;
  const double run = (outer.total - outer.startup) * (f.outer_end - f.outer_start);
  startup += inner.startup;
  startup += (inner.total - inner.startup) * f.inner_start;
  ws.inner_run = (inner.total - inner.startup) * (f.inner_end - f.inner_start);
  ws.cost = {startup, startup + run + ws.inner_run};
  ws.run = run;
  return ws;
}

namespace {

bool DecideMaterialize(const CostParams& params, const MergeJoinInput& in, double inner_path_rows,
                       double mat_cost, double bare_cost) {
  if (params.enable_material && mat_cost < bare_cost) return true;
  if (!in.sort_inner && !in.inner_supports_mark_restore) return true;
  return params.enable_material && in.sort_inner &&
         RelationByteSize(inner_path_rows, in.inner.width) > params.WorkMemBytes();
}

}  // namespace

MergeJoinCost FinalCostMergeJoin(const CostParams& params, const MergeJoinInput& in,
                                 const MergeJoinWorkspace& ws) {
  MergeJoinCost out;
  const double inner_path_rows = in.inner.rows <= 0 ? 1 : in.inner.rows;
  out.join.rows = in.output.rows;
  if (in.output.parallel_workers > 0) {
    out.join.rows =
        ClampRowEst(out.join.rows / ParallelDivisor(params, in.output.parallel_workers));
  }
  double startup = ws.cost.startup;
  double run = ws.run;
  if (!params.enable_mergejoin) startup += kDisableCost;
  QualCost qp_quals = in.join_quals;
  qp_quals.startup -= in.merge_quals.startup;
  qp_quals.per_tuple -= in.merge_quals.per_tuple;
  out.skip_mark_restore =
      (in.kind == JoinKind::kSemi || in.kind == JoinKind::kAnti || in.inner_unique) &&
      in.num_join_clauses == in.num_merge_clauses;
  double rescanned = 0;
  if (!in.outer_is_unique_path && !out.skip_mark_restore) {
    rescanned = in.merge_join_tuples - inner_path_rows;
    if (rescanned < 0) rescanned = 0;
  }
  const double rescan_ratio = 1.0 + (rescanned / ws.inner_rows);
  const double bare_inner_cost = ws.inner_run * rescan_ratio;
  const double mat_inner_cost =
      ws.inner_run + params.cpu_operator_cost * ws.inner_rows * rescan_ratio;
  out.materialize_inner =
      !out.skip_mark_restore &&
      DecideMaterialize(params, in, inner_path_rows, mat_inner_cost, bare_inner_cost);
  run += out.materialize_inner ? mat_inner_cost : bare_inner_cost;

  startup += in.merge_quals.startup;
  startup += in.merge_quals.per_tuple * (ws.outer_skip_rows + ws.inner_skip_rows * rescan_ratio);
  run += in.merge_quals.per_tuple * ((ws.outer_rows - ws.outer_skip_rows) +
                                     (ws.inner_rows - ws.inner_skip_rows) * rescan_ratio);
  startup += qp_quals.startup;
  run += (params.cpu_tuple_cost + qp_quals.per_tuple) * in.merge_join_tuples;
  startup += in.output.target.startup;
  run += in.output.target.per_tuple * out.join.rows;
  out.join.cost = {startup, startup + run};
  return out;
}

}  // namespace dbopt::cost
