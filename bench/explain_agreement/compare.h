// The comparison of one query's plans: PostgreSQL's EXPLAIN (the reference) against dbopt's.
//
//   planned          dbopt produced a parseable EXPLAIN JSON document
//   shape identical  the pre-order sequences of (depth, shape keys) are equal (plan_shape.h)
//   join order+access  JoinOrderAndAccess() strings are equal (looser: join methods may differ)
//   cost ratio       dbopt root "Total Cost" / PostgreSQL's; within ±5% when
//                    |dbopt - pg| <= 0.05·pg + 0.005 (the 0.005 absorbs %.2f rounding at 0)
//   root q-error     max(a/b, b/a) of the root "Plan Rows", each clamped to at least 1
//                    (ModifyTable without RETURNING shows 0 rows)
//   node q-errors    the same for every node pair of a shape-identical plan
//   planning ratio   dbopt "Planning Time" / PostgreSQL's, when both are present and PG's > 0
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "plan_shape.h"

namespace dbopt::bench {

inline constexpr double kCostTolerance = 0.05;  // the issue's ±5%
inline constexpr double kCostRounding = 0.005;  // EXPLAIN prints costs with %.2f

struct QueryComparison {
  std::string name;
  bool planned = false;
  std::string note;  // why dbopt did not plan it, or the first differing node
  bool shape_identical = false;
  bool join_order_access_match = false;
  double pg_cost = 0;
  double dbopt_cost = 0;
  bool cost_within = false;
  double pg_rows = 0;
  double dbopt_rows = 0;
  double root_qerror = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> node_qerrors;  // only for shape-identical plans
  std::optional<double> pg_planning_ms;
  std::optional<double> dbopt_planning_ms;

  double CostRatio() const {
    return planned && pg_cost > 0 ? dbopt_cost / pg_cost : std::numeric_limits<double>::quiet_NaN();
  }
  std::optional<double> PlanningRatio() const {
    if (!planned || !pg_planning_ms || !dbopt_planning_ms || *pg_planning_ms <= 0) {
      return std::nullopt;
    }
    return *dbopt_planning_ms / *pg_planning_ms;
  }
};

// max(a/b, b/a) with both clamped to at least 1 row.
inline double QError(double a, double b) {
  a = std::max(a, 1.0);
  b = std::max(b, 1.0);
  return std::max(a / b, b / a);
}

inline bool CostWithin(double dbopt_cost, double pg_cost) {
  return std::abs(dbopt_cost - pg_cost) <= kCostTolerance * std::abs(pg_cost) + kCostRounding;
}

// "#3 (depth 2): pg Index Scan (...) vs dbopt Seq Scan (...)", or "" when the shapes agree.
inline std::string FirstDifference(const std::vector<ShapeNode>& pg,
                                   const std::vector<ShapeNode>& dbopt) {
  const size_t common = std::min(pg.size(), dbopt.size());
  for (size_t i = 0; i < common; ++i) {
    if (pg[i].SameShape(dbopt[i])) continue;
    const std::string depth = pg[i].depth == dbopt[i].depth
                                  ? fmt::format("depth {}", pg[i].depth)
                                  : fmt::format("depth {} vs {}", pg[i].depth, dbopt[i].depth);
    return fmt::format("node #{} ({}): pg {} | dbopt {}", i, depth, pg[i].Label(),
                       dbopt[i].Label());
  }
  if (pg.size() > common)
    return fmt::format("node #{}: pg {} | dbopt -", common, pg[common].Label());
  if (dbopt.size() > common) {
    return fmt::format("node #{}: pg - | dbopt {}", common, dbopt[common].Label());
  }
  return "";
}

// Compares dbopt's plan (or the reason it has none) with PostgreSQL's.
inline QueryComparison ComparePlans(std::string name, const ExplainPlan& pg,
                                    const Result<ExplainPlan>& dbopt) {
  QueryComparison c;
  c.name = std::move(name);
  c.pg_cost = pg.nodes.front().total_cost;
  c.pg_rows = pg.nodes.front().plan_rows;
  c.pg_planning_ms = pg.planning_ms;
  if (!dbopt.ok()) {
    c.note = dbopt.error().message();
    return c;
  }
  c.planned = true;
  c.dbopt_cost = dbopt->nodes.front().total_cost;
  c.dbopt_rows = dbopt->nodes.front().plan_rows;
  c.dbopt_planning_ms = dbopt->planning_ms;
  c.cost_within = CostWithin(c.dbopt_cost, c.pg_cost);
  c.root_qerror = QError(c.dbopt_rows, c.pg_rows);
  c.note = FirstDifference(pg.nodes, dbopt->nodes);
  c.shape_identical = c.note.empty();
  c.join_order_access_match = JoinOrderAndAccess(pg.plan) == JoinOrderAndAccess(dbopt->plan);
  if (c.shape_identical) {
    for (size_t i = 0; i < pg.nodes.size(); ++i) {
      c.node_qerrors.push_back(QError(dbopt->nodes[i].plan_rows, pg.nodes[i].plan_rows));
    }
  }
  return c;
}

}  // namespace dbopt::bench
