// The selectivity functions behind ClauseSelectivity, one per PostgreSQL estimator
// (selfuncs.c, like_support.c, clausesel.c helpers). Internal to the stats module.
#pragma once

#include <optional>

#include "variable.h"

namespace dbopt::stats {

// ---- restriction_eq.cc: eqsel / neqsel ----
// PG15 var_eq_const (negate: neqsel's 1 - eq - nullfrac).
double VarEqConst(const EstimationContext& ctx, const VarStats& var, const ConstValue& c,
                  bool negate);
// PG15 var_eq_non_const.
double VarEqNonConst(const VarStats& var, bool negate);
// PG15 eqsel_internal on `left OP right`.
double EqSel(const EstimationContext& ctx, const bind::BoundExpr& left,
             const bind::BoundExpr& right, int var_relid, bool negate);

// ---- restriction_ineq.cc: scalarineqsel and the slot walkers ----
// PG15 mcv_selectivity: sum of the frequencies of MCVs satisfying `mcv OP c` (c OP mcv when
// !var_on_left); *sumcommon gets the sum of all MCV frequencies.
double McvSelectivity(const EstimationContext& ctx, const VarStats& var, bind::OpClass op,
                      const StatValue& c, bool var_on_left, double* sumcommon);
// PG15 histogram_selectivity; -1 when there are fewer than min_hist_size entries.
double HistogramSelectivity(const EstimationContext& ctx, const VarStats& var, bind::OpClass op,
                            const StatValue& c, bool var_on_left, int min_hist_size, int n_skip,
                            int* hist_size);
// PG15 ineq_histogram_selectivity for `var < c` (isgt: >; iseq: <= or >=); -1 without a
// usable histogram.
double IneqHistogramSelectivity(const EstimationContext& ctx, const VarStats& var, bool isgt,
                                bool iseq, const StatValue& c);
// PG15 scalarineqsel for `var OP c`.
double ScalarIneqSel(const EstimationContext& ctx, const VarStats& var, bool isgt, bool iseq,
                     const StatValue& c);
// PG15 scalarineqsel_wrapper on `left OP right` for op in <, <=, >, >=.
double ScalarIneqClauseSel(const EstimationContext& ctx, bind::OpClass op,
                           const bind::BoundExpr& left, const bind::BoundExpr& right,
                           int var_relid);

// ---- pattern_sel.cc: like_support.c ----
// PG15 patternsel_common for LIKE/ILIKE/regex operators and their negations.
double PatternSel(const EstimationContext& ctx, bind::OpClass op, const bind::BoundExpr& left,
                  const bind::BoundExpr& right, int var_relid);

// ---- clause_sel.cc helpers ----
// clause_selectivity_ext on a bare expression (a sub-clause, not a RestrictInfo): no
// pseudo-constant shortcut.
double ExprSelectivity(const EstimationContext& ctx, const bind::BoundExpr& clause, int var_relid,
                       const SpecialJoin* join);
// True for a clause PostgreSQL marks pseudoconstant: no Vars of this query level, no volatile
// functions (it is evaluated once, as a gating One-Time Filter).
bool IsPseudoConstantClause(const bind::BoundExpr& clause);
// clauselist_selectivity_ext; restrict_infos: the clauses are top-level restriction clauses
// (RestrictInfos: pseudo-constants count 1 and are not range-paired) rather than AND arms.
double AndSelectivity(const EstimationContext& ctx,
                      const std::vector<const bind::BoundExpr*>& clauses, int var_relid,
                      const SpecialJoin* join, bool restrict_infos);
double NullTestSel(const EstimationContext& ctx, const bind::BoundExpr& arg, bool is_null,
                   int var_relid);
double BoolVarSel(const EstimationContext& ctx, const bind::BoundExpr& arg, int var_relid);
double BoolTestSel(const EstimationContext& ctx, bind::BoolTestKind kind,
                   const bind::BoundExpr& arg, int var_relid, const SpecialJoin* join);
// PG15 restriction_selectivity / join_selectivity for an operator clause.
double OperatorSelectivity(const EstimationContext& ctx, bind::OpClass op,
                           const bind::BoundExpr& left, const bind::BoundExpr& right, bool is_join,
                           int var_relid, const SpecialJoin* join);

// ---- array_sel.cc ----
double ScalarArraySel(const EstimationContext& ctx, const bind::BoundExpr& clause, bool is_join,
                      int var_relid, const SpecialJoin* join);

// ---- join_sel.cc ----
double EqJoinSel(const EstimationContext& ctx, const bind::BoundExpr& left,
                 const bind::BoundExpr& right, const SpecialJoin& join);
double NeqJoinSel(const EstimationContext& ctx, const bind::BoundExpr& left,
                  const bind::BoundExpr& right, const SpecialJoin& join);

inline double ClampProbability(double p) { return p < 0 ? 0 : (p > 1 ? 1 : p); }

}  // namespace dbopt::stats
