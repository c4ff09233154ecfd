// The upper planner; see upper.h.
#include "upper.h"

#include <algorithm>
#include <cmath>

#include "add_path.h"
#include "agg_costs.h"
#include "costing.h"
#include "dbopt/cost/agg_cost.h"
#include "equivalence.h"
#include "grouping_paths.h"
#include "parallel_paths.h"
#include "upper_common.h"

namespace dbopt::plan {
namespace {

using bind::SortGroupClause;

// A constant LIMIT/OFFSET value, or -1 when absent or not a constant.
double ConstantValue(const bind::BoundExpr* expr) {
  if (expr == nullptr || expr->kind != bind::BoundKind::kConst || expr->is_null) return -1;
  return std::atof(expr->value.c_str());
}

// cost_qual_eval of the target list: one cpu_operator_cost per operator or function in each
// non-Var expression (set_pathtarget_cost_width).
cost::QualCost TargetCost(const PlannerInfo& root, const std::vector<bind::TargetEntry>& targets) {
  cost::QualCost qc;
  for (const bind::TargetEntry& te : targets) {
    RestrictInfo tmp;
    tmp.clause = te.expr.get();
    SetClauseCost(root, tmp);
    qc += tmp.eval_cost;
  }
  return qc;
}

// PG15: the width of the "ctid" junk column UPDATE and DELETE carry to find the row (tid 6).
constexpr int kCtidWidth = 6;

void ApplyFinalTarget(PlannerInfo& root, RelOptInfo& rel) {
  const std::vector<bind::TargetEntry>& targets = root.query->targets;
  switch (root.query->command) {
    case bind::CommandType::kSelect:
      rel.width = TargetWidth(root, targets);
      break;
    case bind::CommandType::kUpdate:  // the new values of the assigned columns, and ctid
      rel.width = TargetWidth(root, targets) + kCtidWidth;
      break;
    case bind::CommandType::kDelete:
      rel.width = kCtidWidth;
      break;
    case bind::CommandType::kInsert:  // the new row's columns
      rel.width = TargetWidth(root, targets);
      break;
  }
  const cost::QualCost tc = TargetCost(root, targets);
  if (tc.startup == 0 && tc.per_tuple == 0) return;
  auto charge = [&](Path* path) {
    // A Gather projects below itself: the workers evaluate the target on their rows.
    const double rows = (path->kind == PathKind::kGather || path->kind == PathKind::kGatherMerge)
                            ? path->subpath->rows
                            : path->rows;
    path->startup_cost += tc.startup;
    path->total_cost += tc.startup + tc.per_tuple * rows;
  };
  for (Path* path : rel.pathlist) charge(path);
  SetCheapest(rel);
}

// create_window_paths / create_one_window_path: for each window clause in turn, a Sort by its
// PARTITION BY and ORDER BY keys unless the input already has that order, then a WindowAgg that
// computes its window functions. PostgreSQL processes the clauses so that ones sharing a sort
// prefix come together (select_active_windows: longest sort first); clauses without window
// functions are skipped.
RelOptInfo* PlanWindows(PlannerInfo& root, RelOptInfo& input) {
  const bind::Query& q = *root.query;
  std::vector<const bind::WindowClause*> active;
  for (const bind::WindowClause& w : q.windows) {
    bool used = false;
    for (const bind::TargetEntry& te : q.targets) {
      bind::Walk(*te.expr, [&](const bind::BoundExpr& n) {
        used = used || (n.kind == bind::BoundKind::kWindowFunc && n.win_ref == w.win_ref);
      });
    }
    if (used) active.push_back(&w);
  }
  std::stable_sort(
      active.begin(), active.end(), [](const bind::WindowClause* a, const bind::WindowClause* b) {
        return a->partition.size() + a->order.size() > b->partition.size() + b->order.size();
      });
  RelOptInfo* window = root.NewRel();
  window->kind = RelKind::kUpper;
  window->relids = input.relids;
  window->rows = input.rows;
  window->width = TargetWidth(root, q.targets);
  Path* path = input.cheapest_total;
  // The final WindowAgg is evaluated last; PostgreSQL builds them innermost-first, i.e. the
  // last active clause sits at the bottom.
  for (auto it = active.rbegin(); it != active.rend(); ++it) {
    const bind::WindowClause& w = **it;
    std::vector<SortGroupClause> keys = w.partition;
    keys.insert(keys.end(), w.order.begin(), w.order.end());
    const PathKeys pathkeys = PathKeysFor(root, keys);
    if (!pathkeys.empty() && !PathKeysContain(path->pathkeys, pathkeys)) {
      path = SortPath(root, *path->parent, path, pathkeys, -1);
    }
    cost::WindowAggInput in;
    in.input = {path->startup_cost, path->total_cost};
    in.input_tuples = path->rows;
    in.num_part_cols = static_cast<int>(w.partition.size());
    in.num_order_cols = static_cast<int>(w.order.size());
    for (const bind::TargetEntry& te : q.targets) {
      bind::Walk(*te.expr, [&](const bind::BoundExpr& n) {
        if (n.kind != bind::BoundKind::kWindowFunc || n.win_ref != w.win_ref) return;
        RestrictInfo tmp;
        tmp.clause = &n;
        SetClauseCost(root, tmp);  // the function itself and its arguments
        in.window_functions.push_back(tmp.eval_cost);
      });
    }
    Path* agg = root.NewPath();
    agg->kind = PathKind::kWindowAgg;
    agg->parent = window;
    agg->subpath = path;
    agg->pathkeys = path->pathkeys;
    agg->rows = path->rows;
    agg->win_ref = w.win_ref;
    const cost::Cost c = cost::CostWindowAgg(root.params, in);
    agg->startup_cost = c.startup;
    agg->total_cost = c.total;
    path = agg;
  }
  AddPath(*window, path);
  SetCheapest(*window);
  return window;
}

// create_distinct_paths: Unique over every path already sorted by the DISTINCT keys and over a
// Sort of the cheapest path, and a HashAggregate without aggregates over the cheapest path.
RelOptInfo* PlanDistinct(PlannerInfo& root, RelOptInfo& input) {
  const bind::Query& q = *root.query;
  RelOptInfo* distinct = root.NewRel();
  distinct->kind = RelKind::kUpper;
  distinct->relids = input.relids;
  distinct->width = input.width;
  std::vector<const bind::BoundExpr*> exprs;
  for (const SortGroupClause& sgc : q.distinct) {
    if (const bind::TargetEntry* te = q.FindSortGroupTarget(sgc.tle_ref)) {
      exprs.push_back(te->expr.get());
    }
  }
  Path* cheapest = input.cheapest_total;
  const double groups = stats::EstimateNumGroups(root.estimation, exprs, cheapest->rows);
  distinct->rows = groups;
  const PathKeys keys = PathKeysFor(root, q.distinct);
  const int ncols = static_cast<int>(exprs.size());
  for (Path* path : input.pathlist) {
    if (!path->required_outer.IsEmpty()) continue;
    const bool sorted = PathKeysContain(path->pathkeys, keys);
    if (!sorted && path != cheapest) continue;
    Path* in = sorted ? path : SortPath(root, input, path, keys, -1);
    Path* unique = root.NewPath();
    unique->kind = PathKind::kUnique;
    unique->parent = distinct;
    unique->subpath = in;
    unique->pathkeys = in->pathkeys;
    unique->num_groups = groups;
    unique->for_distinct = true;
    // create_upper_unique_path: total += cpu_operator_cost · input rows · columns.
    unique->startup_cost = in->startup_cost;
    unique->total_cost = in->total_cost + root.params.cpu_operator_cost * in->rows * ncols;
    unique->rows = groups;
    AddPath(*distinct, unique);
  }
  bool hashable = true;
  for (const SortGroupClause& sgc : q.distinct) hashable = hashable && sgc.hashable;
  if (hashable) {
    Path* agg = AggPath(root, *distinct, cheapest, AggStrategy::kHashed, AggregateInfo{}, ncols,
                        groups, {});
    agg->for_distinct = true;
    AddPath(*distinct, agg);
  }
  SetCheapest(*distinct);
  return distinct;
}

}  // namespace

void SetQueryPathKeys(PlannerInfo& root) {
  const bind::Query& q = *root.query;
  if (!q.group_by.empty()) {
    root.query_pathkeys = PathKeysFor(root, q.group_by);
  } else if (!q.distinct.empty()) {
    root.query_pathkeys = PathKeysFor(root, q.distinct);
  } else {
    root.query_pathkeys = PathKeysFor(root, q.order_by);
  }
  const double count = ConstantValue(q.limit_count.get());
  const double offset = std::max(0.0, ConstantValue(q.limit_offset.get()));
  root.limit_tuples = count >= 0 ? count + offset : -1;
}

Result<Path*> PlanUpper(PlannerInfo& root, RelOptInfo& scanjoin) {
  const bind::Query& q = *root.query;
  if (q.has_distinct_on) {
    return Error::BadInput("not supported: DISTINCT ON in explain (planned in a later version)");
  }
  RelOptInfo* current = &scanjoin;
  // apply_scanjoin_target_to_paths: without grouping, the scan/join paths compute the final
  // target list themselves: their width becomes its width and they pay for its expressions.
  if (!q.has_aggs && q.group_by.empty() && !q.has_window_funcs) ApplyFinalTarget(root, scanjoin);
  // GROUP BY and aggregates.
  if (q.has_aggs || !q.group_by.empty()) {
    Result<RelOptInfo*> grouped = PlanGrouping(root, *current);
    if (!grouped.ok()) return std::move(grouped).error();
    current = *grouped;
  }
  // Window functions.
  if (q.has_window_funcs) current = PlanWindows(root, *current);
  // DISTINCT.
  if (!q.distinct.empty()) current = PlanDistinct(root, *current);
  // ORDER BY: every path already in order, and a Sort over the cheapest total path.
  const PathKeys sort_keys = PathKeysFor(root, q.order_by);
  RelOptInfo* ordered = current;
  if (!sort_keys.empty()) {
    ordered = root.NewRel();
    ordered->kind = RelKind::kUpper;
    ordered->relids = current->relids;
    ordered->rows = current->rows;
    ordered->width = current->width;
    for (Path* path : current->pathlist) {
      if (!path->required_outer.IsEmpty()) continue;
      if (PathKeysContain(path->pathkeys, sort_keys)) {
        AddPath(*ordered, path);
      } else if (path == current->cheapest_total) {
        AddPath(*ordered, SortPath(root, *ordered, path, sort_keys, root.limit_tuples));
      }
    }
    SetCheapest(*ordered);
  }
  // LIMIT/OFFSET (adjust_limit_rows_costs) over each candidate; pick by fractional cost.
  Path* best = ordered->cheapest_total;
  if (q.limit_count || q.limit_offset) {
    const double count = ConstantValue(q.limit_count.get());
    const double offset = ConstantValue(q.limit_offset.get());
    Path* best_limit = nullptr;
    for (Path* path : ordered->pathlist) {
      if (!path->required_outer.IsEmpty()) continue;
      Path* limit = root.NewPath();
      limit->kind = PathKind::kLimit;
      limit->parent = ordered;
      limit->subpath = path;
      limit->pathkeys = path->pathkeys;
      limit->limit_count = count;
      limit->limit_offset = offset;
      CostLimit(root, *limit, *path, q.limit_count != nullptr, q.limit_offset != nullptr);
      if (best_limit == nullptr || limit->total_cost < best_limit->total_cost) best_limit = limit;
    }
    best = best_limit;
  }
  // get_cheapest_fractional_path: a caller that fetches only some rows (a SubPlan for EXISTS,
  // a cursor) prefers cheap startup.
  if (root.tuple_fraction > 0 && !(q.limit_count || q.limit_offset)) {
    for (Path* path : ordered->pathlist) {
      if (!path->required_outer.IsEmpty()) continue;
      const double fraction = root.tuple_fraction >= 1
                                  ? root.tuple_fraction / std::max(path->rows, 1.0)
                                  : root.tuple_fraction;
      if (FractionalCost(*path, fraction) < FractionalCost(*best, fraction)) best = path;
    }
  }
  if (best == nullptr) return Error::Internal("no path for the query");
  // create_modifytable_path: INSERT/UPDATE/DELETE on top; it costs what its input costs and,
  // without RETURNING, returns no rows.
  if (q.command != bind::CommandType::kSelect) {
    if (!q.returning.empty()) {
      return Error::BadInput("not supported: RETURNING in explain (planned in a later version)");
    }
    RelOptInfo* modify_rel = root.NewRel();
    modify_rel->kind = RelKind::kUpper;
    modify_rel->width = 0;
    Path* modify = root.NewPath();
    modify->kind = PathKind::kModifyTable;
    modify->parent = modify_rel;
    modify->subpath = best;
    modify->startup_cost = best->startup_cost;
    modify->total_cost = best->total_cost;
    modify->rows = 0;
    best = modify;
  }
  return best;
}

}  // namespace dbopt::plan
