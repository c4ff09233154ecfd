// Sorting: costsize.c cost_tuplesort, cost_sort and cost_incremental_sort, with tuplesort.c's
// tuplesort_merge_order for external sorts.
#pragma once

#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"

namespace dbopt::cost {

// tuplesort_merge_order: clamp(mem_bytes / (2·8192 + 32·8192), 6, 500) (integer division).
int TuplesortMergeOrder(double mem_bytes);

// How cost_tuplesort expects the sort to run (for --why and tests).
enum class SortMethod { kQuicksort, kTopNHeapsort, kExternalMerge };

struct TuplesortCost {
  double startup = 0;  // all comparisons (and disk traffic) happen before the first row
  double run = 0;      // cpu_operator_cost per tuple extracted
  SortMethod method = SortMethod::kQuicksort;
};

// cost_tuplesort (without the input's cost); N = max(tuples, 2), c = comparison_cost + 2·coc,
// bytes = relation_byte_size(tuples, width), mem = sort_mem_kb·1024; with a LIMIT K < N the
// output is relation_byte_size(K, width):
//   output > mem: startup = c·N·log2 N + 2·ceil(bytes/8192)·passes·(0.75·spc + 0.25·rpc),
//                 passes = runs > M ? ceil(ln(runs)/ln M) : 1, runs = bytes/mem, M = merge order
//   N > 2K or bytes > mem: startup = c·N·log2(2K)    (bounded heap)
//   else: startup = c·N·log2 N                        (quicksort)
//   run = coc·N
TuplesortCost CostTuplesort(const CostParams& params, double tuples, int width,
                            double comparison_cost, int sort_mem_kb, double limit_tuples);

// cost_sort: startup = tuplesort startup + (disable) + input_total_cost; total = startup + run.
// sort_mem_kb is work_mem for every caller in PostgreSQL 15; limit_tuples ≤ 0 means no bound.
Cost CostSort(const CostParams& params, double input_total_cost, double tuples, int width,
              double comparison_cost, double limit_tuples);

struct IncrementalSortInput {
  Cost input;
  double input_tuples = 0;
  int width = 0;
  double comparison_cost = 0;
  double limit_tuples = -1;
  // estimate_num_groups over the presorted keys; ≤ 0 when unknown (then min(N, 200)).
  double input_groups = 0;
};

// cost_incremental_sort: N = max(tuples, 2); G groups; group = tuplesort of 1.5·N/G tuples;
//   startup = group.startup + input.startup + input_run/G
//   total = startup + group.run + (group.run + group.startup)(G − 1) + (input_run/G)(G − 1)
//           + (ctc + comparison_cost)·N + 2·ctc·G
Cost CostIncrementalSort(const CostParams& params, const IncrementalSortInput& in);

}  // namespace dbopt::cost
