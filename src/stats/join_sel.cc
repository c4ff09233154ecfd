// Join selectivity of `a = b` and `a <> b`: PG15 selfuncs.c eqjoinsel, eqjoinsel_inner,
// eqjoinsel_semi, neqjoinsel, get_join_variables.
#include <algorithm>

#include "selectivity.h"

namespace dbopt::stats {
namespace {

// One side of the join clause with its distinct count and MCV list.
struct JoinSide {
  VarStats var;
  double nd = 0;
  bool is_default = false;
  const McvList* mcvs = nullptr;  // set only when the values could be read (have_mcvs)
  double NullFrac() const { return var.NullFrac(); }
};

JoinSide ExamineJoinSide(const EstimationContext& ctx, const bind::BoundExpr& expr) {
  JoinSide side;
  side.var = ExamineVariable(ctx, expr, 0);
  side.nd = VariableNumDistinct(side.var, &side.is_default);
  side.mcvs = LoadMcvs(ctx, side.var);
  if (side.mcvs && !side.mcvs->values_ok) side.mcvs = nullptr;
  return side;
}

// PG15 get_join_variables: reversed when the left expression belongs to the join's right side
// or the right expression to its left side.
bool JoinIsReversed(const JoinSide& s1, const JoinSide& s2, const SpecialJoin& join) {
  if (s1.var.rel && join.syn_righthand.Contains(s1.var.relid)) return true;
  return s2.var.rel && join.syn_lefthand.Contains(s2.var.relid);
}

// Pairs equal MCVs (each at most once, first match wins), comparing only the first n2 of side 2;
// the pairing is computed once per pair of lists and context.
const McvMatch& MatchMcvs(const EstimationContext& ctx, const McvList& m1, const McvList& m2,
                          size_t n2) {
  auto [it, inserted] = StatsCache(ctx).mcv_matches.try_emplace({&m1, &m2, n2});
  McvMatch& match = it->second;
  if (!inserted) return match;
  match.has1.assign(m1.values.size(), false);
  match.has2.assign(n2, false);
  for (size_t i = 0; i < m1.values.size(); ++i) {
    for (size_t j = 0; j < n2; ++j) {
      if (match.has2[j]) continue;
      if (EvalOperator(bind::OpClass::kEq, m1.values[i], m2.values[j]).value_or(false)) {
        match.has1[i] = match.has2[j] = true;
        match.matchprod += m1.freqs[i] * m2.freqs[j];
        ++match.nmatches;
        break;
      }
    }
  }
  return match;
}

// PG15 eqjoinsel_inner. With MCV lists on both sides:
//   tot1 = matchprod + [nd2 > n2] unmatch1 * other2 / (nd2 - n2)
//                    + [nd2 > nmatches] other1 * (other2 + unmatch2) / (nd2 - nmatches)
//   tot2 likewise with the sides swapped; sel = min(tot1, tot2),
// where other_k = 1 - nullfrac_k - matchfreq_k - unmatchfreq_k. Otherwise
//   sel = (1 - nullfrac1)(1 - nullfrac2) / max(nd1, nd2).
double EqJoinSelInner(const EstimationContext& ctx, const JoinSide& a, const JoinSide& b) {
  if (!(a.mcvs && b.mcvs)) {
    double selec = (1.0 - a.NullFrac()) * (1.0 - b.NullFrac());
    return selec / (a.nd > b.nd ? a.nd : b.nd);
  }
  const McvList& m1 = *a.mcvs;
  const McvList& m2 = *b.mcvs;
  const McvMatch& match = MatchMcvs(ctx, m1, m2, m2.values.size());
  const std::vector<bool>& has1 = match.has1;
  const std::vector<bool>& has2 = match.has2;
  const int nmatches = match.nmatches;
  const double matchprod = ClampProbability(match.matchprod);
  double match1 = 0, unmatch1 = 0, match2 = 0, unmatch2 = 0;
  for (size_t i = 0; i < m1.freqs.size(); ++i) (has1[i] ? match1 : unmatch1) += m1.freqs[i];
  for (size_t i = 0; i < m2.freqs.size(); ++i) (has2[i] ? match2 : unmatch2) += m2.freqs[i];
  match1 = ClampProbability(match1);
  unmatch1 = ClampProbability(unmatch1);
  match2 = ClampProbability(match2);
  unmatch2 = ClampProbability(unmatch2);
  double other1 = ClampProbability(1.0 - a.NullFrac() - match1 - unmatch1);
  double other2 = ClampProbability(1.0 - b.NullFrac() - match2 - unmatch2);
  double n1 = static_cast<double>(m1.values.size());
  double n2 = static_cast<double>(m2.values.size());
  double tot1 = matchprod;
  if (b.nd > n2) tot1 += unmatch1 * other2 / (b.nd - n2);
  if (b.nd > nmatches) tot1 += other1 * (other2 + unmatch2) / (b.nd - nmatches);
  double tot2 = matchprod;
  if (a.nd > n1) tot2 += unmatch2 * other1 / (a.nd - n1);
  if (a.nd > nmatches) tot2 += other2 * (other1 + unmatch1) / (a.nd - nmatches);
  return tot1 < tot2 ? tot1 : tot2;
}

// PG15 eqjoinsel_semi: the fraction of outer (a) rows with a match in the inner side (b).
// nd2 is first clamped to the inner var's relation rows and to the inner join input's rows.
// With MCVs: matchfreq1 + uncertainfrac * (1 - matchfreq1 - nullfrac1), uncertainfrac = 1 when
// nd1 - nmatches <= nd2 - nmatches, else their ratio (0.5 with a default nd). Without MCVs:
// 1 - nullfrac1 when nd1 <= nd2, else nd2/nd1 * (1 - nullfrac1) (0.5 * ... with a default).
double EqJoinSelSemi(const EstimationContext& ctx, const JoinSide& a, const JoinSide& b,
                     double inner_rows) {
  double nd1 = a.nd, nd2 = b.nd;
  bool isdefault2 = b.is_default;
  if (b.var.rel && nd2 >= b.var.rel->rows) {
    nd2 = b.var.rel->rows;
    isdefault2 = false;
  }
  if (nd2 >= inner_rows) {
    nd2 = inner_rows;
    isdefault2 = false;
  }
  double nullfrac1 = a.NullFrac();
  if (!(a.mcvs && b.mcvs)) {
    if (a.is_default || isdefault2) return 0.5 * (1.0 - nullfrac1);
    if (nd1 <= nd2 || nd2 < 0) return 1.0 - nullfrac1;
    return (nd2 / nd1) * (1.0 - nullfrac1);
  }
  size_t clamped_n2 =
      static_cast<size_t>(std::min(static_cast<double>(b.mcvs->values.size()), nd2));
  const McvMatch& match = MatchMcvs(ctx, *a.mcvs, *b.mcvs, clamped_n2);
  const std::vector<bool>& has1 = match.has1;
  const int nmatches = match.nmatches;
  double matchfreq1 = 0;
  for (size_t i = 0; i < a.mcvs->freqs.size(); ++i) {
    if (has1[i]) matchfreq1 += a.mcvs->freqs[i];
  }
  matchfreq1 = ClampProbability(matchfreq1);
  double uncertainfrac;
  if (!a.is_default && !isdefault2) {
    nd1 -= nmatches;
    nd2 -= nmatches;
    uncertainfrac = (nd1 <= nd2 || nd2 < 0) ? 1.0 : nd2 / nd1;
  } else {
    uncertainfrac = 0.5;
  }
  double uncertain = ClampProbability(1.0 - matchfreq1 - nullfrac1);
  return matchfreq1 + uncertainfrac * uncertain;
}

double InnerRelRows(const EstimationContext& ctx, const SpecialJoin& join) {
  if (join.inner_rel_rows >= 0) return join.inner_rel_rows;
  int r = join.min_righthand.Singleton();
  if (r >= 1 && r < static_cast<int>(ctx.rels.size())) return ctx.rels[r].rows;
  Warn(ctx, "semi/anti join estimate without the inner input's rows");
  return 0;
}

}  // namespace

// PG15 eqjoinsel: inner/left/full joins use eqjoinsel_inner; semi/anti joins
// min(eqjoinsel_semi, inner_rel.rows * eqjoinsel_inner), with the sides swapped when the clause
// is written inner = outer. Clamped to [0, 1].
double EqJoinSel(const EstimationContext& ctx, const bind::BoundExpr& left,
                 const bind::BoundExpr& right, const SpecialJoin& join) {
  JoinSide s1 = ExamineJoinSide(ctx, left);
  JoinSide s2 = ExamineJoinSide(ctx, right);
  double selec_inner = EqJoinSelInner(ctx, s1, s2);
  double selec = selec_inner;
  if (join.join_type == bind::JoinType::kSemi || join.join_type == bind::JoinType::kAnti) {
    double inner_rows = InnerRelRows(ctx, join);
    bool reversed = JoinIsReversed(s1, s2, join);
    selec =
        reversed ? EqJoinSelSemi(ctx, s2, s1, inner_rows) : EqJoinSelSemi(ctx, s1, s2, inner_rows);
    selec = std::min(selec, inner_rows * selec_inner);
  }
  return ClampProbability(selec);
}

// PG15 neqjoinsel: semi/anti -> 1 - nullfrac of the outer side; otherwise 1 - eqjoinsel.
double NeqJoinSel(const EstimationContext& ctx, const bind::BoundExpr& left,
                  const bind::BoundExpr& right, const SpecialJoin& join) {
  if (join.join_type == bind::JoinType::kSemi || join.join_type == bind::JoinType::kAnti) {
    JoinSide s1 = ExamineJoinSide(ctx, left);
    JoinSide s2 = ExamineJoinSide(ctx, right);
    return 1.0 - (JoinIsReversed(s1, s2, join) ? s2.NullFrac() : s1.NullFrac());
  }
  return 1.0 - EqJoinSel(ctx, left, right, join);
}

}  // namespace dbopt::stats
