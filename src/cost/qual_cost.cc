// Per-node expression costs (PostgreSQL 15 costsize.c cost_qual_eval_walker) and SubPlans
// (cost_subplan).
#include "dbopt/cost/qual_cost.h"

namespace dbopt::cost {

namespace {

// PG15: a linear ScalarArrayOp search is assumed to stop halfway through the array.
constexpr double kSaopSearchFraction = 0.5;
// PG15: cost_subplan assumes ANY/ALL read half of the subplan's rows.
constexpr double kAnyAllFraction = 0.50;

}  // namespace

QualCost FunctionCallCost(const CostParams& params, double procost) {
  return {0, procost * params.cpu_operator_cost};
}

QualCost ScalarArrayOpCost(const CostParams& params, int array_len, bool hashed, double procost,
                           double hash_procost) {
  const double op = procost * params.cpu_operator_cost;
  if (hashed) {
    const double hash = hash_procost * params.cpu_operator_cost;
    return {array_len * hash, hash + op};
  }
  return {0, op * array_len * kSaopSearchFraction};
}

QualCost FixedNodeCost(const CostParams& params) { return {0, params.cpu_operator_cost}; }

QualCost CoerceViaIoCost(const CostParams& params, double input_procost, double output_procost) {
  QualCost c = FunctionCallCost(params, input_procost);
  c += FunctionCallCost(params, output_procost);
  return c;
}

QualCost RowCompareCost(const CostParams& params, int columns, double procost) {
  QualCost c;
  for (int i = 0; i < columns; ++i) c += FunctionCallCost(params, procost);
  return c;
}

QualCost PseudoconstantCost(const QualCost& clause) {
  return {clause.startup + clause.per_tuple, 0};
}

QualCost CostSubplan(const CostParams& params, const SubPlanInput& in) {
  QualCost sp = in.testexpr;
  if (in.use_hash_table) {
    sp.startup += in.plan.total + params.cpu_operator_cost * in.plan_rows;
    return sp;
  }
  const double plan_run = in.plan.total - in.plan.startup;
  switch (in.kind) {
    case SubLinkKind::kExists:
      sp.per_tuple += plan_run / ClampRowEst(in.plan_rows);
      break;
    case SubLinkKind::kAnyAll:
      sp.per_tuple += kAnyAllFraction * plan_run;
      sp.per_tuple += kAnyAllFraction * in.plan_rows * params.cpu_operator_cost;
      break;
    case SubLinkKind::kOther:
      sp.per_tuple += plan_run;
      break;
  }
  if (in.startup_once) {
    sp.startup += in.plan.startup;
  } else {
    sp.per_tuple += in.plan.startup;
  }
  return sp;
}

}  // namespace dbopt::cost
