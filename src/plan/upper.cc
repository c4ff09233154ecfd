// The upper planner; see upper.h.
#include "upper.h"

#include <algorithm>
#include <cmath>

#include "add_path.h"
#include "agg_costs.h"
#include "costing.h"
#include "dbopt/cost/agg_cost.h"
#include "equivalence.h"
#include "parallel_paths.h"

namespace dbopt::plan {
namespace {

using bind::SortGroupClause;

PathKeys PathKeysFor(PlannerInfo& root, const std::vector<SortGroupClause>& clauses) {
  PathKeys keys;
  for (const SortGroupClause& sgc : clauses) {
    const bind::TargetEntry* te = root.query->FindSortGroupTarget(sgc.tle_ref);
    if (te == nullptr) continue;
    const int ec = GetEquivalenceClass(root, *te->expr);
    if (root.ecs[ec].has_const) continue;  // sorting by a constant is a no-op
    PathKey key;
    key.ec = ec;
    key.descending = sgc.descending;
    key.nulls_first = sgc.nulls_first;
    bool dup = false;
    for (const PathKey& k : keys) dup = dup || k.ec == ec;
    if (!dup) keys.push_back(key);
  }
  return keys;
}

Path* SortPath(PlannerInfo& root, RelOptInfo& rel, Path* input, const PathKeys& keys,
               double limit_tuples) {
  Path* sort = root.NewPath();
  sort->kind = PathKind::kSort;
  sort->parent = &rel;
  sort->subpath = input;
  sort->pathkeys = keys;
  sort->rows = input->rows;
  CostSort(root, *sort, *input, limit_tuples);
  return sort;
}

// A constant LIMIT/OFFSET value, or -1 when absent or not a constant.
double ConstantValue(const bind::BoundExpr* expr) {
  if (expr == nullptr || expr->kind != bind::BoundKind::kConst || expr->is_null) return -1;
  return std::atof(expr->value.c_str());
}

// Width of the grouped output: Vars keep their column's width, other expressions their type's
// average width (set_pathtarget_cost_width).
int TargetWidth(const PlannerInfo& root, const std::vector<bind::TargetEntry>& targets) {
  int width = 0;
  for (const bind::TargetEntry& te : targets) {
    const bind::BoundExpr& e = *te.expr;
    if (e.kind == bind::BoundKind::kVar && e.levelsup == 0 && e.attno > 0 &&
        root.simple_rels[e.varno] != nullptr) {
      width += root.simple_rels[e.varno]->attr_widths[e.attno];
    } else {
      width += bind::TypeAverageWidth(e.type);
    }
  }
  return width;
}

Path* AggPath(PlannerInfo& root, RelOptInfo& rel, Path* input, AggStrategy strategy,
              const AggregateInfo& agg_costs, int group_cols, double groups, const PathKeys& keys,
              AggSplitMode split = AggSplitMode::kSimple) {
  Path* agg = root.NewPath();
  agg->kind = PathKind::kAgg;
  agg->parent = &rel;
  agg->subpath = input;
  agg->agg_strategy = strategy;
  agg->agg_split = split;
  if (split == AggSplitMode::kPartial) {
    agg->parallel_workers = input->parallel_workers;
    agg->parallel_safe = true;
  }
  agg->num_groups = groups;
  agg->pathkeys = strategy == AggStrategy::kSorted ? keys : PathKeys{};
  CostAgg(root, *agg, *input, agg_costs, group_cols, groups);
  return agg;
}

// The width of a partial aggregation's output: the group columns, and per aggregate its
// transition state as it crosses the Gather (int8 8 bytes; numeric, arrays and serialized
// internal states 32, get_typavgwidth of bytea/arrays).
int PartialTargetWidth(const PlannerInfo& root, const std::vector<const bind::BoundExpr*>& groups,
                       const std::vector<const bind::BoundExpr*>& agg_exprs) {
  int width = 0;
  for (const bind::BoundExpr* g : groups) {
    if (g->kind == bind::BoundKind::kVar && g->levelsup == 0 && g->attno > 0 &&
        root.simple_rels[g->varno] != nullptr) {
      width += root.simple_rels[g->varno]->attr_widths[g->attno];
    } else {
      width += bind::TypeAverageWidth(g->type);
    }
  }
  std::vector<const bind::BoundExpr*> seen;
  for (const bind::BoundExpr* e : agg_exprs) {
    bind::Walk(*e, [&](const bind::BoundExpr& node) {
      if (node.kind != bind::BoundKind::kAggref) return;
      for (const bind::BoundExpr* s : seen) {
        if (bind::Equal(*s, node)) return;
      }
      seen.push_back(&node);
      const bool int8_state = node.name == "count" ||
                              (node.name == "sum" && !node.args.empty() &&
                               (node.args[0]->type.id == bind::TypeId::kInt4 ||
                                node.args[0]->type.id == bind::TypeId::kInt2));
      width += int8_state ? 8 : 32;
    });
  }
  return width;
}

// create_partial_grouping_paths + gather_grouping_paths: aggregate each worker's rows
// (Partial HashAggregate / Partial GroupAggregate / Partial Aggregate), collect them with a Gather
// or a Gather Merge, and finish with a Finalize aggregate over the gathered partial results.
void AddParallelGroupingPaths(PlannerInfo& root, RelOptInfo& input, RelOptInfo& grouped,
                              const std::vector<const bind::BoundExpr*>& group_exprs,
                              const std::vector<const bind::BoundExpr*>& agg_exprs,
                              const PathKeys& keys, double groups, bool hashable) {
  if (input.partial_pathlist.empty()) return;
  const AggregateInfo partial_costs =
      AggregateCosts(root.params, agg_exprs, AggPhase::kPartial, nullptr);
  if (!partial_costs.partial_ok) return;
  const AggregateInfo final_costs =
      AggregateCosts(root.params, agg_exprs, AggPhase::kFinalize, nullptr);
  const int ncols = static_cast<int>(group_exprs.size());
  Path* cheapest_partial = input.partial_pathlist.front();
  RelOptInfo* partial = root.NewRel();
  partial->kind = RelKind::kUpper;
  partial->relids = input.relids;
  partial->width = PartialTargetWidth(root, group_exprs, agg_exprs);
  const double partial_groups =
      group_exprs.empty() ? 1
                          : stats::EstimateNumGroups(root.estimation, group_exprs,
                                                     cheapest_partial->rows);
  partial->rows = partial_groups;
  if (group_exprs.empty()) {
    AddPartialPath(*partial, AggPath(root, *partial, cheapest_partial, AggStrategy::kPlain,
                                     partial_costs, 0, 1, {}, AggSplitMode::kPartial));
  } else {
    for (Path* path : input.partial_pathlist) {
      const bool sorted = PathKeysContain(path->pathkeys, keys);
      if (!sorted && path != cheapest_partial) continue;
      Path* in = path;
      if (!sorted) {
        in = SortPath(root, input, path, keys, -1);
        in->parallel_workers = path->parallel_workers;
        in->parallel_safe = true;
      }
      AddPartialPath(*partial, AggPath(root, *partial, in, AggStrategy::kSorted, partial_costs,
                                       ncols, partial_groups, keys, AggSplitMode::kPartial));
    }
    if (hashable) {
      AddPartialPath(*partial,
                     AggPath(root, *partial, cheapest_partial, AggStrategy::kHashed, partial_costs,
                             ncols, partial_groups, {}, AggSplitMode::kPartial));
    }
  }
  // gather_grouping_paths: Gather / Gather Merge over the partial results (their rows are the
  // partial groups of every worker).
  AddGatherPaths(root, *partial, true);
  Path* best_partial = partial->partial_pathlist.front();
  if (!keys.empty() && !PathKeysContain(best_partial->pathkeys, keys)) {
    Path* sort = SortPath(root, *partial, best_partial, keys, -1);
    sort->parallel_workers = best_partial->parallel_workers;
    AddPath(*partial, MakeGatherMergePath(root, *partial, sort,
                                          best_partial->rows * best_partial->parallel_workers));
  }
  SetCheapest(*partial);
  // Finalize over the gathered paths.
  if (group_exprs.empty()) {
    AddPath(grouped, AggPath(root, grouped, partial->cheapest_total, AggStrategy::kPlain,
                             final_costs, 0, 1, {}, AggSplitMode::kFinalize));
    return;
  }
  for (Path* path : partial->pathlist) {
    const bool sorted = PathKeysContain(path->pathkeys, keys);
    if (!sorted && path != partial->cheapest_total) continue;
    Path* in = sorted ? path : SortPath(root, *partial, path, keys, -1);
    AddPath(grouped, AggPath(root, grouped, in, AggStrategy::kSorted, final_costs, ncols, groups,
                             keys, AggSplitMode::kFinalize));
  }
  if (hashable) {
    AddPath(grouped, AggPath(root, grouped, partial->cheapest_total, AggStrategy::kHashed,
                             final_costs, ncols, groups, {}, AggSplitMode::kFinalize));
  }
}

// create_grouping_paths: a plain Aggregate without GROUP BY; otherwise GroupAggregate over each
// path already sorted by the group keys and over a Sort of the cheapest one, and a
// HashAggregate over the cheapest path.
Result<RelOptInfo*> PlanGrouping(PlannerInfo& root, RelOptInfo& input) {
  const bind::Query& q = *root.query;
  RelOptInfo* grouped = root.NewRel();
  grouped->kind = RelKind::kUpper;
  grouped->relids = input.relids;
  grouped->width = TargetWidth(root, q.targets);
  std::vector<const bind::BoundExpr*> agg_exprs;
  for (const bind::TargetEntry& te : q.targets) agg_exprs.push_back(te.expr.get());
  if (q.having) agg_exprs.push_back(q.having.get());
  std::vector<std::string> unknown;
  const AggregateInfo agg_costs = AggregateCosts(root.params, agg_exprs, AggPhase::kSimple, &unknown);
  for (const std::string& name : unknown) {
    root.estimation.warnings.push_back("aggregate " + name + "() costed like sum()");
  }
  Path* cheapest = input.cheapest_total;
  if (q.group_by.empty()) {
    grouped->rows = 1;
    AddPath(*grouped, AggPath(root, *grouped, cheapest, AggStrategy::kPlain, agg_costs, 0, 1, {}));
    AddParallelGroupingPaths(root, input, *grouped, {}, agg_exprs, {}, 1, false);
    SetCheapest(*grouped);
    return grouped;
  }
  std::vector<const bind::BoundExpr*> group_exprs;
  for (const SortGroupClause& sgc : q.group_by) {
    if (const bind::TargetEntry* te = q.FindSortGroupTarget(sgc.tle_ref)) {
      group_exprs.push_back(te->expr.get());
    }
  }
  const double groups = stats::EstimateNumGroups(root.estimation, group_exprs, cheapest->rows);
  grouped->rows = groups;
  const PathKeys keys = PathKeysFor(root, q.group_by);
  const int ncols = static_cast<int>(group_exprs.size());
  for (Path* path : input.pathlist) {
    if (!path->required_outer.IsEmpty()) continue;
    const bool sorted = PathKeysContain(path->pathkeys, keys);
    if (!sorted && path != cheapest) continue;
    Path* in = sorted ? path : SortPath(root, input, path, keys, -1);
    AddPath(*grouped,
            AggPath(root, *grouped, in, AggStrategy::kSorted, agg_costs, ncols, groups, keys));
  }
  bool hashable = true;
  for (const SortGroupClause& sgc : q.group_by) hashable = hashable && sgc.hashable;
  if (hashable) {
    AddPath(*grouped,
            AggPath(root, *grouped, cheapest, AggStrategy::kHashed, agg_costs, ncols, groups, {}));
  }
  AddParallelGroupingPaths(root, input, *grouped, group_exprs, agg_exprs, keys, groups, hashable);
  SetCheapest(*grouped);
  return grouped;
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
  std::stable_sort(active.begin(), active.end(),
                   [](const bind::WindowClause* a, const bind::WindowClause* b) {
                     return a->partition.size() + a->order.size() >
                            b->partition.size() + b->order.size();
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
      const double fraction =
          root.tuple_fraction >= 1 ? root.tuple_fraction / std::max(path->rows, 1.0)
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
