// Append, MergeAppend and LIMIT (PostgreSQL 15 costsize.c cost_append, append_nonpartial_cost,
// cost_merge_append; pathnode.c adjust_limit_rows_costs).
#include "dbopt/cost/append_cost.h"

#include <algorithm>

#include "dbopt/cost/parallel_cost.h"
#include "dbopt/cost/sort_cost.h"

namespace dbopt::cost {

namespace {

// PG15: a non-constant LIMIT or OFFSET counts as 10% of the input rows.
constexpr double kDefaultLimitFraction = 0.10;

// append_nonpartial_cost: the non-partial children go to the least-loaded worker in turn; the
// cost is the busiest worker's.
double NonPartialCost(const std::vector<AppendChild>& children, int numpaths, int workers) {
  if (numpaths == 0) return 0;
  const int arrlen = std::min(workers, numpaths);
  std::vector<double> cost(arrlen);
  int index = 0;
  for (; index < arrlen; ++index) cost[index] = children[index].cost.total;
  int min_index = arrlen - 1;
  for (; index < numpaths; ++index) {
    cost[min_index] += children[index].cost.total;
    min_index = 0;
    for (int i = 0; i < arrlen; ++i) {
      if (cost[i] < cost[min_index]) min_index = i;
    }
  }
  int max_index = 0;
  for (int i = 0; i < arrlen; ++i) {
    if (cost[i] > cost[max_index]) max_index = i;
  }
  return cost[max_index];
}

}  // namespace

AppendCost CostAppend(const CostParams& params, const std::vector<AppendChild>& children,
                      bool ordered, double limit_tuples) {
  AppendCost out;
  if (children.empty()) return out;
  if (!ordered) {
    out.cost.startup = children[0].cost.startup;
    for (const AppendChild& c : children) {
      out.rows += c.rows;
      out.cost.total += c.cost.total;
    }
  } else {
    for (const AppendChild& c : children) {
      Cost child = c.cost;
      if (c.needs_sort) child = CostSort(params, c.cost.total, c.rows, c.width, 0.0, limit_tuples);
      out.rows += c.rows;
      out.cost.startup += child.startup;
      out.cost.total += child.total;
    }
  }
  out.cost.total += params.cpu_tuple_cost * kAppendCpuCostMultiplier * out.rows;
  return out;
}

AppendCost CostParallelAppend(const CostParams& params, const std::vector<AppendChild>& children,
                              int first_partial, int parallel_workers) {
  AppendCost out;
  if (children.empty()) return out;
  const double divisor = ParallelDivisor(params, parallel_workers);
  for (size_t i = 0; i < children.size(); ++i) {
    const AppendChild& c = children[i];
    if (i == 0) {
      out.cost.startup = c.cost.startup;
    } else if (static_cast<int>(i) < parallel_workers) {
      out.cost.startup = std::min(out.cost.startup, c.cost.startup);
    }
    if (static_cast<int>(i) < first_partial) {
      out.rows += c.rows / divisor;
    } else {
      out.rows += c.rows * (ParallelDivisor(params, c.parallel_workers) / divisor);
      out.cost.total += c.cost.total;
    }
    out.rows = ClampRowEst(out.rows);
  }
  out.cost.total += NonPartialCost(children, first_partial, parallel_workers);
  out.cost.total += params.cpu_tuple_cost * kAppendCpuCostMultiplier * out.rows;
  return out;
}

Cost CostMergeAppend(const CostParams& params, int n_streams, double input_startup,
                     double input_total, double tuples) {
  const double n = n_streams < 2 ? 2.0 : static_cast<double>(n_streams);
  const double log_n = PgLog2(n);
  const double comparison_cost = kOpsPerComparison * params.cpu_operator_cost;
  const double startup = comparison_cost * n * log_n;
  double run = tuples * comparison_cost * log_n;
  run += params.cpu_tuple_cost * kAppendCpuCostMultiplier * tuples;
  return {startup + input_startup, startup + run + input_total};
}

LimitCost AdjustLimitRowsCosts(const Cost& input, double rows, int64_t offset_est,
                               int64_t count_est) {
  LimitCost out{input, rows};
  const double input_rows = rows;
  if (offset_est != 0) {
    double offset_rows = offset_est > 0 ? static_cast<double>(offset_est)
                                        : ClampRowEst(input_rows * kDefaultLimitFraction);
    if (offset_rows > out.rows) offset_rows = out.rows;
    if (input_rows > 0) {
      out.cost.startup += (input.total - input.startup) * offset_rows / input_rows;
    }
    out.rows -= offset_rows;
    if (out.rows < 1) out.rows = 1;
  }
  if (count_est != 0) {
    double count_rows = count_est > 0 ? static_cast<double>(count_est)
                                      : ClampRowEst(input_rows * kDefaultLimitFraction);
    if (count_rows > out.rows) count_rows = out.rows;
    if (input_rows > 0) {
      out.cost.total = out.cost.startup + (input.total - input.startup) * count_rows / input_rows;
    }
    out.rows = count_rows;
    if (out.rows < 1) out.rows = 1;
  }
  return out;
}

}  // namespace dbopt::cost
