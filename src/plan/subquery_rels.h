// Subqueries in FROM that flattening could not merge (they aggregate, sort, limit, ...): each is
// planned as its own query level and scanned through a SubqueryScan (PostgreSQL's allpaths.c
// set_subquery_pathlist, cost_subqueryscan). PostgreSQL 15 removes a SubqueryScan without
// quals from the final plan (setrefs.c trivial_subqueryscan); so does create_plan.
#pragma once

#include "dbopt/base/result.h"
#include "planner_info.h"
#include "subplans.h"

namespace dbopt::plan {

// Creates the rels of every subquery RTE in the join tree, planning each subquery with
// plan_level; their single path is a SubqueryScan over that plan.
Status BuildSubqueryRels(PlannerInfo& root, const LevelPlanner& plan_level);

// The SubqueryScan path of a subquery rel, once its restriction clauses are known.
void AddSubqueryScanPath(PlannerInfo& root, RelOptInfo& rel);

}  // namespace dbopt::plan
