// A pg_stat_statements-like summary of a trace: per fingerprint the calls, total/mean/min/max
// and p50/p95/p99 time, rows when the trace records them, first and last seen; the top N by
// total time. Memory grows with the number of fingerprints, not with the trace's length
// (docs/replay-output.md "workload").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dbopt/base/diagnostic.h"
#include "dbopt/trace/duration_sketch.h"
#include "dbopt/trace/event.h"
#include "dbopt/trace/fingerprint_cache.h"

namespace dbopt::trace {

struct StatementStats {
  int32_t fingerprint = 0;  // index into FingerprintCache::fingerprints(), or kOtherFingerprint
  uint64_t calls = 0;
  int64_t total_us = 0;
  DurationSketch durations;
  uint64_t rows_known = 0;  // calls whose rows the trace recorded
  int64_t rows = 0;         // their sum
  int64_t first_seen_us = 0;
  int64_t last_seen_us = 0;
};

// One row of the report, in milliseconds.
struct StatementRow {
  std::string fingerprint;  // "other" for kOtherFingerprint
  std::string normalized;
  std::string kind;
  bool dml = false;
  uint64_t calls = 0;
  double total_ms = 0;
  double mean_ms = 0;
  double min_ms = 0;
  double max_ms = 0;
  double p50_ms = 0;
  double p95_ms = 0;
  double p99_ms = 0;
  bool quantiles_exact = true;
  int64_t rows = -1;  // sum over the calls that recorded rows; -1: none did
  int64_t first_seen_us = 0;
  int64_t last_seen_us = 0;
  double share = 0;  // total_ms / the total of every statement
};

class WorkloadSummary {
 public:
  // Counts one event whose SQL was looked up as `shape` (events without SQL: AddWithoutSql).
  void Add(const Event& event, const ShapeInfo& shape);
  void AddWithoutSql(const Event& event);

  // Every fingerprint's row, by total time descending (ties: calls descending, then
  // fingerprint ascending); at most `top` rows (0: all).
  std::vector<StatementRow> Rows(const FingerprintCache& cache, size_t top = 0) const;

  uint64_t events() const { return events_; }
  uint64_t without_sql() const { return without_sql_; }
  uint64_t unparsable() const { return unparsable_; }
  size_t statements() const { return by_id_.size() + (other_.calls > 0 ? 1 : 0); }
  double total_ms() const { return static_cast<double>(total_us_) / 1000.0; }
  // The first few unparsable statements: trace line and libpg_query's message.
  const std::vector<Diagnostic>& unparsable_examples() const { return examples_; }

 private:
  static void Count(StatementStats& stats, const Event& event);
  StatementRow RowOf(const StatementStats& stats, const FingerprintCache& cache) const;

  uint64_t events_ = 0;
  uint64_t without_sql_ = 0;
  uint64_t unparsable_ = 0;
  int64_t total_us_ = 0;
  std::vector<StatementStats> by_id_;  // index: fingerprint id
  StatementStats other_;
  std::vector<Diagnostic> examples_;
};

}  // namespace dbopt::trace
