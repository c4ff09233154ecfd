// The selectivity of an implicit AND: PG15 clausesel.c clauselist_selectivity_ext and
// addRangeClause.
#include "selectivity.h"

namespace dbopt::stats {
namespace {

using bind::BoundExpr;
using bind::OpClass;

// One variable's range bounds collected from `var < c` / `var > c` style clauses.
struct RangeQueryClause {
  const BoundExpr* var = nullptr;
  bool have_lobound = false;
  bool have_hibound = false;
  double lobound = 0;
  double hibound = 0;
};

// PG15 addRangeClause: `var < c` (or `c > var`) is an upper bound, `var > c` a lower bound;
// repeated bounds on the same var keep the smaller selectivity. New vars go to the front.
void AddRangeClause(std::vector<RangeQueryClause>* rqlist, const BoundExpr& clause,
                    bool var_on_left, bool is_lt_sel, double s2) {
  const BoundExpr* var = var_on_left ? clause.args[0].get() : clause.args[1].get();
  bool is_lobound = var_on_left ? !is_lt_sel : is_lt_sel;
  for (RangeQueryClause& rq : *rqlist) {
    if (!bind::Equal(*var, *rq.var)) continue;
    bool& have = is_lobound ? rq.have_lobound : rq.have_hibound;
    double& bound = is_lobound ? rq.lobound : rq.hibound;
    if (!have || bound > s2) bound = s2;
    have = true;
    return;
  }
  RangeQueryClause rq;
  rq.var = var;
  (is_lobound ? rq.have_lobound : rq.have_hibound) = true;
  (is_lobound ? rq.lobound : rq.hibound) = s2;
  rqlist->insert(rqlist->begin(), rq);
}

bool IsPseudoConstant(const BoundExpr& e) {
  return bind::VarNos(e).empty() && !bind::ContainsVolatile(e);
}

// The range-pair formula: both bounds -> hi + lo - 1 + P(var IS NULL), with DEFAULT_RANGE_INEQ_SEL
// when either bound was DEFAULT_INEQ_SEL (no statistics) and for results below -0.01 (the
// bounds contradict each other by more than rounding); tiny non-positive results -> 1e-10.
double RangeSelectivity(const EstimationContext& ctx, const RangeQueryClause& rq, int var_relid) {
  if (!(rq.have_lobound && rq.have_hibound)) return rq.have_lobound ? rq.lobound : rq.hibound;
  if (rq.hibound == kDefaultIneqSel || rq.lobound == kDefaultIneqSel) return kDefaultRangeIneqSel;
  double s2 = rq.hibound + rq.lobound - 1.0;
  s2 += NullTestSel(ctx, *rq.var, true, var_relid);
  if (s2 <= 0.0) s2 = s2 < -0.01 ? kDefaultRangeIneqSel : 1.0e-10;
  return s2;
}

// Extended statistics (dependencies, multivariate MCV lists) are not applied: report it once when
// the clauses' only relation has such objects.
void NoteIgnoredExtendedStats(const EstimationContext& ctx,
                              const std::vector<const BoundExpr*>& clauses) {
  if (!ctx.catalog || ctx.catalog->extended_stats.empty()) return;
  int rel = 0;
  for (const BoundExpr* c : clauses) {
    for (int v : bind::VarNos(*c)) {
      if (rel != 0 && rel != v) return;
      rel = v;
    }
  }
  if (rel < 1 || rel >= static_cast<int>(ctx.rels.size()) || !ctx.rels[rel].table) return;
  const catalog::Table& table = *ctx.rels[rel].table;
  for (const catalog::ExtendedStats& es : ctx.catalog->extended_stats) {
    if (es.table != table.name || es.schema != table.schema) continue;
    for (const std::string& kind : es.kinds) {
      if (kind == "dependencies" || kind == "mcv") {
        Warn(ctx, "extended statistics " + es.name + " (" + kind +
                      ") are not used for clause selectivity; PostgreSQL would use them");
      }
    }
  }
}

}  // namespace

// PG15 clauselist_selectivity_ext: the product of the clause selectivities, except that
// `var < c` / `var > c` clauses on one relation are paired per var into range selectivities
// (RangeSelectivity) before being multiplied in.
double AndSelectivity(const EstimationContext& ctx, const std::vector<const BoundExpr*>& clauses,
                      int var_relid, const SpecialJoin* join, bool restrict_infos) {
  auto one = [&](const BoundExpr& c) {
    return restrict_infos ? ClauseSelectivity(ctx, c, var_relid, join)
                          : ExprSelectivity(ctx, c, var_relid, join);
  };
  if (clauses.size() == 1) return one(*clauses[0]);
  NoteIgnoredExtendedStats(ctx, clauses);
  double s1 = 1.0;
  std::vector<RangeQueryClause> rqlist;
  for (const BoundExpr* clause : clauses) {
    double s2 = one(*clause);
    if (restrict_infos && IsPseudoConstantClause(*clause)) {
      s1 *= s2;
      continue;
    }
    if (clause->kind == bind::BoundKind::kOp && clause->args.size() == 2 &&
        bind::VarNos(*clause).size() == 1) {
      bool var_on_left = true;
      bool ok = IsPseudoConstant(*clause->args[1]);
      if (!ok && IsPseudoConstant(*clause->args[0])) {
        ok = true;
        var_on_left = false;
      }
      if (ok) {
        OpClass op = clause->op_class;
        if (op == OpClass::kLt || op == OpClass::kLe) {
          AddRangeClause(&rqlist, *clause, var_on_left, true, s2);
        } else if (op == OpClass::kGt || op == OpClass::kGe) {
          AddRangeClause(&rqlist, *clause, var_on_left, false, s2);
        } else {
          s1 *= s2;
        }
        continue;
      }
    }
    s1 *= s2;
  }
  for (const RangeQueryClause& rq : rqlist) s1 *= RangeSelectivity(ctx, rq, var_relid);
  return s1;
}

double ClauseListSelectivity(const EstimationContext& ctx,
                             const std::vector<const BoundExpr*>& clauses, int var_relid,
                             const SpecialJoin* join) {
  return AndSelectivity(ctx, clauses, var_relid, join, true);
}

}  // namespace dbopt::stats
