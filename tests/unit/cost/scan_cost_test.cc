// Scan costs against the worked tenk1 numbers (pg15-cost-model.md §6: relpages 358,
// reltuples 10000, unique btree tenk1_unique1 of 30 pages and height 1) and hand-derived values.
#include "dbopt/cost/scan_cost.h"

#include <doctest/doctest.h>

#include <cmath>

#include "dbopt/cost/bitmap_cost.h"
#include "dbopt/cost/index_am_cost.h"
#include "dbopt/cost/parallel_cost.h"
#include "dbopt/cost/params.h"

namespace dbopt::cost {
namespace {

constexpr double kPages = 358;
constexpr double kTuples = 10000;
constexpr double kIndexPages = 30;

SeqScanInput Tenk1Seq() {
  SeqScanInput in;
  in.pages = kPages;
  in.tuples = kTuples;
  in.rows = kTuples;
  return in;
}

// btcostestimate inputs for tenk1_unique1 with a selectivity of `sel`.
BtreeCostInput Unique1(double sel, bool unique_equal) {
  BtreeCostInput in;
  in.generic.index_pages = kIndexPages;
  in.generic.index_tuples = kTuples;
  in.generic.rel_tuples = kTuples;
  in.generic.selectivity = sel;
  in.generic.num_index_quals = 1;
  in.generic.total_table_pages = kPages;
  in.tree_height = 1;
  in.unique_equal_on_all_keys = unique_equal;
  in.boundary_selectivity = sel;
  return in;
}

TEST_CASE("cost: clamp_row_est rounds half to even and clamps") {
  CHECK(ClampRowEst(0.3) == 1);
  CHECK(ClampRowEst(2.5) == 2);
  CHECK(ClampRowEst(3.5) == 4);
  CHECK(ClampRowEst(1e200) == kMaximumRowCount);
}

TEST_CASE("cost: seq scan of tenk1") {
  const CostParams p;
  ScanCost all = CostSeqScan(p, Tenk1Seq());
  CHECK(all.cost.startup == 0);
  CHECK(all.cost.total == doctest::Approx(458.0));
  SeqScanInput filtered = Tenk1Seq();
  filtered.quals.per_tuple = p.cpu_operator_cost;  // unique1 < 7000
  filtered.rows = 7001;
  CHECK(CostSeqScan(p, filtered).cost.total == doctest::Approx(483.0));
  CostParams off;
  off.enable_seqscan = false;
  CHECK(CostSeqScan(off, Tenk1Seq()).cost.startup == kDisableCost);
}

TEST_CASE("cost: parallel seq scan and gather (reference §4.13)") {
  const CostParams p;
  SeqScanInput in;
  in.pages = 10000;
  in.tuples = 1e6;
  in.rows = 100;
  in.quals.per_tuple = p.cpu_operator_cost;
  CHECK(CostSeqScan(p, in).cost.total == doctest::Approx(22500));
  ParallelWorkerInput pw;
  pw.heap_pages = in.pages;
  pw.max_workers = p.max_parallel_workers_per_gather;
  in.parallel_workers = ComputeParallelWorker(p, pw);
  CHECK(in.parallel_workers == 2);
  const ScanCost partial = CostSeqScan(p, in);
  CHECK(partial.rows == 42);  // clamp_row_est(100 / 2.4)
  CHECK(CostGather(p, partial.cost, 100).total == doctest::Approx(16218.3333));
}

TEST_CASE("cost: index scan of tenk1 WHERE unique1 = 42") {
  const CostParams p;
  const IndexAmCost am = BtCostEstimate(p, Unique1(1.0 / kTuples, true));
  CHECK(am.startup == doctest::Approx(0.285));  // 14·coc + 2·50·coc
  CHECK(am.total == doctest::Approx(4.2925));
  IndexScanInput in;
  in.am = am;
  in.rel_pages = kPages;
  in.rel_tuples = kTuples;
  in.rows = 1;
  in.index_pages = kIndexPages;
  in.total_table_pages = kPages;
  const IndexScanCost c = CostIndex(p, in);
  CHECK(c.scan.cost.startup == doctest::Approx(0.285));
  CHECK(c.scan.cost.total == doctest::Approx(8.3025));
}

TEST_CASE("cost: bitmap scan of tenk1 WHERE unique1 < 100") {
  const CostParams p;
  const IndexAmCost am = BtCostEstimate(p, Unique1(101.0 / kTuples, false));
  CHECK(am.total == doctest::Approx(5.0425));
  BitmapHeapInput in;
  in.bitmap = BitmapIndexLeaf(p, am, 101, kIndexPages);
  in.rel_pages = kPages;
  in.rel_tuples = kTuples;
  in.rows = 101;
  in.quals.per_tuple = p.cpu_operator_cost;
  const BitmapPages pages = ComputeBitmapPages(p, in.bitmap, kPages, kTuples, 1, kPages);
  CHECK(pages.pages_fetched == 89);
  CHECK(pages.tuples_fetched == 101);
  const ScanCost c = CostBitmapHeapScan(p, in);
  CHECK(c.cost.startup == doctest::Approx(5.06775));
  CHECK(std::round(c.cost.total * 100) / 100 == doctest::Approx(229.20));  // as EXPLAIN shows
}

TEST_CASE("cost: correlated index scan interpolates by correlation squared") {
  const CostParams p;
  BtreeCostInput bt = Unique1(0.1, false);
  bt.has_correlation = true;
  bt.leading_correlation = 1.0;
  IndexScanInput in;
  in.am = BtCostEstimate(p, bt);
  CHECK(in.am.correlation == 1.0);
  in.rel_pages = kPages;
  in.rel_tuples = kTuples;
  in.rows = 1000;
  in.index_pages = kIndexPages;
  in.total_table_pages = kPages;
  // c² = 1: heap I/O is the correlated min_IO = rpc + (ceil(0.1·358) − 1)·spc = 4 + 35.
  const double heap_io = 4 + 35;
  const double cpu = 1000 * p.cpu_tuple_cost;
  const IndexScanCost c = CostIndex(p, in);
  CHECK(c.scan.cost.total == doctest::Approx(in.am.total + heap_io + cpu));
  bt.leading_descending = true;
  bt.key_columns = 2;
  CHECK(BtCostEstimate(p, bt).correlation == doctest::Approx(-0.75));
}

TEST_CASE("cost: index-only scan skips all-visible heap pages") {
  const CostParams p;
  IndexScanInput in;
  in.am = BtCostEstimate(p, Unique1(0.1, false));
  in.rel_pages = kPages;
  in.rel_tuples = kTuples;
  in.rows = 1000;
  in.index_pages = kIndexPages;
  in.total_table_pages = kPages;
  in.index_only = true;
  in.allvisfrac = 1.0;
  const IndexScanCost c = CostIndex(p, in);
  CHECK(c.scan.cost.total == doctest::Approx(in.am.total + 1000 * p.cpu_tuple_cost));
}

TEST_CASE("cost: Mackert-Lohman with a small cache") {
  CostParams p;
  p.effective_cache_size = 100;
  // T = 1000 > b = 100: lim = 2·1000·100/1900 = 105.26; N = 1000 > lim:
  // ceil(100 + (1000 − 105.263)·900/1000) = ceil(905.26) = 906.
  CHECK(IndexPagesFetched(p, 1000, 1000, 0, 1000) == 906);
  CHECK(IndexPagesFetched(p, 50, 1000, 0, 1000) == 49);  // ceil(2·1000·50/2050) = ceil(48.78)
  const CostParams d;
  CHECK(IndexPagesFetched(d, 1e9, 10, 0, 10) == 10);  // capped at T
}

TEST_CASE("cost: genericcostestimate with ScalarArrayOp scans") {
  const CostParams p;
  GenericCostInput in;
  in.index_pages = 100;
  in.index_tuples = 100000;
  in.rel_tuples = 100000;
  in.selectivity = 0.003;  // 3 values of a 1000-distinct column
  in.num_sa_scans = 3;
  in.num_index_quals = 1;
  in.total_table_pages = 1000;
  const GenericCosts g = GenericCostEstimate(p, in);
  CHECK(g.num_index_tuples == 100);  // rint(0.003·1e5 / 3)
  CHECK(g.am.pages == 1);
  // 3 scans: PF(3, 100, 100) = ceil(2·100·3/203) = 3 pages → 3·4 = 12; + 100·3·0.0075.
  CHECK(g.am.total == doctest::Approx(12 + 2.25));
}

TEST_CASE("cost: parallel worker counts") {
  const CostParams p;
  ParallelWorkerInput in;
  in.max_workers = 8;
  in.heap_pages = 1023;
  CHECK(ComputeParallelWorker(p, in) == 0);
  in.heap_pages = 1024;
  CHECK(ComputeParallelWorker(p, in) == 1);
  in.heap_pages = 3072;
  CHECK(ComputeParallelWorker(p, in) == 2);
  in.heap_pages = 9216;
  CHECK(ComputeParallelWorker(p, in) == 3);
  in.index_pages = 64;  // index limits to 1
  CHECK(ComputeParallelWorker(p, in) == 1);
  in.rel_parallel_workers = 5;
  CHECK(ComputeParallelWorker(p, in) == 5);
  CHECK(ParallelDivisor(p, 1) == doctest::Approx(1.7));
  CHECK(ParallelDivisor(p, 3) == doctest::Approx(3.1));
  CHECK(ParallelDivisor(p, 4) == 4);
}

TEST_CASE("cost: bitmap AND/OR and lossy pages") {
  const CostParams p;
  BitmapNode a{10, 0.1, 5, true};
  BitmapNode b{20, 0.2, 7, true};
  const BitmapNode band = BitmapAnd(p, {a, b});
  CHECK(band.selectivity == doctest::Approx(0.02));
  CHECK(band.cost == doctest::Approx(30 + 100 * p.cpu_operator_cost));
  const BitmapNode bor = BitmapOr(p, {a, b, band});
  CHECK(bor.selectivity == doctest::Approx(0.32));
  CHECK(bor.cost == doctest::Approx(60.25 + 0.25));  // only the non-leaf child pays 100·coc
  CHECK(TbmCalculateEntries(4096 * 1024.0) == 65536);
  CostParams small;
  small.work_mem_kb = 64;  // 1024 entries
  BitmapNode all{0, 0.5, 0, true};
  const BitmapPages lossy = ComputeBitmapPages(small, all, 100000, 1e7, 1, 100000);
  // heap_pages = min(2·1e5·5e6/(2e5 + 5e6), 1e5) = 1e5; 1024 entries: lossy = 1e5 − 512.
  const double heap = 100000;
  const double lossy_pages = heap - 512;
  CHECK(lossy.tuples_fetched == ClampRowEst(0.5 * (512 / heap) * 1e7 + (lossy_pages / heap) * 1e7));
}

TEST_CASE("cost: CostParams from settings") {
  catalog::Settings s;
  REQUIRE(s.Set("random_page_cost", "1.1").ok());
  REQUIRE(s.Set("work_mem", "64MB").ok());
  REQUIRE(s.Set("enable_nestloop", "off").ok());
  Result<CostParams> p = CostParamsFromSettings(s);
  REQUIRE(p.ok());
  CHECK(p->random_page_cost == doctest::Approx(1.1));
  CHECK(p->work_mem_kb == 65536);
  CHECK(!p->enable_nestloop);
  CHECK(p->effective_cache_size == 524288);
  CHECK(p->HashMemBytes() == 2.0 * 65536 * 1024);
  REQUIRE(s.Set("block_size", "16384").ok());
  Result<CostParams> bad = CostParamsFromSettings(s);
  REQUIRE(!bad.ok());
  CHECK(bad.error().message() ==
        "not supported: block_size 16384 (dbopt's cost model assumes PostgreSQL's default 8192)");
}

}  // namespace
}  // namespace dbopt::cost
