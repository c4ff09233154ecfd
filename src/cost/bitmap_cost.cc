// Bitmap scans (PostgreSQL 15 costsize.c cost_bitmap_tree_node, cost_bitmap_and_node,
// cost_bitmap_or_node, compute_bitmap_pages, cost_bitmap_heap_scan; tidbitmap.c
// tbm_calculate_entries).
#include "dbopt/cost/bitmap_cost.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include "dbopt/cost/parallel_cost.h"

namespace dbopt::cost {

namespace {

// PG15: cost_bitmap_tree_node charges 0.1·cpu_operator_cost per tuple put into the bitmap.
constexpr double kBitmapTupleOpFraction = 0.1;
// PG15: tbm_intersect / tbm_union are charged 100·cpu_operator_cost each.
constexpr double kBitmapCombineOps = 100.0;
// PG15: sizeof(PagetableEntry) + 2·sizeof(Pointer) on 64-bit builds with 8 kB blocks.
constexpr double kTbmEntryBytes = 48 + 8 + 8;
constexpr double kTbmMinEntries = 16;

}  // namespace

BitmapNode BitmapIndexLeaf(const CostParams& params, const IndexAmCost& am, double path_rows,
                           double index_pages) {
  BitmapNode node;
  node.cost = am.total + kBitmapTupleOpFraction * params.cpu_operator_cost * path_rows;
  node.selectivity = am.selectivity;
  node.index_pages = index_pages;
  node.is_index_leaf = true;
  return node;
}

BitmapNode BitmapAnd(const CostParams& params, const std::vector<BitmapNode>& children) {
  BitmapNode node;
  node.selectivity = 1.0;
  for (size_t i = 0; i < children.size(); ++i) {
    node.selectivity *= children[i].selectivity;
    node.cost += children[i].cost;
    if (i > 0) node.cost += kBitmapCombineOps * params.cpu_operator_cost;
    node.index_pages += children[i].index_pages;
  }
  return node;
}

BitmapNode BitmapOr(const CostParams& params, const std::vector<BitmapNode>& children) {
  BitmapNode node;
  for (size_t i = 0; i < children.size(); ++i) {
    node.selectivity += children[i].selectivity;
    node.cost += children[i].cost;
    if (i > 0 && !children[i].is_index_leaf) {
      node.cost += kBitmapCombineOps * params.cpu_operator_cost;
    }
    node.index_pages += children[i].index_pages;
  }
  node.selectivity = std::min(node.selectivity, 1.0);
  return node;
}

double TbmCalculateEntries(double max_bytes) {
  double entries = std::trunc(max_bytes / kTbmEntryBytes);  // stored in a long
  entries = std::min(entries, static_cast<double>(INT_MAX - 1));
  return std::max(entries, kTbmMinEntries);
}

BitmapPages ComputeBitmapPages(const CostParams& params, const BitmapNode& bitmap, double rel_pages,
                               double rel_tuples, double loop_count, double total_table_pages) {
  BitmapPages out;
  out.index_cost = bitmap.cost;
  double tuples_fetched = ClampRowEst(bitmap.selectivity * rel_tuples);
  const double t = rel_pages > 1 ? rel_pages : 1.0;
  double pages_fetched = (2.0 * t * tuples_fetched) / (2.0 * t + tuples_fetched);
  const double heap_pages = std::min(pages_fetched, rel_pages);
  const double max_entries = TbmCalculateEntries(params.WorkMemBytes());
  if (loop_count > 1) {
    pages_fetched = IndexPagesFetched(params, tuples_fetched * loop_count, rel_pages,
                                      bitmap.index_pages, total_table_pages);
    pages_fetched /= loop_count;
  }
  pages_fetched = pages_fetched >= t ? t : std::ceil(pages_fetched);
  if (max_entries < heap_pages) {
    // maxentries / 2 is integer division of a long in PostgreSQL.
    const double lossy = std::max(0.0, heap_pages - std::floor(max_entries / 2));
    const double exact = heap_pages - lossy;
    if (lossy > 0) {
      tuples_fetched = ClampRowEst(bitmap.selectivity * (exact / heap_pages) * rel_tuples +
                                   (lossy / heap_pages) * rel_tuples);
    }
  }
  out.pages_fetched = pages_fetched;
  out.tuples_fetched = tuples_fetched;
  return out;
}

ScanCost CostBitmapHeapScan(const CostParams& params, const BitmapHeapInput& in) {
  ScanCost out;
  out.rows = in.rows;
  double startup = params.enable_bitmapscan ? 0 : kDisableCost;
  const BitmapPages bp = ComputeBitmapPages(params, in.bitmap, in.rel_pages, in.rel_tuples,
                                            in.loop_count, in.total_table_pages);
  startup += bp.index_cost;
  const double t = in.rel_pages > 1 ? in.rel_pages : 1.0;
  double cost_per_page = params.random_page_cost;
  if (bp.pages_fetched >= 2.0) {
    cost_per_page = params.random_page_cost - (params.random_page_cost - params.seq_page_cost) *
                                                  std::sqrt(bp.pages_fetched / t);
  }
  double run = bp.pages_fetched * cost_per_page;
  startup += in.quals.startup;
  double cpu_run = (params.cpu_tuple_cost + in.quals.per_tuple) * bp.tuples_fetched;
  if (in.parallel_workers > 0) {
    const double divisor = ParallelDivisor(params, in.parallel_workers);
    cpu_run /= divisor;
    out.rows = ClampRowEst(in.rows / divisor);
  }
  run += cpu_run;
  startup += in.target.startup;
  run += in.target.per_tuple * out.rows;
  out.cost = {startup, startup + run};
  return out;
}

}  // namespace dbopt::cost
