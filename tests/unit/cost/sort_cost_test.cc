// Sort, incremental sort, Materialize, rescans and Memoize, with values derived by hand from
// PostgreSQL 15's formulas (costsize.c) and the tenk1 example of pg15-cost-model.md §6.
#include "dbopt/cost/sort_cost.h"

#include <doctest/doctest.h>

#include <cmath>

#include "dbopt/cost/material_cost.h"

namespace dbopt::cost {
namespace {

TEST_CASE("cost: quicksort of tenk1 (reference §6)") {
  const CostParams p;
  const TuplesortCost t = CostTuplesort(p, 10000, 244, 0, p.work_mem_kb, -1);
  CHECK(t.method == SortMethod::kQuicksort);
  const Cost c = CostSort(p, 445, 10000, 244, 0, -1);
  CHECK(c.startup == doctest::Approx(1109.39).epsilon(1e-5));
  CHECK(c.total == doctest::Approx(1134.39).epsilon(1e-5));
}

TEST_CASE("cost: top-N heapsort under a LIMIT") {
  const CostParams p;
  const TuplesortCost t = CostTuplesort(p, 10000, 244, 0, p.work_mem_kb, 10);
  CHECK(t.method == SortMethod::kTopNHeapsort);
  CHECK(t.startup == doctest::Approx(0.005 * 10000 * std::log2(20.0)));
  CHECK(t.run == doctest::Approx(25));  // all N tuples, not K: the Limit pro-rates
}

TEST_CASE("cost: external merge sort") {
  const CostParams p;
  CHECK(TuplesortMergeOrder(4096 * 1024.0) == 15);
  CHECK(TuplesortMergeOrder(1024 * 1024.0) == 6);
  CHECK(TuplesortMergeOrder(1024.0 * 1024 * 1024) == 500);
  // 1e6 rows of width 100: 128e6 bytes, 15625 pages, 30.5 runs, merge order 15 → 2 passes.
  const TuplesortCost t = CostTuplesort(p, 1e6, 100, 0, p.work_mem_kb, -1);
  CHECK(t.method == SortMethod::kExternalMerge);
  const double cpu = 0.005 * 1e6 * std::log2(1e6);
  const double io = 2.0 * 15625 * 2 * (0.75 * 1 + 0.25 * 4);
  CHECK(t.startup == doctest::Approx(cpu + io));
  CostParams off;
  off.enable_sort = false;
  CHECK(CostSort(off, 0, 10, 4, 0, -1).startup >= kDisableCost);
}

TEST_CASE("cost: incremental sort") {
  const CostParams p;
  IncrementalSortInput in;
  in.input = {0, 1000};
  in.input_tuples = 10000;
  in.width = 8;
  in.input_groups = 100;
  const Cost c = CostIncrementalSort(p, in);
  // Each group sorts 1.5·100 = 150 tuples by quicksort.
  const double group_startup = 0.005 * 150 * std::log2(150.0);
  const double group_run = 0.0025 * 150;
  CHECK(c.startup == doctest::Approx(group_startup + 10));
  const double run =
      group_run + (group_run + group_startup) * 99 + 10 * 99 + 0.01 * 10000 + 0.02 * 100;
  CHECK(c.total == doctest::Approx(group_startup + 10 + run));
  in.input_groups = 0;  // unknown: min(N, 200) groups
  CHECK(CostIncrementalSort(p, in).startup == doctest::Approx(0.005 * 75 * std::log2(75.0) + 5));
}

TEST_CASE("cost: Materialize and rescans") {
  const CostParams p;
  CHECK(CostMaterial(p, {0, 100}, 1000, 8).total == doctest::Approx(105));
  // 1e5 rows of width 100: 12.8e6 bytes spill over 4 MB → + ceil(12.8e6 / 8192) = 1563 pages.
  CHECK(CostMaterial(p, {1, 100}, 1e5, 100).total ==
        doctest::Approx(100 + 2 * 0.0025 * 1e5 + 1563));
  RescanInput r;
  r.kind = RescanKind::kMaterial;
  r.path = {5, 105};
  r.rows = 1000;
  r.width = 8;
  CHECK(CostRescan(p, r).startup == 0);
  CHECK(CostRescan(p, r).total == doctest::Approx(2.5));
  r.kind = RescanKind::kCteScan;
  CHECK(CostRescan(p, r).total == doctest::Approx(10));
  r.kind = RescanKind::kHashJoin;
  CHECK(CostRescan(p, r).total == doctest::Approx(100));
  r.hash_batches = 2;
  CHECK(CostRescan(p, r).startup == 5);
  r.kind = RescanKind::kOther;
  CHECK(CostRescan(p, r).total == 105);
}

TEST_CASE("cost: Memoize rescan") {
  const CostParams p;
  MemoizeInput in;
  in.input = {0, 10};
  in.tuples = 10;
  in.width = 8;
  in.calls = 1000;
  in.ndistinct = 100;
  const MemoizeRescan m = CostMemoizeRescan(p, in);
  CHECK(m.est_entries == 100);
  // hit ratio 100/100 − 100/1000 = 0.9; no evictions.
  CHECK(m.rescan.total == doctest::Approx(10 * 0.1 + 0.0025 + 0.01 + 0.025));
  CHECK(m.rescan.startup == doctest::Approx(0.01));
  in.ndistinct = 1000;  // every call distinct: no hits
  CHECK(CostMemoizeRescan(p, in).rescan.total == doctest::Approx(10 + 0.0025 + 0.01 + 0.025));
}

}  // namespace
}  // namespace dbopt::cost
