// Equality and inequality (=, <>) restriction selectivity: PG15 selfuncs.c eqsel_internal,
// var_eq_const, var_eq_non_const.
#include "selectivity.h"

namespace dbopt::stats {

// PG15 var_eq_const:
//   const NULL                         -> 0
//   unique column (tuples >= 1)        -> 1 / tuples
//   statistics, constant is an MCV     -> that MCV's frequency
//   statistics, otherwise              -> (1 - sum(mcv freqs) - nullfrac) / (nd - n_mcv)
//                                         (divided only when nd - n_mcv > 1), capped at the
//                                         least common MCV's frequency
//   no statistics                      -> 1 / nd
// negate (<>): 1 - s - nullfrac. Result clamped to [0, 1].
double VarEqConst(const EstimationContext& ctx, const VarStats& var, const ConstValue& c,
                  bool negate) {
  if (c.is_null) return 0.0;
  double nullfrac = var.NullFrac();
  double selec;
  bool is_default = false;
  if (var.is_unique && var.rel && var.rel->tuples >= 1.0) {
    selec = 1.0 / var.rel->tuples;
  } else if (var.stats) {
    const McvList* mcvs = LoadMcvs(ctx, var);
    std::optional<StatValue> value = ConstAsValue(ctx, c, var);
    std::optional<double> match;
    if (mcvs && mcvs->values_ok && value) {
      for (size_t i = 0; i < mcvs->values.size(); ++i) {
        if (EvalOperator(bind::OpClass::kEq, mcvs->values[i], *value).value_or(false)) {
          match = mcvs->freqs[i];
          break;
        }
      }
    }
    if (match) {
      selec = *match;
    } else {
      double sumcommon = mcvs ? mcvs->Sum() : 0.0;
      int n_mcv = mcvs ? static_cast<int>(mcvs->freqs.size()) : 0;
      selec = ClampProbability(1.0 - sumcommon - nullfrac);
      double otherdistinct = VariableNumDistinct(var, &is_default) - n_mcv;
      if (otherdistinct > 1) selec /= otherdistinct;
      if (n_mcv > 0 && selec > mcvs->freqs.back()) selec = mcvs->freqs.back();
    }
  } else {
    selec = 1.0 / VariableNumDistinct(var, &is_default);
  }
  if (negate) selec = 1.0 - selec - nullfrac;
  return ClampProbability(selec);
}

// PG15 var_eq_non_const: the comparison value is unknown at plan time, so assume it is one of
// the column's values, equally likely: (1 - nullfrac) / nd, capped at the most common value's
// frequency (unique column: 1 / tuples; no statistics: 1 / nd).
double VarEqNonConst(const VarStats& var, bool negate) {
  double nullfrac = var.NullFrac();
  double selec;
  bool is_default = false;
  if (var.is_unique && var.rel && var.rel->tuples >= 1.0) {
    selec = 1.0 / var.rel->tuples;
  } else if (var.stats) {
    selec = 1.0 - nullfrac;
    double ndistinct = VariableNumDistinct(var, &is_default);
    if (ndistinct > 1) selec /= ndistinct;
    if (!var.stats->most_common_freqs.empty()) {
      double top = Float4(var.stats->most_common_freqs[0]);
      if (selec > top) selec = top;
    }
  } else {
    selec = 1.0 / VariableNumDistinct(var, &is_default);
  }
  if (negate) selec = 1.0 - selec - nullfrac;
  return ClampProbability(selec);
}

// PG15 eqsel_internal: `var = const` -> var_eq_const; `var = something else without Vars of the
// relation` -> var_eq_non_const; anything else (two Vars of the relation, or no Var) ->
// DEFAULT_EQ_SEL (1 - DEFAULT_EQ_SEL for <>).
double EqSel(const EstimationContext& ctx, const bind::BoundExpr& left,
             const bind::BoundExpr& right, int var_relid, bool negate) {
  std::optional<RestrictionVar> rv = GetRestrictionVariable(ctx, left, right, var_relid);
  if (!rv) return negate ? 1.0 - kDefaultEqSel : kDefaultEqSel;
  std::optional<ConstValue> c = FoldConstant(*rv->other);
  if (c) return VarEqConst(ctx, rv->var, *c, negate);
  return VarEqNonConst(rv->var, negate);
}

}  // namespace dbopt::stats
