// Per-aggregate costs; see agg_costs.h.
#include "agg_costs.h"

#include <string>

#include "dbopt/bind/pg_type.h"

namespace dbopt::plan {
namespace {

using bind::TypeId;

// What pg_aggregate (PG15) records for one built-in aggregate and argument type.
struct AggFacts {
  bool known = true;
  bool has_final = false;
  bool trans_by_ref = false;
  double trans_space = 0;  // aggtransspace, or the by-ref state's width
};

// PG15: ALLOCSET_DEFAULT_INITSIZE, the transition space assumed for an `internal` state.
constexpr double kInternalStateSpace = 8192;

AggFacts FactsFor(const bind::BoundExpr& agg) {
  AggFacts f;
  const std::string& name = agg.name;
  const TypeId arg = agg.args.empty() ? TypeId::kUnknown : agg.args[0]->type.id;
  const bool integer4 = arg == TypeId::kInt2 || arg == TypeId::kInt4;
  if (name == "count") return f;  // int8inc(_any): by-value int8, no final function
  if (name == "sum") {
    if (integer4 || arg == TypeId::kFloat4 || arg == TypeId::kFloat8) return f;
    f.has_final = true;  // int8: numeric_poly_sum; numeric: numeric_sum
    f.trans_by_ref = true;
    f.trans_space = arg == TypeId::kInt8 ? 48 : 128;  // aggtransspace
    return f;
  }
  if (name == "avg") {
    f.has_final = true;
    f.trans_by_ref = true;
    if (integer4 || arg == TypeId::kFloat4 || arg == TypeId::kFloat8) {
      f.trans_space = 32;  // an int8[] / float8[] state: get_typavgwidth of an array
    } else {
      f.trans_space = arg == TypeId::kInt8 ? 48 : 128;
    }
    return f;
  }
  if (name == "min" || name == "max") {
    // The smaller/larger functions; by-reference for text, numeric and other varlena types.
    if (bind::TypeLength(agg.type) < 0) {
      f.trans_by_ref = true;
      f.trans_space = bind::TypeAverageWidth(agg.type);
    }
    return f;
  }
  if (name == "bool_and" || name == "bool_or" || name == "every") return f;
  if (name == "stddev" || name == "stddev_samp" || name == "stddev_pop" || name == "variance" ||
      name == "var_samp" || name == "var_pop") {
    f.has_final = true;
    f.trans_by_ref = true;
    f.trans_space = integer4 || arg == TypeId::kFloat8 || arg == TypeId::kFloat4 ? 32 : 128;
    return f;
  }
  if (name == "string_agg" || name == "array_agg") {
    f.has_final = true;
    f.trans_by_ref = true;
    f.trans_space = kInternalStateSpace;
    return f;
  }
  f.known = false;
  return f;
}

double MaxAlign(double n) { return static_cast<double>((static_cast<long>(n) + 7) & ~7L); }

}  // namespace

AggregateInfo AggregateCosts(const cost::CostParams& params,
                        const std::vector<const bind::BoundExpr*>& exprs,
                        std::vector<std::string>* unknown) {
  AggregateInfo info;
  cost::AggCosts& costs = info.costs;
  for (const bind::BoundExpr* expr : exprs) {
    bind::Walk(*expr, [&](const bind::BoundExpr& node) {
      if (node.kind != bind::BoundKind::kAggref) return;
      const AggFacts f = FactsFor(node);
      if (!f.known && unknown != nullptr) unknown->push_back(node.name);
      ++info.num_aggs;
      ++info.num_trans;
      costs.trans.per_tuple += params.cpu_operator_cost;
      // Argument evaluation: operators and functions inside the arguments.
      for (const auto& arg : node.args) {
        bind::Walk(*arg, [&](const bind::BoundExpr& inner) {
          if (inner.kind == bind::BoundKind::kOp || inner.kind == bind::BoundKind::kFunc) {
            costs.trans.per_tuple += params.cpu_operator_cost;
          }
        });
      }
      if (f.has_final) costs.final.per_tuple += params.cpu_operator_cost;
      if (f.trans_by_ref) costs.transition_space += MaxAlign(f.trans_space);
    });
  }
  return info;
}

}  // namespace dbopt::plan
