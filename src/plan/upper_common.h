// Pieces the upper planner's steps (grouping, windows, DISTINCT, ORDER BY) share: sort orders
// for clause lists, Sort and Agg paths, and the width of a target list.
#pragma once

#include <vector>

#include "agg_costs.h"
#include "planner_info.h"

namespace dbopt::plan {

// The pathkeys of ORDER BY / GROUP BY / DISTINCT items (make_pathkeys_for_sortclauses):
// constants and repeated classes dropped.
PathKeys PathKeysFor(PlannerInfo& root, const std::vector<bind::SortGroupClause>& clauses);

// A Sort of input by keys (cost_sort; limit_tuples < 0: no bound).
Path* SortPath(PlannerInfo& root, RelOptInfo& rel, Path* input, const PathKeys& keys,
               double limit_tuples);

// set_pathtarget_cost_width: Vars keep their column's width, other expressions their type's.
int TargetWidth(const PlannerInfo& root, const std::vector<bind::TargetEntry>& targets);

// An Agg path over input (cost_agg).
Path* AggPath(PlannerInfo& root, RelOptInfo& rel, Path* input, AggStrategy strategy,
              const AggregateInfo& agg_costs, int group_cols, double groups, const PathKeys& keys,
              AggSplitMode split = AggSplitMode::kSimple);

}  // namespace dbopt::plan
