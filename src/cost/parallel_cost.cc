// Parallel workers, the parallel divisor, Gather and Gather Merge (PostgreSQL 15 allpaths.c
// compute_parallel_worker; costsize.c get_parallel_divisor, cost_gather, cost_gather_merge).
#include "dbopt/cost/parallel_cost.h"

#include <algorithm>
#include <climits>

namespace dbopt::cost {

namespace {

// PG15: get_parallel_divisor: the leader spends 30% of its time per worker on servicing it.
constexpr double kLeaderServiceFraction = 0.3;
// PG15: cost_gather_merge charges 5% more per tuple than Gather (it blocks on every worker).
constexpr double kGatherMergeTupleFactor = 1.05;

// 1 + the number of times `pages` reaches threshold·3, threshold·9, ... (int arithmetic as PG).
int WorkersForSize(double pages, double min_size) {
  int threshold = std::max(static_cast<int>(min_size), 1);
  int workers = 1;
  while (pages >= static_cast<double>(static_cast<unsigned>(threshold * 3))) {
    ++workers;
    threshold *= 3;
    if (threshold > INT_MAX / 3) break;
  }
  return workers;
}

}  // namespace

double ParallelDivisor(const CostParams& params, int parallel_workers) {
  double divisor = parallel_workers;
  if (params.parallel_leader_participation) {
    const double leader = 1.0 - kLeaderServiceFraction * parallel_workers;
    if (leader > 0) divisor += leader;
  }
  return divisor;
}

int ComputeParallelWorker(const CostParams& params, const ParallelWorkerInput& in) {
  int workers = 0;
  if (in.rel_parallel_workers != -1) {
    workers = in.rel_parallel_workers;
  } else {
    if (in.base_rel &&
        ((in.heap_pages >= 0 && in.heap_pages < params.min_parallel_table_scan_size) ||
         (in.index_pages >= 0 && in.index_pages < params.min_parallel_index_scan_size))) {
      return 0;
    }
    if (in.heap_pages >= 0) {
      workers = WorkersForSize(in.heap_pages, params.min_parallel_table_scan_size);
    }
    if (in.index_pages >= 0) {
      const int index_workers = WorkersForSize(in.index_pages, params.min_parallel_index_scan_size);
      workers = workers > 0 ? std::min(workers, index_workers) : index_workers;
    }
  }
  return std::min(workers, in.max_workers);
}

Cost CostGather(const CostParams& params, const Cost& subpath, double rows) {
  const double startup = subpath.startup + params.parallel_setup_cost;
  const double run = subpath.total - subpath.startup + params.parallel_tuple_cost * rows;
  return {startup, startup + run};
}

Cost CostGatherMerge(const CostParams& params, const Cost& input, double rows, int num_workers) {
  double startup = 0;
  double run = 0;
  if (!params.enable_gathermerge) startup += kDisableCost;
  const double n = static_cast<double>(num_workers) + 1;
  const double log_n = PgLog2(n);
  const double comparison_cost = kOpsPerComparison * params.cpu_operator_cost;
  startup += comparison_cost * n * log_n;
  run += rows * comparison_cost * log_n;
  run += params.cpu_operator_cost * rows;
  startup += params.parallel_setup_cost;
  run += params.parallel_tuple_cost * rows * kGatherMergeTupleFactor;
  return {startup + input.startup, startup + run + input.total};
}

}  // namespace dbopt::cost
