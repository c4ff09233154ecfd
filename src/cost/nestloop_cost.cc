// Nested-loop joins and the semi/anti-join factors (PostgreSQL 15 costsize.c
// initial_cost_nestloop, final_cost_nestloop, compute_semi_anti_join_factors).
#include <algorithm>
#include <cmath>

#include "dbopt/cost/join_cost.h"
#include "dbopt/cost/parallel_cost.h"

namespace dbopt::cost {

namespace {

bool StopsAtFirstMatch(JoinKind kind, bool inner_unique) {
  return kind == JoinKind::kSemi || kind == JoinKind::kAnti || inner_unique;
}

}  // namespace

SemiAntiFactors ComputeSemiAntiJoinFactors(double jsel, double nsel, double inner_rel_rows) {
  SemiAntiFactors f;
  f.outer_match_frac = jsel;
  f.match_count = jsel > 0 ? std::max(1.0, nsel * inner_rel_rows / jsel) : 1.0;
  return f;
}

NestLoopWorkspace InitialCostNestLoop(const CostParams& /*params*/, const NestLoopInput& in) {
  NestLoopWorkspace ws;
  const double outer_rows = in.outer.rows;
  const double startup = in.outer.cost.startup + in.inner.cost.startup;
  double run = in.outer.cost.total - in.outer.cost.startup;
  if (outer_rows > 1) run += (outer_rows - 1) * in.inner_rescan.startup;
  ws.inner_run = in.inner.cost.total - in.inner.cost.startup;
  ws.inner_rescan_run = in.inner_rescan.total - in.inner_rescan.startup;
  if (!StopsAtFirstMatch(in.kind, in.inner_unique)) {
    run += ws.inner_run;
    if (outer_rows > 1) run += (outer_rows - 1) * ws.inner_rescan_run;
  }
  ws.cost = {startup, startup + run};
  ws.run = run;
  return ws;
}

namespace {

// The SEMI/ANTI/inner_unique part of final_cost_nestloop: adds the inner scans to *run and
// returns the number of tuples the join quals see.
double EarlyStopInnerCost(const NestLoopInput& in, const NestLoopWorkspace& ws, double outer_rows,
                          double inner_rows, double* run) {
  double matched = std::rint(outer_rows * in.semifactors.outer_match_frac);
  double unmatched = outer_rows - matched;
  const double inner_scan_frac = kEarlyStopFuzz / (in.semifactors.match_count + 1.0);
  double ntuples = matched * inner_rows * inner_scan_frac;
  if (in.indexed_join_quals) {
    *run += ws.inner_run * inner_scan_frac;
    if (matched > 1) *run += (matched - 1) * ws.inner_rescan_run * inner_scan_frac;
    *run += unmatched * ws.inner_rescan_run / inner_rows;
    return ntuples;
  }
  ntuples += unmatched * inner_rows;
  *run += ws.inner_run;
  if (unmatched >= 1) {
    unmatched -= 1;
  } else {
    matched -= 1;
  }
  if (matched > 0) *run += matched * ws.inner_rescan_run * inner_scan_frac;
  if (unmatched > 0) *run += unmatched * ws.inner_rescan_run;
  return ntuples;
}

}  // namespace

JoinCost FinalCostNestLoop(const CostParams& params, const NestLoopInput& in,
                           const NestLoopWorkspace& ws) {
  JoinCost out;
  const double outer_rows = in.outer.rows <= 0 ? 1 : in.outer.rows;
  const double inner_rows = in.inner.rows <= 0 ? 1 : in.inner.rows;
  out.rows = in.output.rows;
  if (in.output.parallel_workers > 0) {
    out.rows = ClampRowEst(out.rows / ParallelDivisor(params, in.output.parallel_workers));
  }
  double startup = ws.cost.startup;
  double run = ws.run;
  if (!params.enable_nestloop) startup += kDisableCost;
  double ntuples = 0;
  if (StopsAtFirstMatch(in.kind, in.inner_unique)) {
    ntuples = EarlyStopInnerCost(in, ws, outer_rows, inner_rows, &run);
  } else {
    ntuples = outer_rows * inner_rows;
  }
  startup += in.join_quals.startup;
  run += (params.cpu_tuple_cost + in.join_quals.per_tuple) * ntuples;
  startup += in.output.target.startup;
  run += in.output.target.per_tuple * out.rows;
  out.cost = {startup, startup + run};
  return out;
}

}  // namespace dbopt::cost
