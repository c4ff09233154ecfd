// Aggregation and grouping: costsize.c cost_agg, cost_group, cost_windowagg, and nodeAgg.c's
// hash_agg_entry_size / hash_agg_set_limits / hash_choose_num_partitions for hash-aggregate
// spilling.
#pragma once

#include <vector>

#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"

namespace dbopt::cost {

enum class AggStrategyKind { kPlain, kSorted, kHashed, kMixed };

// PostgreSQL's AggClauseCosts (prepagg.c get_agg_clause_costs): transition costs per input row,
// final-function costs per group, and the transition state memory per group.
struct AggCosts {
  QualCost trans;               // Σ procost(transfn)·coc + argument and FILTER eval costs
  QualCost final;               // Σ procost(finalfn)·coc
  double transition_space = 0;  // by-ref states: MAXALIGN(avg width) + 16, or aggtransspace/8 kB
};

// hash_agg_entry_size(numTrans, tupleWidth, transitionSpace):
// 24 (TupleHashEntryData) + 16 + (16 + width) + (ntrans > 0 ? 16 + 16·ntrans : 0)
// + (space > 0 ? 16 + space : 0). The width is truncated to an integer (a Size).
double HashAggEntrySize(int num_trans, double tuple_width, double transition_space);

struct HashAggLimits {
  double mem_limit = 0;      // bytes before spilling
  double ngroups_limit = 0;  // groups before spilling
  int num_partitions = 0;    // 0 when no spill is expected
};

// hash_agg_set_limits(entry, groups, used_bits = 0): no spill when groups·entry ≤ hash_mem;
// else npartitions = 2^ceil(log2(clamp(1 + 1.5·groups·entry/hash_mem, ≤ (hash_mem/4 − 8192)/8192,
// ≥ 4, ≤ 1024))), partition memory 8192·(npartitions + 1), mem_limit = hash_mem − that if hash_mem
// is more than 4× it, else 0.75·hash_mem; ngroups_limit = mem_limit / entry (≥ 1).
HashAggLimits HashAggSetLimits(const CostParams& params, double entry_size, double groups);

struct AggInput {
  AggStrategyKind strategy = AggStrategyKind::kPlain;
  AggCosts aggs;
  int num_trans = 0;  // list_length(root->aggtransinfos)
  int num_group_cols = 0;
  double num_groups = 1;
  Cost input;
  double input_tuples = 0;
  double input_width = 0;
  bool has_quals = false;       // HAVING
  QualCost quals;               // cost_qual_eval of the HAVING quals
  double qual_selectivity = 1;  // clauselist_selectivity of the HAVING quals
};

struct AggCost {
  Cost cost;
  double rows = 0;
};

// cost_agg:
//   plain:  startup = input.total + trans.startup + trans.pt·N + final.startup + final.pt;
//           total = startup + ctc; rows = 1
//   sorted/mixed: startup = input.startup (+ disable for mixed without enable_hashagg);
//           total = input.total + trans.startup + trans.pt·N + coc·cols·N + final.startup
//           + final.pt·G + ctc·G
//   hashed: startup = input.total (+ disable) + trans.startup + trans.pt·N + coc·cols·N
//           + final.startup; total = startup + final.pt·G + ctc·G
//   hashed/mixed spill: nbatches = max(1, ceil(max(G·entry/mem_limit, G/ngroups_limit))),
//           depth = ceil(ln nbatches / ln max(npart, 2)), pages = relation_byte_size(N, w)/8192;
//           startup += 2·pages·depth·rpc + 2·depth·N·ctc; total += the same + 2·pages·depth·spc
//   HAVING: startup += q.startup; total += q.startup + rows·q.pt; rows = clamp(rows·sel)
AggCost CostAgg(const CostParams& params, const AggInput& in);

// cost_group: startup = input.startup; total = input.total + coc·N·cols (+ HAVING as cost_agg);
// rows = groups.
AggCost CostGroup(const CostParams& params, int num_group_cols, double num_groups,
                  const Cost& input, double input_tuples, bool has_quals, const QualCost& quals,
                  double qual_selectivity);

struct WindowAggInput {
  Cost input;
  double input_tuples = 0;
  // One entry per window function: its own cost (procost·coc) plus argument and FILTER costs.
  std::vector<QualCost> window_functions;
  int num_part_cols = 0;
  int num_order_cols = 0;
};

// cost_windowagg: startup = input.startup + Σ wfunc.startup;
// total = input.total + Σ wfunc.pt·N + coc·(part + order cols)·N + ctc·N (PostgreSQL adds the
// window functions' startup costs to the startup cost only, not to the total).
Cost CostWindowAgg(const CostParams& params, const WindowAggInput& in);

}  // namespace dbopt::cost
