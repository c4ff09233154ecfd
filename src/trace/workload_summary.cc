// WorkloadSummary: per-fingerprint counters, like pg_stat_statements.
#include "dbopt/trace/workload_summary.h"

#include <algorithm>

namespace dbopt::trace {
namespace {

constexpr size_t kMaxExamples = 5;

double Ms(int64_t micros) { return static_cast<double>(micros) / 1000.0; }

}  // namespace

void WorkloadSummary::Count(StatementStats& stats, const Event& event) {
  if (stats.calls == 0 || event.start_us < stats.first_seen_us)
    stats.first_seen_us = event.start_us;
  if (stats.calls == 0 || event.start_us > stats.last_seen_us) stats.last_seen_us = event.start_us;
  ++stats.calls;
  stats.total_us += event.duration_us;
  stats.durations.Add(event.duration_us);
  if (event.rows >= 0) {
    ++stats.rows_known;
    stats.rows += event.rows;
  }
}

void WorkloadSummary::Add(const Event& event, const ShapeInfo& shape) {
  ++events_;
  total_us_ += event.duration_us;
  if (shape.fingerprint == kUnparsable) {
    ++unparsable_;
    if (examples_.size() < kMaxExamples) {
      Diagnostic d;
      d.line = static_cast<int>(event.line);
      d.message = "unparsable SQL (counted, still simulated): " + shape.error;
      examples_.push_back(std::move(d));
    }
    return;
  }
  if (shape.fingerprint == kOtherFingerprint) {
    other_.fingerprint = kOtherFingerprint;
    Count(other_, event);
    return;
  }
  const auto id = static_cast<size_t>(shape.fingerprint);
  if (id >= by_id_.size()) by_id_.resize(id + 1);
  by_id_[id].fingerprint = shape.fingerprint;
  Count(by_id_[id], event);
}

void WorkloadSummary::AddWithoutSql(const Event& event) {
  ++events_;
  ++without_sql_;
  total_us_ += event.duration_us;
}

StatementRow WorkloadSummary::RowOf(const StatementStats& s, const FingerprintCache& cache) const {
  StatementRow row;
  if (s.fingerprint >= 0) {
    const FingerprintInfo& info = cache.fingerprints()[static_cast<size_t>(s.fingerprint)];
    row.fingerprint = info.fingerprint;
    row.normalized = info.normalized;
    row.kind = info.kind;
    row.dml = info.dml;
  } else {
    row.fingerprint = "other";
    row.normalized = "(fingerprints beyond the summary's limit)";
  }
  row.calls = s.calls;
  row.total_ms = Ms(s.total_us);
  row.mean_ms = s.calls == 0 ? 0 : row.total_ms / static_cast<double>(s.calls);
  row.min_ms = Ms(s.durations.min());
  row.max_ms = Ms(s.durations.max());
  row.p50_ms = s.durations.Quantile(0.50) / 1000.0;
  row.p95_ms = s.durations.Quantile(0.95) / 1000.0;
  row.p99_ms = s.durations.Quantile(0.99) / 1000.0;
  row.quantiles_exact = s.durations.exact();
  row.rows = s.rows_known == 0 ? -1 : s.rows;
  row.first_seen_us = s.first_seen_us;
  row.last_seen_us = s.last_seen_us;
  row.share = total_us_ == 0 ? 0 : static_cast<double>(s.total_us) / static_cast<double>(total_us_);
  return row;
}

std::vector<StatementRow> WorkloadSummary::Rows(const FingerprintCache& cache, size_t top) const {
  std::vector<const StatementStats*> all;
  for (const StatementStats& s : by_id_) {
    if (s.calls > 0) all.push_back(&s);
  }
  if (other_.calls > 0) all.push_back(&other_);
  auto name = [&cache](const StatementStats* s) -> std::string {
    return s->fingerprint >= 0
               ? cache.fingerprints()[static_cast<size_t>(s->fingerprint)].fingerprint
               : std::string("~other");  // sorts after the hex digits
  };
  std::sort(all.begin(), all.end(), [&name](const StatementStats* a, const StatementStats* b) {
    if (a->total_us != b->total_us) return a->total_us > b->total_us;
    if (a->calls != b->calls) return a->calls > b->calls;
    return name(a) < name(b);
  });
  if (top > 0 && all.size() > top) all.resize(top);
  std::vector<StatementRow> rows;
  rows.reserve(all.size());
  for (const StatementStats* s : all) rows.push_back(RowOf(*s, cache));
  return rows;
}

}  // namespace dbopt::trace
