// Append and MergeAppend (costsize.c cost_append with append_nonpartial_cost, cost_merge_append)
// and LIMIT/OFFSET (pathnode.c adjust_limit_rows_costs; PostgreSQL has no cost_limit).
#pragma once

#include <cstdint>
#include <vector>

#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"

namespace dbopt::cost {

struct AppendChild {
  Cost cost;
  double rows = 0;
  int width = 0;
  bool needs_sort = false;   // ordered append: the child lacks the pathkeys (a Sort is costed)
  int parallel_workers = 0;  // a partial child's workers (its rows are per worker)
};

struct AppendCost {
  Cost cost;
  double rows = 0;
};

// cost_append for a non-parallel-aware Append. Unordered: startup = first child's startup,
// total = Σ totals, rows = Σ rows. Ordered: Σ startups and totals, children lacking the order
// costed as cost_sort(child, limit_tuples). Plus 0.5·ctc·rows.
AppendCost CostAppend(const CostParams& params, const std::vector<AppendChild>& children,
                      bool ordered, double limit_tuples);

// cost_append for a Parallel Append with `parallel_workers` workers; children[0 ..
// first_partial) are non-partial, sorted by decreasing cost as PostgreSQL keeps them.
AppendCost CostParallelAppend(const CostParams& params, const std::vector<AppendChild>& children,
                              int first_partial, int parallel_workers);

// cost_merge_append: N = max(streams, 2), c = 2·coc; startup = c·N·log2 N + Σ startups;
// total = startup + rows·c·log2 N + 0.5·ctc·rows + (Σ totals − Σ startups).
Cost CostMergeAppend(const CostParams& params, int n_streams, double input_startup,
                     double input_total, double tuples);

struct LimitCost {
  Cost cost;
  double rows = 0;
};

// adjust_limit_rows_costs(rows, cost, offset_est, count_est): an estimate of -1 means a
// non-constant expression (10% of the rows), 0 none. OFFSET k: startup += run·k/rows,
// rows −= k (≥ 1); LIMIT n: total = startup + run·n/rows, rows = n (≥ 1) — run and rows of the
// input, k and n capped at the rows left.
LimitCost AdjustLimitRowsCosts(const Cost& input, double rows, int64_t offset_est,
                               int64_t count_est);

}  // namespace dbopt::cost
