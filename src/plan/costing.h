// The planner's bridge to the cost module: each function reads what PostgreSQL's cost function
// would read from the planner's structures (rel sizes, clause costs and selectivities, settings),
// calls the pure formula in dbopt::cost, and stores startup/total cost (and rows) in the path.
#pragma once

#include "planner_info.h"

namespace dbopt::plan {

// cost_qual_eval for one clause, cached in the RestrictInfo.
void SetClauseCost(const PlannerInfo& root, RestrictInfo& rinfo);
cost::QualCost QualsCost(const std::vector<const RestrictInfo*>& quals);
cost::QualCost QualsCost(const std::vector<RestrictInfo*>& quals);

// Restriction selectivity of clauses on one base rel (cached per clause where possible).
double RestrictionSelectivity(const PlannerInfo& root,
                              const std::vector<const RestrictInfo*>& quals, int rtindex);

// set_baserel_size_estimates: rows = clamp(tuples * sel(baserestrictinfo)); also widths.
void SetBaseRelSize(PlannerInfo& root, RelOptInfo& rel);

// set_joinrel_size_estimates: rows of outer ⋈ inner under `sj` with the join's clauses.
double JoinRelRows(PlannerInfo& root, const RelOptInfo& outer, const RelOptInfo& inner,
                   const SpecialJoinInfo* sj, const std::vector<const RestrictInfo*>& clauses);

void CostSeqScan(const PlannerInfo& root, Path& path);
void CostIndexScan(const PlannerInfo& root, Path& path, double loop_count);
// A bitmap heap scan over path.bitmap_children[0] (an index leaf or an And/Or tree).
void CostBitmapHeapScan(const PlannerInfo& root, Path& path, double loop_count);
// compute_bitmap_pages for one loop: the heap pages a (non-parameterized) bitmap heap scan reads.
double BitmapHeapPagesFetched(const PlannerInfo& root, const Path& path);
void CostBitmapAndOr(const PlannerInfo& root, Path& path);

void CostSort(const PlannerInfo& root, Path& path, const Path& input, double limit_tuples);
void CostMaterial(const PlannerInfo& root, Path& path, const Path& input);

// pair_clauses: all clauses between the two inputs, when path.join_restrict lacks those its
// parameterized inner enforces (for the semi/anti-join factors).
void CostNestLoop(PlannerInfo& root, Path& path, const SpecialJoinInfo* sj,
                  const std::vector<const RestrictInfo*>* pair_clauses = nullptr);
void CostHashJoin(PlannerInfo& root, Path& path, const SpecialJoinInfo* sj);
void CostMergeJoin(PlannerInfo& root, Path& path, const SpecialJoinInfo* sj);

}  // namespace dbopt::plan

namespace dbopt::plan {
// adjust_limit_rows_costs: OFFSET skips, LIMIT truncates; non-constant values count as 10%.
// cost_agg (+ HAVING): `groups` output rows; the path's agg_strategy says which kind.
void CostAgg(const PlannerInfo& root, Path& path, const Path& input,
             const struct AggregateInfo& aggs, int group_cols, double groups);
void CostLimit(const PlannerInfo& root, Path& path, const Path& input, bool has_count,
               bool has_offset);
}  // namespace dbopt::plan
