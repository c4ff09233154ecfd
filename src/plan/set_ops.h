// UNION / INTERSECT / EXCEPT (PostgreSQL's prepunion.c plan_set_operations): each leaf query is
// planned on its own and scanned as a subquery; UNION ALL appends the leaves (nested UNION ALLs
// flattened into one Append); UNION removes duplicates with a HashAggregate or Sort + Unique,
// whichever is cheaper; INTERSECT and EXCEPT append both inputs, tagged with a flag column, and
// count them in a SetOp (hashed or sorted).
#pragma once

#include "dbopt/base/result.h"
#include "planner_info.h"
#include "subplans.h"

namespace dbopt::plan {

// The rel producing the set operation's rows, with its paths.
Result<RelOptInfo*> PlanSetOperations(PlannerInfo& root, const LevelPlanner& plan_level);

}  // namespace dbopt::plan
