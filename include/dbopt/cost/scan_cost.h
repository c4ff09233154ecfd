// Costs of scanning a base relation: sequential scans (cost_seqscan), index and index-only scans
// (cost_index) and the Mackert–Lohman page-fetch estimate they share (index_pages_fetched).
// The caller supplies every statistic: pages, tuples, row estimates, selectivities and qual costs.
#pragma once

#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"

namespace dbopt::cost {

// A scan's cost and the rows its path shows (per worker for a parallel path).
struct ScanCost {
  Cost cost;
  double rows = 0;
};

struct SeqScanInput {
  double pages = 0;          // baserel->pages
  double tuples = 0;         // baserel->tuples
  double rows = 0;           // baserel->rows (or ppi_rows for a parameterized path)
  QualCost quals;            // baserestrictcost (+ pushed-down join clauses)
  QualCost target;           // pathtarget->cost (tlist expressions)
  int parallel_workers = 0;  // > 0 for a partial path
};

// cost_seqscan:
//   startup = (disable) + quals.startup + target.startup
//   cpu_run = (cpu_tuple_cost + quals.per_tuple)·tuples + target.per_tuple·rows
//   total = startup + cpu_run / divisor + seq_page_cost·pages
// A parallel path shows rows = clamp_row_est(rows / divisor); the disk part is not divided.
ScanCost CostSeqScan(const CostParams& params, const SeqScanInput& in);

// index_pages_fetched (Mackert–Lohman): pages fetched for tuples_fetched tuples from a table of
// `pages` pages when effective_cache_size is shared pro rata among total_table_pages +
// index_pages. T = max(pages, 1); b = max(1, ceil(effective_cache_size·T/total));
// T ≤ b: min(T, ceil(2TN/(2T+N))); else lim = 2Tb/(2T−b) and
// ceil(N ≤ lim ? 2TN/(2T+N) : b + (N − lim)(T − b)/T).
double IndexPagesFetched(const CostParams& params, double tuples_fetched, double pages,
                         double index_pages, double total_table_pages);

// What the index AM's cost estimator (btcostestimate, genericcostestimate) returns.
struct IndexAmCost {
  double startup = 0;      // indexStartupCost
  double total = 0;        // indexTotalCost
  double selectivity = 0;  // indexSelectivity: fraction of heap tuples visited
  double correlation = 0;  // indexCorrelation
  double pages = 0;        // numIndexPages (used for parallel worker counts)
};

struct IndexScanInput {
  IndexAmCost am;
  double rel_pages = 0;          // baserel->pages
  double rel_tuples = 0;         // baserel->tuples
  double rows = 0;               // baserel->rows (or ppi_rows)
  double allvisfrac = 0;         // baserel->allvisfrac (index-only scans)
  double index_pages = 0;        // index->pages
  double total_table_pages = 0;  // root->total_table_pages
  bool index_only = false;
  double loop_count = 1;
  QualCost qpquals;  // restriction clauses not enforced by the index (extract_nonindex_conditions)
  QualCost target;
  bool partial_path = false;  // a parallel index scan
  int rel_parallel_workers = -1;
};

struct IndexScanCost {
  ScanCost scan;
  int parallel_workers = 0;  // partial paths only; 0 means PostgreSQL rejects the path
  bool rejected = false;     // a partial path that gets no workers (scan is then unset)
};

// cost_index:
//   tuples_fetched = clamp_row_est(sel·tuples)
//   L = 1: max_IO = rpc·PF(tuples_fetched); pages = ceil(sel·pages);
//          min_IO = pages > 0 ? rpc + (pages − 1)·spc : 0
//   L > 1: max_IO = rpc·PF(tuples_fetched·L)/L; min_IO = rpc·PF(ceil(sel·pages)·L)/L
//   (index-only: each page count ×(1 − allvisfrac), ceil'd, before costing)
//   startup = (disable) + am.startup + qpquals.startup + target.startup
//   total = startup + (am.total − am.startup) + max_IO + c²(min_IO − max_IO)
//           + ((ctc + qpquals.per_tuple)·tuples_fetched + target.per_tuple·rows) / divisor
IndexScanCost CostIndex(const CostParams& params, const IndexScanInput& in);

}  // namespace dbopt::cost
