// Join sizes (eqjoinsel, foreign keys, semi joins), GROUP BY cardinality and hash bucket
// statistics on the hand-built catalog (stats_fixture.h), expected values derived by hand from
// PostgreSQL 15's formulas.
#include <cmath>

#include <doctest/doctest.h>

#include "stats_fixture.h"

namespace dbopt::stats::testing {
namespace {

// eqjoinsel_inner for t.a = u.a: MCV 1 matches (0.1 * 0.2).
double EqJoinTA_UA() {
  double m = F4(0.1) * F4(0.2);
  double unmatch1 = F4(0.05), unmatch2 = F4(0.1);
  double other1 = 1 - F4(0.1) - F4(0.05);
  double other2 = 1 - F4(0.1) - F4(0.2) - F4(0.1);
  double tot1 = m + unmatch1 * other2 / (50 - 2) + other1 * (other2 + unmatch2) / (50 - 1);
  double tot2 = m + unmatch2 * other1 / (100 - 2) + other2 * (other1 + unmatch1) / (100 - 1);
  return std::min(tot1, tot2);
}

TEST_CASE("stats: inner join with MCV matching (eqjoinsel_inner)") {
  Estimation e(TestCatalog(), "SELECT * FROM t, u WHERE t.a = u.a");
  CHECK(e.JoinRows(bind::JoinType::kInner) == std::rint(10000.0 * 1000 * EqJoinTA_UA()));
  // Left join: never fewer rows than the outer side.
  CHECK(e.JoinRows(bind::JoinType::kLeft) == std::rint(10000.0 * 1000 * EqJoinTA_UA()));
}

TEST_CASE("stats: a foreign key replaces eqjoinsel by 1/referenced tuples") {
  Estimation e(TestCatalog(), "SELECT * FROM t, u WHERE t.id = u.t_id");
  CHECK(e.JoinRows(bind::JoinType::kInner) == 1000);
  // With a restriction on the referencing side the FK still counts 1/10000.
  Estimation r(TestCatalog(), "SELECT * FROM t, u WHERE t.id = u.t_id AND u.a = 1");
  CHECK(r.Rows(2) == 200);
  CHECK(r.JoinRows(bind::JoinType::kInner) == 200);
}

TEST_CASE("stats: semi and anti joins (eqjoinsel_semi)") {
  Estimation e(TestCatalog(), "SELECT * FROM t, u WHERE t.a = u.a");
  // One MCV match (1: 0.1); uncertainfrac = (50 - 1) / (100 - 1).
  double semi = F4(0.1) + (1 - F4(0.1)) * 49.0 / 99.0;
  CHECK(e.JoinRows(bind::JoinType::kSemi) == std::rint(10000 * semi));
  CHECK(e.JoinRows(bind::JoinType::kAnti) == std::rint(10000 * (1 - semi)));
}

TEST_CASE("stats: estimate_num_groups") {
  CHECK(Estimation(TestCatalog(), "SELECT a FROM t GROUP BY a").Groups() == 100);
  // Two columns: 100 * 5000 clamped to 10% of tuples, but not below the larger nd (5000).
  CHECK(Estimation(TestCatalog(), "SELECT a, b FROM t GROUP BY a, b").Groups() == 5000);
  CHECK(Estimation(TestCatalog(), "SELECT c FROM t GROUP BY c").Groups() == 2);
  CHECK(Estimation(TestCatalog(), "SELECT e FROM t GROUP BY e").Groups() == 200);
  // A restriction keeping 1500 of 10000 rows: d * (1 - (8500/10000)^(10000/d)) for b's 5000.
  Estimation r(TestCatalog(), "SELECT b FROM t WHERE a = 1 OR a = 2 GROUP BY b");
  double rows = r.Rows(1);
  CHECK(rows == 1450);
  double expect = 5000 * (1 - std::pow((10000 - rows) / 10000, 10000.0 / 5000));
  CHECK(r.Groups() == std::ceil(ClampRowEst(expect)));
  // Groups across two relations multiply; the result never exceeds the input rows.
  CHECK(Estimation(TestCatalog(), "SELECT 1 FROM t, u WHERE t.id = 1 GROUP BY t.a, u.a").Groups() ==
        50);
}

TEST_CASE("stats: hash bucket statistics and merge scan fractions") {
  Estimation e(TestCatalog(), "SELECT * FROM t, u WHERE t.a = u.a");
  HashBucketStats h = EstimateHashBucketStats(e.ctx, *e.join_quals[0]->args[0], 1024);
  CHECK(h.mcv_freq == doctest::Approx(F4(0.1)));
  // 1/nd = 0.01, times mcv_freq / avgfreq = 0.1 / 0.01.
  CHECK(h.bucket_size_frac == doctest::Approx(F4(0.1)));
  HashBucketStats none = EstimateHashBucketStats(e.ctx, *e.join_quals[0]->args[1], 1024);
  // u.a: 1/50 times its top MCV (0.2) over the average frequency (1 - 0.1) / 50.
  CHECK(none.bucket_size_frac == doctest::Approx(F4(0.2) / ((1 - F4(0.1)) / 50) / 50));
  // u.a has no histogram but its MCVs do not cover 99.999%: no range, defaults.
  MergeScanSelectivity m = MergeJoinScanSelectivity(e.ctx, *e.join_quals[0], false, false);
  CHECK(m.left_start == 0);
  CHECK(m.left_end == 1);
}

TEST_CASE("stats: array lengths") {
  CHECK(EstimateArrayLength(*bind::MakeConst(bind::ParseTypeText("integer[]"), "{1,2,3}")) == 3);
  CHECK(EstimateArrayLength(*bind::MakeVar(1, 1, bind::ParseTypeText("integer[]"), "x")) == 10);
}

}  // namespace
}  // namespace dbopt::stats::testing

namespace dbopt::stats::testing {
namespace {

TEST_CASE("stats: <> joins, equal grouping columns, extended ndistinct") {
  Estimation e(TestCatalog(), "SELECT * FROM t, u WHERE t.a <> u.a");
  CHECK(e.JoinRows(bind::JoinType::kInner) == std::rint(10000.0 * 1000 * (1 - EqJoinTA_UA())));
  // Semi join with <>: 1 - nullfrac of the outer side (t.a has none).
  CHECK(e.JoinRows(bind::JoinType::kSemi) == 10000);

  // t.a and u.a known equal (an equivalence class): only the one with fewer values counts.
  Estimation g(TestCatalog(), "SELECT 1 FROM t, u WHERE t.a = u.a GROUP BY t.a, u.a");
  g.ctx.known_equal = [](const bind::BoundExpr& x, const bind::BoundExpr& y) {
    return x.attno == 2 && y.attno == 2;
  };
  CHECK(g.Groups() == 50);

  // ndistinct statistics on (a, b) replace the product 100 * 5000 (clamped to 5000) by 321.
  catalog::Catalog cat = TestCatalog();
  catalog::ExtendedStats es;
  es.name = "t_a_b";
  es.table = "t";
  es.kinds = {"ndistinct"};
  es.columns = {"a", "b"};
  es.n_distinct = "{\"2, 3\": 321}";
  cat.extended_stats.push_back(es);
  CHECK(Estimation(cat, "SELECT a, b FROM t GROUP BY a, b").Groups() == 321);
  CHECK(Estimation(cat, "SELECT a, b, c FROM t GROUP BY a, b, c").Groups() == 642);
}

TEST_CASE("stats: subquery columns are looked through to their base table's statistics") {
  catalog::Catalog cat = TestCatalog();
  auto sub = std::make_shared<bind::Query>();
  bind::RangeTblEntry rte;
  rte.table = &cat.tables[0];
  sub->rtable.push_back(std::move(rte));
  bind::TargetEntry te;
  te.expr = bind::MakeVar(1, 2, bind::MakeType(bind::TypeId::kInt4), "a");
  te.resno = 1;
  sub->targets.push_back(std::move(te));
  EstimationContext ctx;
  ctx.catalog = &cat;
  ctx.rels.resize(2);
  ctx.rels[1].subquery = sub.get();
  ctx.rels[1].tuples = ctx.rels[1].rows = 10000;
  auto clause = bind::MakeOp("=", bind::OpClass::kEq, bind::MakeType(bind::TypeId::kBool),
                             bind::MakeVar(1, 1, bind::MakeType(bind::TypeId::kInt4), "a"),
                             bind::MakeConst(bind::MakeType(bind::TypeId::kInt4), "1"));
  CHECK(ClauseSelectivity(ctx, *clause, 0, nullptr) == doctest::Approx(F4(0.1)));
  // With GROUP BY in the subquery the column is unique there: 1 / tuples.
  sub->group_by.push_back(bind::SortGroupClause{});
  CHECK(ClauseSelectivity(ctx, *clause, 0, nullptr) == doctest::Approx(1.0 / 10000));
}

TEST_CASE("stats: ARRAY[...] and non-constant arrays in = ANY") {
  catalog::Catalog cat = TestCatalog();
  EstimationContext ctx;
  ctx.catalog = &cat;
  ctx.rels.resize(2);
  ctx.rels[1] = MakeTableRel(cat, cat.tables[0], 10000);
  bind::Type int4 = bind::MakeType(bind::TypeId::kInt4);
  bind::Type int4_array = int4;
  int4_array.array = true;
  auto array = std::make_unique<bind::BoundExpr>(bind::BoundKind::kArray);
  array->type = int4_array;
  array->args.push_back(bind::MakeConst(int4, "1"));
  array->args.push_back(bind::MakeConst(int4, "2"));
  auto saop = std::make_unique<bind::BoundExpr>(bind::BoundKind::kScalarArrayOp);
  saop->type = bind::MakeType(bind::TypeId::kBool);
  saop->name = "=";
  saop->op_class = bind::OpClass::kEq;
  saop->args.push_back(bind::MakeVar(1, 2, int4, "a"));
  saop->args.push_back(std::move(array));
  CHECK(ClauseSelectivity(ctx, *saop, 0, nullptr) == doctest::Approx(F4(0.1) + F4(0.05)));
  // A parameter array: var_eq_non_const (1/100, under the top MCV) ORed as if 10 elements.
  auto param = std::make_unique<bind::BoundExpr>(bind::BoundKind::kParam);
  param->type = int4_array;
  saop->args[1] = std::move(param);
  CHECK(ClauseSelectivity(ctx, *saop, 0, nullptr) == doctest::Approx(1 - std::pow(0.99, 10)));
  CHECK(EstimateArrayLength(*saop->args[1]) == 10);
}

}  // namespace
}  // namespace dbopt::stats::testing

namespace dbopt::stats::testing {
namespace {

TEST_CASE("stats: merge scan fractions from both sides' ranges (mergejoinscansel)") {
  catalog::Catalog cat = TestCatalog();
  cat.tables[1].column_stats["a"].histogram_bounds = {"0", "20", "40"};  // u.a in [0, 40]
  Estimation e(cat, "SELECT * FROM t, u WHERE t.a = u.a");
  MergeScanSelectivity m = MergeJoinScanSelectivity(e.ctx, *e.join_quals[0], false, false);
  // t stops at u's maximum: P(t.a <= 40) = (1 - 0.15) * 4/10 + 0.15; u is read to the end.
  CHECK(m.left_end == doctest::Approx((1 - F4(0.1) - F4(0.05)) * 0.4 + F4(0.1) + F4(0.05)));
  CHECK(m.right_end == 1);
  // u starts at t's minimum 0: P(u.a < 0) is the histogram's lower clamp 0.01/2; t starts at 0.
  CHECK(m.right_start == doctest::Approx((1 - F4(0.1) - F4(0.2) - F4(0.1)) * 0.005));
  CHECK(m.left_start == 0);
  // NULLS FIRST adds the null fraction to both ends of u's scan.
  MergeScanSelectivity n = MergeJoinScanSelectivity(e.ctx, *e.join_quals[0], false, true);
  CHECK(n.right_start == doctest::Approx(m.right_start + F4(0.1)));
}

}  // namespace
}  // namespace dbopt::stats::testing
