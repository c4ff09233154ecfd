// Semi joins run as inner joins over a unique-ified side (PostgreSQL's compute_semijoin_info,
// create_unique_path and reduce_unique_semijoins): `x IN (SELECT y ...)` can join x's rel to the
// distinct values of y, with either side outer, and join the subquery's rels to other rels
// before the semi join's left side is complete.
#pragma once

#include "planner_info.h"

namespace dbopt::plan {

// compute_semijoin_info: when every clause of the semi join `sj` that mentions both sides is
// an equality with the right side's Vars on one side only, records those right-side
// expressions (sj.semi_rhs_exprs) and that the right side can be unique-ified by sorting or
// hashing (semi_can_hash needs enable_hashagg). Clauses of one side only are ignored.
void ComputeSemiJoinInfo(const cost::CostParams& params, SpecialJoinInfo& sj,
                         const std::vector<const BoundExpr*>& quals);

// relation_has_unique_index_for: rel is a base table with a unique index each of whose key
// columns is among `exprs` or equated to a constant by a restriction clause, so rows are unique
// on `exprs`.
bool HasUniqueIndexFor(const RelOptInfo& rel, const std::vector<const BoundExpr*>& exprs);

// innerrel_is_unique for a base rel: the inner-side expressions of the mergejoinable clauses in
// `restrict` (one side within inner, the other not touching it) prove the inner unique.
bool InnerIsUnique(const RelOptInfo& inner, const std::vector<const RestrictInfo*>& restrict);

// create_unique_path: rel (exactly sj's right side) made unique on sj.semi_rhs_exprs — a
// no-op when a unique index already proves it, else HashAggregate or Sort + Unique, whichever
// costs less (hashing only when the groups fit in hash_mem). Computed once per rel; null when
// the semi join cannot be unique-ified.
Path* CreateUniquePath(PlannerInfo& root, RelOptInfo& rel, SpecialJoinInfo& sj);

// reduce_unique_semijoins: a semi join whose right side is one base rel that the join clauses
// already prove unique is a plain inner join; its SpecialJoinInfo is dropped.
void ReduceUniqueSemiJoins(PlannerInfo& root);

}  // namespace dbopt::plan
