// Materialization and rescans: costsize.c cost_material, cost_rescan and cost_memoize_rescan
// (with nodeMemoize.c's ExecEstimateCacheEntryOverheadBytes).
#pragma once

#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"

namespace dbopt::cost {

// cost_material: startup = input.startup; total = input.total + 2·coc·tuples
// + (relation_byte_size(tuples, width) > work_mem ? spc·ceil(bytes/8192) : 0).
Cost CostMaterial(const CostParams& params, const Cost& input, double tuples, int width);

// The path kinds cost_rescan treats specially.
enum class RescanKind {
  kOther,         // no special treatment: a rescan costs the first scan again
  kFunctionScan,  // results kept in a tuplestore: 0 .. run cost
  kHashJoin,      // single batch: the hash table is kept, 0 .. run cost
  kCteScan,       // CteScan / WorkTableScan: ctc per row (+ pages if spilled)
  kMaterial,      // Material / Sort: coc per row (+ pages if spilled)
  kMemoize,       // see CostMemoizeRescan
};

struct RescanInput {
  RescanKind kind = RescanKind::kOther;
  Cost path;
  double rows = 0;
  int width = 0;
  int hash_batches = 1;  // kHashJoin: num_batches
};

// cost_rescan (every kind except kMemoize, whose rescan cost needs CostMemoizeRescan).
Cost CostRescan(const CostParams& params, const RescanInput& in);

struct MemoizeInput {
  Cost input;         // the cached subpath
  double tuples = 0;  // subpath rows per call
  int width = 0;
  double calls = 0;  // expected number of rescans (outer rows)
  // estimate_num_groups of the parameter expressions over `calls`; pass `calls` when the
  // estimate used a default (SELFLAG_USED_DEFAULT), as PostgreSQL does.
  double ndistinct = 0;
};

struct MemoizeRescan {
  Cost rescan;
  double est_entries = 0;  // mpath->est_entries: min(ndistinct, entries that fit, UINT32_MAX)
};

// cost_memoize_rescan: entry = relation_byte_size(tuples, width) + overhead(tuples);
// entries = floor(hash_mem/entry); evict = 1 − min(entries, nd)/nd;
// hit = max(0, min(entries, nd)/nd − nd/calls);
// total = input.total·(1 − hit) + coc + ctc·evict + coc/10·evict·tuples + ctc + coc·tuples;
// startup = input.startup·(1 − hit) + ctc.
MemoizeRescan CostMemoizeRescan(const CostParams& params, const MemoizeInput& in);

}  // namespace dbopt::cost
