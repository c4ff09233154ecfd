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
  bool internal_state = false;  // transtype internal: has serialize/deserialize functions
  bool has_combine = true;
  std::string transfn;  // transition function: aggregates with the same one and the same
                        // arguments share one transition state (PostgreSQL 14+)
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
  if (name == "count") {  // int8inc(_any): by-value int8, no final function
    f.transfn = agg.agg_star ? "int8inc" : "int8inc_any";
    return f;
  }
  if (name == "sum") {
    if (integer4 || arg == TypeId::kFloat4 || arg == TypeId::kFloat8) {
      f.transfn = "sum_" + std::to_string(static_cast<int>(arg));
      return f;
    }
    f.transfn = arg == TypeId::kInt8 ? "int8_avg_accum" : "numeric_avg_accum";
    f.has_final = true;  // int8: numeric_poly_sum; numeric: numeric_sum
    f.trans_by_ref = true;
    f.internal_state = true;
    f.trans_space = arg == TypeId::kInt8 ? 48 : 128;  // aggtransspace
    return f;
  }
  if (name == "avg") {
    f.transfn = integer4 || arg == TypeId::kFloat4 || arg == TypeId::kFloat8
                    ? "avg_" + std::to_string(static_cast<int>(arg))
                    : (arg == TypeId::kInt8 ? "int8_avg_accum" : "numeric_avg_accum");
    f.has_final = true;
    f.trans_by_ref = true;
    if (integer4 || arg == TypeId::kFloat4 || arg == TypeId::kFloat8) {
      f.trans_space = 32;  // an int8[] / float8[] state: get_typavgwidth of an array
    } else {
      f.trans_space = arg == TypeId::kInt8 ? 48 : 128;
      f.internal_state = true;
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
    f.internal_state = !(integer4 || arg == TypeId::kFloat8 || arg == TypeId::kFloat4);
    return f;
  }
  if (name == "string_agg" || name == "array_agg") {
    f.has_final = true;
    f.trans_by_ref = true;
    f.trans_space = kInternalStateSpace;
    f.internal_state = true;
    f.has_combine = name == "string_agg";  // PG15: array_agg has no combine function
    return f;
  }
  f.known = false;
  f.has_combine = false;
  return f;
}

// Aggregates are identical (one AggInfo) when name, arguments, DISTINCT, * and FILTER match.
bool SameAggregate(const bind::BoundExpr& a, const bind::BoundExpr& b) { return bind::Equal(a, b); }

bool SameArguments(const bind::BoundExpr& a, const bind::BoundExpr& b) {
  if (a.args.size() != b.args.size() || a.agg_distinct != b.agg_distinct ||
      (a.agg_filter == nullptr) != (b.agg_filter == nullptr)) {
    return false;
  }
  for (size_t i = 0; i < a.args.size(); ++i) {
    if (!bind::Equal(*a.args[i], *b.args[i])) return false;
  }
  return a.agg_filter == nullptr || bind::Equal(*a.agg_filter, *b.agg_filter);
}

double MaxAlign(double n) { return static_cast<double>((static_cast<long>(n) + 7) & ~7L); }

}  // namespace

AggregateInfo AggregateCosts(const cost::CostParams& params,
                             const std::vector<const bind::BoundExpr*>& exprs, AggPhase phase,
                             std::vector<std::string>* unknown) {
  AggregateInfo info;
  cost::AggCosts& costs = info.costs;
  // preprocess_aggrefs: identical aggregates are computed once; aggregates with the same
  // transition function and arguments share a transition state.
  std::vector<const bind::BoundExpr*> aggs;
  for (const bind::BoundExpr* expr : exprs) {
    bind::Walk(*expr, [&](const bind::BoundExpr& node) {
      if (node.kind != bind::BoundKind::kAggref) return;
      for (const bind::BoundExpr* seen : aggs) {
        if (SameAggregate(*seen, node)) return;
      }
      aggs.push_back(&node);
    });
  }
  std::vector<std::pair<std::string, const bind::BoundExpr*>> states;
  const double coc = params.cpu_operator_cost;
  for (const bind::BoundExpr* agg : aggs) {
    const AggFacts f = FactsFor(*agg);
    if (!f.known && unknown != nullptr) unknown->push_back(agg->name);
    ++info.num_aggs;
    info.partial_ok =
        info.partial_ok && f.has_combine && !agg->agg_distinct && agg->agg_order.empty();
    // Final (or serialization) function: once per aggregate.
    if (phase == AggPhase::kPartial && f.internal_state) costs.final.per_tuple += coc;
    if (phase != AggPhase::kPartial && f.has_final) costs.final.per_tuple += coc;
    bool shared = false;
    for (const auto& [transfn, other] : states) {
      shared = shared || (f.known && transfn == f.transfn && SameArguments(*other, *agg));
    }
    if (shared) continue;
    states.emplace_back(f.transfn, agg);
    ++info.num_trans;
    // Transition (or combine) function: once per transition state.
    if (phase == AggPhase::kFinalize) {
      costs.trans.per_tuple += coc;                        // combinefn
      if (f.internal_state) costs.trans.per_tuple += coc;  // deserialfn
    } else {
      costs.trans.per_tuple += coc;  // transfn
      for (const auto& arg : agg->args) {
        bind::Walk(*arg, [&](const bind::BoundExpr& inner) {
          if (inner.kind == bind::BoundKind::kOp || inner.kind == bind::BoundKind::kFunc) {
            costs.trans.per_tuple += coc;
          }
        });
      }
    }
    if (f.trans_by_ref) costs.transition_space += MaxAlign(f.trans_space);
  }
  return info;
}

}  // namespace dbopt::plan
