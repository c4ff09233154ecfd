// WITH queries that are not inlined (referenced more than once, MATERIALIZED, or with side
// effects): each is planned once as an InitPlan named "CTE name" (PostgreSQL's subselect.c
// SS_process_ctes) and read by CTE Scans (cost_ctescan).
#pragma once

#include "dbopt/base/result.h"
#include "planner_info.h"
#include "subplans.h"

namespace dbopt::plan {

// Plans the CTEs the query still references and creates a rel with a CTE Scan path for every
// CTE reference in the join tree.
Status BuildCteRels(PlannerInfo& root, const LevelPlanner& plan_level);

// The CTE Scan path of a CTE rel, once its restriction clauses are known.
void AddCteScanPath(PlannerInfo& root, RelOptInfo& rel);

}  // namespace dbopt::plan
