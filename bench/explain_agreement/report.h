// The agreement figures of one settings run, the thresholds they are held to, and the report:
// a table of every query (worst first) and one summary line.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "compare.h"

namespace dbopt::bench {

struct RunSummary {
  std::string label;
  size_t queries = 0;
  size_t planned = 0;
  size_t shape_identical = 0;
  size_t join_order_access = 0;
  size_t cost_within = 0;
  std::optional<double> median_root_qerror;  // over planned queries
  std::optional<double> p90_root_qerror;
  size_t matched_nodes = 0;  // nodes of shape-identical plans
  std::optional<double> median_node_qerror;
  std::optional<double> p90_node_qerror;
  size_t timed = 0;  // queries with both planning times
  std::optional<double> median_planning_ratio;
  size_t dbopt_not_slower = 0;  // timed queries where dbopt <= PostgreSQL
  double pg_planning_total_ms = 0;
  double dbopt_planning_total_ms = 0;

  double Percent(size_t n) const {
    return queries == 0 ? 0.0 : 100.0 * double(n) / double(queries);
  }
};

// Thresholds; nullopt disables one. The defaults are issue 3's targets.
struct Thresholds {
  std::optional<double> min_planned = 100;     // % of queries
  std::optional<double> min_shape = 90;        // % of queries with an identical shape
  std::optional<double> min_join_order;        // % with the same join order + access (no target)
  std::optional<double> min_cost_within = 90;  // % of queries with total cost within ±5%
  std::optional<double> max_median_qerror = 1.05;
  std::optional<double> max_planning_ratio = 1.0;  // median dbopt/PG planning time
  std::optional<double> max_process_ms = 20;       // median whole `dbopt explain` process
};

// The median (mean of the middle two for an even count); nullopt when empty.
inline std::optional<double> Median(std::vector<double> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  const size_t mid = v.size() / 2;
  return v.size() % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

// The nearest-rank percentile p (0..100); nullopt when empty.
inline std::optional<double> Percentile(std::vector<double> v, double p) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  const double rank = std::ceil(p / 100.0 * double(v.size()));
  return v[static_cast<size_t>(std::clamp(rank, 1.0, double(v.size()))) - 1];
}

inline RunSummary Summarize(std::string label, const std::vector<QueryComparison>& queries) {
  RunSummary s;
  s.label = std::move(label);
  s.queries = queries.size();
  std::vector<double> root, nodes, ratios;
  for (const QueryComparison& q : queries) {
    if (!q.planned) continue;
    ++s.planned;
    s.shape_identical += q.shape_identical;
    s.join_order_access += q.join_order_access_match;
    s.cost_within += q.cost_within;
    root.push_back(q.root_qerror);
    nodes.insert(nodes.end(), q.node_qerrors.begin(), q.node_qerrors.end());
    if (std::optional<double> r = q.PlanningRatio()) {
      ratios.push_back(*r);
      ++s.timed;
      s.dbopt_not_slower += *q.dbopt_planning_ms <= *q.pg_planning_ms;
      s.pg_planning_total_ms += *q.pg_planning_ms;
      s.dbopt_planning_total_ms += *q.dbopt_planning_ms;
    }
  }
  s.median_root_qerror = Median(root);
  s.p90_root_qerror = Percentile(root, 90);
  s.matched_nodes = nodes.size();
  s.median_node_qerror = Median(nodes);
  s.p90_node_qerror = Percentile(nodes, 90);
  s.median_planning_ratio = Median(ratios);
  return s;
}

// One message per figure that misses its threshold; a figure that cannot be computed (nothing
// planned, nothing timed) misses any threshold set on it.
inline std::vector<std::string> Violations(const RunSummary& s, const Thresholds& t) {
  std::vector<std::string> out;
  auto at_least = [&out](const char* what, double value, std::optional<double> floor) {
    if (floor && !(value >= *floor - 1e-9))
      out.push_back(fmt::format("{} {:.1f}% < {:g}%", what, value, *floor));
  };
  auto at_most = [&out](const char* what, std::optional<double> value, std::optional<double> cap) {
    if (!cap) return;
    if (!value) {
      out.push_back(fmt::format("{} n/a (limit {:g})", what, *cap));
    } else if (*value > *cap + 1e-9) {
      out.push_back(fmt::format("{} {:.3f} > {:g}", what, *value, *cap));
    }
  };
  at_least("planned", s.Percent(s.planned), t.min_planned);
  at_least("identical shape", s.Percent(s.shape_identical), t.min_shape);
  at_least("join order+access", s.Percent(s.join_order_access), t.min_join_order);
  at_least("cost within ±5%", s.Percent(s.cost_within), t.min_cost_within);
  at_most("median root q-error", s.median_root_qerror, t.max_median_qerror);
  at_most("median planning-time ratio", s.median_planning_ratio, t.max_planning_ratio);
  return out;
}

inline std::string Fixed(std::optional<double> v, int decimals) {
  return v ? fmt::format("{:.{}f}", *v, decimals) : std::string("n/a");
}

// Worst first: not planned, then shape differs, then cost outside ±5%, then by root q-error.
inline std::vector<QueryComparison> WorstFirst(std::vector<QueryComparison> queries) {
  auto key = [](const QueryComparison& q) {
    return std::make_tuple(!q.planned, !q.shape_identical, !q.cost_within,
                           q.planned ? q.root_qerror : 0.0);
  };
  std::stable_sort(queries.begin(), queries.end(),
                   [&key](const QueryComparison& a, const QueryComparison& b) {
                     return key(a) > key(b) || (key(a) == key(b) && a.name < b.name);
                   });
  return queries;
}

inline void PrintTable(std::FILE* out, const std::vector<QueryComparison>& queries) {
  fmt::print(out, "{:<40} {:<5} {:<5} {:<5} {:>12} {:>17} {:>7} {:>15}  {}\n", "query", "plan",
             "shape", "j+a", "cost db/pg", "rows pg/db", "q-err", "plan ms pg/db",
             "first difference / why not planned");
  for (const QueryComparison& q : WorstFirst(queries)) {
    auto yes_no = [&q](bool b) { return q.planned ? (b ? "yes" : "NO") : "-"; };
    const std::string cost = q.planned
                                 ? fmt::format("{:.3f}{}", q.CostRatio(), q.cost_within ? "" : "*")
                                 : std::string("-");
    const std::string rows = q.planned ? fmt::format("{:.0f}/{:.0f}", q.pg_rows, q.dbopt_rows)
                                       : fmt::format("{:.0f}/-", q.pg_rows);
    const std::string times = fmt::format("{}/{}", Fixed(q.pg_planning_ms, 3),
                                          q.planned ? Fixed(q.dbopt_planning_ms, 3) : "-");
    std::string note = q.note;
    if (note.size() > 160) note = note.substr(0, 157) + "...";
    fmt::print(out, "{:<40} {:<5} {:<5} {:<5} {:>12} {:>17} {:>7} {:>15}  {}\n", q.name,
               q.planned ? "yes" : "NO", yes_no(q.shape_identical),
               yes_no(q.join_order_access_match), cost, rows,
               q.planned ? fmt::format("{:.3f}", q.root_qerror) : "-", times, note);
  }
  fmt::print(out, "(* cost outside ±5%; j+a: same join order and access methods)\n");
}

inline std::string SummaryLine(const RunSummary& s) {
  return fmt::format(
      "explain-agreement [{}]: {} queries; planned {} ({:.1f}%); identical shape {} ({:.1f}%); "
      "join order+access {} ({:.1f}%); cost within ±5% {} ({:.1f}%); root q-error median {} "
      "p90 {}; node q-error median {} p90 {} over {} nodes; planning time dbopt/PG median {} "
      "(dbopt <= PG in {} of {}; totals {:.1f}/{:.1f} ms)",
      s.label, s.queries, s.planned, s.Percent(s.planned), s.shape_identical,
      s.Percent(s.shape_identical), s.join_order_access, s.Percent(s.join_order_access),
      s.cost_within, s.Percent(s.cost_within), Fixed(s.median_root_qerror, 3),
      Fixed(s.p90_root_qerror, 3), Fixed(s.median_node_qerror, 3), Fixed(s.p90_node_qerror, 3),
      s.matched_nodes, Fixed(s.median_planning_ratio, 3), s.dbopt_not_slower, s.timed,
      s.dbopt_planning_total_ms, s.pg_planning_total_ms);
}

}  // namespace dbopt::bench
