// Restriction selectivities on the hand-built catalog (stats_fixture.h), each expected value
// derived by hand from PostgreSQL 15's formulas (selfuncs.c, clausesel.c, like_support.c).
#include <doctest/doctest.h>

#include "stats_fixture.h"

namespace dbopt::stats::testing {
namespace {

const double kMcv1 = F4(0.1), kMcv2 = F4(0.05);
// var_eq_const for a non-MCV value of t.a: (1 - sum(mcv)) / (nd - n_mcv).
const double kOtherA = (1 - (kMcv1 + kMcv2)) / 98;
// sel(a < 45): bin [40, 50], binfrac 0.5, histfrac (4 + 0.5)/10 minus eq = 1/98 for '<'.
const double kALess45 = (1 - (kMcv1 + kMcv2)) * (0.45 - 1.0 / 98) + (kMcv1 + kMcv2);
// sel(a > 20): the bound 20 itself gives binfrac 0 in [20, 30]: 1 - 2/10; no MCV is > 20.
const double kAMore20 = (1 - (kMcv1 + kMcv2)) * 0.8;

TEST_CASE("stats: = and <> with MCVs, unique columns and defaults (var_eq_const)") {
  CHECK(Sel("a = 1") == doctest::Approx(kMcv1));
  CHECK(Sel("2 = a") == doctest::Approx(kMcv2));
  CHECK(Sel("a = 50") == doctest::Approx(kOtherA));
  CHECK(Sel("a <> 1") == doctest::Approx(1 - kMcv1));
  CHECK(Sel("a = NULL") == 0);
  CHECK(Sel("id = 5") == doctest::Approx(1.0 / 10000));
  CHECK(Sel("e = 5") == doctest::Approx(kDefaultEqSel));  // no stats, 10000 tuples: nd 200
  CHECK(Sel("a = e") == doctest::Approx(kDefaultEqSel));  // two Vars of one relation
}

TEST_CASE("stats: built with MakeVar/MakeConst/MakeOp") {
  catalog::Catalog cat = TestCatalog();
  EstimationContext ctx;
  ctx.catalog = &cat;
  ctx.rels.resize(2);
  ctx.rels[1] = MakeTableRel(cat, cat.tables[0], 10000);
  bind::Type int4 = bind::MakeType(bind::TypeId::kInt4);
  auto clause = bind::MakeOp("<", bind::OpClass::kLt, bind::MakeType(bind::TypeId::kBool),
                             bind::MakeVar(1, 2, int4, "a"), bind::MakeConst(int4, "45"));
  CHECK(ClauseSelectivity(ctx, *clause, 0, nullptr) == doctest::Approx(kALess45));
  // The same clause with the Var on the right is commuted: 45 > a.
  auto flipped = bind::MakeOp(">", bind::OpClass::kGt, bind::MakeType(bind::TypeId::kBool),
                              bind::MakeConst(int4, "45"), bind::MakeVar(1, 2, int4, "a"));
  CHECK(ClauseSelectivity(ctx, *flipped, 0, nullptr) == doctest::Approx(kALess45));
  // A pseudo-constant clause ($1 > 5: no Vars, not volatile) gates the plan and counts 1 at the
  // top level; as a sub-clause it is estimated (no variable: DEFAULT_INEQ_SEL).
  auto param = std::make_unique<bind::BoundExpr>(bind::BoundKind::kParam);
  param->type = int4;
  param->param_id = 1;
  auto gate = bind::MakeOp(">", bind::OpClass::kGt, bind::MakeType(bind::TypeId::kBool),
                           std::move(param), bind::MakeConst(int4, "5"));
  CHECK(ClauseListSelectivity(ctx, {clause.get(), gate.get()}, 0, nullptr) ==
        doctest::Approx(kALess45));
  std::vector<bind::BoundExprPtr> arms;
  arms.push_back(bind::Clone(*clause));
  arms.push_back(bind::Clone(*gate));
  auto either = bind::MakeBool(bind::BoundKind::kOr, std::move(arms));
  CHECK(ClauseSelectivity(ctx, *either, 0, nullptr) ==
        doctest::Approx(kALess45 + kDefaultIneqSel - kALess45 * kDefaultIneqSel));
  // var_relid = 2 makes t's Var a constant: no restriction variable -> DEFAULT_INEQ_SEL.
  CHECK(ClauseSelectivity(ctx, *clause, 2, nullptr) == doctest::Approx(kDefaultIneqSel));
}

TEST_CASE("stats: inequalities interpolate in the histogram and clamp at its ends") {
  CHECK(Sel("a < 45") == doctest::Approx(kALess45));
  CHECK(Sel("a > 20") == doctest::Approx(kAMore20));
  // Beyond the last bound: histfrac 1 -> hist_sel 0, clamped to 0.01/(n-1) = 0.001.
  CHECK(Sel("a > 200") == doctest::Approx((1 - (kMcv1 + kMcv2)) * 0.001));
  CHECK(Sel("e < 5") == doctest::Approx(kDefaultIneqSel));
  // Dates: bin [01-11, 01-21], binfrac 0.5, (1 + 0.5)/3 minus eq = 1/(0.01 * 10000).
  CHECK(Sel("d < '2024-01-16'") == doctest::Approx(0.5 - 0.01));
  // A btree index on a: PostgreSQL reads the true ends (get_actual_variable_range): [0, 1].
  catalog::Catalog cat = TestCatalog();
  catalog::Index idx;
  idx.name = "t_a_idx";
  idx.table = "t";
  idx.keys = {catalog::IndexKey{"a"}};
  cat.indexes.push_back(idx);
  CHECK(Estimation(cat, "SELECT * FROM t WHERE a > 200").Selectivity() == 0);
}

TEST_CASE("stats: range pairs (addRangeClause)") {
  CHECK(Sel("a > 20 AND a < 45") == doctest::Approx(kALess45 + kAMore20 - 1));
  CHECK(Sel("a BETWEEN 20 AND 45") > 0);
  CHECK(Sel("e > 5 AND e < 10") == doctest::Approx(kDefaultRangeIneqSel));
  // Contradictory bounds (hi + lo - 1 < -0.01) fall back to DEFAULT_RANGE_INEQ_SEL.
  CHECK(Sel("a > 90 AND a < 10") == doctest::Approx(kDefaultRangeIneqSel));
  // Repeated bounds keep the smaller selectivity.
  CHECK(Sel("a > 20 AND a < 45 AND a < 200") == doctest::Approx(kALess45 + kAMore20 - 1));
}

TEST_CASE("stats: LIKE and ILIKE (patternsel)") {
  const double nullfrac = F4(0.1);
  // No wildcard: var_eq_const('abc') = (1 - nullfrac) / (0.5 * 10000).
  CHECK(Sel("b LIKE 'abc'") == doctest::Approx((1 - nullfrac) / 5000));
  // No prefix, fewer than 10 histogram entries: like_selectivity('%x') = 0.2.
  CHECK(Sel("b LIKE '%x'") == doctest::Approx(0.2 * (1 - nullfrac)));
  CHECK(Sel("b NOT LIKE '%x'") == doctest::Approx(1 - 0.2 * (1 - nullfrac) - nullfrac));
  // ILIKE: the prefix stops at the first letter, so 'ab%' has none: 0.2 * 0.2 * 5.
  CHECK(Sel("b ILIKE 'ab%'") == doctest::Approx(0.2 * (1 - nullfrac)));
  // A prefix: the histogram range [ab, ac) (about 0.026), times 1 - nullfrac.
  double prefix = Sel("b LIKE 'ab%'");
  CHECK(prefix == doctest::Approx(0.0263779 * (1 - nullfrac)).epsilon(1e-4));
}

TEST_CASE("stats: IN lists, NOT IN, OR, NULL and boolean tests") {
  CHECK(Sel("a IN (1, 2, 50)") == doctest::Approx(kMcv1 + kMcv2 + kOtherA));
  CHECK(Sel("a NOT IN (1, 2)") == doctest::Approx(1 - kMcv1 - kMcv2));
  CHECK(Sel("a = 1 OR a = 2") == doctest::Approx(kMcv1 + kMcv2 - kMcv1 * kMcv2));
  CHECK(Sel("b IS NULL") == doctest::Approx(F4(0.1)));
  CHECK(Sel("b IS NOT NULL") == doctest::Approx(1 - F4(0.1)));
  CHECK(Sel("e IS NULL") == doctest::Approx(kDefaultUnkSel));
  // c: MCV false 0.5, 20% NULL: true = 1 - 0.5 - 0.2.
  const double freq_true = 1 - F4(0.5) - F4(0.2);
  CHECK(Sel("c") == doctest::Approx(freq_true));
  CHECK(Sel("NOT c") == doctest::Approx(1 - freq_true));
  CHECK(Sel("c IS TRUE") == doctest::Approx(freq_true));
  CHECK(Sel("c IS NOT FALSE") == doctest::Approx(1 - F4(0.5)));
  CHECK(Sel("c IS UNKNOWN") == doctest::Approx(F4(0.2)));
  CHECK(Sel("true") == 1);
  CHECK(Sel("false") == 0);
}

TEST_CASE("stats: expressions use their expression index's statistics") {
  catalog::Catalog cat = TestCatalog();
  const std::string sql = "SELECT * FROM t WHERE lower(b) = 'abc'";
  CHECK(Estimation(cat, sql, true).Selectivity() == doctest::Approx(kDefaultEqSel));
  catalog::Index idx;
  idx.name = "t_lower_b";
  idx.table = "t";
  catalog::IndexKey key;
  key.expression = "lower(b)";
  idx.keys = {key};
  idx.expression_stats["lower"] = Stats(0.1, -0.5, {"abc"}, {0.3}, {});
  cat.indexes.push_back(idx);
  CHECK(Estimation(cat, sql, true).Selectivity() == doctest::Approx(F4(0.3)));
  // A different expression does not match.
  CHECK(Estimation(cat, "SELECT * FROM t WHERE upper(b) = 'abc'", true).Selectivity() ==
        doctest::Approx(kDefaultEqSel));
}

TEST_CASE("stats: clamp_row_est and base relation rows") {
  CHECK(ClampRowEst(0.3) == 1);
  CHECK(ClampRowEst(2.5) == 2);
  CHECK(ClampRowEst(3.5) == 4);
  CHECK(ClampRowEst(1e300) == kMaximumRowCount);
  Estimation e(TestCatalog(), "SELECT * FROM t WHERE a = 1");
  CHECK(e.Rows(1) == 1000);
}

}  // namespace
}  // namespace dbopt::stats::testing
