// Aggregation costs: plain, sorted, hashed, spilling hash aggregation, Group and WindowAgg,
// derived by hand from costsize.c cost_agg and nodeAgg.c's spill limits.
#include "dbopt/cost/agg_cost.h"

#include <doctest/doctest.h>

namespace dbopt::cost {
namespace {

AggInput CountStar(AggStrategyKind strategy) {
  const CostParams p;
  AggInput in;
  in.strategy = strategy;
  in.aggs.trans.per_tuple = p.cpu_operator_cost;  // count(*): int8inc, procost 1
  in.num_trans = 1;
  in.input = {0, 458};
  in.input_tuples = 10000;
  return in;
}

TEST_CASE("cost: plain aggregate of tenk1") {
  const CostParams p;
  const AggCost c = CostAgg(p, CountStar(AggStrategyKind::kPlain));
  CHECK(c.cost.startup == doctest::Approx(483.0));  // PG: Aggregate (cost=483.00..483.01)
  CHECK(c.cost.total == doctest::Approx(483.01));
  CHECK(c.rows == 1);
}

TEST_CASE("cost: hashed and sorted aggregates have the same total") {
  const CostParams p;
  AggInput hashed = CountStar(AggStrategyKind::kHashed);
  hashed.num_group_cols = 1;
  hashed.num_groups = 100;
  hashed.input_width = 4;
  const AggCost h = CostAgg(p, hashed);
  CHECK(h.cost.startup == doctest::Approx(508));
  CHECK(h.cost.total == doctest::Approx(509));
  AggInput sorted = hashed;
  sorted.strategy = AggStrategyKind::kSorted;
  const AggCost s = CostAgg(p, sorted);
  CHECK(s.cost.startup == 0);
  CHECK(s.cost.total == h.cost.total);  // bit-identical, as cost_agg promises
  CostParams off;
  off.enable_hashagg = false;
  CHECK(CostAgg(off, hashed).cost.startup == doctest::Approx(508 + kDisableCost));
}

TEST_CASE("cost: HAVING adds its cost and selectivity") {
  const CostParams p;
  AggInput in = CountStar(AggStrategyKind::kHashed);
  in.num_group_cols = 1;
  in.num_groups = 100;
  in.has_quals = true;
  in.quals.per_tuple = p.cpu_operator_cost;
  in.qual_selectivity = 1.0 / 3;
  const AggCost c = CostAgg(p, in);
  CHECK(c.cost.total == doctest::Approx(509 + 100 * 0.0025));
  CHECK(c.rows == 33);
}

TEST_CASE("cost: hash aggregate entry size and spill limits") {
  const CostParams p;
  CHECK(HashAggEntrySize(1, 8, 0) == 96);
  CHECK(HashAggEntrySize(0, 8.7, 0) == 64);  // width truncated; no per-group state
  CHECK(HashAggEntrySize(2, 4, 100) == 24 + 16 + 20 + 48 + 116);
  const HashAggLimits fits = HashAggSetLimits(p, 96, 1000);
  CHECK(fits.num_partitions == 0);
  CHECK(fits.mem_limit == 8388608);
  CHECK(fits.ngroups_limit == 87381);
  // 1e6 groups of 96 bytes: 1 + 1.5·96e6/8 MB = 18.2 partitions → 32.
  const HashAggLimits spill = HashAggSetLimits(p, 96, 1e6);
  CHECK(spill.num_partitions == 32);
  CHECK(spill.mem_limit == 8388608 - 8192 * 33);
  CHECK(spill.ngroups_limit == 84565);
}

TEST_CASE("cost: spilling hash aggregate") {
  const CostParams p;
  AggInput in;
  in.strategy = AggStrategyKind::kHashed;
  in.aggs.trans.per_tuple = p.cpu_operator_cost;
  in.num_trans = 1;
  in.num_group_cols = 1;
  in.num_groups = 1e6;
  in.input = {0, 10000};
  in.input_tuples = 2e6;
  in.input_width = 8;
  const AggCost c = CostAgg(p, in);
  // 12 batches, 32 partitions → depth 1; pages = 2e6·32/8192 = 7812.5, doubled.
  const double written = 7812.5 * 2;
  const double cpu_spill = 1 * 2e6 * 2 * 0.01;
  CHECK(c.cost.startup == doctest::Approx(20000 + written * 4 + cpu_spill));
  CHECK(c.cost.total == doctest::Approx(30000 + written * 4 + written * 1 + cpu_spill));
}

TEST_CASE("cost: Group and WindowAgg") {
  const CostParams p;
  const AggCost g = CostGroup(p, 2, 50, {1, 100}, 1000, false, {}, 1);
  CHECK(g.cost.startup == 1);
  CHECK(g.cost.total == doctest::Approx(105));
  CHECK(g.rows == 50);
  WindowAggInput w;
  w.input = {1, 100};
  w.input_tuples = 1000;
  w.window_functions = {{0.5, p.cpu_operator_cost}};  // row_number()
  w.num_part_cols = 1;
  w.num_order_cols = 1;
  const Cost wc = CostWindowAgg(p, w);
  CHECK(wc.startup == doctest::Approx(1.5));
  CHECK(wc.total == doctest::Approx(100 + 2.5 + 5 + 10));
}

}  // namespace
}  // namespace dbopt::cost
