// Materialize, rescans and Memoize (PostgreSQL 15 costsize.c cost_material, cost_rescan,
// cost_memoize_rescan; nodeMemoize.c ExecEstimateCacheEntryOverheadBytes).
#include "dbopt/cost/material_cost.h"

#include <algorithm>
#include <cmath>

#include "dbopt/cost/width.h"

namespace dbopt::cost {

namespace {

// PG15 (64-bit): sizeof(MemoizeEntry) 24 + sizeof(MemoizeKey) 24, and sizeof(MemoizeTuple) 16.
constexpr double kMemoizeEntryOverhead = 24 + 24;
constexpr double kMemoizeTupleOverhead = 16;
// PG15: cost_memoize_rescan charges cpu_operator_cost / 10 per evicted tuple.
constexpr double kEvictTupleOpDivisor = 10.0;
// PG15: PG_UINT32_MAX caps est_entries.
constexpr double kUint32Max = 4294967295.0;

// Spilled tuplestores are re-read at seq_page_cost per page.
double SpillPages(const CostParams& params, double rows, int width) {
  const double nbytes = RelationByteSize(rows, width);
  return nbytes > params.WorkMemBytes() ? std::ceil(nbytes / kBlockSize) : 0;
}

}  // namespace

Cost CostMaterial(const CostParams& params, const Cost& input, double tuples, int width) {
  double run = input.total - input.startup;
  run += 2 * params.cpu_operator_cost * tuples;
  run += params.seq_page_cost * SpillPages(params, tuples, width);
  return {input.startup, input.startup + run};
}

Cost CostRescan(const CostParams& params, const RescanInput& in) {
  switch (in.kind) {
    case RescanKind::kFunctionScan:
      return {0, in.path.total - in.path.startup};
    case RescanKind::kHashJoin:
      if (in.hash_batches == 1) return {0, in.path.total - in.path.startup};
      return in.path;
    case RescanKind::kCteScan:
      return {0, params.cpu_tuple_cost * in.rows +
                     params.seq_page_cost * SpillPages(params, in.rows, in.width)};
    case RescanKind::kMaterial:
      return {0, params.cpu_operator_cost * in.rows +
                     params.seq_page_cost * SpillPages(params, in.rows, in.width)};
    case RescanKind::kMemoize:
    case RescanKind::kOther:
      break;
  }
  return in.path;
}

MemoizeRescan CostMemoizeRescan(const CostParams& params, const MemoizeInput& in) {
  MemoizeRescan out;
  const double hash_mem_bytes = params.HashMemBytes();
  const double entry_bytes = RelationByteSize(in.tuples, in.width) + kMemoizeEntryOverhead +
                             kMemoizeTupleOverhead * in.tuples;
  const double cache_entries = std::floor(hash_mem_bytes / entry_bytes);
  const double ndistinct = in.ndistinct;
  out.est_entries = std::min(std::min(ndistinct, cache_entries), kUint32Max);
  const double evict_ratio = 1.0 - std::min(cache_entries, ndistinct) / ndistinct;
  double hit_ratio = 1.0 / ndistinct * std::min(cache_entries, ndistinct) - (ndistinct / in.calls);
  hit_ratio = std::max(hit_ratio, 0.0);
  double total = in.input.total * (1.0 - hit_ratio) + params.cpu_operator_cost;
  total += params.cpu_tuple_cost * evict_ratio;
  total += params.cpu_operator_cost / kEvictTupleOpDivisor * evict_ratio * in.tuples;
  total += params.cpu_tuple_cost + params.cpu_operator_cost * in.tuples;
  double startup = in.input.startup * (1.0 - hit_ratio);
  startup += params.cpu_tuple_cost;
  out.rescan = {startup, total};
  return out;
}

}  // namespace dbopt::cost
