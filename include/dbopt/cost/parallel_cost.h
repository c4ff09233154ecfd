// Parallel query costing: how many workers a scan gets (allpaths.c compute_parallel_worker),
// how much of the work each process does (costsize.c get_parallel_divisor), and the Gather and
// Gather Merge nodes on top (cost_gather, cost_gather_merge).
#pragma once

#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"

namespace dbopt::cost {

// get_parallel_divisor: workers + max(0, 1 − 0.3·workers) when the leader participates
// (1 → 1.7, 2 → 2.4, 3 → 3.1, ≥ 4 → workers), else workers.
double ParallelDivisor(const CostParams& params, int parallel_workers);

struct ParallelWorkerInput {
  double heap_pages = -1;         // pages the scan reads, -1 when not relevant
  double index_pages = -1;        // index pages the scan reads, -1 when not relevant
  int rel_parallel_workers = -1;  // the table's parallel_workers reloption, -1 when unset
  bool base_rel = true;           // RELOPT_BASEREL (not an inheritance child)
  int max_workers = 0;            // usually max_parallel_workers_per_gather
};

// compute_parallel_worker: the reloption if set; else 0 when a base rel's heap_pages <
// min_parallel_table_scan_size or index_pages < min_parallel_index_scan_size; else for each of
// heap and index 1 + the number of times the size reaches 3×, 9×, 27×… the threshold, taking
// the smaller; capped by max_workers.
int ComputeParallelWorker(const CostParams& params, const ParallelWorkerInput& in);

// cost_gather: startup = sub.startup + parallel_setup_cost;
// total = sub.total + parallel_setup_cost + parallel_tuple_cost · rows (rows: all workers' rows).
Cost CostGather(const CostParams& params, const Cost& subpath, double rows);

// cost_gather_merge with N = workers + 1 streams, comparison cost c = 2·cpu_operator_cost:
// startup = input.startup + (disable) + c·N·log2 N + parallel_setup_cost;
// total = input.total + c·N·log2 N + rows·(c·log2 N + cpu_operator_cost
//         + 1.05·parallel_tuple_cost) + parallel_setup_cost.
Cost CostGatherMerge(const CostParams& params, const Cost& input, double rows, int num_workers);

}  // namespace dbopt::cost
