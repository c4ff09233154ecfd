// CostParams from catalog::Settings. Memory settings are stored in pg_settings units: work_mem
// in kB, effective_cache_size and min_parallel_*_scan_size in 8 kB blocks.
#include "dbopt/cost/params.h"

#include <fmt/format.h>

#include <cmath>

namespace dbopt::cost {

double CostParams::HashMemBytes() const {
  // get_hash_memory_limit: computed in double, then truncated to size_t.
  return std::floor(static_cast<double>(work_mem_kb) * hash_mem_multiplier * 1024.0);
}

Result<CostParams> CostParamsFromSettings(const catalog::Settings& s) {
  const long long block_size = s.GetInteger("block_size");
  if (block_size != kBlockSize) {
    return Error::BadInput(fmt::format(
        "not supported: block_size {} (dbopt's cost model assumes PostgreSQL's default {})",
        block_size, kBlockSize));
  }
  CostParams p;
  p.seq_page_cost = s.GetReal("seq_page_cost");
  p.random_page_cost = s.GetReal("random_page_cost");
  p.cpu_tuple_cost = s.GetReal("cpu_tuple_cost");
  p.cpu_index_tuple_cost = s.GetReal("cpu_index_tuple_cost");
  p.cpu_operator_cost = s.GetReal("cpu_operator_cost");
  p.parallel_tuple_cost = s.GetReal("parallel_tuple_cost");
  p.parallel_setup_cost = s.GetReal("parallel_setup_cost");
  p.effective_cache_size = static_cast<double>(s.GetInteger("effective_cache_size"));
  p.work_mem_kb = static_cast<int>(s.GetInteger("work_mem"));
  p.hash_mem_multiplier = s.GetReal("hash_mem_multiplier");
  p.max_parallel_workers_per_gather =
      static_cast<int>(s.GetInteger("max_parallel_workers_per_gather"));
  p.min_parallel_table_scan_size =
      static_cast<double>(s.GetInteger("min_parallel_table_scan_size"));
  p.min_parallel_index_scan_size =
      static_cast<double>(s.GetInteger("min_parallel_index_scan_size"));
  p.parallel_leader_participation = s.GetBool("parallel_leader_participation");
  p.enable_seqscan = s.GetBool("enable_seqscan");
  p.enable_indexscan = s.GetBool("enable_indexscan");
  p.enable_indexonlyscan = s.GetBool("enable_indexonlyscan");
  p.enable_bitmapscan = s.GetBool("enable_bitmapscan");
  p.enable_tidscan = s.GetBool("enable_tidscan");
  p.enable_sort = s.GetBool("enable_sort");
  p.enable_incremental_sort = s.GetBool("enable_incremental_sort");
  p.enable_hashagg = s.GetBool("enable_hashagg");
  p.enable_nestloop = s.GetBool("enable_nestloop");
  p.enable_material = s.GetBool("enable_material");
  p.enable_memoize = s.GetBool("enable_memoize");
  p.enable_mergejoin = s.GetBool("enable_mergejoin");
  p.enable_hashjoin = s.GetBool("enable_hashjoin");
  p.enable_gathermerge = s.GetBool("enable_gathermerge");
  p.enable_parallel_append = s.GetBool("enable_parallel_append");
  p.enable_parallel_hash = s.GetBool("enable_parallel_hash");
  return p;
}

}  // namespace dbopt::cost
