// The index access method's share of an index scan: selfuncs.c genericcostestimate and
// btcostestimate. Selectivities come from the stats module; this only turns them into costs.
#pragma once

#include "dbopt/cost/params.h"
#include "dbopt/cost/scan_cost.h"

namespace dbopt::cost {

struct GenericCostInput {
  double index_pages = 0;   // index->pages
  double index_tuples = 0;  // index->tuples
  double rel_tuples = 0;    // index->rel->tuples
  // clauselist_selectivity of the index quals (with a partial index's predicate conjuncts that
  // the quals do not imply, add_predicate_to_index_quals).
  double selectivity = 0;
  double num_index_tuples = 0;  // the caller's estimate; ≤ 0 derives rint(sel·tuples/sa_scans)
  double num_sa_scans = 1;      // Π of array lengths > 1 over ScalarArrayOp index quals
  int num_index_quals = 0;      // list_length(indexQuals)
  int num_order_bys = 0;        // list_length(indexorderbys)
  // index_other_operands_eval_cost of quals and ORDER BY operands (e.g. `$1 + 1`): startup +
  // per_tuple of each non-index operand; 0 for constants.
  double qual_arg_cost = 0;
  double loop_count = 1;
  double total_table_pages = 0;  // root->total_table_pages
};

// genericcostestimate's result, GenericCosts.
struct GenericCosts {
  IndexAmCost am;
  double num_index_tuples = 0;
  double num_sa_scans = 1;
};

// genericcostestimate:
//   N = caller's numIndexTuples or rint(sel·rel_tuples/num_sa_scans); N = clamp(N, 1, index_tuples)
//   pages = index_pages > 1 && index_tuples > 1 ? ceil(N·index_pages/index_tuples) : 1
//   scans = num_sa_scans·loop_count; io = scans > 1 ? rpc·PF(pages·scans, index_pages,
//           index_pages)/loop_count : rpc·pages
//   startup = qual_arg_cost; total = io + qual_arg_cost
//           + N·num_sa_scans·(cpu_index_tuple_cost + coc·(n_quals + n_orderbys)); correlation 0
GenericCosts GenericCostEstimate(const CostParams& params, const GenericCostInput& in);

struct BtreeCostInput {
  GenericCostInput generic;  // generic.num_index_tuples is ignored: btree computes it
  int tree_height = 0;       // btm_fastlevel from the metapage (-1 if unknown: no charge)
  // index->unique, an '=' qual on every key column, and no ScalarArrayOp or IS NULL among the
  // boundary quals: then numIndexTuples = 1.
  bool unique_equal_on_all_keys = false;
  // clauselist_selectivity of the boundary quals (leading '='/IS NULL columns plus the quals of
  // the first other column), with the partial predicate; and their ScalarArrayOp scans.
  double boundary_selectivity = 0;
  double boundary_sa_scans = 1;
  // pg_stats.correlation of the leading index column (or of the index expression), if any.
  bool has_correlation = false;
  double leading_correlation = 0;
  bool leading_descending = false;  // index->reverse_sort[0]
  int key_columns = 1;              // index->nkeycolumns
};

// btcostestimate:
//   numIndexTuples = 1 if unique_equal_on_all_keys, else
//                    rint(boundary_sel·rel_tuples / boundary_sa_scans); then genericcostestimate
//   d1 = index_tuples > 1 ? ceil(log(index_tuples)/log 2)·coc : 0; d2 = (height + 1)·50·coc
//   startup += d1 + d2; total += num_sa_scans·(d1 + d2)
//   correlation = ±leading correlation (− for DESC), ×0.75 when there are several key columns
IndexAmCost BtCostEstimate(const CostParams& params, const BtreeCostInput& in);

}  // namespace dbopt::cost
