// Sorts (PostgreSQL 15 costsize.c cost_tuplesort, cost_sort, cost_incremental_sort;
// tuplesort.c tuplesort_merge_order).
#include "dbopt/cost/sort_cost.h"

#include <algorithm>
#include <cmath>

#include "dbopt/cost/width.h"

namespace dbopt::cost {

namespace {

// PG15: tuplesort.c MINORDER, MAXORDER, TAPE_BUFFER_OVERHEAD (BLCKSZ), MERGE_BUFFER_SIZE.
constexpr int kMinMergeOrder = 6;
constexpr int kMaxMergeOrder = 500;
constexpr double kTapeBufferOverhead = kBlockSize;
constexpr double kMergeBufferSize = 32.0 * kBlockSize;
// PG15: cost_tuplesort assumes 3/4 of external-sort page accesses are sequential.
constexpr double kSortSeqFraction = 0.75;
constexpr double kSortRandomFraction = 0.25;
// PG15: every merge pass writes and reads each page once.
constexpr double kSortAccessesPerPagePass = 2.0;
// PG15: cost_incremental_sort charges 2·cpu_tuple_cost per group for resetting the tuplesort.
constexpr double kGroupResetTupleCosts = 2.0;
// PG15: cost_incremental_sort inflates the average group by half.
constexpr double kIncrementalGroupInflation = 1.5;

}  // namespace

int TuplesortMergeOrder(double mem_bytes) {
  const long order =
      static_cast<long>(mem_bytes) / static_cast<long>(2 * kTapeBufferOverhead + kMergeBufferSize);
  return static_cast<int>(std::min<long>(std::max<long>(order, kMinMergeOrder), kMaxMergeOrder));
}

TuplesortCost CostTuplesort(const CostParams& params, double tuples, int width,
                            double comparison_cost, int sort_mem_kb, double limit_tuples) {
  TuplesortCost out;
  const double input_bytes = RelationByteSize(tuples, width);
  const double sort_mem_bytes = static_cast<double>(sort_mem_kb) * 1024.0;
  if (tuples < 2.0) tuples = 2.0;
  comparison_cost += kOpsPerComparison * params.cpu_operator_cost;
  double output_tuples = tuples;
  double output_bytes = input_bytes;
  if (limit_tuples > 0 && limit_tuples < tuples) {
    output_tuples = limit_tuples;
    output_bytes = RelationByteSize(output_tuples, width);
  }
  if (output_bytes > sort_mem_bytes) {
    const double npages = std::ceil(input_bytes / kBlockSize);
    const double nruns = input_bytes / sort_mem_bytes;
    const double merge_order = TuplesortMergeOrder(sort_mem_bytes);
    out.startup = comparison_cost * tuples * PgLog2(tuples);
    const double log_runs =
        nruns > merge_order ? std::ceil(std::log(nruns) / std::log(merge_order)) : 1.0;
    const double page_accesses = kSortAccessesPerPagePass * npages * log_runs;
    out.startup += page_accesses * (params.seq_page_cost * kSortSeqFraction +
                                    params.random_page_cost * kSortRandomFraction);
    out.method = SortMethod::kExternalMerge;
  } else if (tuples > 2 * output_tuples || input_bytes > sort_mem_bytes) {
    out.startup = comparison_cost * tuples * PgLog2(2.0 * output_tuples);
    out.method = SortMethod::kTopNHeapsort;
  } else {
    out.startup = comparison_cost * tuples * PgLog2(tuples);
  }
  out.run = params.cpu_operator_cost * tuples;
  return out;
}

Cost CostSort(const CostParams& params, double input_total_cost, double tuples, int width,
              double comparison_cost, double limit_tuples) {
  const TuplesortCost t =
      CostTuplesort(params, tuples, width, comparison_cost, params.work_mem_kb, limit_tuples);
  double startup = t.startup;
  if (!params.enable_sort) startup += kDisableCost;
  startup += input_total_cost;
  return {startup, startup + t.run};
}

Cost CostIncrementalSort(const CostParams& params, const IncrementalSortInput& in) {
  const double input_run = in.input.total - in.input.startup;
  const double tuples = std::max(in.input_tuples, 2.0);
  const double groups =
      in.input_groups > 0 ? in.input_groups : std::min(tuples, kDefaultNumDistinct);
  const double group_tuples = tuples / groups;
  const double group_input_run = input_run / groups;
  const TuplesortCost group =
      CostTuplesort(params, kIncrementalGroupInflation * group_tuples, in.width, in.comparison_cost,
                    params.work_mem_kb, in.limit_tuples);
  const double startup = group.startup + in.input.startup + group_input_run;
  double run =
      group.run + (group.run + group.startup) * (groups - 1) + group_input_run * (groups - 1);
  run += (params.cpu_tuple_cost + in.comparison_cost) * tuples;
  run += kGroupResetTupleCosts * params.cpu_tuple_cost * groups;
  return {startup, startup + run};
}

}  // namespace dbopt::cost
