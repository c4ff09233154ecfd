// Scans of relations that are not tables: subqueries, set-returning functions, VALUES, CTEs,
// RTE_RESULT, and recursive unions (costsize.c cost_subqueryscan, cost_functionscan,
// cost_valuesscan, cost_ctescan, cost_resultscan, cost_recursive_union).
#pragma once

#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"

namespace dbopt::cost {

struct SimpleScanInput {
  double tuples = 0;  // baserel->tuples
  double rows = 0;    // baserel->rows (or ppi_rows)
  QualCost quals;     // restriction clauses evaluated by the scan
  QualCost target;    // pathtarget->cost
};

// cost_subqueryscan: startup = sub.startup + quals.startup + target.startup;
// total = sub.total + that + (ctc + quals.pt)·sub_rows + target.pt·rows.
Cost CostSubqueryScan(const CostParams& params, const Cost& subpath, double subpath_rows,
                      const SimpleScanInput& in);

// cost_functionscan: the function expressions run once at startup (their startup + per-tuple
// cost); startup += quals.startup + target.startup; run = (ctc + quals.pt)·tuples + target.pt·rows.
Cost CostFunctionScan(const CostParams& params, const QualCost& function_exprs,
                      const SimpleScanInput& in);

// cost_valuesscan: run = (coc + ctc + quals.pt)·tuples + target.pt·rows.
Cost CostValuesScan(const CostParams& params, const SimpleScanInput& in);

// cost_ctescan (also WorkTableScan): run = (2·ctc + quals.pt)·tuples + target.pt·rows (one ctc
// for the tuplestore, one for the scan).
Cost CostCteScan(const CostParams& params, const SimpleScanInput& in);

// cost_resultscan (RTE_RESULT): run = (ctc + quals.pt)·tuples; no target cost.
Cost CostResultScan(const CostParams& params, const SimpleScanInput& in);

struct RecursiveUnionCost {
  Cost cost;
  double rows = 0;
};

// cost_recursive_union: 10 iterations of the recursive term are assumed:
// startup = nrterm.startup; total = nrterm.total + 10·rterm.total + ctc·rows;
// rows = nrterm_rows + 10·rterm_rows.
RecursiveUnionCost CostRecursiveUnion(const CostParams& params, const Cost& nrterm,
                                      double nrterm_rows, const Cost& rterm, double rterm_rows);

}  // namespace dbopt::cost
