// ReplayReportText: docs/replay-output.md "Text".
#include <fmt/format.h>

#include <algorithm>

#include "dbopt/render/replay_report.h"
#include "dbopt/render/sparkline.h"
#include "dbopt/trace/timestamp.h"

namespace dbopt::render {
namespace {

constexpr size_t kQueryWidth = 72;  // characters of normalized query text per table row

double Pct(double fraction) { return 100.0 * fraction; }

// The query on one line: blanks folded, cut at kQueryWidth bytes (at a UTF-8 boundary) with "…".
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out.push_back(blank ? ' ' : c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() <= kQueryWidth) return out;
  size_t cut = kQueryWidth;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  return out.substr(0, cut) + "…";
}

void Header(const sim::ReplayReport& r, std::string* out) {
  if (!r.synthetic.empty()) {
    *out += fmt::format("replay: {} synthetic requests ({}); time scale {}, seed {}\n", r.events,
                        r.synthetic, r.time_scale, r.seed);
    return;
  }
  std::string names;
  for (const sim::TraceInfo& t : r.traces) {
    names += (names.empty() ? "" : ", ") + t.name + " (" + t.format + ")";
  }
  *out += fmt::format("replay: {} events from {}, {} to {}; time scale {}, seed {}\n", r.events,
                      names, trace::FormatTimestamp(r.first_start_us),
                      trace::FormatTimestamp(r.last_start_us), r.time_scale, r.seed);
  for (const sim::TraceInfo& t : r.traces) {
    const trace::ReadStats& s = t.stats;
    if (s.malformed_lines == 0 && s.out_of_order == 0 && s.missing_duration == 0) continue;
    *out += fmt::format(
        "  {}: {} malformed lines skipped, {} events out of order skipped, {} "
        "statements without a duration\n",
        t.name, s.malformed_lines, s.out_of_order, s.missing_duration);
  }
}

void Workload(const sim::ReplayReport& r, std::string* out) {
  *out +=
      fmt::format("\nWorkload: {} statements, {:.3f} ms in total", r.statements.size(), r.total_ms);
  if (r.unparsable > 0) *out += fmt::format("; {} unparsable (still simulated)", r.unparsable);
  if (r.without_sql > 0) *out += fmt::format("; {} events without SQL", r.without_sql);
  const size_t shown = r.top == 0 ? r.statements.size() : std::min(r.top, r.statements.size());
  *out += fmt::format("; top {} by total time\n", shown);
  *out +=
      fmt::format("  {:>8} {:>11} {:>9} {:>9} {:>9} {:>9} {:>8} {:>6}  {}\n", "calls", "total_ms",
                  "mean_ms", "p50_ms", "p95_ms", "p99_ms", "rows", "share", "query");
  for (size_t i = 0; i < shown; ++i) {
    const trace::StatementRow& s = r.statements[i];
    *out += fmt::format(
        "  {:>8} {:>11.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>8} {:>5.1f}%  {}\n", s.calls,
        s.total_ms, s.mean_ms, s.p50_ms, s.p95_ms, s.p99_ms,
        s.rows >= 0 ? std::to_string(s.rows) : "-", Pct(s.share), OneLine(s.normalized));
  }
  for (const Diagnostic& d : r.unparsable_examples) {
    *out += fmt::format("  line {}: {}\n", d.line, d.message);
  }
}

void Pool(const sim::ReplayReport& r, std::string* out) {
  const sim::PoolMetrics& m = r.pool;
  *out += fmt::format("\nPool: {}\n", sim::FormatPoolSettings(r.pool_settings));
  *out += fmt::format("  requests {} ({} statements), waited {} ({:.1f}%), timeouts {}\n",
                      m.requests, m.statements, m.waited, Pct(m.waited_fraction), m.timeouts);
  *out += fmt::format("  wait ms: mean {:.3f}  p50 {:.3f}  p95 {:.3f}  p99 {:.3f}  max {:.3f}\n",
                      m.wait_ms.mean, m.wait_ms.p50, m.wait_ms.p95, m.wait_ms.p99, m.wait_ms.max);
  *out += fmt::format(
      "  utilization {:.1f}% (mean in use {:.2f}), peak in use {}, peak waiting {}, opened {}, "
      "closed: idle {}, lifetime {}, max_idle {}\n",
      Pct(m.utilization), m.mean_in_use, m.peak_in_use, m.peak_waiting, m.opened,
      m.closed_idle_timeout, m.closed_max_lifetime, m.closed_max_idle);
}

void Sweep(const sim::ReplayReport& r, std::string* out) {
  const sim::SweepResult& s = *r.sweep;
  *out += fmt::format("\nSweep: pool sizes {}..{}{}\n", s.rows.front().size, s.rows.back().size,
                      r.slo ? ", SLO " + r.slo->text : "");
  *out += fmt::format("  {:>5} {:>9} {:>9} {:>9} {:>9} {:>7} {:>8} {:>6}  {}\n", "size", "p50_ms",
                      "p95_ms", "p99_ms", "max_ms", "waited", "timeouts", "util", "SLO");
  std::vector<double> p99;
  for (const sim::SweepRow& row : s.rows) {
    const sim::PoolMetrics& m = row.metrics;
    *out +=
        fmt::format("  {:>5} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>6.1f}% {:>8} {:>5.1f}%  {}\n",
                    row.size, m.wait_ms.p50, m.wait_ms.p95, m.wait_ms.p99, m.wait_ms.max,
                    Pct(m.waited_fraction), m.timeouts, Pct(m.utilization),
                    !r.slo          ? "-"
                    : row.meets_slo ? "yes"
                                    : "no");
    p99.push_back(m.wait_ms.p99);
  }
  if (r.slo) {
    *out += s.smallest_meeting
                ? fmt::format("  smallest pool meeting the SLO: {}\n", *s.smallest_meeting)
                : std::string("  no pool size in the range meets the SLO\n");
  }
  *out += fmt::format("  p99 wait by size {}..{}: {}\n", s.rows.front().size, s.rows.back().size,
                      Sparkline(p99));
}

void RoutingMoves(const sim::RoutingReport& g, std::string* out) {
  if (g.reshard) {
    *out += fmt::format(
        "  reshard {} -> {}: {:.1f}% of keys and {:.1f}% of load move (optimum {:.1f}%), over {} "
        "sampled keys{}\n",
        g.reshard_from, g.reshard_to, Pct(g.reshard->key_fraction), Pct(g.reshard->load_fraction),
        Pct(g.reshard->optimum), g.sampled_keys, g.sample_complete ? "" : " (a sample)");
  }
  if (g.rebalance) {
    const sim::RebalancePlan& p = *g.rebalance;
    *out += fmt::format("  rebalance to max/mean <= {}: skew {:.3f} -> {:.3f} ({}), {} moves{}\n",
                        g.max_skew, p.skew_before, p.skew_after,
                        p.reached_target ? "reached" : "not reached", p.moves.size(),
                        p.splits.empty() ? "" : fmt::format(", {} split points", p.splits.size()));
    for (const sim::KeyMove& m : p.moves) {
      *out += fmt::format("    key {}: shard {} -> {} ({} queries)\n", m.key.ToText(), m.from, m.to,
                          m.queries);
    }
    for (const sim::Key& k : p.splits) *out += fmt::format("    split {}\n", k.ToText());
  }
}

void Routing(const sim::RoutingReport& g, std::string* out) {
  const sim::RoutingMetrics& m = g.metrics;
  *out += fmt::format("\nRouting: {}, key {}\n", g.strategy,
                      g.key.empty() ? "(shard_key only)" : g.key);
  *out += fmt::format("  {:>5} {:>9} {:>12}\n", "shard", "queries", "busy_ms");
  for (const sim::ShardLoad& s : m.shards) {
    *out += fmt::format("  {:>5} {:>9} {:>12.3f}\n", s.shard, s.queries, s.busy_ms);
  }
  *out += fmt::format(
      "  skew (max/mean of queries) {:.3f}, cv {:.3f}; busy-time skew {:.3f}; scatter {:.1f}% ({} "
      "of {} queries), multi-shard {}\n",
      m.query_skew.max_over_mean, m.query_skew.cv, m.busy_skew.max_over_mean,
      Pct(m.scatter_fraction), m.scatter, m.queries, m.multi_shard);
  const sim::KeySources& k = g.sources;
  *out += fmt::format(
      "  keys: {} from SQL, {} from shard_key; scattered: {} without a key condition, {} with a "
      "parameter, {} not analysed; {} not routed\n",
      k.sql, k.trace_field, k.scatter, k.parameter, k.not_analysed, k.not_routed);
  *out += fmt::format("  joins {}, cross-shard joins {}\n", g.joins, g.cross_shard_joins);
  if (!m.hot_keys.empty()) {
    std::string hot;
    for (const sim::HotKey& h : m.hot_keys) {
      hot += fmt::format("{}{} ({})", hot.empty() ? "" : ", ", h.key.ToText(), h.count);
    }
    *out += "  hot keys: " + hot + "\n";
  }
  RoutingMoves(g, out);
}

}  // namespace

std::string ReplayReportText(const sim::ReplayReport& r) {
  std::string out;
  Header(r, &out);
  if (r.synthetic.empty()) Workload(r, &out);
  Pool(r, &out);
  if (r.sweep && !r.sweep->rows.empty()) Sweep(r, &out);
  if (r.routing) Routing(*r.routing, &out);
  return out;
}

LineChart SweepChart(const sim::ReplayReport& r) {
  LineChart chart;
  chart.title = "Wait for a connection by pool size";
  chart.x_label = "pool size (max connections)";
  chart.y_label = "wait (ms)";
  chart.integer_x = true;
  Series p50{"p50", {}}, p95{"p95", {}}, p99{"p99", {}};
  for (const sim::SweepRow& row : r.sweep->rows) {
    p50.points.emplace_back(row.size, row.metrics.wait_ms.p50);
    p95.points.emplace_back(row.size, row.metrics.wait_ms.p95);
    p99.points.emplace_back(row.size, row.metrics.wait_ms.p99);
  }
  chart.series = {p99, p95, p50};
  if (r.slo && r.slo->conditions.size() == 1) {
    const sim::SloCondition& c = r.slo->conditions[0];
    if (c.metric == sim::SloMetric::kP50Wait || c.metric == sim::SloMetric::kP95Wait ||
        c.metric == sim::SloMetric::kP99Wait || c.metric == sim::SloMetric::kMeanWait ||
        c.metric == sim::SloMetric::kMaxWait) {
      chart.threshold_y = c.threshold;
      chart.threshold_label = "SLO " + r.slo->text;
    }
  }
  if (r.sweep->smallest_meeting) {
    chart.marker_x = *r.sweep->smallest_meeting;
    chart.marker_label = fmt::format("smallest meeting the SLO: {}", *r.sweep->smallest_meeting);
  }
  return chart;
}

}  // namespace dbopt::render
