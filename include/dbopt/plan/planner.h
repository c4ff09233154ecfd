// Planning a bound statement the way PostgreSQL 15 would (planner.c standard_planner): settings
// and what-ifs come in PlannerOptions; the result is a PlannedStatement for the render module.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/bind/query.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/plan/plan_node.h"

namespace dbopt::plan {

struct PlannerOptions {
  // Planner settings applied over the catalog's (`--set work_mem=64MB`), by name.
  std::map<std::string, std::string> settings;
  // Collect the alternatives each choice beat (PlanNode::why).
  bool collect_why = false;
};

// Plans one bound statement. The catalog must be the one the Query was bound against.
Result<PlannedStatement> PlanQuery(const catalog::Catalog& catalog, const bind::Query& query,
                                   const PlannerOptions& options);

}  // namespace dbopt::plan
