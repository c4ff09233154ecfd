// Pieces the upper planner's steps share; see upper_common.h.
#include "upper_common.h"

#include "costing.h"
#include "dbopt/bind/pg_type.h"
#include "equivalence.h"

namespace dbopt::plan {

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
              AggSplitMode split) {
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

}  // namespace dbopt::plan
