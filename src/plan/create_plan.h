// create_plan (PostgreSQL's createplan.c): turns the winning Path tree into PlanNodes with the
// quals, keys and estimates EXPLAIN prints. Nothing is re-estimated here.
#pragma once

#include <memory>

#include "planner_info.h"

namespace dbopt::plan {

std::unique_ptr<PlanNode> CreatePlan(PlannerInfo& root, const Path& path);

// order_qual_clauses: cheaper clauses first (by per-tuple evaluation cost), stable otherwise.
std::vector<const RestrictInfo*> OrderQuals(std::vector<const RestrictInfo*> quals);

}  // namespace dbopt::plan
