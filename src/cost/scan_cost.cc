// Sequential and index scans (PostgreSQL 15 costsize.c cost_seqscan, cost_index,
// index_pages_fetched).
#include "dbopt/cost/scan_cost.h"

#include <algorithm>
#include <cmath>

#include "dbopt/cost/parallel_cost.h"

namespace dbopt::cost {

ScanCost CostSeqScan(const CostParams& params, const SeqScanInput& in) {
  ScanCost out;
  out.rows = in.rows;
  double startup = params.enable_seqscan ? 0 : kDisableCost;
  const double disk_run = params.seq_page_cost * in.pages;
  startup += in.quals.startup;
  double cpu_run = (params.cpu_tuple_cost + in.quals.per_tuple) * in.tuples;
  startup += in.target.startup;
  cpu_run += in.target.per_tuple * in.rows;
  if (in.parallel_workers > 0) {
    const double divisor = ParallelDivisor(params, in.parallel_workers);
    cpu_run /= divisor;
    out.rows = ClampRowEst(in.rows / divisor);
  }
  out.cost = {startup, startup + cpu_run + disk_run};
  return out;
}

double IndexPagesFetched(const CostParams& params, double tuples_fetched, double pages,
                         double index_pages, double total_table_pages) {
  const double t = pages > 1 ? pages : 1.0;
  const double total_pages = std::max(total_table_pages + index_pages, 1.0);
  double b = params.effective_cache_size * t / total_pages;
  b = b <= 1.0 ? 1.0 : std::ceil(b);
  if (t <= b) {
    const double fetched = (2.0 * t * tuples_fetched) / (2.0 * t + tuples_fetched);
    return fetched >= t ? t : std::ceil(fetched);
  }
  const double lim = (2.0 * t * b) / (2.0 * t - b);
  const double fetched = tuples_fetched <= lim
                             ? (2.0 * t * tuples_fetched) / (2.0 * t + tuples_fetched)
                             : b + (tuples_fetched - lim) * (t - b) / t;
  return std::ceil(fetched);
}

namespace {

// Index-only scans skip the all-visible fraction of the heap pages.
double VisiblePages(const IndexScanInput& in, double pages) {
  return in.index_only ? std::ceil(pages * (1.0 - in.allvisfrac)) : pages;
}

struct HeapIo {
  double max_io = 0;  // uncorrelated (csquared = 0)
  double min_io = 0;  // perfectly correlated (csquared = 1)
  double rand_heap_pages = 0;
};

HeapIo HeapIoCost(const CostParams& params, const IndexScanInput& in, double tuples_fetched) {
  HeapIo io;
  const double loops = in.loop_count;
  if (loops > 1) {
    double pages = IndexPagesFetched(params, tuples_fetched * loops, in.rel_pages, in.index_pages,
                                     in.total_table_pages);
    pages = VisiblePages(in, pages);
    io.rand_heap_pages = pages;
    io.max_io = (pages * params.random_page_cost) / loops;
    pages = std::ceil(in.am.selectivity * in.rel_pages);
    pages = IndexPagesFetched(params, pages * loops, in.rel_pages, in.index_pages,
                              in.total_table_pages);
    pages = VisiblePages(in, pages);
    io.min_io = (pages * params.random_page_cost) / loops;
    return io;
  }
  double pages =
      IndexPagesFetched(params, tuples_fetched, in.rel_pages, in.index_pages, in.total_table_pages);
  pages = VisiblePages(in, pages);
  io.rand_heap_pages = pages;
  io.max_io = pages * params.random_page_cost;
  pages = VisiblePages(in, std::ceil(in.am.selectivity * in.rel_pages));
  if (pages > 0) {
    io.min_io = params.random_page_cost;
    if (pages > 1) io.min_io += (pages - 1) * params.seq_page_cost;
  }
  return io;
}

}  // namespace

IndexScanCost CostIndex(const CostParams& params, const IndexScanInput& in) {
  IndexScanCost out;
  out.scan.rows = in.rows;
  double startup = params.enable_indexscan ? 0 : kDisableCost;
  startup += in.am.startup;
  double run = in.am.total - in.am.startup;
  const double tuples_fetched = ClampRowEst(in.am.selectivity * in.rel_tuples);
  const HeapIo io = HeapIoCost(params, in, tuples_fetched);
  if (in.partial_path) {
    ParallelWorkerInput pw;
    pw.heap_pages = in.index_only ? -1 : io.rand_heap_pages;
    pw.index_pages = in.am.pages;
    pw.rel_parallel_workers = in.rel_parallel_workers;
    pw.max_workers = params.max_parallel_workers_per_gather;
    out.parallel_workers = ComputeParallelWorker(params, pw);
    if (out.parallel_workers <= 0) {
      out.rejected = true;
      return out;
    }
  }
  const double csquared = in.am.correlation * in.am.correlation;
  run += io.max_io + csquared * (io.min_io - io.max_io);
  startup += in.qpquals.startup;
  double cpu_run = (params.cpu_tuple_cost + in.qpquals.per_tuple) * tuples_fetched;
  startup += in.target.startup;
  cpu_run += in.target.per_tuple * in.rows;
  if (out.parallel_workers > 0) {
    const double divisor = ParallelDivisor(params, out.parallel_workers);
    out.scan.rows = ClampRowEst(in.rows / divisor);
    cpu_run /= divisor;
  }
  run += cpu_run;
  out.scan.cost = {startup, startup + run};
  return out;
}

}  // namespace dbopt::cost
