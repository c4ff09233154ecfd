// Bitmap scans: the bitmap tree (cost_bitmap_tree_node, cost_bitmap_and_node,
// cost_bitmap_or_node), the heap pages it visits (compute_bitmap_pages, with tidbitmap.c's
// tbm_calculate_entries for lossy bitmaps) and the Bitmap Heap Scan (cost_bitmap_heap_scan).
#pragma once

#include <vector>

#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"
#include "dbopt/cost/scan_cost.h"

namespace dbopt::cost {

// A node of the bitmap tree as cost_bitmap_tree_node sees it.
struct BitmapNode {
  double cost = 0;             // what the node costs to build the bitmap
  double selectivity = 0;      // fraction of heap tuples in the bitmap
  double index_pages = 0;      // get_indexpath_pages: Σ index->pages over the leaves
  bool is_index_leaf = false;  // an IndexPath (a Bitmap Index Scan)
};

// cost_bitmap_tree_node for an IndexPath: cost = indextotalcost + 0.1·coc·path rows (the index
// path's rows are the rel's rows, not sel·tuples); selectivity = indexselectivity.
BitmapNode BitmapIndexLeaf(const CostParams& params, const IndexAmCost& am, double path_rows,
                           double index_pages);

// cost_bitmap_and_node: sel = Π sel_i; cost = Σ cost_i + 100·coc per child after the first.
BitmapNode BitmapAnd(const CostParams& params, const std::vector<BitmapNode>& children);

// cost_bitmap_or_node: sel = min(1, Σ sel_i); cost = Σ cost_i + 100·coc for each child after
// the first that is not an index leaf.
BitmapNode BitmapOr(const CostParams& params, const std::vector<BitmapNode>& children);

// tbm_calculate_entries: max(16, min(INT_MAX − 1, bytes / 64)) (64 = sizeof(PagetableEntry) 48
// + 2 pointers).
double TbmCalculateEntries(double max_bytes);

struct BitmapPages {
  double pages_fetched = 0;
  double tuples_fetched = 0;
  double index_cost = 0;  // the bitmap tree's cost
};

// compute_bitmap_pages: tuples = clamp_row_est(sel·tuples); T = max(pages, 1);
// pf = 2T·tuples/(2T + tuples); heap_pages = min(pf, pages); for L > 1 pf = PF(tuples·L)/L;
// pf = T if pf ≥ T else ceil(pf). Lossy when tbm entries < heap_pages: lossy = max(0, heap_pages
// − entries/2 (integer division)), exact = heap_pages − lossy, tuples = clamp_row_est(sel·exact/
// heap_pages·tuples + lossy/heap_pages·tuples).
BitmapPages ComputeBitmapPages(const CostParams& params, const BitmapNode& bitmap, double rel_pages,
                               double rel_tuples, double loop_count, double total_table_pages);

struct BitmapHeapInput {
  BitmapNode bitmap;
  double rel_pages = 0;
  double rel_tuples = 0;
  double rows = 0;  // baserel->rows or ppi_rows
  double loop_count = 1;
  double total_table_pages = 0;
  QualCost quals;  // all restriction quals (rechecked for every tuple)
  QualCost target;
  int parallel_workers = 0;
};

// cost_bitmap_heap_scan:
//   per_page = pf ≥ 2 ? rpc − (rpc − spc)·sqrt(pf/T) : rpc
//   startup = (disable) + bitmap cost + quals.startup + target.startup
//   total = startup + pf·per_page + (ctc + quals.per_tuple)·tuples_fetched/divisor
//           + target.per_tuple·rows
ScanCost CostBitmapHeapScan(const CostParams& params, const BitmapHeapInput& in);

}  // namespace dbopt::cost
