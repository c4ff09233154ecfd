// GROUP BY and aggregates; see grouping_paths.h.
#include "grouping_paths.h"

#include "add_path.h"
#include "agg_costs.h"
#include "dbopt/bind/pg_type.h"
#include "parallel_paths.h"
#include "upper_common.h"

namespace dbopt::plan {
namespace {

using bind::SortGroupClause;

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
      const bool int8_state =
          node.name == "count" || (node.name == "sum" && !node.args.empty() &&
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
      group_exprs.empty()
          ? 1
          : stats::EstimateNumGroups(root.estimation, group_exprs, cheapest_partial->rows);
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

}  // namespace

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
  const AggregateInfo agg_costs =
      AggregateCosts(root.params, agg_exprs, AggPhase::kSimple, &unknown);
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

}  // namespace dbopt::plan
