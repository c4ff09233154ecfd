// Index AM cost estimates (PostgreSQL 15 selfuncs.c genericcostestimate, btcostestimate).
#include "dbopt/cost/index_am_cost.h"

#include <cmath>

namespace dbopt::cost {

namespace {

// PG15: btcostestimate charges 50·cpu_operator_cost per btree page descended (leaf included).
constexpr double kBtreePageDescentOps = 50.0;
// PG15: btcostestimate dilutes the leading column's correlation in a multi-column index.
constexpr double kMultiColumnCorrelation = 0.75;

}  // namespace

GenericCosts GenericCostEstimate(const CostParams& params, const GenericCostInput& in) {
  GenericCosts out;
  out.num_sa_scans = in.num_sa_scans;
  double tuples = in.num_index_tuples;
  if (tuples <= 0.0) tuples = std::rint(in.selectivity * in.rel_tuples / in.num_sa_scans);
  if (tuples > in.index_tuples) tuples = in.index_tuples;
  if (tuples < 1.0) tuples = 1.0;
  out.num_index_tuples = tuples;

  double pages = 1.0;
  if (in.index_pages > 1 && in.index_tuples > 1) {
    pages = std::ceil(tuples * in.index_pages / in.index_tuples);
  }
  const double num_scans = in.num_sa_scans * in.loop_count;
  double total = 0;
  if (num_scans > 1) {
    const double fetched = IndexPagesFetched(params, pages * num_scans, in.index_pages,
                                             in.index_pages, in.total_table_pages);
    total = (fetched * params.random_page_cost) / in.loop_count;
  } else {
    total = pages * params.random_page_cost;
  }
  const double qual_op_cost = params.cpu_operator_cost * (in.num_index_quals + in.num_order_bys);
  total += in.qual_arg_cost;
  total += tuples * in.num_sa_scans * (params.cpu_index_tuple_cost + qual_op_cost);

  out.am.startup = in.qual_arg_cost;
  out.am.total = total;
  out.am.selectivity = in.selectivity;
  out.am.correlation = 0.0;
  out.am.pages = pages;
  return out;
}

IndexAmCost BtCostEstimate(const CostParams& params, const BtreeCostInput& in) {
  GenericCostInput generic = in.generic;
  if (in.unique_equal_on_all_keys) {
    generic.num_index_tuples = 1.0;
  } else {
    generic.num_index_tuples =
        std::rint(in.boundary_selectivity * generic.rel_tuples / in.boundary_sa_scans);
  }
  GenericCosts costs = GenericCostEstimate(params, generic);
  if (generic.index_tuples > 1) {
    const double descent =
        std::ceil(std::log(generic.index_tuples) / std::log(2.0)) * params.cpu_operator_cost;
    costs.am.startup += descent;
    costs.am.total += costs.num_sa_scans * descent;
  }
  const double page_descent =
      (in.tree_height + 1) * kBtreePageDescentOps * params.cpu_operator_cost;
  costs.am.startup += page_descent;
  costs.am.total += costs.num_sa_scans * page_descent;
  if (in.has_correlation) {
    const double c = in.leading_descending ? -in.leading_correlation : in.leading_correlation;
    costs.am.correlation = in.key_columns > 1 ? c * kMultiColumnCorrelation : c;
  }
  return costs.am;
}

}  // namespace dbopt::cost
