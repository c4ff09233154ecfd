// Clause selectivity dispatch: PG15 clausesel.c clause_selectivity_ext and
// clauselist_selectivity_or, plancat.c restriction_selectivity / join_selectivity /
// function_selectivity, and selfuncs.c nulltestsel, booltestsel, boolvarsel.
#include "selectivity.h"

namespace dbopt::stats {
namespace {

using bind::BoundExpr;
using bind::BoundKind;
using bind::OpClass;

// PG15 plancat.c function_selectivity: a boolean function without a support function.
constexpr double kDefaultFunctionSel = 0.3333333;
// PG15 clause_selectivity_ext: any clause type it does not handle.
constexpr double kDefaultClauseSel = 0.5;

bool IsPatternOp(OpClass op) {
  switch (op) {
    case OpClass::kLike:
    case OpClass::kNotLike:
    case OpClass::kILike:
    case OpClass::kNotILike:
    case OpClass::kRegex:
    case OpClass::kNotRegex:
    case OpClass::kIRegex:
    case OpClass::kNotIRegex:
      return true;
    default:
      return false;
  }
}

bool IsNegatedPatternOp(OpClass op) {
  return op == OpClass::kNotLike || op == OpClass::kNotILike || op == OpClass::kNotRegex ||
         op == OpClass::kNotIRegex;
}

// PG15 treat_as_join_clause: forced restriction when var_relid is set; a join clause when
// evaluated at a join (join != null) and referencing more than one relation.
bool TreatAsJoinClause(const BoundExpr& clause, int var_relid, const SpecialJoin* join) {
  if (var_relid != 0 || join == nullptr) return false;
  return bind::VarNos(clause).size() > 1;
}

bool IsTrueConst(const BoundExpr& c) {
  return !c.is_null && (c.value == "t" || c.value == "true" || c.value == "TRUE");
}

// PG15 clauselist_selectivity_or: s = s + s_i - s * s_i over the arms.
double OrSelectivity(const EstimationContext& ctx, const BoundExpr& clause, int var_relid,
                     const SpecialJoin* join) {
  double s1 = 0.0;
  for (const bind::BoundExprPtr& arm : clause.args) {
    double s2 = ExprSelectivity(ctx, *arm, var_relid, join);
    s1 = s1 + s2 - s1 * s2;
  }
  return s1;
}

// An operator clause (OpExpr, DistinctExpr, or a row comparison, which PG15 rowcomparesel
// estimates by its first column pair).
double OpClauseSelectivity(const EstimationContext& ctx, const BoundExpr& clause, int var_relid,
                           const SpecialJoin* join) {
  if (clause.args.size() != 2) return BoolVarSel(ctx, clause, var_relid);
  const BoundExpr* left = clause.args[0].get();
  const BoundExpr* right = clause.args[1].get();
  if (left->kind == BoundKind::kRow && right->kind == BoundKind::kRow && !left->args.empty() &&
      !right->args.empty()) {
    left = left->args[0].get();
    right = right->args[0].get();
  }
  OpClass op = clause.kind == BoundKind::kDistinct ? OpClass::kEq : clause.op_class;
  bool is_join = TreatAsJoinClause(clause, var_relid, join);
  double s = OperatorSelectivity(ctx, op, *left, *right, is_join, var_relid, join);
  if (clause.kind == BoundKind::kDistinct) s = 1.0 - s;
  return s;
}

}  // namespace

double OperatorSelectivity(const EstimationContext& ctx, OpClass op, const BoundExpr& left,
                           const BoundExpr& right, bool is_join, int var_relid,
                           const SpecialJoin* join) {
  if (is_join) {
    switch (op) {
      case OpClass::kEq:
        return EqJoinSel(ctx, left, right, *join);
      case OpClass::kNe:
        return NeqJoinSel(ctx, left, right, *join);
      case OpClass::kLt:
      case OpClass::kLe:
      case OpClass::kGt:
      case OpClass::kGe:
        return kDefaultIneqSel;  // PG15 scalarltjoinsel & co.
      default:
        if (IsPatternOp(op)) {  // PG15 patternjoinsel
          return IsNegatedPatternOp(op) ? 1.0 - kDefaultMatchSel : kDefaultMatchSel;
        }
        Warn(ctx, "no join selectivity estimator for an operator; PostgreSQL's 0.5 is used");
        return kDefaultClauseSel;
    }
  }
  switch (op) {
    case OpClass::kEq:
      return EqSel(ctx, left, right, var_relid, false);
    case OpClass::kNe:
      return EqSel(ctx, left, right, var_relid, true);
    case OpClass::kLt:
    case OpClass::kLe:
    case OpClass::kGt:
    case OpClass::kGe:
      return ScalarIneqClauseSel(ctx, op, left, right, var_relid);
    default:
      if (IsPatternOp(op)) return PatternSel(ctx, op, left, right, var_relid);
      Warn(ctx, "no restriction selectivity estimator for an operator; PostgreSQL's 0.5 is used");
      return kDefaultClauseSel;
  }
}

// PG15 nulltestsel: nullfrac (IS NOT NULL: 1 - nullfrac); system columns 0 / 1; without
// statistics DEFAULT_UNK_SEL / DEFAULT_NOT_UNK_SEL.
double NullTestSel(const EstimationContext& ctx, const BoundExpr& arg, bool is_null,
                   int var_relid) {
  VarStats var = ExamineVariable(ctx, arg, var_relid);
  double selec;
  if (var.stats) {
    selec = is_null ? var.NullFrac() : 1.0 - var.NullFrac();
  } else if (var.IsVar() && var.node->attno < 0) {
    selec = is_null ? 0.0 : 1.0;
  } else {
    selec = is_null ? kDefaultUnkSel : kDefaultNotUnkSel;
  }
  return ClampProbability(selec);
}

// PG15 boolvarsel: a boolean expression with statistics is `expr = true`; else 0.5.
double BoolVarSel(const EstimationContext& ctx, const BoundExpr& arg, int var_relid) {
  VarStats var = ExamineVariable(ctx, arg, var_relid);
  if (!var.stats) return kDefaultClauseSel;
  return VarEqConst(ctx, var, ConstValue{bind::MakeType(bind::TypeId::kBool), "t", false}, false);
}

// PG15 booltestsel: from the first MCV (freq_true = its frequency if it is true, else
// 1 - freq - nullfrac) and nullfrac; without MCVs TRUE/FALSE are (1 - nullfrac)/2 and NOT
// TRUE/NOT FALSE (1 + nullfrac)/2; without statistics UNKNOWN uses the defaults and TRUE/FALSE
// the clause selectivity of the argument.
double BoolTestSel(const EstimationContext& ctx, bind::BoolTestKind kind, const BoundExpr& arg,
                   int var_relid, const SpecialJoin* join) {
  using bind::BoolTestKind;
  VarStats var = ExamineVariable(ctx, arg, var_relid);
  double selec;
  if (var.stats) {
    double freq_null = var.NullFrac();
    const McvList* mcvs = LoadMcvs(ctx, var);
    if (mcvs && !mcvs->freqs.empty() && mcvs->values_ok) {
      double freq_true =
          mcvs->values[0].number != 0 ? mcvs->freqs[0] : 1.0 - mcvs->freqs[0] - freq_null;
      double freq_false = 1.0 - freq_true - freq_null;
      switch (kind) {
        case BoolTestKind::kIsUnknown:
          selec = freq_null;
          break;
        case BoolTestKind::kIsNotUnknown:
          selec = 1.0 - freq_null;
          break;
        case BoolTestKind::kIsTrue:
          selec = freq_true;
          break;
        case BoolTestKind::kIsNotTrue:
          selec = 1.0 - freq_true;
          break;
        case BoolTestKind::kIsFalse:
          selec = freq_false;
          break;
        default:
          selec = 1.0 - freq_false;
          break;
      }
    } else {
      switch (kind) {
        case BoolTestKind::kIsUnknown:
          selec = freq_null;
          break;
        case BoolTestKind::kIsNotUnknown:
          selec = 1.0 - freq_null;
          break;
        case BoolTestKind::kIsTrue:
        case BoolTestKind::kIsFalse:
          selec = (1.0 - freq_null) / 2.0;
          break;
        default:
          selec = (freq_null + 1.0) / 2.0;
          break;
      }
    }
  } else {
    switch (kind) {
      case BoolTestKind::kIsUnknown:
        selec = kDefaultUnkSel;
        break;
      case BoolTestKind::kIsNotUnknown:
        selec = kDefaultNotUnkSel;
        break;
      case BoolTestKind::kIsTrue:
      case BoolTestKind::kIsNotFalse:
        selec = ExprSelectivity(ctx, arg, var_relid, join);
        break;
      default:
        selec = 1.0 - ClauseSelectivity(ctx, arg, var_relid, join);
        break;
    }
  }
  return ClampProbability(selec);
}

bool IsPseudoConstantClause(const BoundExpr& clause) {
  return bind::VarNos(clause).empty() && !bind::ContainsVolatile(clause);
}

// PG15 clause_selectivity_ext on a RestrictInfo: a pseudo-constant clause other than a Const
// counts 1 (it gates the whole plan instead of filtering rows); otherwise as ExprSelectivity.
// (PostgreSQL caches the result in the RestrictInfo; the planner does that here.)
double ClauseSelectivity(const EstimationContext& ctx, const BoundExpr& clause, int var_relid,
                         const SpecialJoin* join) {
  if (clause.kind != BoundKind::kConst && IsPseudoConstantClause(clause)) return 1.0;
  return ExprSelectivity(ctx, clause, var_relid, join);
}

// PG15 clause_selectivity_ext on a bare expression.
double ExprSelectivity(const EstimationContext& ctx, const BoundExpr& clause, int var_relid,
                       const SpecialJoin* join) {
  switch (clause.kind) {
    case BoundKind::kVar:
      if (clause.levelsup == 0 && (var_relid == 0 || var_relid == clause.varno)) {
        return BoolVarSel(ctx, clause, var_relid);
      }
      return kDefaultClauseSel;
    case BoundKind::kConst:
      return IsTrueConst(clause) ? 1.0 : 0.0;
    case BoundKind::kNot:
      return 1.0 - ExprSelectivity(ctx, *clause.args[0], var_relid, join);
    case BoundKind::kAnd: {
      std::vector<const BoundExpr*> args;
      for (const bind::BoundExprPtr& a : clause.args) args.push_back(a.get());
      return AndSelectivity(ctx, args, var_relid, join, false);
    }
    case BoundKind::kOr:
      return OrSelectivity(ctx, clause, var_relid, join);
    case BoundKind::kOp:
    case BoundKind::kDistinct:
      return OpClauseSelectivity(ctx, clause, var_relid, join);
    case BoundKind::kFunc:
      return kDefaultFunctionSel;
    case BoundKind::kScalarArrayOp:
      return ScalarArraySel(ctx, clause, TreatAsJoinClause(clause, var_relid, join), var_relid,
                            join);
    case BoundKind::kNullTest:
      return NullTestSel(ctx, *clause.args[0], !clause.negated, var_relid);
    case BoundKind::kBoolTest:
      return BoolTestSel(ctx, clause.bool_test, *clause.args[0], var_relid, join);
    default:
      // RelabelType is looked through by examine_variable; everything else (SubPlans, CASE,
      // casts to boolean) is a boolean expression: boolvarsel.
      return BoolVarSel(ctx, clause, var_relid);
  }
}

}  // namespace dbopt::stats
