// ReplayReportJson: docs/replay-output.md "JSON". Numbers are rounded to 6 decimals.
#include <cmath>

#include "dbopt/render/replay_report.h"
#include "dbopt/trace/timestamp.h"

namespace dbopt::render {
namespace {

using Json = nlohmann::ordered_json;

double R(double x) { return std::isfinite(x) ? std::round(x * 1e6) / 1e6 : 0.0; }

Json WaitJson(const sim::WaitSummary& w) {
  return Json{{"mean", R(w.mean)}, {"p50", R(w.p50)}, {"p90", R(w.p90)},
              {"p95", R(w.p95)},   {"p99", R(w.p99)}, {"max", R(w.max)}};
}

Json PoolJson(const sim::PoolMetrics& m) {
  Json j{{"requests", m.requests},
         {"statements", m.statements},
         {"served", m.served},
         {"waited", m.waited},
         {"waited_fraction", R(m.waited_fraction)},
         {"wait_ms", WaitJson(m.wait_ms)},
         {"wait_quantiles_exact", m.wait_quantiles_exact},
         {"timeouts", m.timeouts},
         {"timeout_fraction", R(m.timeout_fraction)},
         {"dropped_statements", m.dropped_statements},
         {"utilization", R(m.utilization)},
         {"mean_in_use", R(m.mean_in_use)},
         {"mean_waiting", R(m.mean_waiting)},
         {"peak_in_use", m.peak_in_use},
         {"peak_waiting", m.peak_waiting},
         {"peak_open", m.peak_open},
         {"opened", m.opened},
         {"closed",
          {{"idle_timeout", m.closed_idle_timeout},
           {"max_lifetime", m.closed_max_lifetime},
           {"max_idle", m.closed_max_idle}}},
         {"start_ms", R(m.start_ms)},
         {"end_ms", R(m.end_ms)}};
  return j;
}

Json TimelineJson(const sim::PoolMetrics& m) {
  Json t = Json::array();
  for (const sim::TimelineBucket& b : m.timeline) {
    t.push_back({{"start_ms", R(b.start_ms)},
                 {"width_ms", R(b.width_ms)},
                 {"mean_in_use", R(b.mean_in_use)},
                 {"max_in_use", b.max_in_use},
                 {"mean_waiting", R(b.mean_waiting)},
                 {"max_waiting", b.max_waiting}});
  }
  return t;
}

Json TracesJson(const sim::ReplayReport& r) {
  Json traces = Json::array();
  for (const sim::TraceInfo& t : r.traces) {
    Json malformed = Json::array();
    for (const Diagnostic& d : t.stats.malformed) {
      malformed.push_back({{"line", d.line}, {"message", d.message}});
    }
    traces.push_back({{"name", t.name},
                      {"format", t.format},
                      {"events", t.stats.events},
                      {"malformed_lines", t.stats.malformed_lines},
                      {"malformed", malformed},
                      {"out_of_order", t.stats.out_of_order},
                      {"ignored_lines", t.stats.ignored_lines},
                      {"missing_duration", t.stats.missing_duration},
                      {"pgbench_skipped", t.stats.pgbench_skipped},
                      {"pgbench_failed", t.stats.pgbench_failed}});
  }
  return traces;
}

Json WorkloadJson(const sim::ReplayReport& r) {
  Json top = Json::array();
  for (size_t i = 0; i < r.statements.size() && (r.top == 0 || i < r.top); ++i) {
    const trace::StatementRow& s = r.statements[i];
    top.push_back({{"fingerprint", s.fingerprint},
                   {"kind", s.kind},
                   {"calls", s.calls},
                   {"total_ms", R(s.total_ms)},
                   {"mean_ms", R(s.mean_ms)},
                   {"min_ms", R(s.min_ms)},
                   {"max_ms", R(s.max_ms)},
                   {"p50_ms", R(s.p50_ms)},
                   {"p95_ms", R(s.p95_ms)},
                   {"p99_ms", R(s.p99_ms)},
                   {"quantiles_exact", s.quantiles_exact},
                   {"rows", s.rows >= 0 ? Json(s.rows) : Json(nullptr)},
                   {"first_seen", trace::FormatTimestamp(s.first_seen_us)},
                   {"last_seen", trace::FormatTimestamp(s.last_seen_us)},
                   {"share", R(s.share)},
                   {"query", s.normalized}});
  }
  Json unparsable = Json::array();
  for (const Diagnostic& d : r.unparsable_examples) {
    unparsable.push_back({{"line", d.line}, {"message", d.message}});
  }
  return Json{
      {"statements", r.statements.size()},
      {"total_ms", R(r.total_ms)},
      {"unparsable", r.unparsable},
      {"unparsable_examples", unparsable},
      {"without_sql", r.without_sql},
      {"cache",
       {{"lookups", r.cache.lookups}, {"parses", r.cache.parses}, {"clears", r.cache.clears}}},
      {"top", top}};
}

Json SweepJson(const sim::ReplayReport& r) {
  Json rows = Json::array();
  for (const sim::SweepRow& row : r.sweep->rows) {
    rows.push_back({{"size", row.size},
                    {"wait_ms", WaitJson(row.metrics.wait_ms)},
                    {"waited_fraction", R(row.metrics.waited_fraction)},
                    {"timeouts", row.metrics.timeouts},
                    {"utilization", R(row.metrics.utilization)},
                    {"meets_slo", row.meets_slo}});
  }
  return Json{{"slo", r.slo ? Json(r.slo->text) : Json(nullptr)},
              {"smallest_meeting",
               r.sweep->smallest_meeting ? Json(*r.sweep->smallest_meeting) : Json(nullptr)},
              {"rows", rows}};
}

Json RoutingJson(const sim::RoutingReport& g) {
  Json shards = Json::array();
  for (const sim::ShardLoad& s : g.metrics.shards) {
    shards.push_back({{"id", s.shard}, {"queries", s.queries}, {"busy_ms", R(s.busy_ms)}});
  }
  Json hot = Json::array();
  for (const sim::HotKey& h : g.metrics.hot_keys) {
    hot.push_back({{"key", h.key.is_text ? Json(h.key.text) : Json(h.key.integer)},
                   {"count", h.count},
                   {"error", h.error}});
  }
  Json j{{"strategy", g.strategy},
         {"key", g.key},
         {"shards", shards},
         {"skew", R(g.metrics.query_skew.max_over_mean)},
         {"skew_cv", R(g.metrics.query_skew.cv)},
         {"busy_skew", R(g.metrics.busy_skew.max_over_mean)},
         {"busy_skew_cv", R(g.metrics.busy_skew.cv)},
         {"scatter_fraction", R(g.metrics.scatter_fraction)},
         {"queries", g.metrics.queries},
         {"single_shard", g.metrics.single_shard},
         {"multi_shard", g.metrics.multi_shard},
         {"scatter", g.metrics.scatter},
         {"key_sources",
          {{"trace_field", g.sources.trace_field},
           {"sql", g.sources.sql},
           {"scatter", g.sources.scatter},
           {"parameter", g.sources.parameter},
           {"not_analysed", g.sources.not_analysed},
           {"not_routed", g.sources.not_routed}}},
         {"joins", g.joins},
         {"cross_shard_joins", g.cross_shard_joins},
         {"hot_keys", hot},
         {"sampled_keys", g.sampled_keys},
         {"sample_complete", g.sample_complete}};
  if (g.reshard) {
    j["reshard"] = {{"from_shards", g.reshard_from},
                    {"to_shards", g.reshard_to},
                    {"keys", g.reshard->keys},
                    {"moved_keys", g.reshard->moved_keys},
                    {"key_fraction", R(g.reshard->key_fraction)},
                    {"load_fraction", R(g.reshard->load_fraction)},
                    {"optimum", R(g.reshard->optimum)}};
  }
  if (g.rebalance) {
    Json moves = Json::array();
    for (const sim::KeyMove& m : g.rebalance->moves) {
      moves.push_back(
          {{"key", m.key.ToText()}, {"from", m.from}, {"to", m.to}, {"queries", m.queries}});
    }
    Json splits = Json::array();
    for (const sim::Key& k : g.rebalance->splits) splits.push_back(k.ToText());
    j["rebalance"] = {{"max_skew", R(g.max_skew)},
                      {"skew_before", R(g.rebalance->skew_before)},
                      {"skew_after", R(g.rebalance->skew_after)},
                      {"reached_target", g.rebalance->reached_target},
                      {"moves", moves},
                      {"splits", splits}};
  }
  return j;
}

}  // namespace

nlohmann::ordered_json ReplayReportJson(const sim::ReplayReport& r) {
  Json out{{"format", "dbopt-replay"}, {"version", 1}, {"events", r.events}};
  if (r.synthetic.empty()) {
    out["traces"] = TracesJson(r);
    out["first_start"] = trace::FormatTimestamp(r.first_start_us);
    out["last_start"] = trace::FormatTimestamp(r.last_start_us);
  } else {
    out["synthetic"] = r.synthetic;
  }
  out["time_scale"] = R(r.time_scale);
  out["seed"] = r.seed;
  if (r.synthetic.empty()) out["workload"] = WorkloadJson(r);
  out["pool"] = PoolJson(r.pool);
  out["pool"]["settings"] = sim::FormatPoolSettings(r.pool_settings);
  out["pool"]["timeline"] = TimelineJson(r.pool);
  if (r.sweep) out["sweep"] = SweepJson(r);
  if (r.routing) out["routing"] = RoutingJson(*r.routing);
  return out;
}

}  // namespace dbopt::render
