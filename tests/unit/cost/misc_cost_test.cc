// Tuple sizes, expression costs, SubPlans, Append/MergeAppend, Gather Merge and LIMIT, derived by
// hand from PostgreSQL 15's costsize.c and pathnode.c.
#include <doctest/doctest.h>

#include <cmath>

#include "dbopt/cost/append_cost.h"
#include "dbopt/cost/other_scan_cost.h"
#include "dbopt/cost/parallel_cost.h"
#include "dbopt/cost/qual_cost.h"
#include "dbopt/cost/width.h"

namespace dbopt::cost {
namespace {

TEST_CASE("cost: tuple sizes") {
  CHECK(MaxAlign(23) == 24);
  CHECK(MaxAlign(24) == 24);
  CHECK(RelationByteSize(10, 244) == 2720);
  CHECK(PageSize(100, 100) == 2);
  CHECK(WholeRowWidth(100) == 124);
}

TEST_CASE("cost: expression costs") {
  const CostParams p;
  CHECK(FunctionCallCost(p).per_tuple == doctest::Approx(0.0025));
  CHECK(FunctionCallCost(p, kUserFunctionProcost).per_tuple == doctest::Approx(0.25));
  const QualCost linear = ScalarArrayOpCost(p, 4);
  CHECK(linear.startup == 0);
  CHECK(linear.per_tuple == doctest::Approx(0.005));
  const QualCost hashed = ScalarArrayOpCost(p, 10, true);
  CHECK(hashed.startup == doctest::Approx(0.025));
  CHECK(hashed.per_tuple == doctest::Approx(0.005));
  CHECK(CoerceViaIoCost(p).per_tuple == doctest::Approx(0.005));
  CHECK(RowCompareCost(p, 3).per_tuple == doctest::Approx(0.0075));
  const QualCost once = PseudoconstantCost({0.1, 0.0025});
  CHECK(once.startup == doctest::Approx(0.1025));
  CHECK(once.per_tuple == 0);
}

TEST_CASE("cost: SubPlans") {
  const CostParams p;
  SubPlanInput in;
  in.plan = {1, 11};
  in.plan_rows = 10;
  in.kind = SubLinkKind::kExists;
  CHECK(CostSubplan(p, in).per_tuple == doctest::Approx(1 + 1));
  in.kind = SubLinkKind::kAnyAll;
  in.testexpr.per_tuple = p.cpu_operator_cost;
  CHECK(CostSubplan(p, in).per_tuple == doctest::Approx(0.0025 + 5 + 0.0125 + 1));
  in.startup_once = true;
  CHECK(CostSubplan(p, in).startup == 1);
  in.use_hash_table = true;
  const QualCost hashed = CostSubplan(p, in);
  CHECK(hashed.startup == doctest::Approx(11 + 0.025));
  CHECK(hashed.per_tuple == doctest::Approx(0.0025));
}

TEST_CASE("cost: Append and MergeAppend") {
  const CostParams p;
  std::vector<AppendChild> children(2);
  children[0].cost = {1, 100};
  children[0].rows = 1000;
  children[0].width = 8;
  children[1].cost = {2, 50};
  children[1].rows = 500;
  children[1].width = 8;
  const AppendCost plain = CostAppend(p, children, false, -1);
  CHECK(plain.cost.startup == 1);
  CHECK(plain.cost.total == doctest::Approx(150 + 0.005 * 1500));
  CHECK(plain.rows == 1500);
  children[1].needs_sort = true;
  const AppendCost ordered = CostAppend(p, children, true, -1);
  const double sort_startup = 50 + 0.005 * 500 * std::log2(500.0);
  CHECK(ordered.cost.startup == doctest::Approx(1 + sort_startup));
  CHECK(ordered.cost.total == doctest::Approx(100 + sort_startup + 1.25 + 7.5));
  const Cost merge = CostMergeAppend(p, 3, 5, 100, 1000);
  const double heap = 0.005 * 3 * std::log2(3.0);
  CHECK(merge.startup == doctest::Approx(5 + heap));
  CHECK(merge.total == doctest::Approx(heap + 1000 * 0.005 * std::log2(3.0) + 5 + 100));
}

TEST_CASE("cost: Parallel Append spreads non-partial children") {
  const CostParams p;
  std::vector<AppendChild> children(3);
  children[0].cost = {0, 300};  // non-partial, decreasing cost
  children[0].rows = 300;
  children[1].cost = {0, 200};
  children[1].rows = 200;
  children[2].cost = {0, 100};  // partial, 2 workers
  children[2].rows = 100;
  children[2].parallel_workers = 2;
  const AppendCost c = CostParallelAppend(p, children, 2, 2);
  // rows: 300/2.4 + 200/2.4 + 100·(2.4/2.4), each step clamped: 125, 208, 308.
  CHECK(c.rows == 308);
  CHECK(c.cost.total == doctest::Approx(100 + 300 + 0.005 * 308));
}

TEST_CASE("cost: Gather Merge") {
  const CostParams p;
  const Cost c = CostGatherMerge(p, {0, 1000}, 1000, 2);
  const double heap = 0.005 * 3 * std::log2(3.0);
  CHECK(c.startup == doctest::Approx(1000 + heap));
  CHECK(c.total == doctest::Approx(2000 + heap + 1000 * 0.005 * std::log2(3.0) + 2.5 + 105));
}

TEST_CASE("cost: LIMIT and OFFSET") {
  const LimitCost c = AdjustLimitRowsCosts({10, 110}, 1000, 100, 10);
  CHECK(c.cost.startup == doctest::Approx(20));
  CHECK(c.cost.total == doctest::Approx(21));
  CHECK(c.rows == 10);
  const LimitCost unknown = AdjustLimitRowsCosts({0, 100}, 1000, 0, -1);  // LIMIT $1
  CHECK(unknown.rows == 100);
  CHECK(unknown.cost.total == doctest::Approx(10));
  const LimitCost past_end = AdjustLimitRowsCosts({0, 100}, 10, 50, 5);
  CHECK(past_end.rows == 1);
  CHECK(past_end.cost.startup == doctest::Approx(100));
}

TEST_CASE("cost: scans of subqueries, functions, VALUES and CTEs") {
  const CostParams p;
  SimpleScanInput in;
  in.tuples = 1000;
  in.rows = 500;
  in.quals.per_tuple = p.cpu_operator_cost;
  const Cost sub = CostSubqueryScan(p, {1, 100}, 1000, in);
  CHECK(sub.startup == 1);
  CHECK(sub.total == doctest::Approx(100 + 12.5));
  // generate_series(1, 1000): procost 1 → 0.0025 at startup.
  const Cost fn = CostFunctionScan(p, {0, 0.0025}, in);
  CHECK(fn.startup == doctest::Approx(0.0025));
  CHECK(fn.total == doctest::Approx(0.0025 + 12.5));
  CHECK(CostValuesScan(p, in).total == doctest::Approx(15));
  CHECK(CostCteScan(p, in).total == doctest::Approx(22.5));
  CHECK(CostResultScan(p, in).total == doctest::Approx(12.5));
  const RecursiveUnionCost r = CostRecursiveUnion(p, {0, 1}, 1, {0, 10}, 5);
  CHECK(r.rows == 51);
  CHECK(r.cost.total == doctest::Approx(1 + 100 + 0.51));
}

}  // namespace
}  // namespace dbopt::cost
