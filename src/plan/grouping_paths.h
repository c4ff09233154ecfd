// GROUP BY and aggregates (PostgreSQL's planner.c create_grouping_paths): plain, sorted and
// hashed aggregation, and the parallel form (Partial aggregates under a Gather or Gather Merge,
// then a Finalize aggregate).
#pragma once

#include "dbopt/base/result.h"
#include "planner_info.h"

namespace dbopt::plan {

// The grouped rel over `input` (the scan/join rel), with its paths.
Result<RelOptInfo*> PlanGrouping(PlannerInfo& root, RelOptInfo& input);

}  // namespace dbopt::plan
