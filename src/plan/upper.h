// The upper planner (PostgreSQL's planner.c grouping_planner): aggregation (plain, sorted,
// hashed), ORDER BY (a Sort, or a path that is already ordered) and LIMIT/OFFSET, each step
// keeping the cheapest candidates and finally choosing by total cost or, under a LIMIT, by the
// cost of fetching the needed fraction.
#pragma once

#include "dbopt/base/result.h"
#include "planner_info.h"

namespace dbopt::plan {

// standard_qp_callback: the sort order the upper steps want from the scan/join rel.
void SetQueryPathKeys(PlannerInfo& root);

// The best final path over `scanjoin` (the rel of all base rels).
Result<Path*> PlanUpper(PlannerInfo& root, RelOptInfo& scanjoin);

}  // namespace dbopt::plan
