// Scans of subqueries, functions, VALUES, CTEs and RTE_RESULT, and recursive unions
// (PostgreSQL 15 costsize.c cost_subqueryscan, cost_functionscan, cost_valuesscan, cost_ctescan,
// cost_resultscan, cost_recursive_union).
#include "dbopt/cost/other_scan_cost.h"

namespace dbopt::cost {

namespace {

// PG15: cost_recursive_union assumes about 10 iterations of the recursive term.
constexpr double kRecursiveIterations = 10;

}  // namespace

Cost CostSubqueryScan(const CostParams& params, const Cost& subpath, double subpath_rows,
                      const SimpleScanInput& in) {
  double startup = in.quals.startup;
  double run = (params.cpu_tuple_cost + in.quals.per_tuple) * subpath_rows;
  startup += in.target.startup;
  run += in.target.per_tuple * in.rows;
  return {subpath.startup + startup, subpath.total + startup + run};
}

Cost CostFunctionScan(const CostParams& params, const QualCost& function_exprs,
                      const SimpleScanInput& in) {
  double startup = function_exprs.startup + function_exprs.per_tuple;
  startup += in.quals.startup;
  double run = (params.cpu_tuple_cost + in.quals.per_tuple) * in.tuples;
  startup += in.target.startup;
  run += in.target.per_tuple * in.rows;
  return {startup, startup + run};
}

Cost CostValuesScan(const CostParams& params, const SimpleScanInput& in) {
  double cpu_per_tuple = params.cpu_operator_cost;
  double startup = in.quals.startup;
  cpu_per_tuple += params.cpu_tuple_cost + in.quals.per_tuple;
  double run = cpu_per_tuple * in.tuples;
  startup += in.target.startup;
  run += in.target.per_tuple * in.rows;
  return {startup, startup + run};
}

Cost CostCteScan(const CostParams& params, const SimpleScanInput& in) {
  double cpu_per_tuple = params.cpu_tuple_cost;
  double startup = in.quals.startup;
  cpu_per_tuple += params.cpu_tuple_cost + in.quals.per_tuple;
  double run = cpu_per_tuple * in.tuples;
  startup += in.target.startup;
  run += in.target.per_tuple * in.rows;
  return {startup, startup + run};
}

Cost CostResultScan(const CostParams& params, const SimpleScanInput& in) {
  const double startup = in.quals.startup;
  const double run = (params.cpu_tuple_cost + in.quals.per_tuple) * in.tuples;
  return {startup, startup + run};
}

RecursiveUnionCost CostRecursiveUnion(const CostParams& params, const Cost& nrterm,
                                      double nrterm_rows, const Cost& rterm, double rterm_rows) {
  RecursiveUnionCost out;
  double total = nrterm.total;
  out.rows = nrterm_rows;
  total += kRecursiveIterations * rterm.total;
  out.rows += kRecursiveIterations * rterm_rows;
  total += params.cpu_tuple_cost * out.rows;
  out.cost = {nrterm.startup, total};
  return out;
}

}  // namespace dbopt::cost
