// Join paths between two rels (PostgreSQL's joinpath.c add_paths_to_joinrel): merge joins with
// explicit sorts, nested loops over the cheapest inner (plain or materialized) or over a
// parameterized inner index scan, and hash joins on hashable clauses.
#pragma once

#include "planner_info.h"

namespace dbopt::plan {

// How a semi join's inputs are joined (PostgreSQL's JOIN_UNIQUE_INNER / JOIN_UNIQUE_OUTER): as
// a semi join, or as an inner join with the semi join's right side — `inner` or `outer`
// respectively, whose cheapest_unique path must exist — made unique first.
enum class SemiUnique { kNone, kInner, kOuter };

// Adds outer ⋈ inner paths to joinrel. `sj` is the outer join this join completes (null for an
// inner join). When `set_size` is true the join rel's row estimate is computed from this pair
// (PostgreSQL sizes a join rel once, from the first pair that forms it). `swapped`: outer is
// the outer join's nullable side (a LEFT join run as RIGHT, or a FULL join the other way round).
// `unique`: a semi join `sj` run as an inner join over its unique-ified right side.
void AddJoinPaths(PlannerInfo& root, RelOptInfo& joinrel, RelOptInfo& outer, RelOptInfo& inner,
                  const SpecialJoinInfo* sj, bool set_size, bool swapped = false,
                  SemiUnique unique = SemiUnique::kNone);

}  // namespace dbopt::plan
