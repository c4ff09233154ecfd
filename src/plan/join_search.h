// Join order search (PostgreSQL's allpaths.c standard_join_search and joinrels.c
// join_search_one_level / make_join_rel): dynamic programming by level over the base rels,
// joining rels only when a join clause or a join-order restriction connects them, Cartesian
// products as a last resort, bushy trees included.
#pragma once

#include "dbopt/base/result.h"
#include "planner_info.h"

namespace dbopt::plan {

// The rel for all base rels of the query level, with its paths; an error when the join tree
// cannot be planned.
Result<RelOptInfo*> SearchJoinOrder(PlannerInfo& root);

}  // namespace dbopt::plan
